/**
 * Mark findings in the workbook without touching the user's cells: a conditional format per
 * flagged cell whose rule tests a flag on the add-in's hidden helper sheet, and a comment with the
 * Chinese explanation on cells that have neither a comment nor a note. Everything added is recorded
 * in the workbook settings, before it is written, so that clearHighlights removes exactly that.
 *
 * Syncs: 1 (record, sheets and workbook protection, comments) + 1 (previous marks, comment cells,
 * notes) + 1 (removal of the previous marks, the record, the helper sheet) + the helper rows, the
 * conditional formats and the comments in batches under the request limit. Comments come last, in
 * their own batches: a cell that refuses one cannot cost the highlights.
 */
import { checkName } from '../core/audit/catalogue';
import type { Finding, Severity } from '../core/audit/types';
import { parseRangeA1, a1 } from '../core/sheet/address';
import { ACTION_BYTES, CF_BYTES, groupByBytes, syncInGroups, textBytes } from './batches';
import { prepareRemoval } from './clear';
import { COMMENT_PREFIX, queueComments, queueLocations, takenCells } from './comments';
import { locationKey, quoteSheet } from './plan';
import { isPayloadLimitError } from './retry';
import {
  CfMark,
  CommentMark,
  HELPER_SHEET,
  MarkRecord,
  MISSING_SHEET_REASON,
  PROTECTED_REASON,
  queueRecordLoad,
  queueRecordSave,
  STRUCTURE_REASON,
  UNSUPPORTED_REASON,
} from './settings';
import { addSkip, queueWorkbookState, SheetSkip } from './sheets';
import { API, excelSupports, officeSupports, Supports } from './supports';

export { COMMENT_PREFIX };

export const KEPT_MARKS_REASON = '上次的标注仍在受保护的工作表上，请取消保护并清除标注后再试';
export const COMMENTS_REFUSED_REASON = '部分单元格已有批注或备注，未能添加说明批注（标注颜色已写入）';
/** One conditional format per cell: beyond this many cells Excel slows down, and nobody reads more marks. */
export const MAX_MARKED_CELLS = 5000;
export const capReason = (marked: number, total: number): string => `只标注了最严重的 ${marked} 个单元格（共 ${total} 个有审核发现的单元格）`;

export interface HighlightOptions {
  supports?: Supports;
  /** Visibility of the helper sheet (default VeryHidden: not listed under Unhide). */
  helperVisibility?: 'VeryHidden' | 'Hidden';
  /** Add comments (default true; needs ExcelApi 1.10). */
  comments?: boolean;
  /** Request budget per sync in bytes (default 4 MB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
}

export interface HighlightResult {
  /** Cells marked with a conditional format. */
  written: number;
  /** Comments added. */
  comments: number;
  skipped: SheetSkip[];
}

export const SEVERITY_STYLE: Record<Severity, { fill: string; font: string; label: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006', label: '错误' },
  warning: { fill: '#FFEB9C', font: '#9C5700', label: '警告' },
  info: { fill: '#DDEBF7', font: '#1F4E78', label: '提示' },
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const HELPER_HEADER = ['工作表', '单元格', '代码', '级别', '说明', '标注'];

/** One flagged cell: its findings, the worst first; its row on the helper sheet. */
interface Site {
  sheet: string;
  cell: string;
  findings: Finding[];
  severity: Severity;
  /** Helper row (1-based; row 1 is the header). */
  row: number;
}

/** The CF rule formula for a helper row: true while the flag in column F is 1. */
export function flagFormula(row: number): string {
  return `=${quoteSheet(HELPER_SHEET)}!$F$${row}=1`;
}

export function commentText(findings: Finding[]): string {
  return COMMENT_PREFIX + '\n' + findings.map((f) => `【${SEVERITY_STYLE[f.severity].label}·${checkName(f.code)}】${f.message}`).join('\n');
}

function cellOf(f: Finding): string {
  return f.cell.replace(/\$/g, '').toUpperCase();
}

/** One site per flagged cell, the worst first (stable), at most MAX_MARKED_CELLS. */
function sitesOf(findings: Finding[]): { sites: Site[]; total: number } {
  const byCell = new Map<string, Site>();
  for (const f of findings) {
    const key = locationKey(f.sheet, cellOf(f));
    const site = byCell.get(key);
    if (!site) byCell.set(key, { sheet: f.sheet, cell: cellOf(f), findings: [f], severity: f.severity, row: 0 });
    else {
      site.findings.push(f);
      if (RANK[f.severity] < RANK[site.severity]) site.severity = f.severity;
    }
  }
  const all = [...byCell.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const sites = all.slice(0, MAX_MARKED_CELLS);
  sites.forEach((s, i) => {
    s.findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    s.row = i + 2;
  });
  return { sites, total: all.length };
}

/** A comment sits on one cell: the top-left cell of a range. */
function commentCell(cell: string): string {
  const r = parseRangeA1(cell);
  return a1(r.top, r.left);
}

export async function highlight(context: Excel.RequestContext, findings: Finding[], opts: HighlightOptions = {}): Promise<HighlightResult> {
  const supports = opts.supports ?? officeSupports;
  const sheetNames = [...new Set(findings.map((f) => f.sheet))];
  const skipAll = (reason: string): HighlightResult => ({ written: 0, comments: 0, skipped: sheetNames.map((sheet) => ({ sheet, reason })) });
  if (!excelSupports(supports, API.settings) || !excelSupports(supports, API.conditionalFormats)) return skipAll(UNSUPPORTED_REASON);
  const withComments = opts.comments !== false && excelSupports(supports, API.comments);
  const withNotes = withComments && excelSupports(supports, API.notes);

  // Sync 1: what we wrote before, the sheets and their protection, the comments.
  const stored = queueRecordLoad(context);
  const workbook = queueWorkbookState(context, supports);
  const comments = withComments ? queueComments(context) : undefined;
  await context.sync();
  const previous = stored.get();
  const state = workbook.get();
  // The helper sheet must be added (and the old one removed): impossible under structure protection.
  if (state.structureProtected) return skipAll(STRUCTURE_REASON);

  const skipped: SheetSkip[] = [];
  const targets = findings.filter((f) => {
    const info = state.sheets.get(f.sheet);
    if (!info || f.sheet === HELPER_SHEET) addSkip(skipped, f.sheet, MISSING_SHEET_REASON);
    else if (info.protected) addSkip(skipped, f.sheet, PROTECTED_REASON);
    else return true;
    return false;
  });
  if (targets.length === 0 && !stored.exists() && !state.sheets.has(HELPER_SHEET)) return { written: 0, comments: 0, skipped };
  const { sites, total } = sitesOf(targets);
  if (total > sites.length) addSkip(skipped, '', capReason(sites.length, total));

  // Sync 2: what to remove of a previous run; which cells hold a comment or a note of the user's.
  const removal = prepareRemoval(context, previous, state, { highlights: true, review: false });
  const located = comments ? queueLocations(comments, previous) : undefined;
  const notes = withNotes
    ? sites.map((s) => {
        const note = context.workbook.notes.getItemOrNullObject(`${quoteSheet(s.sheet)}!${commentCell(s.cell)}`);
        note.load('content');
        return note;
      })
    : [];
  await context.sync();
  const entries = located?.get() ?? [];
  const taken = takenCells(entries);

  // Sync 3: remove the previous marks; the record of what follows (a batch that fails half-way
  // still leaves a trail to clear); the helper sheet with its header.
  const { remaining, skipped: keptSkips } = removal.commit(entries);
  keptSkips.forEach((s) => addSkip(skipped, s.sheet, s.reason));
  if (remaining.helperSheet) {
    // A previous helper sheet must stay (its highlights sit on a now protected sheet).
    targets.forEach((f) => addSkip(skipped, f.sheet, KEPT_MARKS_REASON));
    queueRecordSave(context, remaining, stored.exists());
    await context.sync();
    return { written: 0, comments: 0, skipped };
  }
  if (sites.length === 0) {
    queueRecordSave(context, remaining, stored.exists());
    await context.sync();
    return { written: 0, comments: 0, skipped };
  }

  const commentSites = withComments ? sites.filter((s, i) => !taken.has(locationKey(s.sheet, commentCell(s.cell))) && !(notes[i] && !notes[i].isNullObject)) : [];
  const cfs: CfMark[] = sites.map((s) => ({ sheet: s.sheet, address: s.cell, formula: flagFormula(s.row) }));
  const commentMarks: CommentMark[] = commentSites.map((s) => ({ sheet: s.sheet, cell: commentCell(s.cell) }));
  const record: MarkRecord = { version: 1, helperSheet: HELPER_SHEET, cfs, comments: [...remaining.comments, ...commentMarks], review: remaining.review };
  queueRecordSave(context, record, true);
  const helper = context.workbook.worksheets.add(HELPER_SHEET);
  helper.getRange('A1:F1').values = [HELPER_HEADER];
  helper.visibility = opts.helperVisibility ?? 'VeryHidden';
  await context.sync();

  // The helper rows (text, so that a message is never read as a number), then the highlights.
  const budget = opts.budgetBytes;
  await syncInGroups(
    context,
    groupByBytes(sites, (s) => ACTION_BYTES + textBytes(s.findings.map((f) => f.message).join('\n')), budget),
    (group) => {
      const block = helper.getRange(`A${group[0].row}:F${group[group.length - 1].row}`);
      block.numberFormat = group.map(() => ['@', '@', '@', '@', '@', 'General']);
      block.values = group.map((s) => [s.sheet, s.cell, s.findings.map((f) => f.code).join(' '), s.severity, s.findings.map((f) => f.message).join('\n'), 1]);
    },
  );
  const formulas = new Map(sites.map((s, i) => [s, cfs[i].formula]));
  await syncInGroups(context, groupByBytes(sites, () => CF_BYTES, budget), (group) => {
    for (const site of group) {
      const cf = context.workbook.worksheets.getItem(site.sheet).getRange(site.cell).conditionalFormats.add('Custom');
      cf.custom.rule.formula = formulas.get(site)!;
      cf.custom.format.fill.color = SEVERITY_STYLE[site.severity].fill;
      cf.custom.format.font.color = SEVERITY_STYLE[site.severity].font;
    }
  });

  // Comments: a cell that refuses one (a note Excel before 1.18 does not show us) stops the
  // comments, never the highlights already written. Counted by the batches Excel accepted.
  let added = 0;
  try {
    await syncInGroups(
      context,
      groupByBytes(commentSites, (s) => ACTION_BYTES + textBytes(commentText(s.findings)), budget),
      (group) => {
        for (const site of group) context.workbook.comments.add(`${quoteSheet(site.sheet)}!${commentCell(site.cell)}`, commentText(site.findings));
      },
      (group) => {
        added += group.length;
      },
    );
  } catch (error) {
    if (isPayloadLimitError(error)) throw error;
    addSkip(skipped, '', COMMENTS_REFUSED_REASON);
  }
  return { written: sites.length, comments: added, skipped };
}
