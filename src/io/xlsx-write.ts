/**
 * A new .xlsx package from worksheet parts and a styles part: the few parts a workbook needs
 * (content types, relationships, workbook), written with jszip. Used for the outputs that are
 * workbooks of our own (汇总.xlsx of a batch, the copy base of an .xls/.docx input); the annotated
 * copy of an .xlsx is never rebuilt, it is the original package plus our parts (annotate.ts).
 */
import JSZip from 'jszip';
import { escapeXml } from './xml';
import { NS } from './xml-edit';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface SheetPart {
  name: string;
  /** The worksheet part's XML. */
  xml: string;
}

/** Cell formats (index 0 the default), font 0 regular, font 1 bold; `numFmts` custom formats by id (≥ 164). */
export function stylesXml(xfs: readonly string[], numFmts: ReadonlyArray<[number, string]> = []): string {
  const formats = numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
  return (
    `${XML_HEAD}<styleSheet xmlns="${NS.main}">` +
    (formats ? `<numFmts count="${numFmts.length}">${formats}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** One part of a package: its path inside the zip and its text. */
export interface PackagePart {
  path: string;
  text: string;
}

/** The parts of a package: sheets in order, the styles part, the workbook, relationships and content types. */
export function xlsxPackageParts(sheets: readonly SheetPart[], styles: string): PackagePart[] {
  const parts: PackagePart[] = [];
  const put = (path: string, text: string): void => {
    parts.push({ path, text });
  };
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, s.xml));
  put('xl/styles.xml', styles);
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS.rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${NS.rel}/styles" Target="styles.xml"/></Relationships>`,
  );
  put('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('') +
      '</Types>',
  );
  return parts;
}

/** The package zipped with jszip (in any host), every entry dated 1980 so the bytes are reproducible. */
export async function writeXlsxPackage(sheets: readonly SheetPart[], styles: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(1980, 0, 1));
  for (const part of xlsxPackageParts(sheets, styles)) zip.file(part.path, part.text, { date });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
