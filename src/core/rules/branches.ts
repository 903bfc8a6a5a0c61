import { Token } from './lexer';

/**
 * Rules scored by class of unit: "全部完成…的，产区得1.5分、非产区得1分；每减少10个百分点，产区扣0.15分、
 * 非产区扣0.1分". Each class is one variant of the rule: the text with the other classes' outcomes
 * taken out. The first variant scores; every variant's scores are allowed.
 */
export interface Branches {
  /** The class names, in order ("产区", "非产区"). */
  names: string[];
  /** One token list per class. */
  variants: Token[][];
}

/** Subjects of a branch are short names: "产区", "非产区", "东部地区", "县级". */
const MAX_SUBJECT = 8;

type Member = { subject: number; end: number; name: string };

function isVerb(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && (t.cats.has('award') || t.cats.has('deduct') || t.cats.has('deductCap') || t.cats.has('add'));
}

function verbClass(t: Token): string {
  if (t.kind !== 'word') return '';
  if (t.cats.has('deductCap')) return 'cap';
  if (t.cats.has('deduct')) return 'deduct';
  if (t.cats.has('add')) return 'add';
  return 'award';
}

/** A member at k: a subject name, a verb, an amount ("产区得1.5分"). */
function memberAt(ts: readonly Token[], k: number): Member | null {
  const t = ts[k];
  if (!t || t.kind !== 'text' || t.text.length > MAX_SUBJECT || !/^[\u3400-\u9fff]+$/.test(t.text)) return null;
  const v = ts[k + 1];
  if (!isVerb(v)) return null;
  const a = ts[k + 2];
  if (!a || a.kind !== 'points') return null;
  return { subject: k, end: k + 3, name: t.text };
}

function opensPhrase(ts: readonly Token[], k: number): boolean {
  const p = ts[k - 1];
  return !p || p.kind === 'sep' || (p.kind === 'op' && p.op === '(') || p.kind === 'item';
}

/** The groups of members in the text, each of two or more classes joined by "、" or ",". */
function groups(ts: readonly Token[]): Member[][] {
  const out: Member[][] = [];
  for (let k = 0; k < ts.length; k++) {
    if (!opensPhrase(ts, k)) continue;
    const first = memberAt(ts, k);
    if (!first) continue;
    const group = [first];
    let j = first.end;
    while (ts[j]?.kind === 'sep' && ((ts[j] as Extract<Token, { kind: 'sep' }>).sep === 'list' || (ts[j] as Extract<Token, { kind: 'sep' }>).sep === 'weak')) {
      const next = memberAt(ts, j + 1);
      if (!next || verbClass(ts[next.subject + 1]) !== verbClass(ts[first.subject + 1]) || group.some((g) => g.name === next.name)) break;
      group.push(next);
      j = next.end;
    }
    if (group.length >= 2) {
      out.push(group);
      k = j - 1;
    }
  }
  return out;
}

/** Amounts agree within this (published points carry two decimals). */
const POINTS_TOLERANCE = 0.005;

/**
 * "制度健全得1分，执行到位得1分" (2分): one list of awards that add up to the points while none reaches
 * them is parts of one rule, not classes of unit ("产区得2分、非产区得1.5分" gives a class the points).
 */
function isPartsList(gs: Member[][], ts: readonly Token[], points: number): boolean {
  if (gs.length !== 1 || !(points > 0)) return false;
  const amounts = gs[0].map((m) => ts[m.end - 1]).map((t) => (t.kind === 'points' && t.lo === t.hi ? t.lo : NaN));
  if (amounts.some((a) => Number.isNaN(a)) || gs[0].some((m) => verbClass(ts[m.subject + 1]) !== 'award')) return false;
  const sum = amounts.reduce((a, b) => a + b, 0);
  return Math.abs(sum - points) <= POINTS_TOLERANCE && Math.max(...amounts) < points - POINTS_TOLERANCE;
}

export function findBranches(ts: readonly Token[], points = 0): Branches | null {
  const gs = groups(ts);
  if (gs.length === 0 || isPartsList(gs, ts, points)) return null;
  // Every group must name the same classes in the same order.
  const names = gs[0].map((m) => m.name);
  if (!gs.every((g) => g.length === names.length && g.every((m, i) => m.name === names[i]))) return null;
  const variants = names.map((_, i) => {
    const drop = new Set<number>();
    for (const g of gs) {
      g.forEach((m, j) => {
        // The class name goes (its outcome keeps the condition before it); other classes go whole, with their separator.
        if (j === i) drop.add(m.subject);
        else for (let q = m.subject - (j > 0 ? 1 : 0); q < m.end; q++) drop.add(q);
      });
      // The separator after the first member, when the first is dropped.
      if (i > 0) drop.add(g[0].end);
    }
    return ts.filter((_, q) => !drop.has(q));
  });
  return { names, variants };
}
