/**
 * Remove exactly what the add-in added, as recorded in the workbook settings: our conditional
 * formats (matched by their formula on the recorded sheets), our comments (by id), our helper sheet and our review
 * columns (only cells that still hold what we wrote). Marks on protected sheets are kept, with a
 * skip, for a later attempt.
 */
import { CellRange, parseRangeA1, rangeA1, columnLetters } from '../core/sheet/address';
import { normalizeFormula, parseAddress } from './plan';
import { HELPER_SHEET, MarkRecord, PROTECTED_REASON, queueRecordLoad, queueRecordSave, ReviewMark, CfMark } from './settings';
import { addSkip, queueSheetList, SheetInfo, SheetSkip } from './sheets';
import { API, excelSupports, officeSupports, Supports } from './supports';

export interface RemovalCounts {
  cfs: number;
  comments: number;
  reviewCells: number;
  reviewColumns: number;
  helperSheet: boolean;
}

export interface ClearResult extends RemovalCounts {
  skipped: SheetSkip[];
}

export interface Removal {
  /** After the sync that loaded what exists: queue the deletions; returns what stays recorded. */
  commit(): { remaining: MarkRecord; counts: RemovalCounts; skipped: SheetSkip[] };
}

export interface RemovalParts {
  highlights: boolean;
  review: boolean;
}

/** Queue the loads needed to remove the recorded marks (`sheets` already loaded). */
export function prepareRemoval(
  context: Excel.RequestContext,
  record: MarkRecord,
  sheets: Map<string, SheetInfo>,
  parts: RemovalParts,
  supports: Supports = officeSupports,
): Removal {
  const remaining: MarkRecord = { version: 1, cfs: [], comments: [], review: [] };
  const skipped: SheetSkip[] = [];
  const counts: RemovalCounts = { cfs: 0, comments: 0, reviewCells: 0, reviewColumns: 0, helperSheet: false };
  /** writable: true, missing sheet: false (the mark is gone with it), protected: keep. */
  const writable = (sheet: string, keep: () => void): boolean => {
    const info = sheets.get(sheet);
    if (!info) return false;
    if (info.protected) {
      keep();
      addSkip(skipped, sheet, PROTECTED_REASON);
      return false;
    }
    return true;
  };

  const cfLoads: Array<{ marks: CfMark[]; collection: Excel.ConditionalFormatCollection }> = [];
  let comments: Excel.CommentCollection | undefined;
  const commentIds = new Set<string>();
  const reviewLoads: Array<{ mark: ReviewMark; box: CellRange; block: Excel.Range; used?: Excel.Range }> = [];

  if (parts.highlights) {
    // One collection per sheet: the whole sheet's conditional formats, matched on our formula
    // (it names our helper sheet and row, so it is ours wherever the cell has moved since).
    const bySheet = new Map<string, CfMark[]>();
    for (const m of record.cfs) {
      if (!writable(m.sheet, () => remaining.cfs.push(m))) continue;
      bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
    }
    for (const [sheet, marks] of bySheet) {
      const collection = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
      collection.load('items/type,items/customOrNullObject/rule/formula');
      cfLoads.push({ marks, collection });
    }
    for (const m of record.comments) {
      if (!m.id) continue; // never read back: cannot be told from a user's comment
      if (writable(m.sheet, () => remaining.comments.push(m))) commentIds.add(m.id);
    }
    if (commentIds.size > 0 && excelSupports(supports, API.comments)) {
      comments = context.workbook.comments;
      comments.load('items/id');
    }
  } else {
    remaining.cfs.push(...record.cfs);
    remaining.comments.push(...record.comments);
    remaining.helperSheet = record.helperSheet;
  }

  if (parts.review) {
    for (const mark of record.review) {
      if (!writable(mark.sheet, () => remaining.review.push(mark)) || mark.cells.length === 0) continue;
      const ws = context.workbook.worksheets.getItem(mark.sheet);
      const box = boundingBox(mark.cells.map((c) => c.cell));
      const block = ws.getRange(rangeA1(box));
      block.load('formulas');
      let used: Excel.Range | undefined;
      if (mark.inserted) {
        used = ws.getRange(mark.columns).getUsedRangeOrNullObject(false);
        used.load('address');
      }
      reviewLoads.push({ mark, box, block, used });
    }
  } else {
    remaining.review.push(...record.review);
  }

  return {
    commit() {
      for (const { marks, collection } of cfLoads) {
        const ours = new Set(marks.map((m) => normalizeFormula(m.formula)));
        for (const cf of collection.items) {
          if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
          if (!ours.has(normalizeFormula(cf.customOrNullObject.rule.formula))) continue;
          cf.delete();
          counts.cfs++;
        }
      }
      if (comments) {
        for (const c of comments.items) {
          if (commentIds.has(c.id)) {
            c.delete();
            counts.comments++;
          }
        }
      }
      for (const load of reviewLoads) removeReview(context, load, counts);
      if (parts.highlights && record.helperSheet) {
        // The helper sheet goes last, and only when no highlight pointing at it is kept.
        if (remaining.cfs.length > 0) remaining.helperSheet = record.helperSheet;
        else if (sheets.has(record.helperSheet)) {
          const helper = context.workbook.worksheets.getItem(record.helperSheet);
          helper.visibility = 'Hidden';
          helper.delete();
          counts.helperSheet = true;
        }
      }
      return { remaining, counts, skipped };
    },
  };
}

function boundingBox(cells: string[]): CellRange {
  const rs = cells.map((c) => parseRangeA1(c));
  return {
    top: Math.min(...rs.map((r) => r.top)),
    left: Math.min(...rs.map((r) => r.left)),
    bottom: Math.max(...rs.map((r) => r.bottom)),
    right: Math.max(...rs.map((r) => r.right)),
  };
}

function removeReview(
  context: Excel.RequestContext,
  load: { mark: ReviewMark; box: CellRange; block: Excel.Range; used?: Excel.Range },
  counts: RemovalCounts,
): void {
  const { mark, box, block, used } = load;
  const ws = context.workbook.worksheets.getItem(mark.sheet);
  const grid = block.formulas;
  const at = (cell: string): unknown => {
    const p = parseRangeA1(cell);
    return grid?.[p.top - box.top]?.[p.left - box.left];
  };
  const ours = mark.cells.filter((c) => typeof at(c.cell) === 'string' && normalizeFormula(String(at(c.cell))) === normalizeFormula(c.formula));
  const ourKeys = new Set(mark.cells.map((c) => c.cell));
  let foreign = false;
  grid?.forEach((line, r) =>
    line.forEach((v, c) => {
      const cell = `${columnLetters(box.left + c)}${box.top + r}`;
      if (v !== '' && v !== null && !ourKeys.has(cell)) foreign = true;
    }),
  );
  const usedInside = !used || used.isNullObject || contains(box, parseAddress(used.address).range);
  if (mark.inserted && ours.length === mark.cells.length && !foreign && usedInside) {
    ws.getRange(mark.columns).delete('Left');
    counts.reviewColumns += 2;
    counts.reviewCells += ours.length;
    return;
  }
  for (const c of ours) {
    ws.getRange(c.cell).clear('Contents');
    counts.reviewCells++;
  }
}

function contains(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.left >= outer.left && inner.bottom <= outer.bottom && inner.right <= outer.right;
}

/** Remove every mark the add-in recorded (highlights, comments, helper sheet, review columns). */
export async function clearHighlights(context: Excel.RequestContext, opts: { supports?: Supports } = {}): Promise<ClearResult> {
  const supports = opts.supports ?? officeSupports;
  const stored = queueRecordLoad(context);
  const sheetList = queueSheetList(context);
  await context.sync();
  const record = stored.get();
  if (!stored.exists()) return { cfs: 0, comments: 0, reviewCells: 0, reviewColumns: 0, helperSheet: false, skipped: [] };
  const removal = prepareRemoval(context, record, sheetList.get(), { highlights: true, review: true }, supports);
  await context.sync();
  const { remaining, counts, skipped } = removal.commit();
  queueRecordSave(context, remaining, true);
  await context.sync();
  return { ...counts, skipped };
}

export { HELPER_SHEET };
