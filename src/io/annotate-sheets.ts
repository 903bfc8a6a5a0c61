/**
 * The worksheets the annotated copy adds (审核报告, 审核结果, 审核图例), written as XML parts of
 * their own: inline strings (the shared-string table is left as it was), styles by index into the
 * edited styles part, links to cells inside the workbook, print setup.
 */
import { a1, columnLetters } from '../core/sheet/address';
import { escapeXml } from './xml';
import { NS } from './xml-edit';

export interface OutCell {
  value: string | number | null;
  style?: number;
  /** The style wraps text: the row is made tall enough to show all of it. */
  wraps?: boolean;
  /** A place in the workbook ("'评分表'!F3"): the cell becomes a link to it. */
  link?: string;
}

export interface OutSheet {
  /** Column widths in characters, from column A. */
  widths: number[];
  rows: OutCell[][];
  /** Rows kept in view when scrolling (the header), and printed on every page. */
  frozenRows?: number;
  /** A1 range of an autofilter over the header and its rows. */
  autoFilter?: string;
  merges?: string[];
  /** Landscape, one page wide, as many pages tall as needed. */
  printLandscapeFitWidth?: boolean;
  /** Rows (1-based) printed at the top of a new page. */
  pageBreaksBefore?: number[];
  /** Relationship id of a drawing (a chart) on the sheet. */
  drawingRelId?: string;
  tabColor?: string;
}

const LINE_HEIGHT_PT = 15;
const MAX_ROW_HEIGHT_PT = 409;

/** Display width in character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

/**
 * A row height that shows every line of its wrapped cells. Viewers do not all fit rows to wrapped
 * text when they open a file (LibreOffice prints them one line high), so the copy states it.
 */
function rowHeight(cells: OutCell[], widths: number[]): number | undefined {
  let lines = 1;
  cells.forEach((c, k) => {
    if (!c.wraps || typeof c.value !== 'string') return;
    const usable = Math.max(1, (widths[k] ?? 10) - 1);
    const n = c.value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    lines = Math.max(lines, n);
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT) : undefined;
}

function cellXml(row: number, col: number, cell: OutCell): string {
  const ref = a1(row, col);
  const s = cell.style !== undefined ? ` s="${cell.style}"` : '';
  if (cell.value === null || cell.value === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof cell.value === 'number') return Number.isFinite(cell.value) ? `<c r="${ref}"${s}><v>${cell.value}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  // Text always as text: "=SUM(…)" or "+1" from a user's cell never becomes a formula here.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.value)}</t></is></c>`;
}

export function worksheetXml(sheet: OutSheet): string {
  const lastCol = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.length), 1);
  const lastRow = Math.max(sheet.rows.length, 1);
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`];
  const pr = [sheet.tabColor ? `<tabColor rgb="${sheet.tabColor}"/>` : '', sheet.printLandscapeFitWidth ? '<pageSetUpPr fitToPage="1"/>' : ''].join('');
  if (pr) parts.push(`<sheetPr>${pr}</sheetPr>`);
  parts.push(`<dimension ref="A1:${a1(lastRow, lastCol)}"/>`);
  const frozen = sheet.frozenRows ?? 0;
  parts.push(
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  parts.push('<sheetData>');
  const links: string[] = [];
  sheet.rows.forEach((cells, i) => {
    const r = i + 1;
    const ht = rowHeight(cells, sheet.widths);
    parts.push(ht ? `<row r="${r}" ht="${ht}" customHeight="1">` : `<row r="${r}">`);
    cells.forEach((cell, k) => {
      parts.push(cellXml(r, k + 1, cell));
      if (cell.link) links.push(`<hyperlink ref="${a1(r, k + 1)}" location="${escapeXml(cell.link)}" display="${escapeXml(String(cell.value ?? ''))}"/>`);
    });
    parts.push('</row>');
  });
  parts.push('</sheetData>');
  if (sheet.autoFilter) parts.push(`<autoFilter ref="${sheet.autoFilter}"/>`);
  if (sheet.merges?.length) parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  if (links.length) parts.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  parts.push('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  if (sheet.printLandscapeFitWidth) parts.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  parts.push('<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>');
  const breaks = sheet.pageBreaksBefore ?? [];
  if (breaks.length) parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  if (sheet.drawingRelId) parts.push(`<drawing r:id="${sheet.drawingRelId}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/** "'评分表'!F3": a place in the workbook, the sheet name quoted as Excel quotes it. */
export function placeOf(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "$A$1:$H$40" for print areas and filter ranges. */
export function absoluteRange(top: number, left: number, bottom: number, right: number): string {
  return `$${columnLetters(left)}$${top}:$${columnLetters(right)}$${bottom}`;
}
