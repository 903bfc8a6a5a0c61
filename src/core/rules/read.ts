import { classify } from './classify';
import { compileTree, Compiled, MeasuredQuantity } from './compile';
import { clampIntervals, normalizeIntervals, range } from './intervals';
import { normalizeRule, NormalText, rawSpan } from './normalize';
import { findBranches, Branches } from './branches';
import { distributeLists } from './distribute';
import { lex } from './lexer';
import { parseTokens } from './parser';
import { pick } from './regions';
import { Clause, RuleTree } from './syntax';
import { fmtNum, tidy } from './figures';
import { EXTRAPOLATION_WORDS } from './lexicon';
import { ParsedRule, Rule, RuleClause, UnparsedRule } from './types';

/**
 * The rule reader: normalise → tokens → syntax tree → compiled scores → a `Rule`. A text is either
 * read whole, or not understood with the part that could not be read; never half-read.
 */

/** A span of the raw text the reader could not read, with why (Chinese). */
export interface UnreadSpan {
  start: number;
  end: number;
  text: string;
  reason: string;
}

/** A rule whose own top is this many times the indicator's points is a slip (a merged figure, a typo), not a rule. */
const IMPLAUSIBLE_TOP = 4;

function notUnderstood(raw: string, points: number, reason: string, unread: UnreadSpan[] = []): UnparsedRule {
  return { parsed: false, text: raw, points, reason, allowed: range(0, Math.max(0, points)), clauses: [], unread };
}

const SCORING_KINDS = new Set<Clause['kind']>(['rule', 'step', 'declare', 'floor', 'deductionCap', 'bonusCap', 'scoreCap', 'rateCap', 'shares', 'perPeriod', 'target']);

function clauseList(tree: RuleTree): Clause[] {
  return [...tree.head, ...tree.items.flatMap((i) => i.clauses), ...tree.tail];
}

function unreadOf(norm: NormalText, s: number, e: number, reason: string): UnreadSpan {
  const [a, b] = rawSpan(norm, s, e);
  return { start: a, end: b, text: norm.raw.slice(a, b), reason };
}

export function readRule(text: string, points: number): Rule {
  const raw = String(text ?? '');
  const w = Number.isFinite(points) && points > 0 ? points : 0;
  const norm = normalizeRule(raw);
  if (norm.text.replace(/[\p{P}\p{S}]/gu, '') === '') return notUnderstood(raw, w, '评分标准为空');
  const tokens = distributeLists(lex(norm));
  const branches = findBranches(tokens, w);
  if (branches) return readBranches(raw, w, norm, branches);
  const { tree, unread } = parseTokens(tokens);
  const clauses = clauseList(tree);
  if (clauses.every((c) => c.kind === 'reference' || c.kind === 'description') && clauses.some((c) => c.kind === 'reference')) {
    return notUnderstood(raw, w, '评分标准只指向其他文件或其他行（如“详见附件”“同上”），未写明计分方式');
  }
  if (unread.length > 0) {
    const spans = unread.map((u) => unreadOf(norm, u.s, u.e, u.reason));
    return notUnderstood(raw, w, `未能读懂“${spans.map((u) => u.text).join('”“')}”（${spans[0].reason}）`, spans);
  }
  const extrapolated = EXTRAPOLATION_WORDS.find((w) => norm.text.includes(w));
  if (extrapolated) return notUnderstood(raw, w, `评分标准写“${extrapolated}”，其余各档未写出，未能确定每档的分值`);
  const scoring = clauses.filter((c) => SCORING_KINDS.has(c.kind));
  if (!clauses.some((c) => c.kind === 'rule' || c.kind === 'step')) {
    if (scoring.some((c) => c.kind === 'declare')) return notUnderstood(raw, w, '只写明了分值，未写明怎样计分');
    if (clauses.some((c) => c.kind === 'definition')) return notUnderstood(raw, w, '只给出指标的计算公式，未写明怎样计分');
    if (clauses.some((c) => c.kind === 'basis')) return notUnderstood(raw, w, '只写明计分依据，未写明分值或计分公式');
    return notUnderstood(raw, w, '未找到分值或计分方式（如“得X分”“扣X分”“按完成比例给分”）');
  }
  // "制度建设（5分）": a topic and its points, no way of scoring.
  const scoringClauses = clauses.filter((c) => c.kind === 'rule' || c.kind === 'step');
  if (scoringClauses.length === 1 && scoringClauses[0].kind === 'rule' && scoringClauses[0].outcome.kind === 'award' && scoringClauses[0].outcome.declared) {
    return notUnderstood(raw, w, '只写明了项目和分值，未写明怎样计分');
  }
  const compiled = compileTree(tree, w, norm.text);
  if (compiled.failure) return notUnderstood(raw, w, compiled.failure);
  if (compiled.allowed.length === 0) return notUnderstood(raw, w, '未能确定可得分值');
  if (w > 0 && compiled.max > w * IMPLAUSIBLE_TOP) return notUnderstood(raw, w, `评分标准写明最高可得 ${fmtNum(compiled.max)} 分，远超该指标分值 ${fmtNum(w)}，疑为文字有误`);
  return build(raw, w, norm, tree, compiled);
}

/**
 * A rule scored by class of unit: each class read as its own rule; the first scores, every class's
 * scores are allowed ("产区得1.5分、非产区得1分").
 */
function readBranches(raw: string, w: number, norm: NormalText, b: Branches): Rule {
  const rules: ParsedRule[] = [];
  for (let i = 0; i < b.variants.length; i++) {
    const { tree, unread } = parseTokens(b.variants[i]);
    if (unread.length > 0) {
      const spans = unread.map((u) => unreadOf(norm, u.s, u.e, u.reason));
      return notUnderstood(raw, w, `未能读懂“${spans.map((u) => u.text).join('”“')}”（${spans[0].reason}）`, spans);
    }
    const compiled = compileTree(tree, w, norm.text);
    if (compiled.failure) return notUnderstood(raw, w, `${b.names[i]}：${compiled.failure}`);
    rules.push(build(raw, w, norm, tree, compiled));
  }
  const first = rules[0];
  const allowed = normalizeIntervals(rules.flatMap((r) => r.allowed));
  return {
    ...first,
    allowed,
    explanation: `分类计分（${b.names.join('、')}）。按“${b.names[0]}”：${first.explanation}${rules.slice(1).map((r, i) => `；按“${b.names[i + 1]}”：${r.explanation}`).join('')}`,
    branches: b.names,
  };
}

function build(raw: string, w: number, norm: NormalText, tree: RuleTree, c: Compiled): ParsedRule {
  // Points not given (0): the rule's own top bounds it.
  const cap = w > 0 ? Math.max(0, Math.min(w, c.max)) : Math.max(0, c.max);
  const clamp = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : tidy(Math.min(cap, Math.max(0, v))));
  const { kind, kinds } = classify(c, tree);
  const clauses: RuleClause[] = c.clauses.map((d) => {
    const [a, b] = rawSpan(norm, d.clause.s, d.clause.e);
    const rc: RuleClause = { text: raw.slice(a, b).trim(), kind: d.kind, span: [a, b] };
    if (d.points !== undefined) rc.points = tidy(d.points);
    return rc;
  });
  const one = (x0: number, comp: Compiled): number | null => {
    const q = comp.quantity;
    // Places start at 1 and occurrences at 0, in whole numbers: anything else names no place or count.
    if (q?.kind === 'rank' && !(Number.isInteger(x0) && x0 >= 1)) return null;
    if (q?.kind === 'count' && q.axis === 'count' && !(Number.isInteger(x0) && x0 >= 0)) return null;
    const x = q?.magnitude ? Math.abs(x0) : x0;
    const p = pick(comp.pieces, x);
    return p ? p.value(x) : null;
  };
  const items = c.items;
  const inputs = items ? items.length : c.pieces.length > 0 && c.quantity ? 1 : 0;
  const score = (values: number | readonly number[]): number | null => {
    const xs = typeof values === 'number' ? [values] : [...values];
    if (xs.some((x) => typeof x !== 'number' || !Number.isFinite(x))) return null;
    if (items) {
      if (xs.length !== 1 && xs.length !== items.length) return null;
      let sum = 0;
      for (let i = 0; i < items.length; i++) {
        const v = one(xs.length === 1 ? xs[0] : xs[i], items[i]);
        if (v === null) return null;
        sum += Math.max(0, Math.min(c.parts?.[i]?.points ?? Infinity, v));
      }
      return clamp(sum);
    }
    if (xs.length !== 1 || c.pieces.length === 0) return null;
    return clamp(one(xs[0], c));
  };
  const rule: ParsedRule = {
    parsed: true,
    text: raw,
    points: w,
    kind,
    kinds,
    allowed: clampIntervals(c.allowed, 0, cap),
    clauses,
    explanation: c.lines.join('；'),
    discretionary: c.discretionary,
    inputs,
    maxPoints: tidy(c.max),
    score,
    tree,
  };
  if (c.quantity && inputs > 0) {
    rule.inputLabel = c.quantity.name;
    rule.quantity = quantityOut(c.quantity);
  }
  if (c.parts && c.parts.length > 1) rule.parts = c.parts.map((p) => ({ label: p.label, points: tidy(p.points), clause: p.clause }));
  const step = c.steps[0];
  if (step && c.steps.length === 1 && !items && !c.parts) rule.step = { per: step.per, unit: step.unit, deduct: tidy(step.deduct) };
  if (items) {
    rule.scoreItem = (i, v) => {
      const comp = items[i];
      if (!comp) return null;
      const s = one(v, comp);
      return s === null ? null : tidy(Math.max(0, Math.min(c.parts?.[i]?.points ?? cap, s)));
    };
  }
  return rule;
}

function quantityOut(q: MeasuredQuantity): NonNullable<ParsedRule['quantity']> {
  const out: NonNullable<ParsedRule['quantity']> = { name: q.name, unit: q.unit, kind: q.kind, direction: q.direction };
  if (q.target !== undefined) out.target = q.target;
  if (q.twoSided) out.twoSided = true;
  if (q.magnitude) out.magnitude = true;
  return out;
}
