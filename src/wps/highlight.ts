/**
 * 标注 in WPS: the flagged cells are coloured by conditional formats (never by repainting the
 * user's fill) and get a comment with the Chinese explanation where they have none. The marks of
 * an earlier run are removed first. Written in as few calls as the object model allows: one
 * conditional format per severity and sheet for up to 255 characters of addresses (the most a
 * Range address may hold), then one AddComment per cell.
 */
import type { Finding, Severity } from '../core/audit/types';
import { a1, parseRangeA1 } from '../core/sheet/address';
import { capReason, commentText, MAX_MARKED_CELLS, SEVERITY_STYLE } from '../excel/highlight';
import { MISSING_SHEET_REASON, PROTECTED_REASON } from '../excel/settings';
import { addSkip, type SheetSkip } from '../excel/sheets';
import { clearSheetHighlights } from './clear';
import { MAX_ADDRESS_CHARS, XL_EXPRESSION, type WpsWorkbook, type WpsWorksheet } from './facade';
import { bgr, markFormula } from './marks';
import { sheetsByName } from './sheets';

export const COMMENTS_TAKEN_REASON = '部分单元格已有批注，未添加说明批注（标注颜色已写入）';
export const COMMENTS_REFUSED_REASON = '部分单元格未能添加说明批注（标注颜色已写入）';

export interface HighlightResult {
  written: number;
  comments: number;
  skipped: SheetSkip[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Site {
  sheet: string;
  cell: string;
  findings: Finding[];
  severity: Severity;
}

/** One site per flagged cell, the worst first (stable), the findings of a cell the worst first. */
function sitesOf(findings: readonly Finding[]): Site[] {
  const byCell = new Map<string, Site>();
  for (const f of findings) {
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    const key = `${f.sheet}!${cell}`;
    const site = byCell.get(key);
    if (!site) byCell.set(key, { sheet: f.sheet, cell, findings: [f], severity: f.severity });
    else {
      site.findings.push(f);
      if (RANK[f.severity] < RANK[site.severity]) site.severity = f.severity;
    }
  }
  const sites = [...byCell.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  for (const s of sites) s.findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return sites;
}

/** Addresses joined by commas into strings of at most MAX_ADDRESS_CHARS. */
export function addressChunks(cells: readonly string[], limit = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  for (const cell of cells) {
    const next = current ? `${current},${cell}` : cell;
    if (next.length > limit && current) {
      out.push(current);
      current = cell;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

function topLeft(cell: string): string {
  const r = parseRangeA1(cell);
  return a1(r.top, r.left);
}

function markSheet(ws: WpsWorksheet, sites: readonly Site[]): { comments: number; taken: boolean; refused: boolean } {
  for (const severity of ['error', 'warning', 'info'] as const) {
    const cells = sites.filter((s) => s.severity === severity).map((s) => s.cell);
    for (const address of addressChunks(cells)) {
      const fc = ws.Range(address).FormatConditions.Add(XL_EXPRESSION, undefined, markFormula(severity));
      fc.Interior.Color = bgr(SEVERITY_STYLE[severity].fill);
      fc.Font.Color = bgr(SEVERITY_STYLE[severity].font);
    }
  }
  // Comments last: a cell that refuses one costs its comment, never the colours.
  let comments = 0;
  let taken = false;
  let refused = false;
  for (const site of sites) {
    const cell = ws.Range(topLeft(site.cell));
    if (cell.Comment) {
      taken = true;
      continue;
    }
    try {
      cell.AddComment(commentText(site.findings));
      comments++;
    } catch {
      refused = true;
    }
  }
  return { comments, taken, refused };
}

export function highlight(workbook: WpsWorkbook, findings: readonly Finding[]): HighlightResult {
  const sheets = sheetsByName(workbook);
  const skipped: SheetSkip[] = [];
  const targets = findings.filter((f) => {
    const ws = sheets.get(f.sheet);
    if (!ws) addSkip(skipped, f.sheet, MISSING_SHEET_REASON);
    else if (ws.ProtectContents) addSkip(skipped, f.sheet, PROTECTED_REASON);
    else return true;
    return false;
  });
  // Earlier marks go first, on every sheet that can be written (a finding may have moved).
  for (const ws of sheets.values()) if (!ws.ProtectContents) clearSheetHighlights(ws);

  const all = sitesOf(targets);
  const sites = all.slice(0, MAX_MARKED_CELLS);
  if (all.length > sites.length) addSkip(skipped, '', capReason(sites.length, all.length));
  let comments = 0;
  for (const [name, ws] of sheets) {
    const mine = sites.filter((s) => s.sheet === name);
    if (mine.length === 0) continue;
    const r = markSheet(ws, mine);
    comments += r.comments;
    if (r.taken) addSkip(skipped, name, COMMENTS_TAKEN_REASON);
    if (r.refused) addSkip(skipped, name, COMMENTS_REFUSED_REASON);
  }
  return { written: sites.length, comments, skipped };
}
