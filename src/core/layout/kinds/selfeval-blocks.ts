/**
 * Self-evaluation blocks in their provincial variants: the points a block states for itself — the
 * block label ("预算执行情况(10分)", "绩效指标(90分)", "年度绩效目标1 (80分)") or the score header that is
 * its own formula ("得分 (20分*执行率)", 湖北/云南), used by the checks where no 分值 column gives them —
 * and the target column under a 年度指标值 split into 指标性质 | 指标值 | 度量单位.
 */
import { BlockPoints, SelfEvalIndicatorsTable } from '../types';
import type { AssembleInput } from './shared';

/** "得分(20分*执行率)", "得分（20分×执行率）". */
const POINTS_TIMES_RATE = /(\d+(?:\.\d+)?)分[*×xX]执行率/;
/** A block label ending in its points: "绩效指标(90分)", "预算执行情况(万元)(20分)". */
const BLOCK_LABEL = /^(绩效指标|年度绩效目标\d*|预算执行情况|年度绩效指标|项目资金|预算资金)/;
const TRAILING_POINTS = /\((\d+(?:\.\d+)?)分\)$/;

function squeeze(label: string): string {
  return label.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function blockPointsOf({ header, base }: AssembleInput): { blockPoints?: BlockPoints } {
  const scoreLabel = base.columns.score !== undefined ? header.labels.get(base.columns.score) : undefined;
  if (scoreLabel) {
    const m = POINTS_TIMES_RATE.exec(squeeze(scoreLabel));
    if (m) return { blockPoints: { points: Number(m[1]), stated: scoreLabel } };
  }
  const first = header.labels.get(header.left);
  if (first) {
    const label = squeeze(first);
    const m = BLOCK_LABEL.test(label) ? TRAILING_POINTS.exec(label) : null;
    if (m) return { blockPoints: { points: Number(m[1]), stated: first } };
  }
  return {};
}

/** The comparator and unit columns of 四川/云南 forms (指标性质: =, ≥, ≤ | 指标值 | 度量单位). */
const COMPARATOR_HEADER = /指标性质$/;
const VALUE_HEADER = /指标值$/;
const UNIT_HEADER = /(度量|计量)?单位$/;

/**
 * Columns of a self-evaluation indicator block where the target is split into 指标性质 | 指标值 |
 * 度量单位: the target is the 指标值 column (云南 merges 年度指标值 over all three, which reads as the
 * comparator's word), and the parts beside it are kept for reading the target whole ("≥" "100" "%").
 */
export function selfEvalColumns({ header, base }: AssembleInput): Pick<SelfEvalIndicatorsTable, 'columns' | 'inference' | 'targetParts'> {
  const columns = { ...base.columns };
  let inference = base.inference;
  const label = (c: number): string => squeeze(header.labels.get(c) ?? '');
  let target = columns.target;
  if (target === undefined) return { columns, inference };
  if (COMPARATOR_HEADER.test(label(target)) && VALUE_HEADER.test(label(target + 1))) {
    const old = target;
    target = columns.target = target + 1;
    inference = (inference ?? []).filter((i) => i.col !== old && i.col !== target);
    inference.push({ col: target, role: 'target', source: 'header', confidence: 1, header: header.labels.get(target) ?? '' });
    inference.sort((a, b) => a.col - b.col);
  }
  const targetParts: NonNullable<SelfEvalIndicatorsTable['targetParts']> = {};
  if (COMPARATOR_HEADER.test(label(target - 1))) targetParts.comparator = target - 1;
  if (UNIT_HEADER.test(label(target + 1))) targetParts.unit = target + 1;
  return { columns, inference, ...(Object.keys(targetParts).length ? { targetParts } : {}) };
}
