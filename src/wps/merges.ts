/**
 * The merged areas of a block, found without asking every cell: Range.MergeCells answers false
 * (nothing merged), true (every cell merged) or null (some) for a whole block (VBA), so a block
 * that answers null is halved until its parts answer false or true; in a part that is all merged,
 * each area is read once from its first cell's MergeArea. The calls grow with the merged areas
 * (about 2·log2(rows) per area edge down a column), not with the cells, and stop at `maxCalls`
 * (the caller then says the merges are incomplete).
 */
import { CellRange, parseRangeA1, rangeA1 } from '../core/sheet/address';
import type { WpsWorksheet } from './facade';

/** Object-model calls for one sheet's merges: a sheet of 2,000 merged areas needs about 10,000. */
export const MAX_MERGE_CALLS = 50_000;

export interface MergeReading {
  merges: CellRange[];
  /** The call budget ran out: `merges` holds what was found so far. */
  complete: boolean;
}

function areaOf(ws: WpsWorksheet, row: number, col: number): CellRange {
  return parseRangeA1(ws.Range(rangeA1({ top: row, left: col, bottom: row, right: col })).MergeArea.Address(false, false));
}

function covered(found: readonly CellRange[], row: number, col: number): CellRange | undefined {
  return found.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export function readMerges(ws: WpsWorksheet, block: CellRange, maxCalls = MAX_MERGE_CALLS): MergeReading {
  const found: CellRange[] = [];
  const seen = new Set<string>();
  let calls = 0;
  const add = (m: CellRange) => {
    const key = rangeA1(m);
    if (seen.has(key) || (m.top === m.bottom && m.left === m.right)) return;
    seen.add(key);
    found.push(m);
  };
  const stack: CellRange[] = [block];
  while (stack.length > 0) {
    if (calls >= maxCalls) return { merges: found, complete: false };
    const part = stack.pop()!;
    calls++;
    const state = ws.Range(rangeA1(part)).MergeCells;
    if (state === false) continue;
    const height = part.bottom - part.top + 1;
    const width = part.right - part.left + 1;
    if (state === true) {
      // Every cell is merged: read the area at each cell not yet covered, skipping across areas.
      for (let r = part.top; r <= part.bottom; r++) {
        for (let c = part.left; c <= part.right; c++) {
          const known = covered(found, r, c);
          if (known) {
            c = known.right;
            continue;
          }
          if (calls >= maxCalls) return { merges: found, complete: false };
          calls++;
          const area = areaOf(ws, r, c);
          add(area);
          c = Math.max(c, area.right);
        }
      }
      continue;
    }
    if (height === 1 && width === 1) continue;
    // Some cells merged: halve across the columns first, then down the column. Scoring sheets
    // merge down their level columns, so a column's areas are then found by halving its rows.
    if (width > 1) {
      const mid = part.left + Math.floor(width / 2) - 1;
      stack.push({ ...part, left: mid + 1 }, { ...part, right: mid });
    } else {
      const mid = part.top + Math.floor(height / 2) - 1;
      stack.push({ ...part, top: mid + 1 }, { ...part, bottom: mid });
    }
  }
  return { merges: found, complete: true };
}
