/**
 * Mark findings in the workbook without touching the user's cells: a conditional format per
 * flagged cell whose rule tests a flag on the add-in's hidden helper sheet, and a comment with the
 * Chinese explanation on cells that have no comment yet. Everything added is recorded in the
 * workbook settings so that clearHighlights removes exactly that.
 *
 * Syncs: 1 (record, sheets, comments) + 1 (what to remove from a previous run, where existing
 * comments sit) + 1 (all writes) + 1 (record with the comment ids read back).
 */
import type { Finding, Severity } from '../core/audit/types';
import { parseRangeA1, a1 } from '../core/sheet/address';
import { prepareRemoval } from './clear';
import { locationKey, quoteSheet, splitAddress } from './plan';
import { CfMark, CommentMark, HELPER_SHEET, MarkRecord, MISSING_SHEET_REASON, PROTECTED_REASON, queueRecordLoad, queueRecordSave, UNSUPPORTED_REASON } from './settings';
import { addSkip, queueSheetList, SheetSkip } from './sheets';
import { API, excelSupports, officeSupports, Supports } from './supports';

export const KEPT_MARKS_REASON = '上次的标注仍在受保护的工作表上，请取消保护并清除标注后再试';

export interface HighlightOptions {
  supports?: Supports;
  /** Visibility of the helper sheet (default VeryHidden: not listed under Unhide). */
  helperVisibility?: 'VeryHidden' | 'Hidden';
  /** Add comments (default true; needs ExcelApi 1.10). */
  comments?: boolean;
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
export const COMMENT_PREFIX = '【评分审核】';

interface Site {
  sheet: string;
  cell: string;
  findings: Finding[];
  /** Helper row (1-based) of the most severe finding. */
  row: number;
  severity: Severity;
}

/** The CF rule formula for a helper row: true while the flag in column F is 1. */
export function flagFormula(row: number): string {
  return `=${quoteSheet(HELPER_SHEET)}!$F$${row}=1`;
}

export function commentText(findings: Finding[]): string {
  return COMMENT_PREFIX + '\n' + findings.map((f) => `【${SEVERITY_STYLE[f.severity].label}】${f.message}`).join('\n');
}

function cellOf(f: Finding): string {
  return f.cell.replace(/\$/g, '').toUpperCase();
}

/** One site per flagged cell; the helper row is the first most-severe finding's. */
function sitesOf(findings: Finding[]): Site[] {
  const sites = new Map<string, Site>();
  findings.forEach((f, i) => {
    const key = locationKey(f.sheet, cellOf(f));
    const row = i + 2; // row 1 is the header
    const site = sites.get(key);
    if (!site) sites.set(key, { sheet: f.sheet, cell: cellOf(f), findings: [f], row, severity: f.severity });
    else {
      site.findings.push(f);
      if (RANK[f.severity] < RANK[site.severity]) {
        site.severity = f.severity;
        site.row = row;
      }
    }
  });
  return [...sites.values()];
}

export async function highlight(context: Excel.RequestContext, findings: Finding[], opts: HighlightOptions = {}): Promise<HighlightResult> {
  const supports = opts.supports ?? officeSupports;
  const sheetNames = [...new Set(findings.map((f) => f.sheet))];
  if (!excelSupports(supports, API.settings) || !excelSupports(supports, API.conditionalFormats)) {
    return { written: 0, comments: 0, skipped: sheetNames.map((sheet) => ({ sheet, reason: UNSUPPORTED_REASON })) };
  }
  const withComments = opts.comments !== false && excelSupports(supports, API.comments);

  // Sync 1: what we wrote before, the sheets and their protection, the existing comments.
  const stored = queueRecordLoad(context);
  const sheetList = queueSheetList(context);
  const existingComments = withComments ? context.workbook.comments : undefined;
  existingComments?.load('items/id');
  await context.sync();
  const previous = stored.get();
  const sheets = sheetList.get();

  const skipped: SheetSkip[] = [];
  const targets = findings.filter((f) => {
    const info = sheets.get(f.sheet);
    if (!info || f.sheet === HELPER_SHEET) addSkip(skipped, f.sheet, MISSING_SHEET_REASON);
    else if (info.protected) addSkip(skipped, f.sheet, PROTECTED_REASON);
    else return true;
    return false;
  });
  if (targets.length === 0 && !stored.exists()) return { written: 0, comments: 0, skipped };

  // Sync 2: what to remove of a previous run; where the user's comments are.
  const removal = prepareRemoval(context, previous, sheets, { highlights: true, review: false }, supports);
  const oldIds = new Set(previous.comments.map((c) => c.id).filter(Boolean));
  const locations = (existingComments?.items ?? [])
    .filter((c) => !oldIds.has(c.id))
    .map((c) => {
      const r = c.getLocation();
      r.load('address');
      return r;
    });
  await context.sync();
  const taken = new Set(
    locations.map((r) => {
      const { sheet, range } = splitAddress(r.address);
      return locationKey(sheet, range);
    }),
  );

  // Sync 3: remove the previous marks, then write everything.
  const { remaining, skipped: keptSkips } = removal.commit();
  keptSkips.forEach((s) => addSkip(skipped, s.sheet, s.reason));
  if (remaining.helperSheet) {
    // A previous helper sheet must stay (its highlights sit on a now protected sheet).
    targets.forEach((f) => addSkip(skipped, f.sheet, KEPT_MARKS_REASON));
    queueRecordSave(context, remaining, stored.exists());
    await context.sync();
    return { written: 0, comments: 0, skipped };
  }
  if (targets.length === 0) {
    queueRecordSave(context, remaining, stored.exists());
    await context.sync();
    return { written: 0, comments: 0, skipped };
  }

  const sites = sitesOf(targets);
  const cfs: CfMark[] = sites.map((s) => ({ sheet: s.sheet, address: s.cell, formula: flagFormula(s.row) }));
  const commentSites = withComments ? sites.filter((s) => !taken.has(locationKey(s.sheet, commentCell(s.cell)))) : [];
  const commentMarks: CommentMark[] = commentSites.map((s) => ({ sheet: s.sheet, cell: commentCell(s.cell) }));
  const record: MarkRecord = { version: 1, helperSheet: HELPER_SHEET, cfs, comments: [...remaining.comments, ...commentMarks], review: remaining.review };
  // The record goes first: a batch that fails half-way still leaves a trail to clear.
  queueRecordSave(context, record, true);

  if (sheets.has(HELPER_SHEET) && !previous.helperSheet) context.workbook.worksheets.getItem(HELPER_SHEET).delete();
  const helper = context.workbook.worksheets.add(HELPER_SHEET);
  const rows: unknown[][] = [HELPER_HEADER, ...targets.map((f) => [f.sheet, f.cell, f.code, f.severity, f.message, 1])];
  const block = helper.getRange(`A1:F${rows.length}`);
  block.numberFormat = rows.map(() => ['@', '@', '@', '@', '@', 'General']);
  block.values = rows as Excel.Range['values'];
  helper.visibility = opts.helperVisibility ?? 'VeryHidden';

  sites.forEach((site, i) => {
    const cf = context.workbook.worksheets.getItem(site.sheet).getRange(site.cell).conditionalFormats.add('Custom');
    cf.custom.rule.formula = cfs[i].formula;
    cf.custom.format.fill.color = SEVERITY_STYLE[site.severity].fill;
    cf.custom.format.font.color = SEVERITY_STYLE[site.severity].font;
  });
  const added = commentSites.map((site) => {
    const c = context.workbook.comments.add(`${quoteSheet(site.sheet)}!${commentCell(site.cell)}`, commentText(site.findings));
    c.load('id');
    return c;
  });
  await context.sync();

  // Sync 4: the record with the comment ids.
  added.forEach((c, i) => {
    commentMarks[i].id = c.id;
  });
  queueRecordSave(context, record, true);
  await context.sync();
  return { written: sites.length, comments: added.length, skipped };
}

/** A comment sits on one cell: the top-left cell of a range. */
function commentCell(cell: string): string {
  const r = parseRangeA1(cell);
  return a1(r.top, r.left);
}
