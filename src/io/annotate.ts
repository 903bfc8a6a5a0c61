/**
 * The annotated copy: the original package plus our parts. Every part the annotation does not
 * need stays byte for byte as it was (charts, VBA, pivot caches, defined names, printer settings,
 * custom XML, the shared strings …). The edits: flagged cells get a format with a fill (their `s`
 * attribute; new formats appended to the styles part), notes go into a comments part and its VML
 * drawing (the user's notes kept), and three sheets are added (审核报告, 审核结果, 审核图例) with
 * their print titles and filter range as defined names of their own.
 */
import type { AuditResult } from '../core/audit/audit';
import { checkName } from '../core/audit/catalogue';
import type { Finding, Severity } from '../core/audit/types';
import { parseA1 } from '../core/sheet/address';
import { editWorksheet, Restyle } from './annotate-cells';
import { chartXml, drawingXml } from './annotate-chart';
import { defineLook, legendSheet, reportSheet, resultSheet } from './annotate-content';
import { allocateBlocks, mergeCommentsXml, mergeVmlXml, newCommentsXml, newVmlXml, Note, usedShapeBlocks } from './annotate-notes';
import { quoteSheet, worksheetXml } from './annotate-sheets';
import { EMPTY_STYLESHEET, StyleSheetEditor } from './annotate-styles';
import {
  CONTENT_TYPE,
  ContentTypesEditor,
  parsing,
  readWorkbookPart,
  readXmlPart,
  REL_TYPE,
  Relationship,
  relationshipsOf,
  RelationshipsEditor,
  relsPartOf,
  typeIs,
} from './opc';
import { buildReport, SEVERITY_ORDER, SEVERITY_ZH } from './report';
import { escapeXml, XmlScanner } from './xml';
import { appendToChild, declareUtf8, relAttr, rootOf, XmlEdits } from './xml-edit';
import type { ReadOptions } from './reader';
import { ZipPackage } from './zip';

export const RESULT_SHEET = '审核结果';
export const REPORT_SHEET = '审核报告';
export const LEGEND_SHEET = '审核图例';
export const NOTE_MARK = '【评分审核】';

/** CT_Workbook's children in schema order. */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
] as const;

const worst = (fs: Finding[]): Severity => SEVERITY_ORDER.find((s) => fs.some((f) => f.severity === s))!;

function noteOf(fs: Finding[]): Note {
  const { row, col } = parseA1(fs[0].cell);
  const text = fs.map((f) => `${SEVERITY_ZH[f.severity]}（${checkName(f.code)}）：${f.message}\n依据：${f.rule}`).join('\n\n');
  return { row, col, heading: `${NOTE_MARK}${SEVERITY_ZH[worst(fs)]}`, text };
}

/** Part names not yet in the package nor taken by this copy ("xl/comments3.xml"). */
class PartNames {
  private readonly taken = new Set<string>();
  constructor(pkg: ZipPackage) {
    for (const n of pkg.names()) this.taken.add(n.toLowerCase());
  }
  next(prefix: string, extension: string): string {
    for (let i = 1; ; i++) {
      const name = `${prefix}${i}${extension}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}

/** A sheet name no sheet of the workbook has (sheet names compare without case): 审核结果, 审核结果(2) … */
function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}(${i})`;
  taken.add(name.toLowerCase());
  return name;
}

interface Output {
  pkg: ZipPackage;
  names: PartNames;
  types: ContentTypesEditor;
  /** Parts written by this copy: path → text. */
  parts: Map<string, string>;
}

/** Fills and notes on one sheet's flagged cells. */
async function annotateSheet(out: Output, part: string, byCell: Map<string, Finding[]>, styles: StyleSheetEditor, fills: Record<Severity, number>, shapeBlocks: Set<number>): Promise<void> {
  const { pkg, names, types, parts } = out;
  const source = pkg.source;
  const xml = await readXmlPart(pkg, part);
  const rels = await relationshipsOf(pkg, part);
  const relsPart = relsPartOf(part);
  const relsEditor = new RelationshipsEditor(part, pkg.has(relsPart) ? await readXmlPart(pkg, relsPart) : undefined, rels);
  const marks = new Map<number, Map<number, Restyle>>();
  const notes: Note[] = [];
  for (const fs of byCell.values()) {
    const note = noteOf(fs);
    notes.push(note);
    const fill = fills[worst(fs)];
    (marks.get(note.row) ?? marks.set(note.row, new Map()).get(note.row)!).set(note.col, (base) => styles.withFill(base, fill));
  }
  notes.sort((a, b) => a.row - b.row || a.col - b.col);

  // The VML drawing the sheet's notes are drawn in is the one its <legacyDrawing> names.
  const root = parsing(source, () => rootOf(xml, part));
  const legacy = root.children.find((c) => c.name === 'legacyDrawing');
  let legacyRel: Relationship | undefined;
  if (legacy) {
    const scan = new XmlScanner(xml, part, legacy.start);
    scan.next();
    const id = scan.attr('id');
    legacyRel = rels.find((r) => r.id === id && r.part !== undefined && pkg.has(r.part));
  }
  const commentsRel = rels.find((r) => typeIs(r, REL_TYPE.comments) && r.part !== undefined && pkg.has(r.part));
  let shapesNeeded = notes;
  if (commentsRel) {
    const commentsPart = pkg.entryName(commentsRel.part!)!;
    const existing = await readXmlPart(pkg, commentsPart);
    const merged = parsing(source, () => mergeCommentsXml(existing, commentsPart, notes));
    parts.set(commentsPart, merged.xml);
    shapesNeeded = merged.newShapes;
  } else {
    const commentsPart = names.next('xl/comments', '.xml');
    parts.set(commentsPart, newCommentsXml(notes));
    types.override(commentsPart, CONTENT_TYPE.comments);
    relsEditor.add(REL_TYPE.comments, commentsPart);
  }
  let newLegacyId: string | undefined;
  if (shapesNeeded.length > 0) {
    const blocks = allocateBlocks(shapeBlocks, shapesNeeded.length);
    if (legacyRel) {
      const vmlPart = pkg.entryName(legacyRel.part!)!;
      const vml = new TextDecoder('utf-8').decode(await pkg.bytes(vmlPart));
      parts.set(vmlPart, mergeVmlXml(vml, shapesNeeded, blocks));
    } else {
      const vmlPart = names.next('xl/drawings/vmlDrawing', '.vml');
      parts.set(vmlPart, newVmlXml(shapesNeeded, blocks));
      types.default('vml', CONTENT_TYPE.vml);
      newLegacyId = relsEditor.add(REL_TYPE.vmlDrawing, vmlPart);
    }
  }
  parts.set(part, parsing(source, () => editWorksheet(xml, part, root, marks, newLegacyId)));
  const relsXml = relsEditor.toXml();
  if (relsXml) parts.set(relsPart, relsXml);
}

/**
 * The annotated copy of a workbook (.xlsx or .xlsm bytes) for an audit of it. The input bytes are
 * only read.
 */
export async function writeAnnotatedCopy(data: ArrayBuffer | Uint8Array, result: AuditResult, options: ReadOptions = {}): Promise<Uint8Array> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const pkg = await ZipPackage.open(bytes, '工作簿', options.inflate);
  const source = pkg.source;
  const workbook = await readWorkbookPart(pkg);
  const out: Output = { pkg, names: new PartNames(pkg), types: new ContentTypesEditor(await readXmlPart(pkg, '[Content_Types].xml')), parts: new Map() };
  const workbookRelsPart = relsPartOf(workbook.part);
  const workbookRels = new RelationshipsEditor(workbook.part, pkg.has(workbookRelsPart) ? await readXmlPart(pkg, workbookRelsPart) : undefined, workbook.rels);

  const stylesRel = workbook.rels.find((r) => typeIs(r, REL_TYPE.styles) && r.part !== undefined && pkg.has(r.part));
  let stylesPart: string;
  let stylesXml: string;
  if (stylesRel) {
    stylesPart = pkg.entryName(stylesRel.part!)!;
    stylesXml = await readXmlPart(pkg, stylesPart);
  } else {
    stylesPart = out.names.next('xl/styles', '.xml');
    stylesXml = EMPTY_STYLESHEET;
    out.types.override(stylesPart, CONTENT_TYPE.styles);
    workbookRels.add(REL_TYPE.styles, stylesPart);
  }
  const styles = parsing(source, () => new StyleSheetEditor(stylesXml, stylesPart));
  const look = defineLook(styles);

  // Fills and notes, sheet by sheet.
  const bySheet = new Map<string, Map<string, Finding[]>>();
  for (const f of result.findings) {
    const cells = bySheet.get(f.sheet) ?? bySheet.set(f.sheet, new Map()).get(f.sheet)!;
    (cells.get(f.cell) ?? cells.set(f.cell, []).get(f.cell)!).push(f);
  }
  const vmlTexts: string[] = [];
  for (const name of pkg.names()) if (name.toLowerCase().endsWith('.vml')) vmlTexts.push(new TextDecoder('utf-8').decode(await pkg.bytes(name)));
  const shapeBlocks = usedShapeBlocks(vmlTexts);
  for (const entry of workbook.sheets) {
    const cells = bySheet.get(entry.name);
    if (cells && entry.part) await annotateSheet(out, entry.part, cells, styles, look.fill, shapeBlocks);
  }

  // The added sheets, after the user's.
  const report = buildReport(result);
  const taken = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
  const reportName = uniqueName(taken, REPORT_SHEET);
  const resultName = uniqueName(taken, RESULT_SHEET);
  const legendName = uniqueName(taken, LEGEND_SHEET);
  const reportContent = reportSheet(report, result.summary, reportName, look);
  const results = resultSheet(report, look);
  const added: Array<{ name: string; part: string }> = [];
  const addSheet = (name: string, part: string, xml: string) => {
    out.parts.set(part, xml);
    out.types.override(part, CONTENT_TYPE.worksheet);
    added.push({ name, part });
  };
  const sheetPart = () => out.names.next('xl/worksheets/sheet', '.xml');
  const reportPart = sheetPart();
  if (reportContent.chart) {
    const { fromRow, ...chart } = reportContent.chart;
    const spec = { ...chart, from: { col: 2, row: fromRow - chart.categories.length - 2 }, to: { col: 9, row: fromRow + Math.max(4, chart.categories.length) } };
    const drawingPart = out.names.next('xl/drawings/drawing', '.xml');
    const chartPart = out.names.next('xl/charts/chart', '.xml');
    const drawingRels = new RelationshipsEditor(drawingPart, undefined, []);
    const chartId = drawingRels.add(REL_TYPE.chart, chartPart);
    out.parts.set(chartPart, chartXml(spec));
    out.parts.set(drawingPart, drawingXml(spec, chartId));
    out.parts.set(relsPartOf(drawingPart), drawingRels.toXml()!);
    out.types.override(drawingPart, CONTENT_TYPE.drawing);
    out.types.override(chartPart, CONTENT_TYPE.chart);
    const sheetRels = new RelationshipsEditor(reportPart, undefined, []);
    reportContent.sheet.drawingRelId = sheetRels.add(REL_TYPE.drawing, drawingPart);
    out.parts.set(relsPartOf(reportPart), sheetRels.toXml()!);
  }
  addSheet(reportName, reportPart, worksheetXml(reportContent.sheet));
  addSheet(resultName, sheetPart(), worksheetXml(results.sheet));
  addSheet(legendName, sheetPart(), worksheetXml(legendSheet(look, resultName)));

  // workbook.xml: the new sheets, and their print titles and filter range as names local to them.
  const resultIndex = workbook.sheets.length + added.findIndex((a) => a.name === resultName);
  out.parts.set(
    workbook.part,
    parsing(source, () =>
      addSheetsToWorkbook(workbook.xml, workbook.part, added.map((a) => ({ name: a.name, relId: workbookRels.add(REL_TYPE.worksheet, a.part) })), [
        { name: '_xlnm._FilterDatabase', sheetIndex: resultIndex, hidden: true, ref: `${quoteSheet(resultName)}!${results.filterRange}` },
        { name: '_xlnm.Print_Titles', sheetIndex: resultIndex, ref: `${quoteSheet(resultName)}!${results.printTitles}` },
      ]),
    ),
  );
  out.parts.set(relsPartOf(workbook.part), workbookRels.toXml()!);
  const stylesOut = styles.toXml();
  if (stylesOut !== undefined) out.parts.set(stylesPart, stylesOut);
  const typesOut = out.types.toXml();
  if (typesOut !== undefined) out.parts.set('[Content_Types].xml', typesOut);

  // Untouched entries keep their compressed bytes (jszip copies them); ours are written as UTF-8.
  const zip = await pkg.zip();
  for (const [name, text] of out.parts) zip.file(pkg.entryName(name) ?? name, declareUtf8(text));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 3 } });
}

/** ".xlsm" for a macro-enabled workbook (its copy keeps the macros and the type), else ".xlsx". */
export async function copyExtension(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<'.xlsx' | '.xlsm'> {
  const pkg = await ZipPackage.open(data instanceof Uint8Array ? data : new Uint8Array(data), '工作簿', options.inflate);
  const workbook = await readWorkbookPart(pkg);
  return new ContentTypesEditor(await readXmlPart(pkg, '[Content_Types].xml')).macroEnabled(workbook.part) ? '.xlsm' : '.xlsx';
}

interface DefinedName {
  name: string;
  sheetIndex: number;
  ref: string;
  hidden?: boolean;
}

function addSheetsToWorkbook(xml: string, part: string, sheets: Array<{ name: string; relId: string }>, definedNames: DefinedName[]): string {
  const root = rootOf(xml, part);
  const p = root.prefix;
  const edits = new XmlEdits();
  const ids: number[] = [];
  const scan = new XmlScanner(xml, part);
  while (scan.next()) {
    const kind = scan.kind;
    if (kind !== 'close' && scan.name === 'sheet') ids.push(Number(scan.attr('sheetId') ?? 0));
  }
  let nextId = Math.max(0, ...ids.filter(Number.isFinite)) + 1;
  appendToChild(edits, root, WORKBOOK_ORDER, 'sheets', sheets.map((s) => `<${p}sheet name="${escapeXml(s.name)}" sheetId="${nextId++}" ${relAttr(root, 'id', s.relId)}/>`).join(''));
  const names = definedNames.map((d) => `<${p}definedName name="${d.name}" localSheetId="${d.sheetIndex}"${d.hidden ? ' hidden="1"' : ''}>${escapeXml(d.ref)}</${p}definedName>`);
  appendToChild(edits, root, WORKBOOK_ORDER, 'definedNames', names.join(''));
  return edits.apply(xml);
}
