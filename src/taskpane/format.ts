/**
 * Numbers as the sheet shows them: a cell formatted as a percentage reads 72.53%, not 0.7253.
 * Only what the pane needs of Excel's number formats: percent or not, and the decimals.
 */
import type { Finding } from '../core/audit/types';
import type { SheetModel } from '../core/sheet/model';
import { parseA1 } from '../core/sheet/address';

/** Decimals shown at least for a finding's percentage: differences like 72.53% vs 72.56% stay visible. */
const FINDING_PERCENT_DECIMALS = 2;
/** A plain number in a finding or General cell: at most 4 decimals, no float noise. */
const GENERAL_DECIMALS = 4;

/** The first section of a number format without its literals ("..." and \x) and [colour]/[condition] parts. */
function bareFormat(numFmt: string): string {
  const section = numFmt.split(';')[0];
  let out = '';
  // One pass (a regex over quotes and brackets backtracks quadratically on "[[[[…").
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) {
        out += section.slice(i);
        break;
      }
      i = end;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      if (end < 0) {
        out += section.slice(i);
        break;
      }
      i = end;
    } else if (ch === '\\' && i + 1 < section.length) i++;
    else out += ch;
  }
  return out;
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && bareFormat(numFmt).includes('%');
}

/** Decimals of a format ("0.00%" → 2, "#,##0.0" → 1, "0" → 0); undefined for General. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const bare = bareFormat(numFmt);
  if (!/[0#?]/.test(bare)) return undefined;
  const m = /\.([0#?]+)/.exec(bare);
  return m ? m[1].length : 0;
}

function plain(v: number, decimals = GENERAL_DECIMALS): string {
  return String(Number(v.toFixed(decimals)));
}

/** A cell value as its number format shows it (the grid preview). */
export function formatCellNumber(v: number, numFmt: string | undefined): string {
  if (!Number.isFinite(v)) return String(v);
  const decimals = formatDecimals(numFmt);
  if (isPercentFormat(numFmt)) return `${(v * 100).toFixed(decimals ?? 0)}%`;
  if (decimals !== undefined) return v.toFixed(decimals);
  return plain(v);
}

/** The number format of a finding's main cell, from the model the audit ran on. */
export function findingFormat(f: Finding, sheet: SheetModel | undefined): string | undefined {
  if (!sheet) return undefined;
  try {
    const { row, col } = parseA1(f.cell);
    return sheet.cell(row, col)?.numFmt;
  } catch {
    return undefined;
  }
}

/**
 * A finding's expected or actual value: as a percentage when the check says it is a rate or the
 * cell is formatted as one (never fewer than 2 decimals, so the difference shows), else plain.
 */
export function formatFindingValue(v: number | string | null | undefined, f: Pick<Finding, 'display'>, numFmt?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return String(v);
  if (f.display === 'percent' || isPercentFormat(numFmt)) {
    const decimals = Math.max(FINDING_PERCENT_DECIMALS, formatDecimals(numFmt) ?? 0);
    return `${(v * 100).toFixed(decimals)}%`;
  }
  return plain(v);
}
