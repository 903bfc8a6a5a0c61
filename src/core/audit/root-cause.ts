import { IndicatorRow } from '../layout/types';
import { CorrectedRow } from './catalogue';
import { FlaggedScore } from './context';
import { close } from './tolerance';

/** Beyond this many combinations of corrections a total is not explained (it stays an error). */
const MAX_COMBINATIONS = 4096;

/** A total's difference from the sum of its rows, explained by rows already flagged. */
export interface Explanation {
  rows: CorrectedRow[];
  /** The total with those rows corrected. */
  corrected: number;
}

/**
 * Whether a total that is not the sum of its rows differs only because rows already flagged are
 * wrong: some choice among their corrected scores (each flagged row corrected or left) makes the
 * rows add up to the total as written. One mistake is then one error (the row's) and the total is
 * its consequence. Undefined when no such choice exists.
 */
export function explainedByFlagged(rows: readonly IndicatorRow[], flagged: ReadonlyMap<IndicatorRow, FlaggedScore>, written: number, sum: number, tol: number): Explanation | undefined {
  const wrong = rows.map((r) => flagged.get(r)).filter((f): f is FlaggedScore => f !== undefined);
  if (wrong.length === 0) return undefined;
  const options = wrong.map((f) => [f.score, ...f.corrected.filter((c) => c !== f.score)]);
  if (options.reduce((n, o) => n * o.length, 1) > MAX_COMBINATIONS) return undefined;
  const choice: number[] = new Array<number>(wrong.length).fill(0);
  for (;;) {
    const total = wrong.reduce((acc, f, i) => acc - f.score + options[i][choice[i]], sum);
    if (choice.some((c) => c > 0) && close(total, written, tol)) {
      const changed = wrong.flatMap((f, i) => (choice[i] > 0 ? [{ name: f.name, cell: f.cell, score: f.score, corrected: options[i][choice[i]] }] : []));
      return { rows: changed, corrected: total };
    }
    // Next combination (odometer order).
    let i = 0;
    while (i < choice.length && ++choice[i] === options[i].length) choice[i++] = 0;
    if (i === choice.length) return undefined;
  }
}
