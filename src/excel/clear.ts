/**
 * Remove exactly what the add-in added: our conditional formats (matched by their formula on the
 * recorded sheets), our comments (by their text, see comments.ts), our helper sheet and our
 * review columns (only cells that still hold what we wrote). Marks on protected sheets, and the
 * helper sheet of a structure-protected workbook, are kept, with a skip, for a later attempt.
 *
 * Syncs: 1 (record, sheets, comments) + 1 (conditional formats, comment cells, review cells) + 1 (removals and record).
 */
import { boundingBox, CellRange, parseRangeA1, rangeA1, columnLetters } from '../core/sheet/address';
import { CommentEntry, isOurCommentText, queueComments, queueLocations } from './comments';
import { normalizeFormula, parseAddress, quoteSheet } from './plan';
import { HELPER_SHEET, MarkRecord, PROTECTED_REASON, queueRecordLoad, queueRecordSave, ReviewMark, CfMark, STRUCTURE_KEPT_REASON, emptyRecord } from './settings';
import { addSkip, queueDeleteSheet, queueWorkbookState, SheetSkip, WorkbookState } from './sheets';
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
  /**
   * After the sync that loaded what exists: queue the deletions; returns what stays recorded.
   * `comments`: every comment of the workbook with its cell (comments.ts).
   */
  commit(comments: readonly CommentEntry[]): { remaining: MarkRecord; counts: RemovalCounts; skipped: SheetSkip[] };
}

export interface RemovalParts {
  highlights: boolean;
  review: boolean;
}

interface ReviewLoad {
  mark: ReviewMark;
  box: CellRange;
  block: Excel.Range;
  used?: Excel.Range;
}

/** Queue the loads needed to remove the recorded marks (`state` from the caller's earlier sync); commit after the next sync. */
export function prepareRemoval(context: Excel.RequestContext, record: MarkRecord, state: WorkbookState, parts: RemovalParts): Removal {
  const { sheets } = state;
  const orphaned = parts.highlights && !record.helperSheet && sheets.has(HELPER_SHEET);
  const helperRef = normalizeFormula(`${quoteSheet(HELPER_SHEET)}!`);
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
  const reviewLoads: ReviewLoad[] = [];

  if (parts.highlights) {
    // One collection per sheet: the whole sheet's conditional formats, matched on our formula
    // (it names our helper sheet and row, so it is ours wherever the cell has moved since).
    const bySheet = new Map<string, CfMark[]>();
    for (const m of record.cfs) {
      if (!writable(m.sheet, () => remaining.cfs.push(m))) continue;
      bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
    }
    // A helper sheet nobody recorded: every sheet's formats that test it are ours.
    if (orphaned) for (const [name, info] of sheets) if (name !== HELPER_SHEET && !info.protected && !bySheet.has(name)) bySheet.set(name, []);
    for (const [sheet, marks] of bySheet) {
      const collection = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
      collection.load('items/type,items/customOrNullObject/rule/formula');
      cfLoads.push({ marks, collection });
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
        // Values only: the inserted columns took their neighbour's formats, which are ours to remove.
        used = ws.getRange(mark.columns).getUsedRangeOrNullObject(true);
        used.load('address');
      }
      reviewLoads.push({ mark, box, block, used });
    }
  } else {
    remaining.review.push(...record.review);
  }

  return {
    commit(comments) {
      for (const { marks, collection } of cfLoads) {
        const ours = new Set(marks.map((m) => normalizeFormula(m.formula)));
        for (const cf of collection.items) {
          if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
          const formula = normalizeFormula(cf.customOrNullObject.rule.formula);
          if (!ours.has(formula) && !(orphaned && formula.includes(helperRef))) continue;
          cf.delete();
          counts.cfs++;
        }
      }
      if (parts.highlights) {
        // Ours by their text, recorded or not; those on a protected sheet stay recorded.
        for (const c of comments) {
          if (!c.ours || !writable(c.sheet, () => remaining.comments.push({ sheet: c.sheet, cell: c.cell }))) continue;
          c.comment.delete();
          counts.comments++;
        }
      }
      for (const load of reviewLoads) removeReview(context, load, counts);
      if (parts.highlights) {
        // The helper sheet goes last, and only when no highlight pointing at it is kept.
        const helper = record.helperSheet ?? HELPER_SHEET;
        if (remaining.cfs.length > 0) remaining.helperSheet = record.helperSheet;
        else if (sheets.has(helper) && state.structureProtected) {
          remaining.helperSheet = helper;
          addSkip(skipped, '', STRUCTURE_KEPT_REASON);
        } else if (sheets.has(helper)) {
          queueDeleteSheet(context, helper, sheets.get(helper));
          counts.helperSheet = true;
        }
      }
      return { remaining, counts, skipped };
    },
  };
}

function removeReview(context: Excel.RequestContext, load: ReviewLoad, counts: RemovalCounts): void {
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
  // Nothing of the user's in the inserted columns (values outside the written box count too).
  const usedInside = !used || used.isNullObject || contains(box, parseAddress(used.address).range);
  if (mark.inserted && ours.length === mark.cells.length && !foreign && usedInside) {
    ws.getRange(mark.columns).delete('Left');
    const cols = parseColumns(mark.columns);
    counts.reviewColumns += cols.right - cols.left + 1;
    counts.reviewCells += ours.length;
    return;
  }
  for (const c of ours) {
    ws.getRange(c.cell).clear('Contents');
    counts.reviewCells++;
  }
}

/** "L:M" → columns 12..13. */
function parseColumns(columns: string): { left: number; right: number } {
  const [a, b = a] = columns.split(':');
  return { left: parseRangeA1(`${a}1`).left, right: parseRangeA1(`${b}1`).left };
}

function contains(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.left >= outer.left && inner.bottom <= outer.bottom && inner.right <= outer.right;
}

/** Remove every mark the add-in made (highlights, comments, helper sheet, review columns). */
export async function clearHighlights(context: Excel.RequestContext, opts: { supports?: Supports } = {}): Promise<ClearResult> {
  const supports = opts.supports ?? officeSupports;
  const none: ClearResult = { cfs: 0, comments: 0, reviewCells: 0, reviewColumns: 0, helperSheet: false, skipped: [] };
  // Sync 1: the record, the sheets, the comments.
  const stored = queueRecordLoad(context);
  const workbook = queueWorkbookState(context, supports);
  const comments = excelSupports(supports, API.comments) ? queueComments(context) : undefined;
  await context.sync();
  const record = stored.exists() ? stored.get() : emptyRecord();
  const state = workbook.get();
  // Without a record, what is recognisably ours still goes: the helper sheet, comments by their text.
  const anyOurs = comments?.items.some((c) => isOurCommentText(c.content)) ?? false;
  if (!stored.exists() && !state.sheets.has(HELPER_SHEET) && !anyOurs) return none;

  // Sync 2: what exists of ours.
  const located = comments ? queueLocations(comments, record) : undefined;
  const removal = prepareRemoval(context, record, state, { highlights: true, review: true });
  await context.sync();

  // Sync 3: remove, and keep the record of what stays.
  const { remaining, counts, skipped } = removal.commit(located?.get() ?? []);
  queueRecordSave(context, remaining, stored.exists());
  await context.sync();
  return { ...counts, skipped };
}

export { HELPER_SHEET };
