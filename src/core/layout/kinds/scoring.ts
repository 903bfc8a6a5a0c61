import { buildHierarchy } from '../hierarchy';
import { blockPointsOf, selfEvalColumns } from './selfeval-blocks';
import { anyLevel, Assembler, HeaderFacts, LEVELS, levelColumns } from './shared';

/**
 * Scoring tables (评分表): levels or names, weights, criteria, scores, reasons. Self-evaluation
 * indicator blocks (一级/二级/三级, 指标值, 完成值, 分值, 得分) share the hierarchy.
 */
export function isScoring(f: HeaderFacts): boolean {
  const has = (r: Parameters<HeaderFacts['roles']['has']>[0]): boolean => f.roles.has(r);
  if (has('weight') && has('score') && (has('criteria') || anyLevel(f.roles) || has('explanation') || has('reason'))) return true;
  // A template without scores yet, or scores without weights (points written into the names): the criteria make it one.
  if (has('criteria') && (anyLevel(f.roles) || has('name') || has('label'))) return true;
  // 一级/二级/三级指标 with scores or weights and nothing else: the hierarchy makes it one (a summary has rates).
  return LEVELS.filter((l) => f.roles.has(l)).length >= 2 && (has('score') || has('weight'));
}

export function isSelfEvalIndicators(f: HeaderFacts): boolean {
  return f.roles.has('target') && f.roles.has('actual') && (f.roles.has('weight') || f.roles.has('score'));
}

function hierarchyOf(input: Parameters<Assembler<'scoring'>>[0], namedLeaves = false) {
  const { sheet, body, base } = input;
  // "类别" heading the first column of a table without levels: its groups are the first level.
  if (levelColumns(base.columns).length === 0 && base.columns.label !== undefined && (base.columns.name === undefined || base.columns.label < base.columns.name)) {
    base.columns.level1 = base.columns.label;
    delete base.columns.label;
    if (base.columns.name !== undefined) {
      base.columns.level2 = base.columns.name;
      delete base.columns.name;
    }
  }
  const levels = levelColumns(base.columns);
  const cols = levels.length > 0 ? levels : base.columns.name !== undefined ? [base.columns.name] : [];
  return buildHierarchy(sheet, body.dataRows, { levels: cols, weight: base.columns.weight, score: base.columns.score, criteria: base.columns.criteria, serial: input.header.serialColumns[0], namedLeaves });
}

export const assembleScoring: Assembler<'scoring'> = (input) => ({ ...input.base, kind: 'scoring', ...hierarchyOf(input) });
export const assembleSelfEvalIndicators: Assembler<'selfeval-indicators'> = (input) => ({ ...input.base, kind: 'selfeval-indicators', ...hierarchyOf(input, true), ...selfEvalColumns(input), ...blockPointsOf(input) });
