import { Token, TokenOf } from './lexer';

/**
 * A grammar rule applied to the tokens before parsing: one comparator over a list of figures and
 * 分别 over as many amounts ("低于80%、70%、60%的，分别扣1分、2分、3分") are as many clauses, each
 * figure with its amount ("低于80%的，扣1分；低于70%的，扣2分；低于60%的，扣3分"). The comparator may
 * follow each figure ("30%以上、20%以上和10%以上，分别得6分、4分和2分"), the list may end with 和/及/或,
 * and a shared condition between the list and 分别 ("超过80%、70%和60%，且运行管护效果良好，分别得…")
 * goes into every clause. The new tokens keep the spans of the ones they repeat, so every clause
 * still points into the raw text.
 */

const isWordOf = (t: Token | undefined, cat: string): t is TokenOf<'word'> => t?.kind === 'word' && t.cats.has(cat as never);
const isListSep = (t: Token | undefined): boolean => t?.kind === 'sep' && t.sep === 'list';
const isFigure = (t: Token | undefined): boolean => t?.kind === 'num' || t?.kind === 'qty';
const isOutcome = (t: Token | undefined): boolean => isWordOf(t, 'deduct') || isWordOf(t, 'award') || isWordOf(t, 'add');
/** "、", or 和/及/或 before the last item. */
const isJoin = (t: Token | undefined): boolean => isListSep(t) || (t?.kind === 'text' && /^(和|及|或)$/.test(t.text));
/** Words a shared condition between the list and 分别 may hold: no figure, no outcome, no sentence end. */
const isSharedCondition = (t: Token | undefined): boolean =>
  t !== undefined && (t.kind === 'text' || isWordOf(t, 'and') || isWordOf(t, 'de') || (t.kind === 'sep' && t.sep === 'weak'));
/** Tokens a shared condition may run to: beyond that it is no shared condition but a sentence. */
const SHARED_CONDITION_MAX = 6;

/**
 * The tokens of a list "a、b和c" starting at k whose items satisfy `item`, each item `width` tokens
 * long (a figure, or a figure and its comparator): the index of each item's first token.
 */
function listAt(ts: readonly Token[], k: number, item: (i: number) => boolean, width = 1): number[] {
  const at: number[] = [];
  let i = k;
  while (item(i)) {
    at.push(i);
    if (!isJoin(ts[i + width]) || !item(i + width + 1)) break;
    i += width + 1;
  }
  return at;
}

/** Amounts "1分、2分、3分", or "1、2、3分" (分 once, after the last): as points tokens. */
function amountsAt(ts: readonly Token[], k: number): { amounts: Array<TokenOf<'points'>>; end: number } | undefined {
  const at = listAt(ts, k, (i) => ts[i]?.kind === 'points' || (ts[i]?.kind === 'num' && !(ts[i] as TokenOf<'num'>).percent));
  if (at.length < 2 || ts[at[at.length - 1]].kind !== 'points') return undefined;
  const amounts = at.map((i) => {
    const t = ts[i];
    return t.kind === 'points' ? t : ({ kind: 'points', lo: (t as TokenOf<'num'>).value, hi: (t as TokenOf<'num'>).value, s: t.s, e: t.e } as TokenOf<'points'>);
  });
  return { amounts, end: at[at.length - 1] + 1 };
}

/** A list of figures at k: after a comparator ("低于80%、70%"), or each followed by the same comparator ("30%以上、20%以上"). */
function figureListAt(ts: readonly Token[], k: number): { cmp?: Token; figures: number[]; post?: Token; end: number } | undefined {
  if (isWordOf(ts[k], 'cmpPre') && isFigure(ts[k + 1])) {
    const figures = listAt(ts, k + 1, (i) => isFigure(ts[i]));
    return figures.length >= 2 ? { cmp: ts[k], figures, end: figures[figures.length - 1] + 1 } : undefined;
  }
  const post = ts[k + 1];
  if (isFigure(ts[k]) && isWordOf(post, 'cmpPost')) {
    const same = (i: number) => isFigure(ts[i]) && ts[i + 1]?.kind === 'word' && (ts[i + 1] as TokenOf<'word'>).text === (post as TokenOf<'word'>).text;
    const figures = listAt(ts, k, same, 2);
    return figures.length >= 2 ? { figures, post, end: figures[figures.length - 1] + 2 } : undefined;
  }
  return undefined;
}

export function distributeLists(ts: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < ts.length; k++) {
    const list = figureListAt(ts, k);
    if (list) {
      let m = list.end;
      const shared: Token[] = [];
      while (isSharedCondition(ts[m]) && shared.length < SHARED_CONDITION_MAX && !(isWordOf(ts[m], 'order') && (ts[m] as TokenOf<'word'>).text === '分别')) shared.push(ts[m++]);
      const order = ts[m];
      const verb = ts[m + 1];
      const amounts = isWordOf(order, 'order') && order.text === '分别' && isOutcome(verb) ? amountsAt(ts, m + 2) : undefined;
      if (amounts && amounts.amounts.length === list.figures.length) {
        list.figures.forEach((f, i) => {
          if (i > 0) out.push({ kind: 'sep', sep: 'strong', s: ts[f].s, e: ts[f].s });
          if (list.cmp) out.push(i === 0 ? list.cmp : { ...list.cmp });
          out.push(ts[f]);
          if (list.post) out.push(i === 0 ? list.post : { ...list.post });
          for (const t of shared) out.push(i === 0 ? t : { ...t });
          out.push({ ...(verb as Token) }, amounts.amounts[i]);
        });
        k = amounts.end - 1;
        continue;
      }
    }
    out.push(ts[k]);
  }
  return out;
}
