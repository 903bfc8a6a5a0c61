/**
 * 得分率 by 一级指标 for the pane's chart: per scoring table, the points and the score of each
 * first-level indicator, summed over its leaf indicators as the table states them. Pure.
 */
import type { DetectedTable } from '../core/layout/types';

export interface LevelRate {
  name: string;
  points: number;
  score: number;
  /** score / points. */
  rate: number;
}

export interface TableRates {
  table: DetectedTable;
  levels: LevelRate[];
}

/** The first-level indicators of each scoring table, in their order, where points and scores are given. */
export function ratesByLevel1(tables: readonly DetectedTable[]): TableRates[] {
  const out: TableRates[] = [];
  for (const table of tables) {
    if (table.kind !== 'scoring' && table.kind !== 'selfeval-indicators') continue;
    const byName = new Map<string, { points: number; score: number; scored: boolean }>();
    for (const ind of table.indicators) {
      const name = ind.path[0]?.trim();
      if (!name || ind.weight === undefined) continue;
      const e = byName.get(name) ?? { points: 0, score: 0, scored: false };
      e.points += ind.weight;
      if (ind.score !== undefined) {
        e.score += ind.score;
        e.scored = true;
      }
      byName.set(name, e);
    }
    const levels = [...byName]
      .filter(([, e]) => e.points > 0 && e.scored)
      .map(([name, e]) => ({ name, points: round(e.points), score: round(e.score), rate: e.score / e.points }));
    if (levels.length > 0) out.push({ table, levels });
  }
  return out;
}

function round(v: number): number {
  return Number(v.toFixed(4));
}
