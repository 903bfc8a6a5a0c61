/**
 * An .xlsx built from the sheet model, for inputs that are not .xlsx (.xls, .et, .docx): the
 * annotated copy of such a file is this workbook plus our notes, since the original format cannot
 * carry them. Values, formulas with their cached results, number formats, wrapped text and merges
 * are kept. Written as plain SpreadsheetML parts (xlsx-write.ts; the product carries no exceljs).
 */
import { a1 } from '../core/sheet/address';
import { Cell, isCellError, WorkbookModel } from '../core/sheet/model';
import type { ReadResult } from './read-any';
import { isDateFormat } from './xls/numfmt';
import { escapeXml } from './xml';
import { NS } from './xml-edit';
import { stylesXml, writeXlsxPackage } from './xlsx-write';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const EPOCH_1900 = 25_569;
/** Custom number formats start here (0–163 are built in). */
const FIRST_CUSTOM_FORMAT = 164;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell formats by (number format, wrap): index 0 is the default. */
class Formats {
  private readonly codes = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['0|0', 0]]);
  readonly list: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  styleOf(numFmt: string | undefined, wrap: boolean): number {
    let id = 0;
    if (numFmt && numFmt !== 'General') {
      id = this.codes.get(numFmt) ?? FIRST_CUSTOM_FORMAT + this.codes.size;
      this.codes.set(numFmt, id);
    }
    const key = `${id}|${wrap ? 1 : 0}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const alignment = wrap ? '<alignment wrapText="1" vertical="top"/>' : '';
    const applied = `${id ? ' applyNumberFormat="1"' : ''}${wrap ? ' applyAlignment="1"' : ''}`;
    this.list.push(`<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : '/>'}`);
    this.xfs.set(key, this.list.length - 1);
    return this.list.length - 1;
  }

  numFmts(): Array<[number, string]> {
    return [...this.codes].map(([code, id]) => [id, code]);
  }
}

/** One cell as SpreadsheetML; the readers turn date cells into ISO days, a date format makes them serials again. */
function cellXml(ref: string, cell: Cell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  const f = cell.formula ? `<f>${escapeXml(cell.formula)}</f>` : '';
  const v = cell.value;
  if (isCellError(v)) return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(v.error)}</v></c>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') {
    if (cell.numFmt && isDateFormat(cell.numFmt) && ISO_DAY.test(v)) {
      const serial = Date.parse(`${v}T00:00:00Z`) / MS_PER_DAY + EPOCH_1900;
      if (Number.isFinite(serial)) return `<c r="${ref}"${s}>${f}<v>${serial}</v></c>`;
    }
    if (f) return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(v)}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  }
  return f ? `<c r="${ref}"${s}>${f}</c>` : '';
}

export async function modelToXlsx(workbook: WorkbookModel): Promise<Uint8Array> {
  const formats = new Formats();
  const sheets = workbook.sheets.map((sheet) => {
    const rows: string[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      let cells = '';
      for (let c = 1; c <= sheet.colCount; c++) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        const wrap = typeof cell.value === 'string' && cell.value.includes('\n');
        cells += cellXml(a1(r, c), cell, formats.styleOf(cell.numFmt, wrap));
      }
      if (cells) rows.push(`<row r="${r}">${cells}</row>`);
    }
    const merges = sheet.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`);
    const xml = `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetData>${rows.join('')}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}</worksheet>`;
    return { name: sheet.name, xml };
  });
  return writeXlsxPackage(sheets, stylesXml(formats.list, formats.numFmts()));
}

/** The .xlsx an annotated copy is made from: the input itself when it is one, else one built from its reading. */
export async function annotationBase(bytes: Uint8Array, read: ReadResult): Promise<Uint8Array> {
  return read.format.kind === 'xlsx' ? bytes : modelToXlsx(read.workbook);
}
