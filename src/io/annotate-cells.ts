/**
 * Minimal edits of a worksheet part for the annotated copy: a flagged cell gets a cell format
 * that adds our fill to its own (the `s` attribute, nothing else of the cell changes); a flagged
 * cell the part does not write gets an empty <c> of that format; a <legacyDrawing> for the notes.
 * Rows and cells without an `r` keep their places: the one after an insertion gets its `r` written.
 */
import { a1 } from '../core/sheet/address';
import { XmlScanner } from './xml';
import { insertionPoint, relAttr, RootInfo, setAttribute, XmlEdits } from './xml-edit';

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
] as const;

/** For each flagged cell: its format index given the one it has (0 when it has none). */
export type Restyle = (style: number) => number;

interface RowState {
  row: number;
  pending: number[]; // flagged columns of this row not yet met, ascending
  col: number;
}

/** Column styles of <cols>: the format an empty cell of that column shows. */
function columnStyles(scan: XmlScanner): Array<[number, number, number]> {
  const min = Number(scan.attr('min'));
  const max = Number(scan.attr('max'));
  const style = Number(scan.attr('style') ?? 0);
  return Number.isInteger(min) && Number.isInteger(max) && style > 0 ? [[min, max, style]] : [];
}

export function editWorksheet(xml: string, part: string, root: RootInfo, marks: Map<number, Map<number, Restyle>>, legacyDrawingRelId?: string): string {
  const edits = new XmlEdits();
  const p = root.prefix;
  const rowsLeft = [...marks.keys()].sort((a, b) => a - b);
  const cols: Array<[number, number, number]> = [];
  const styleOfColumn = (col: number) => cols.find(([lo, hi]) => col >= lo && col <= hi)?.[2] ?? 0;
  const newCell = (row: number, col: number, rowStyle: number) => `<${p}c r="${a1(row, col)}" s="${marks.get(row)!.get(col)!(rowStyle || styleOfColumn(col))}"/>`;
  const newRow = (row: number) => `<${p}row r="${row}">${[...marks.get(row)!.keys()].sort((a, b) => a - b).map((c) => newCell(row, c, 0)).join('')}</${p}row>`;

  const scan = new XmlScanner(xml, part);
  let row = 0;
  let state: RowState | undefined;
  let rowStyle = 0;
  /** Flagged rows before `row` that the part does not write: insert them at `at`. */
  const flushRowsBefore = (limit: number, at: number) => {
    let inserted = false;
    while (rowsLeft.length > 0 && rowsLeft[0] < limit) {
      edits.insert(at, newRow(rowsLeft.shift()!));
      inserted = true;
    }
    return inserted;
  };
  const flushCells = (s: RowState, limit: number, at: number) => {
    let inserted = false;
    while (s.pending.length > 0 && s.pending[0] < limit) {
      edits.insert(at, newCell(s.row, s.pending.shift()!, rowStyle));
      inserted = true;
    }
    return inserted;
  };
  while (scan.next()) {
    const kind = scan.kind;
    const name = scan.name;
    if (name === 'cols' || name === 'col') {
      if (name === 'col' && kind !== 'close') cols.push(...columnStyles(scan));
      continue;
    }
    if (name === 'sheetData') {
      if (kind === 'empty' && rowsLeft.length > 0) edits.replace(scan.start, scan.end, `<${p}sheetData>${rowsLeft.splice(0).map(newRow).join('')}</${p}sheetData>`);
      if (kind === 'close') {
        if (state) flushCells(state, Infinity, scan.start);
        state = undefined;
        flushRowsBefore(Infinity, scan.start);
      }
      continue;
    }
    if (name === 'row' && kind !== 'close') {
      const explicit = Number(scan.attr('r'));
      row = Number.isInteger(explicit) && explicit >= 1 ? explicit : row + 1;
      // A row without r after an inserted row would take its number from it: write its own.
      if (flushRowsBefore(row, scan.start) && scan.attr('r') === undefined) setAttribute(edits, scan, 'r', String(row));
      const s = scan.attr('customFormat');
      rowStyle = s === '1' || s === 'true' ? Number(scan.attr('s') ?? 0) : 0;
      const flagged = marks.get(row);
      state = flagged ? { row, pending: [...flagged.keys()].sort((a, b) => a - b), col: 0 } : undefined;
      if (flagged && rowsLeft[0] === row) rowsLeft.shift();
      if (state && kind === 'empty') {
        // <row r="5"/> with flagged cells: open it.
        edits.replace(scan.end - 2, scan.end, `>${state.pending.map((c) => newCell(row, c, rowStyle)).join('')}</${p}row>`);
        state = undefined;
      }
      continue;
    }
    if (name === 'row' && kind === 'close') {
      if (state) flushCells(state, Infinity, scan.start);
      state = undefined;
      continue;
    }
    if (name === 'c' && kind !== 'close' && state) {
      const ref = scan.attr('r');
      const col = ref !== undefined ? colOf(ref) ?? state.col + 1 : state.col + 1;
      // Likewise a cell without r after an inserted cell.
      if (flushCells(state, col, scan.start) && ref === undefined) setAttribute(edits, scan, 'r', a1(row, col));
      state.col = col;
      if (state.pending[0] === col) {
        state.pending.shift();
        setAttribute(edits, scan, 's', String(marks.get(row)!.get(col)!(Number(scan.attr('s') ?? 0))));
      }
      if (kind === 'open') scan.skipElement();
      continue;
    }
    if (name === 'c' && kind === 'open') scan.skipElement();
  }
  if (legacyDrawingRelId) edits.insert(insertionPoint(root, WORKSHEET_ORDER, 'legacyDrawing'), `<${p}legacyDrawing ${relAttr(root, 'id', legacyDrawingRelId)}/>`);
  return edits.apply(xml);
}

function colOf(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20;
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
  }
  return i > 0 && i <= 3 ? col : undefined;
}
