import { readRule } from './read';
import { range } from './intervals';
import { Rule, UnparsedRule } from './types';

/** Read a rule without the cache and without a safety net (tests call this to see real exceptions). */
export function parseRuleUncached(text: string, points: number): Rule {
  return readRule(text, points);
}

function failedRead(text: string, points: number): UnparsedRule {
  const w = Number.isFinite(points) && points > 0 ? points : 0;
  return { parsed: false, text: String(text ?? ''), points: w, reason: '评分标准结构无法解析', allowed: range(0, w), clauses: [] };
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
    rule = failedRead(text, points);
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
