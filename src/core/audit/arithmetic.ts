import { evaluate, parseExpr } from '../rules/expr';
import { lex, Token } from '../rules/lexer';
import { normalizeRule, rawSpan } from '../rules/normalize';
import { halfUnit } from './tolerance';

/**
 * Computations written in a reason or criteria cell ("(95%-60%)/(100%-60%)×4=3.5分",
 * "得分=3×(1-12.5%)=2.63分", "4-1.5=2.5分", "190/200=95%"), read with the rule language's
 * lexer and expression parser and evaluated by its evaluator (never eval).
 */
export interface WrittenComputation {
  /** The formula as written (raw text). */
  formula: string;
  computed: number;
  written: number;
  /** Half a unit of the written result's last decimal, in its own unit (a fraction for a percentage). */
  tolerance: number;
  /** The result is in points (…=2.5分), a percentage, or a bare number. */
  unit: 'points' | 'percent' | 'number';
  /** What the words before the formula say it computes. */
  meaning: 'score' | 'deduction' | 'unknown';
}

/** How many decimals a written figure shows ("2.63分" → 2, "95%" → 0). */
function decimalsOf(text: string): number {
  const m = /\d+(?:\.(\d+))?/.exec(text);
  return m?.[1]?.length ?? 0;
}

/** The written result after "=": a figure, with its unit and shown precision. */
function resultAt(t: Token | undefined, text: string): { value: number; unit: WrittenComputation['unit']; tolerance: number } | undefined {
  if (!t) return undefined;
  const shown = text.slice(t.s, t.e);
  if (t.kind === 'points' && t.lo === t.hi) return { value: t.lo, unit: 'points', tolerance: halfUnit(decimalsOf(shown)) };
  if (t.kind === 'num') return { value: t.value, unit: t.percent ? 'percent' : 'number', tolerance: halfUnit(decimalsOf(shown)) / (t.percent ? 100 : 1) };
  return undefined;
}

const isOp = (t: Token | undefined, op: string): boolean => t?.kind === 'op' && t.op === op;

/** What the few characters before a formula say it is: 扣… a deduction; 得分/得/计… the score. */
function meaningBefore(text: string, at: number): WrittenComputation['meaning'] {
  const before = text.slice(Math.max(0, text.slice(0, at).search(/[^,;。]*$/)), at).slice(-8);
  if (before.includes('扣')) return 'deduction';
  if (/得分|得|计|评分|分数/.test(before)) return 'score';
  return 'unknown';
}

/**
 * Every "formula = result" of a text. `points` stands for 分值/该指标分值 in the formula (the row's
 * weight). A formula with a measured value in it ("完成率×4") is not a computation and is skipped.
 */
/** Rule and reason texts repeat down a table: each (text, points) is read once. */
const COMPUTATIONS_CACHE_SIZE = 4096;
const computationsCache = new Map<string, WrittenComputation[]>();

export function writtenComputations(text: string, points: number): WrittenComputation[] {
  if (!text.includes('=') && !text.includes('＝')) return [];
  const key = `${points}\u0000${text}`;
  const cached = computationsCache.get(key);
  if (cached) return cached;
  const found = readComputations(text, points);
  if (computationsCache.size >= COMPUTATIONS_CACHE_SIZE) computationsCache.clear();
  computationsCache.set(key, found);
  return found;
}

function readComputations(text: string, points: number): WrittenComputation[] {
  const n = normalizeRule(text);
  const ts = lex(n);
  const out: WrittenComputation[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const startsFormula = t.kind === 'num' || t.kind === 'points' || isOp(t, '(') || isOp(t, '-') || (t.kind === 'word' && t.cats.has('pointsWord'));
    if (!startsFormula || (i > 0 && ts[i - 1].kind === 'op' && !isOp(ts[i - 1], '=') && !isOp(ts[i - 1], '('))) continue;
    // A formula, or a written fraction the lexer read as one number ("190/200").
    const parsed = parseExpr(ts, i);
    const fraction = !parsed && t.kind === 'num' && t.text.includes('/') ? { value: t.value, end: i + 1 } : undefined;
    const end = parsed?.end ?? fraction?.end;
    if (end === undefined || !isOp(ts[end], '=')) continue;
    const computed = parsed ? evaluate(parsed.expr, points, undefined) : fraction!.value;
    // A formula over measured values ("(本年度预算数-上年度)÷上年度=…"): its numbers may follow the "=".
    if (computed === null || !Number.isFinite(computed)) {
      i = end;
      continue;
    }
    // Each "= …" of a chain is checked against the formula's value; the last figure is its result.
    let j = end;
    let result: ReturnType<typeof resultAt>;
    while (isOp(ts[j], '=')) {
      const next = parseExpr(ts, j + 1);
      if (next && isOp(ts[next.end], '=')) {
        j = next.end;
        continue;
      }
      result = resultAt(ts[j + 1], n.text);
      j += 2;
      break;
    }
    if (!result) {
      i = Math.max(i, j - 1);
      continue;
    }
    const [a, b] = rawSpan(n, t.s, ts[end - 1].e);
    out.push({
      formula: text.slice(a, b).trim(),
      computed,
      written: result.value,
      tolerance: result.tolerance,
      unit: result.unit,
      meaning: meaningBefore(n.text, t.s),
    });
    i = j - 1;
  }
  return out;
}
