/**
 * The points a self-evaluation block states for itself, in the provincial variants of the form:
 * the block label ("预算执行情况(10分)", "绩效指标(90分)", "年度绩效目标1 (80分)") or the score header
 * that is its own formula ("得分 (20分*执行率)", 湖北/云南). Checks use them where no 分值 column does.
 */
import { BlockPoints } from '../types';
import type { AssembleInput } from './shared';

/** "得分(20分*执行率)", "得分（20分×执行率）". */
const POINTS_TIMES_RATE = /(\d+(?:\.\d+)?)分[*×xX]执行率/;
/** A block label ending in its points: "绩效指标(90分)", "预算执行情况(万元)(20分)". */
const LABEL_POINTS = /^(绩效指标|年度绩效目标\d*|预算执行情况|年度绩效指标|项目资金|预算资金)[^()]*(?:\([^()]*\))*?\((\d+(?:\.\d+)?)分\)$/;

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
    const m = LABEL_POINTS.exec(squeeze(first));
    if (m) return { blockPoints: { points: Number(m[2]), stated: first } };
  }
  return {};
}
