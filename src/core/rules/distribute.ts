import { Token, TokenOf } from './lexer';

/**
 * A grammar rule applied to the tokens before parsing: one comparator over a list of figures and
 * 分别 over as many amounts ("低于80%、70%、60%的，分别扣1分、2分、3分") are as many clauses, each
 * figure with its amount ("低于80%的，扣1分；低于70%的，扣2分；低于60%的，扣3分"). The new tokens
 * keep the spans of the ones they repeat, so every clause still points into the raw text.
 */

const isWordOf = (t: Token | undefined, cat: string): t is TokenOf<'word'> => t?.kind === 'word' && t.cats.has(cat as never);
const isListSep = (t: Token | undefined): boolean => t?.kind === 'sep' && t.sep === 'list';
const isFigure = (t: Token | undefined): boolean => t?.kind === 'num' || t?.kind === 'qty';
const isOutcome = (t: Token | undefined): boolean => isWordOf(t, 'deduct') || isWordOf(t, 'award') || isWordOf(t, 'add');

/** The tokens of a list "a、b、c" starting at k that satisfy `item`: their indices, or none. */
function listAt(ts: readonly Token[], k: number, item: (t: Token | undefined) => boolean): number[] {
  const at: number[] = [];
  let i = k;
  while (item(ts[i])) {
    at.push(i);
    if (!isListSep(ts[i + 1]) || !item(ts[i + 2])) break;
    i += 2;
  }
  return at;
}

/** Amounts "1分、2分、3分", or "1、2、3分" (分 once, after the last): as points tokens. */
function amountsAt(ts: readonly Token[], k: number): { amounts: Array<TokenOf<'points'>>; end: number } | undefined {
  const at = listAt(ts, k, (t) => t?.kind === 'points' || (t?.kind === 'num' && !t.percent));
  if (at.length < 2 || ts[at[at.length - 1]].kind !== 'points') return undefined;
  const amounts = at.map((i) => {
    const t = ts[i];
    return t.kind === 'points' ? t : ({ kind: 'points', lo: (t as TokenOf<'num'>).value, hi: (t as TokenOf<'num'>).value, s: t.s, e: t.e } as TokenOf<'points'>);
  });
  return { amounts, end: at[at.length - 1] + 1 };
}

export function distributeLists(ts: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < ts.length; k++) {
    const cmp = ts[k];
    if (isWordOf(cmp, 'cmpPre') && isFigure(ts[k + 1])) {
      const figures = listAt(ts, k + 1, isFigure);
      let m = figures[figures.length - 1] + 1;
      const de = isWordOf(ts[m], 'de') ? ts[m++] : undefined;
      const comma = ts[m]?.kind === 'sep' && (ts[m] as TokenOf<'sep'>).sep === 'weak' ? ts[m++] : undefined;
      const order = ts[m];
      const verb = ts[m + 1];
      const amounts = figures.length >= 2 && isWordOf(order, 'order') && order.text === '分别' && isOutcome(verb) ? amountsAt(ts, m + 2) : undefined;
      if (amounts && amounts.amounts.length === figures.length) {
        figures.forEach((f, i) => {
          if (i > 0) out.push({ kind: 'sep', sep: 'strong', s: ts[f].s, e: ts[f].s });
          out.push(i === 0 ? cmp : { ...cmp }, ts[f]);
          if (de) out.push({ ...de });
          if (comma) out.push({ ...comma });
          out.push({ ...(verb as Token) }, amounts.amounts[i]);
        });
        k = amounts.end - 1;
        continue;
      }
    }
    out.push(cmp);
  }
  return out;
}
