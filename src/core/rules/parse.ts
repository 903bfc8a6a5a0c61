import { findDiscretionary, findLinear, findProportional, findSelfEval, findStatedPoints, findSteps } from './clauses';
import { findBands } from './families/bands';
import { readOwnPointItems, readTargetItems } from './families/multi';
import { readSingle } from './families/single';
import { clampIntervals, range } from './intervals';
import { findItemPoints, pointsPerItem, splitItems } from './items';
import { Reading } from './reading';
import { normalizeRuleText, tidy, yearSpan } from './tokens';
import { ParsedRule, Rule, UnparsedRule } from './types';

/** Texts that point elsewhere instead of stating a rule. */
const REFERENCE_ONLY = /^(详见|见附件|参见|参照附件|具体见|按附件)/;

function unparsed(text: string, points: number, reason: string): UnparsedRule {
  return { parsed: false, text, points, reason, allowed: [[0, Math.max(0, points)]], clauses: [] };
}

/** Any of the continuous families: such items are alternatives of one rule, not parts to add. */
function hasFormula(s: string): boolean {
  return !!(findLinear(s) || findSelfEval(s) || findProportional(s) || findSteps(s).length > 0);
}

/** "每年完成任务得1分，否则不得分" over "2017-2019年": one binary item per year. */
function perYearItems(s: string, weight: number): Reading | null {
  if (!/每年/.test(s) || hasFormula(s)) return null;
  const p = findStatedPoints(s, weight).find((x) => x.hi > 0 && x.lo === x.hi);
  if (!p) return null;
  const years = yearSpan(s) ?? Math.round(weight / p.hi);
  if (!(years >= 2) || years > 20) return null;
  const items = Array.from({ length: years }, (_, i) => ({ index: i + 1, text: `第${i + 1}年` }));
  return readTargetItems(items, items.map(() => p.hi), s, p.text, `每年${p.hi}分×${years}年`);
}

function read(s: string, weight: number): Reading | string {
  const { items } = splitItems(s);
  const decl = findItemPoints(s);
  if (items.length >= 2 && decl) {
    const pts = pointsPerItem(items, decl);
    if (pts) return readTargetItems(items, pts, s, decl.text);
  }
  const perYear = perYearItems(s, weight);
  if (perYear) return perYear;
  const bandItems = items.filter((it) => findBands(it.text).length > 0).length;
  if (items.length >= 2 && bandItems < 2 && !items.some((it) => hasFormula(it.text))) {
    const own = readOwnPointItems(items, weight);
    if (own) return own;
  }
  return readSingle(s, weight);
}

/** Read a rule without the cache and without a safety net (tests call this to see real exceptions). */
export function parseRuleUncached(text: string, points: number): Rule {
  const raw = String(text ?? '');
  const w = Number.isFinite(points) && points > 0 ? points : 0;
  const s = normalizeRuleText(raw);
  if (s.replace(/[\s\p{P}]/gu, '') === '') return unparsed(raw, w, '评分标准为空');
  if (REFERENCE_ONLY.test(s)) return unparsed(raw, w, '评分标准只指向其他文件（如“详见附件”），未写明计分方式');
  if (!/分/.test(s) && findDiscretionary(s).length === 0) return unparsed(raw, w, '未找到分值或计分方式（如“得X分”“扣X分”“按完成比例给分”）');
  const r = read(s, w);
  if (typeof r === 'string') return unparsed(raw, w, r);
  // Scores never leave [0, points] nor [0, what the rule itself can give].
  const cap = Math.max(0, Math.min(w, r.maxPoints));
  const clamp = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : tidy(Math.min(cap, Math.max(0, v))));
  const rule: ParsedRule = {
    parsed: true,
    text: raw,
    points: w,
    kind: r.kind,
    kinds: r.kinds,
    allowed: clampIntervals(r.allowed.length > 0 ? r.allowed : range(0, cap), 0, cap),
    clauses: r.clauses,
    explanation: r.explanation,
    discretionary: r.discretionary,
    inputs: r.inputs,
    maxPoints: tidy(r.maxPoints),
    score: (values) => clamp(r.score(values)),
  };
  if (r.inputLabel) rule.inputLabel = r.inputLabel;
  if (r.parts) rule.parts = r.parts;
  if (r.step) rule.step = r.step;
  if (r.scoreItem) {
    const item = r.scoreItem;
    rule.scoreItem = (i, v) => clamp(item(i, v));
  }
  return rule;
}

const CACHE_LIMIT = 2000;
/** Points → text → rule. Two levels so a lookup hashes the cell's own string, not a new key. */
const cache = new Map<number, Map<string, Rule>>();
let cached = 0;

/**
 * Read a 评分标准 text against the indicator's points. Never throws: a text that cannot be read
 * is returned as `{ parsed: false, reason }` with the free range [0, points].
 * The same (text, points) returns the same object (bounded cache: emptied when full).
 */
export function parseRule(text: string, points: number): Rule {
  const hit = cache.get(points)?.get(text);
  if (hit) return hit;
  let rule: Rule;
  try {
    rule = parseRuleUncached(text, points);
  } catch {
    rule = unparsed(String(text ?? ''), Number.isFinite(points) && points > 0 ? points : 0, '评分标准结构无法解析');
  }
  if (cached >= CACHE_LIMIT) clearRuleCache();
  let byText = cache.get(points);
  if (!byText) {
    byText = new Map();
    cache.set(points, byText);
  }
  byText.set(text, rule);
  cached++;
  return rule;
}

/** For tests: empty the cache. */
export function clearRuleCache(): void {
  cache.clear();
  cached = 0;
}

export function ruleCacheSize(): number {
  return cached;
}
