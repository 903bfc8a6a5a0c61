import { StepClause } from '../clauses';
import { fmtNum } from '../tokens';

/** How a step rule's measured value is read, from the unit the rule counts its steps in. */
export interface StepInput {
  label: string;
  /** How many units below target (or late) the measured value is. */
  shortfall(x: number): number;
}

export function stepInput(step: StepClause): StepInput {
  const u = step.unit;
  if (/百分点|%/.test(u) || u === '') {
    if (step.target !== undefined) {
      const t = step.target;
      return { label: `实际值（与目标 ${fmtNum(t * 100)}% 比较，填小数，如 0.3512）`, shortfall: (x) => (t - x) * 100 };
    }
    if (/百分点|%/.test(u)) return { label: '完成率（相对目标，填小数，每低于 100% 一个百分点为一步）', shortfall: (x) => (1 - x) * 100 };
  }
  if (/月|天|日|周|年/.test(u)) return { label: `延期${u.replace('个', '')}数`, shortfall: (x) => x };
  if (/位|名/.test(u)) return { label: '排名下降位数', shortfall: (x) => x };
  if (/处|次|条|项|个|家|人/.test(u)) return { label: `${u}数（如发现的问题数）`, shortfall: (x) => x };
  return { label: '低于目标的数量', shortfall: (x) => x };
}

/** Points per step in points (a share of the weight for "扣5%权重分值"). */
export function deductOf(step: StepClause, weight: number): number {
  return step.share !== undefined ? step.share * weight : step.deduct;
}

/** Whole steps only: 1.5 percentage points below is one step of "每下降1个百分点". */
export function stepScore(step: StepClause, top: number, weight: number, x: number): number {
  if (!Number.isFinite(x)) return 0;
  const input = stepInput(step);
  const short = input.shortfall(x);
  if (!(short > 1e-9)) return top;
  const steps = Math.floor(short / step.per + 1e-9);
  return Math.max(0, top - steps * deductOf(step, weight));
}
