import type { Clause, Condition, Outcome, RuleTree, Step } from './syntax';
import { formatExpr } from './expr';
import { amountText, fmtNum, pct } from './figures';
import { contains, formatIntervals } from './intervals';
import { Interval, Rule, RuleClause, RulePart, RuleKind, RuleQuantity, RuleStep } from './types';

/** Is `score` one the rule allows (within `tolerance`, for figures rounded to 2 decimals)? */
export function isScoreAllowed(rule: Rule, score: number, tolerance = 0.01): boolean {
  if (!Number.isFinite(score)) return false;
  return contains(rule.allowed, score, tolerance);
}

/** "{0, 1–2, 3, 4}" or "0–2 之间任意分值". */
export function formatAllowed(allowed: readonly Interval[]): string {
  return formatIntervals(allowed);
}

export type RuleJSON =
  | {
      parsed: true;
      kind: RuleKind;
      kinds: RuleKind[];
      allowed: Interval[];
      explanation: string;
      clauses: RuleClause[];
      parts: RulePart[];
      discretionary: boolean;
      maxPoints: number;
      inputs: number;
      inputLabel?: string;
      /** The measured value --value stands for: its name, unit, kind and direction. */
      quantity?: RuleQuantity;
      step?: RuleStep;
      branches?: string[];
    }
  | { parsed: false; reason: string; allowed: Interval[]; unread: Array<{ start: number; end: number; text: string; reason: string }> };

/** A plain object for JSON output (the CLI and reports); the score function is left out. */
export function ruleToJSON(rule: Rule): RuleJSON {
  if (!rule.parsed) return { parsed: false, reason: rule.reason, allowed: rule.allowed.map(([a, b]) => [a, b]), unread: (rule.unread ?? []).map((u) => ({ ...u })) };
  const out: RuleJSON = {
    parsed: true,
    kind: rule.kind,
    kinds: [...rule.kinds],
    allowed: rule.allowed.map(([a, b]) => [a, b]),
    explanation: rule.explanation,
    clauses: rule.clauses.map((c) => ({ ...c })),
    parts: (rule.parts ?? []).map((p) => ({ ...p })),
    discretionary: rule.discretionary,
    maxPoints: rule.maxPoints,
    inputs: rule.inputs,
  };
  if (rule.inputLabel) out.inputLabel = rule.inputLabel;
  if (rule.quantity) out.quantity = { ...rule.quantity };
  if (rule.step) out.step = { ...rule.step };
  if (rule.branches) out.branches = [...rule.branches];
  return out;
}

// ------------------------------------------------------------------------------ the parse as a tree

function bound(v: number, unit: string): string {
  return unit === 'percent' || unit === 'pp' ? pct(v) : fmtNum(v);
}

function conditionText(c: Condition): string {
  switch (c.kind) {
    case 'none':
      return '（无条件）';
    case 'otherwise':
      return c.band ? `否则且${conditionText(c.band)}` : '否则（以上条件之外）';
    case 'met':
      return `完成目标（“${c.text}”）`;
    case 'notMet':
      return `未完成目标（“${c.text}”）`;
    case 'band': {
      const u = c.quantity.unitClass;
      const lo = c.lo ? `${c.lo.incl ? '≥' : '>'} ${bound(c.lo.v, u)}` : '';
      const hi = c.hi ? `${c.hi.incl ? '≤' : '<'} ${bound(c.hi.v, u)}` : '';
      return `${c.quantity.name || '数值'} ${[lo, hi].filter(Boolean).join(' 且 ')}${c.quantity.deviation ? '（偏差绝对值）' : ''}`;
    }
    case 'rank':
      return `${c.reverse ? '倒数' : ''}名次 ${c.hi === Infinity ? `≥ ${c.lo}` : c.lo === c.hi ? `= ${c.lo}` : `${c.lo}–${c.hi}`}`;
    case 'count':
      return `${c.unit}数 ${c.hi === Infinity ? `≥ ${c.lo}` : `= ${c.lo}`}`;
    case 'qualitative':
      return `“${c.text}”${c.negative ? '（否定）' : ''}`;
  }
}

function outcomeText(o: Outcome): string {
  switch (o.kind) {
    case 'award':
      return `得 ${amountText(o.amount)}${o.declared ? '（括号内分值）' : ''}`;
    case 'deduct':
      return `扣 ${amountText(o.amount)}`;
    case 'bonus':
      return `加 ${amountText(o.amount)}`;
    case 'formula':
      return `得分 = ${formatExpr(o.expr)}`;
    case 'proportional':
      return o.reference === 'first' ? '按与第1名之比计分' : o.reference === 'threshold' ? '按比率法计分（实际值 ÷ 合格标准 × 分值）' : `按完成比例${o.deduct ? '扣分' : '计分'}`;
    case 'discretionary':
      return o.direction === 'deduct' ? '酌情扣分' : '酌情给分';
    case 'exempt':
      return '不扣分';
    case 'ordered':
      return `依次得 ${o.amounts.map(fmtNum).join('、')} 分`;
    case 'peerAverage':
      return '按其他单位平均分计分';
    case 'interpolate':
      return '两档之间按插值计分';
  }
}

function stepText(s: Step): string {
  const what = `${s.verb}${s.subject}${fmtNum(s.per)}${s.unit}`;
  const verb = s.direction === 'deduct' ? '扣' : s.direction === 'add' ? '加' : '得';
  return `每${what}${verb} ${amountText(s.amount)}${s.cap !== undefined ? `（最多扣 ${fmtNum(s.cap)} 分）` : ''}`;
}

function clauseLines(c: Clause, indent: string): string[] {
  switch (c.kind) {
    case 'rule':
      return [`${indent}条款：${outcomeText(c.outcome)}${c.oneOff ? '（一次）' : ''}`, `${indent}  条件：${conditionText(c.cond)}`];
    case 'step':
      return [`${indent}逐步扣分：${stepText(c.step)}`, ...(c.cond.kind === 'none' ? [] : [`${indent}  条件：${conditionText(c.cond)}`])];
    case 'floor':
      return [`${indent}扣完为止${c.maxDeduction !== undefined ? `（最多扣 ${fmtNum(c.maxDeduction)} 分）` : ''}`];
    case 'deductionCap':
      return [`${indent}最多扣 ${c.max === 'points' ? '本项分值' : `${fmtNum(c.max)} 分`}`];
    case 'bonusCap':
      return [`${indent}最多加 ${fmtNum(c.max)} 分`];
    case 'scoreCap':
      return [`${indent}最高得 ${c.max === 'points' ? '本项分值' : `${fmtNum(c.max)} 分`}`];
    case 'rateCap':
      return [`${indent}比率超过 ${pct(c.max)} 按 ${pct(c.max)} 计`];
    case 'declare':
      return [`${indent}${c.scope === 'each' ? '每项' : '本项共'} ${fmtNum(c.points)} 分${c.cond.kind === 'none' ? '' : `（${conditionText(c.cond)}）`}`];
    case 'shares':
      return [`${indent}各要点各占分值的 ${pct(c.share)}${c.count ? `（${c.count} 个要点）` : ''}`];
    case 'perPeriod':
      return [`${indent}每${c.unit}单独计分`];
    case 'basis':
      return [`${indent}计分依据：${c.basis.text}${c.basis.kind === 'gap' ? '（扣分所依据的差距）' : c.basis.kind === 'rank' ? '（按名次）' : ''}`];
    case 'definition':
      return [`${indent}定义：${c.name}（不计分）`];
    case 'target':
      return [`${indent}目标：${conditionText(c.cond)}（达到得满分）`];
    case 'reference':
      return [`${indent}引用其他文件或行（不计分）`];
    case 'overflow':
      return [`${indent}超出部分扣总分`];
    case 'description':
      return [];
  }
}

/** The syntax tree of a rule as indented Chinese lines (score-audit rule --explain). */
export function treeLines(tree: RuleTree): string[] {
  const out: string[] = [];
  for (const c of tree.head) out.push(...clauseLines(c, '  '));
  for (const it of tree.items) {
    out.push(`  第${it.n}项`);
    for (const c of it.clauses) out.push(...clauseLines(c, '    '));
  }
  if (tree.tail.length > 0) {
    out.push('  各项共用');
    for (const c of tree.tail) out.push(...clauseLines(c, '    '));
  }
  return out;
}
