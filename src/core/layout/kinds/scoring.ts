import { buildHierarchy } from '../hierarchy';
import { anyLevel, Assembler, HeaderFacts, levelColumns } from './shared';

/**
 * Scoring tables (评分表): levels or names, weights, criteria, scores, reasons. Self-evaluation
 * indicator blocks (一级/二级/三级, 指标值, 完成值, 分值, 得分) share the hierarchy.
 */
export function isScoring(f: HeaderFacts): boolean {
  const has = (r: Parameters<HeaderFacts['roles']['has']>[0]): boolean => f.roles.has(r);
  if (has('weight') && has('score') && (has('criteria') || anyLevel(f.roles) || has('explanation') || has('reason'))) return true;
  // A template without scores yet, or scores without weights: the criteria make it a scoring table.
  return has('criteria') && (has('score') || has('weight')) && (anyLevel(f.roles) || has('name') || has('explanation'));
}

export function isSelfEvalIndicators(f: HeaderFacts): boolean {
  return f.roles.has('target') && f.roles.has('actual') && (f.roles.has('weight') || f.roles.has('score'));
}

function hierarchyOf(input: Parameters<Assembler<'scoring'>>[0]) {
  const { sheet, body, base } = input;
  const levels = levelColumns(base.columns);
  const cols = levels.length > 0 ? levels : base.columns.name !== undefined ? [base.columns.name] : [];
  return buildHierarchy(sheet, body.dataRows, cols, base.columns.weight, base.columns.score, base.columns.criteria);
}

export const assembleScoring: Assembler<'scoring'> = (input) => ({ ...input.base, kind: 'scoring', ...hierarchyOf(input) });
export const assembleSelfEvalIndicators: Assembler<'selfeval-indicators'> = (input) => ({ ...input.base, kind: 'selfeval-indicators', ...hierarchyOf(input) });
