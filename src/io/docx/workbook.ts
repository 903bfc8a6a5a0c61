/**
 * A Word report (.docx) → the sheet model: one sheet per table, named by the caption above it
 * (表3-4 …), the caption in row 1 as a title over the table and the table from row 2, the way
 * the tables look when pasted into Excel; horizontal (gridSpan) and vertical (vMerge) merges
 * become merged ranges; numbers and percentages typed as text become numbers, as Excel's paste
 * makes them. The running text goes into one more sheet, 正文, a paragraph per row, for the checks
 * that read the prose. Pure (jszip only): runs in Node and in the browser.
 */
import JSZip from 'jszip';
import { Cell, MergedRange, SheetModel, toCellValue, WorkbookModel } from '../../core/sheet/model';
import { parseDocumentXml, WordTable } from './document';

export const PROSE_SHEET = '正文';
/** Excel's limit on sheet names, and the characters it refuses in them. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
/** A report holds dozens of tables; more than this in one file is not a report. */
export const MAX_DOCX_TABLES = 2_000;
/** The body of a long report is a few MB of XML; inflating stops past this (a zip bomb stays small). */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

export class DocxReadError extends Error {
  constructor(
    readonly problem: 'no-document' | 'damaged' | 'too-many-tables' | 'too-large',
    detail: string,
  ) {
    super(detail);
    this.name = 'DocxReadError';
  }
}

const PLAIN_NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const PERCENT = /^[-−]?\d+(?:\.(\d+))?[%％]$/;

/** A cell's text as Excel reads a pasted cell: "32.50" → 32.5 shown with 2 decimals, "80.00%" → 0.8. */
export function cellFromText(raw: string): Cell | undefined {
  const text = raw.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (text === '') return undefined;
  const n = PLAIN_NUMBER.exec(text);
  if (n) {
    const value = Number(text.replace(/,/g, '').replace('−', '-'));
    const cell: Cell = { value };
    const grouped = text.includes(',');
    if (n[1] || grouped) cell.numFmt = `${grouped ? '#,##0' : '0'}${n[1] ? `.${'0'.repeat(n[1].length)}` : ''}`;
    return cell;
  }
  const p = PERCENT.exec(text);
  if (p) {
    const value = Number((Number(text.slice(0, -1).replace('−', '-')) / 100).toFixed(12));
    return { value, numFmt: p[1] ? `0.${'0'.repeat(p[1].length)}%` : '0%' };
  }
  // Text stays as typed, line breaks and full-width spaces included, as the .xlsx reader keeps it.
  return { value: toCellValue(raw) };
}

function sheetNameFor(caption: string | undefined, index: number, used: Set<string>): string {
  const base = (caption ?? `表格${index + 1}`).replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().slice(0, SHEET_NAME_MAX) || `表格${index + 1}`;
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

function tableSheet(table: WordTable, name: string): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  const merges: MergedRange[] = [];
  const TOP = 2; // row 1 holds the caption
  const width = table.rows.reduce((w, r) => Math.max(w, ...r.map((c) => c.gridCol + c.span)), 0);
  if (table.caption && width > 0) {
    rows[1] = [];
    rows[1][1] = { value: table.caption };
    if (width > 1) merges.push({ top: 1, left: 1, bottom: 1, right: width });
  }
  /** The open vertical merge per grid column: its range, extended as 'continue' cells come. */
  const open = new Map<number, MergedRange>();
  table.rows.forEach((cells, i) => {
    const r = TOP + i;
    const line: (Cell | undefined)[] = [];
    for (const c of cells) {
      const col = c.gridCol + 1;
      const above = open.get(col);
      if (c.vMerge === 'continue' && above && above.right === col + c.span - 1) {
        above.bottom = r;
        continue;
      }
      const cell = cellFromText(c.text);
      if (cell) line[col] = cell;
      const range: MergedRange = { top: r, left: col, bottom: r, right: col + c.span - 1 };
      if (c.vMerge === 'restart') open.set(col, range);
      else open.delete(col);
      if (c.span > 1 || c.vMerge === 'restart') merges.push(range);
    }
    if (line.length > 0) rows[r] = line;
  });
  return new SheetModel(name, rows, merges.filter((m) => m.bottom > m.top || m.right > m.left));
}

function proseSheet(paragraphs: string[]): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  paragraphs.forEach((p, i) => {
    rows[i + 1] = [undefined, { value: p.trim() }];
  });
  return new SheetModel(PROSE_SHEET, rows, []);
}

/** Inflate one part, giving up as soon as it grows past `limit` bytes. */
function inflateBounded(file: JSZip.JSZipObject, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // JSZip's own streaming inflate (public API, missing from its typings).
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        total += chunk.length;
        if (total > limit) {
          stream.pause();
          reject(new DocxReadError('too-large', `${file.name} inflates to more than ${limit} bytes`));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err: Error) => reject(new DocxReadError('damaged', err.message)))
      .on('end', () => {
        const all = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        resolve(new TextDecoder('utf-8').decode(all));
      })
      .resume();
  });
}

/** Read the tables and the running text of a .docx. */
export async function readDocxWorkbook(bytes: Uint8Array, source: string): Promise<WorkbookModel> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const part = zip.file('word/document.xml');
    xml = part ? await inflateBounded(part, MAX_DOCX_XML_BYTES) : undefined;
  } catch (err) {
    if (err instanceof DocxReadError) throw err;
    throw new DocxReadError('damaged', err instanceof Error ? err.message : String(err));
  }
  if (xml === undefined) throw new DocxReadError('no-document', 'word/document.xml is missing');
  const doc = parseDocumentXml(xml);
  if (doc.tables.length > MAX_DOCX_TABLES) throw new DocxReadError('too-many-tables', `${doc.tables.length} tables`);
  const used = new Set<string>([PROSE_SHEET.toLowerCase()]);
  const sheets = doc.tables.map((t, i) => tableSheet(t, sheetNameFor(t.caption, i, used)));
  if (doc.paragraphs.length > 0) sheets.push(proseSheet(doc.paragraphs));
  return { source, sheets, proseSheet: doc.paragraphs.length > 0 ? PROSE_SHEET : undefined };
}
