/**
 * An .xlsx built from the sheet model, for inputs that are not .xlsx (.xls, .et, .docx): the
 * annotated copy of such a file is this workbook plus our notes, since the original format cannot
 * carry them. Values, formulas with their cached results, number formats and merges are kept.
 */
import ExcelJS from 'exceljs';
import { isCellError, WorkbookModel } from '../core/sheet/model';
import type { ReadResult } from './read-any';
import { isDateFormat } from './xls/numfmt';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function excelValue(value: unknown, numFmt: string | undefined): ExcelJS.CellValue {
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  // The readers turn date cells into ISO days; a date format makes them dates again.
  if (typeof value === 'string' && numFmt && isDateFormat(numFmt) && ISO_DAY.test(value)) return new Date(`${value}T00:00:00Z`);
  return value as ExcelJS.CellValue;
}

export async function modelToXlsx(workbook: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(0);
  for (const sheet of workbook.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (let r = 1; r <= sheet.rowCount; r++) {
      for (let c = 1; c <= sheet.colCount; c++) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        const target = ws.getCell(r, c);
        const value = excelValue(cell.value, cell.numFmt);
        target.value = cell.formula ? ({ formula: cell.formula, result: value ?? undefined } as ExcelJS.CellFormulaValue) : value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
        if (typeof cell.value === 'string' && cell.value.includes('\n')) target.alignment = { wrapText: true, vertical: 'top' };
      }
    }
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.top, m.left, m.bottom, m.right);
      } catch {
        // An overlapping merge in a damaged file: Excel would drop it too.
      }
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The .xlsx an annotated copy is made from: the input itself when it is one, else one built from its reading. */
export async function annotationBase(bytes: Uint8Array, read: ReadResult): Promise<Uint8Array> {
  return read.format.kind === 'xlsx' ? bytes : modelToXlsx(read.workbook);
}
