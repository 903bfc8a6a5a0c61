import { collapseRatios, parseExpr } from './expr';
import { OCCURRENCE_UNITS, Op, SHORTFALL_VERBS, UNSUPPORTED_WORDS, UnitClass } from './lexicon';
import { atItemPosition, lex, Span, Token, TokenOf, WordCat } from './lexer';
import { NormalText } from './normalize';
import { Amount, BandCondition, Basis, Bound, Clause, Condition, ItemNode, Outcome, QuantityRef, RuleTree, Step, Unread } from './syntax';

/**
 * The third step: tokens → syntax tree. Recursive descent: the text splits into numbered items,
 * items into sentences, and a sentence into clauses, each closed by its outcome ("得2分",
 * "扣1分", "每下降1个百分点扣1分", "按完成比例给分", "得分=…"); what stands before an outcome
 * is its condition. Every token a clause uses is marked; a scoring token left unmarked is
 * reported as unread, and the rule is then not understood.
 */

export interface ParseResult {
  tree: RuleTree;
  unread: Unread[];
  tokens: Token[];
}

/**
 * A word of a category. The brand keeps TypeScript from concluding, when the test fails, that
 * the token is no word at all (it may be a word of another category).
 */
type CatWord = TokenOf<'word'> & { readonly __category: true };
const isWord = (t: Token | undefined, cat: WordCat): t is CatWord => !!t && t.kind === 'word' && t.cats.has(cat);
/** The text of a word or text token ('' for others). */
const textOfToken = (t: Token | undefined): string => (t && (t.kind === 'word' || t.kind === 'text') ? t.text : '');
/** The clause kinds without their span, one object type per kind. */
type ClauseBody = Clause extends infer C ? (C extends Clause ? Omit<C, 's' | 'e'> : never) : never;
const isSep = (t: Token | undefined): boolean => !!t && t.kind === 'sep';
const isOp = (t: Token | undefined, op: string): boolean => !!t && t.kind === 'op' && t.op === op;

/** Headings that open the shared rule after a list of items ("评分：每指标1分，…"). */
/** Words that order the units a list of amounts goes to. */
const ORDERING = /[从由]高到低|[从由]低到高|[从由]好到差|[从由]优到劣|排序|排名/;
const TAIL_HEADINGS = new Set(['评分', '计分', '评分标准', '评分方法', '计分方法', '评分规则', '计分规则', '考核方法', '赋分', '赋分标准', '打分', '说明', '注']);

class Parser {
  readonly used = new Set<Token>();
  readonly unread: Unread[] = [];

  constructor(readonly ts: Token[]) {}

  use(...xs: Array<Token | undefined>): void {
    for (const x of xs) if (x) this.used.add(x);
  }

  useRange(from: number, to: number): void {
    for (let k = from; k < to; k++) this.used.add(this.ts[k]);
  }

  // ---------------------------------------------------------------------------------- items

  /** Accept item markers numbered 1, 2, 3 … of one style; other markers are ordinary text. */
  items(): number[] {
    const starts: number[] = [];
    let style: string | undefined;
    let expected = 1;
    const loose: number[] = [];
    this.ts.forEach((t, k) => {
      if (t.kind !== 'item') return;
      // "要点①②③④各占…": markers inside a sentence refer to points, they do not open items.
      if (!t.atStart) return;
      const family = t.style === 'cnParen' ? 'cn' : t.style;
      if (t.n === expected && (style === undefined || style === family)) {
        starts.push(k);
        style = family;
        expected++;
      } else loose.push(k);
    });
    // "L桥面…(2分);2.保持…;3.…;4.…": a list numbered from 2 lost its first marker.
    const run = loose.filter((k, i) => {
      const t = this.ts[k] as TokenOf<'item'>;
      const next = this.ts[loose[i + 1]] as TokenOf<'item'> | undefined;
      const prev = this.ts[loose[i - 1]] as TokenOf<'item'> | undefined;
      return (next && next.style === t.style && next.n === t.n + 1) || (prev && prev.style === t.style && prev.n === t.n - 1);
    });
    if (run.length >= 2) {
      const first = this.ts[run[0]];
      this.unread.push({ s: first.s, e: first.e, reason: '条目编号不连续（缺少前面的条目）' });
    }
    return starts;
  }

  parse(): RuleTree {
    this.sectionCodes();
    const starts = this.items();
    for (const k of starts) this.use(this.ts[k]);
    const bounds = [...starts, this.ts.length];
    this.bareItemPoints(bounds);
    this.bareBandPoints(bounds);
    starts.splice(0, starts.length, ...bounds.slice(0, -1));
    const head = this.segment(0, starts.length > 0 ? starts[0] : this.ts.length);
    const items: ItemNode[] = [];
    let tail: Clause[] = [];
    for (let k = 0; k < starts.length; k++) {
      const from = starts[k] + 1;
      let to = bounds[k + 1];
      if (k === starts.length - 1) {
        const t = this.tailStart(from, to);
        if (t !== undefined) {
          tail = this.segment(t, to);
          to = t;
        }
      }
      const marker = this.ts[starts[k]] as TokenOf<'item'>;
      items.push({ n: marker.n, s: marker.s, e: this.ts[Math.max(from, to - 1)]?.e ?? marker.e, clauses: this.segment(from, to) });
    }
    return { head, items, tail };
  }

  /**
   * "3-1 凡交办信访事项…", "4.2.1 …": a section code at the start of a sentence (whole numbers joined by
   * - or ., then words) labels the text; it is no range and no figure.
   */
  private sectionCodes(): void {
    for (let k = 0; k < this.ts.length; k++) {
      const prev = this.ts[k - 1];
      if (k > 0 && !(prev.kind === 'sep' && prev.sep === 'strong')) continue;
      let m = k;
      const whole = (t: Token | undefined): boolean => t?.kind === 'num' && !t.percent && /^\.?\d+$/.test(t.text.replace(/^\./, ''));
      if (!whole(this.ts[m])) continue;
      m++;
      let parts = 1;
      for (;;) {
        if (isOp(this.ts[m], '-') && whole(this.ts[m + 1])) m += 2;
        else if (this.ts[m]?.kind === 'num' && /^\.\d+$/.test((this.ts[m] as TokenOf<'num'>).text)) m++;
        else break;
        parts++;
      }
      const first = this.ts[k] as TokenOf<'num'>;
      const dotted = /^\d+\.\d+$/.test(first.text);
      const next = this.ts[m];
      if ((parts >= 2 || dotted) && (next?.kind === 'text' || (next?.kind === 'word' && !next.cats.has('award') && !next.cats.has('deduct') && !next.cats.has('cmpPost') && !next.cats.has('incl')))) {
        // Taken out of the token list: no construct may read the code's figures.
        this.ts.splice(k, m - k);
      }
    }
  }

  /** "1.水质水量监测（20）2.…（30分）3.…（10分）": an item ending in "(N)" among items ending in "(N分)" lost its 分. */
  private bareItemPoints(bounds: number[]): void {
    const ends = bounds.slice(1).map((end) => {
      let e = end;
      while (e > 0 && (this.ts[e - 1].kind === 'sep' || this.ts[e - 1].kind === 'quote')) e--;
      return e;
    });
    const parenAt = (e: number): { kind: 'points' | 'num' | 'item'; k: number } | null => {
      const last = this.ts[e - 1];
      // "(20)" lexed as an item marker.
      if (last?.kind === 'item' && last.style === 'paren' && !this.used.has(last)) return { kind: 'item', k: e - 1 };
      const inner = this.ts[e - 2];
      if (!isOp(this.ts[e - 1], ')') || !isOp(this.ts[e - 3], '(') || !inner) return null;
      if (inner.kind === 'points') return { kind: 'points', k: e - 2 };
      if (inner.kind === 'num' && !inner.percent && Number.isInteger(inner.value)) return { kind: 'num', k: e - 2 };
      return null;
    };
    const found = ends.map(parenAt);
    if (found.filter((f) => f?.kind === 'points').length < 2) return;
    for (const f of found) {
      if (f?.kind === 'num') {
        const t = this.ts[f.k] as TokenOf<'num'>;
        this.ts[f.k] = { kind: 'points', lo: t.value, hi: t.value, s: t.s, e: t.e };
      } else if (f?.kind === 'item') {
        const t = this.ts[f.k] as TokenOf<'item'>;
        this.ts.splice(f.k, 1, { kind: 'op', op: '(', s: t.s, e: t.s + 1 }, { kind: 'points', lo: t.n, hi: t.n, s: t.s + 1, e: t.e - 1 }, { kind: 'op', op: ')', s: t.e - 1, e: t.e });
        for (let q = 0; q < bounds.length; q++) if (bounds[q] > f.k) bounds[q] += 2;
      }
    }
  }

  /**
   * "完成50%及以上(50)完成30%及以上(30-49)…完成10%以下(0-19)": a text with no 分 at all whose bands are each
   * followed by a bracketed figure or range: those are the points.
   */
  private bareBandPoints(bounds: number[]): void {
    if (this.ts.some((t) => t.kind === 'points')) return;
    const bandEnd = (t: Token | undefined): boolean => !!t && (isWord(t, 'cmpPost') || isWord(t, 'incl') || (t.kind === 'num' && t.percent));
    // "正确合理(7-8); 较合理(5-6); 基本合理(3-4); 不合理(0-2)": grades in words, each closed by its range.
    const gradeEnd = (t: Token | undefined): boolean => !!t && (t.kind === 'text' || t.kind === 'word');
    const found: Array<{ k: number; len: number; lo: number; hi: number; afterBand: boolean }> = [];
    for (let k = 1; k < this.ts.length; k++) {
      const afterBand = bandEnd(this.ts[k - 1]);
      if (!afterBand && !gradeEnd(this.ts[k - 1])) continue;
      const t = this.ts[k];
      if (t.kind === 'item' && t.style === 'paren') found.push({ k, len: 1, lo: t.n, hi: t.n, afterBand });
      else if (isOp(t, '(')) {
        const a = this.ts[k + 1];
        const b = this.ts[k + 3];
        if (a?.kind === 'num' && !a.percent && isOp(this.ts[k + 2], ')')) found.push({ k, len: 3, lo: a.value, hi: a.value, afterBand });
        else if (a?.kind === 'num' && !a.percent && isOp(this.ts[k + 2], '-') && b?.kind === 'num' && !b.percent && b.value >= a.value && isOp(this.ts[k + 4], ')')) found.push({ k, len: 5, lo: a.value, hi: b.value, afterBand });
      }
    }
    // Grades in words need ranges among them and a separator or the next grade after each.
    const closes = (f: { k: number; len: number }): boolean => {
      const n = this.ts[f.k + f.len];
      return n === undefined || n.kind === 'sep' || n.kind === 'text' || n.kind === 'word';
    };
    if (found.length < 2 || !found.every(closes)) return;
    if (!found.every((f) => f.afterBand) && !found.some((f) => f.hi > f.lo)) return;
    for (const f of found.reverse()) {
      const first = this.ts[f.k];
      const last = this.ts[f.k + f.len - 1];
      this.ts.splice(f.k, f.len, { kind: 'points', lo: f.lo, hi: f.hi, s: first.s, e: last.e });
      for (let q = 0; q < bounds.length; q++) if (bounds[q] > f.k) bounds[q] -= f.len - 1;
    }
  }

  /** Where the shared rule after the last item begins: a sentence opening with "评分：" or "以上每项". */
  private tailStart(from: number, to: number): number | undefined {
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      const prev = this.ts[k - 1];
      const sentenceStart = k === from || (prev && prev.kind === 'sep' && (prev.sep === 'strong' || prev.sep === 'colon'));
      if (!sentenceStart) continue;
      if ((t.kind === 'text' || t.kind === 'word') && TAIL_HEADINGS.has(t.text) && this.ts[k + 1]?.kind === 'sep' && (this.ts[k + 1] as TokenOf<'sep'>).sep === 'colon') return k;
      if (t.kind === 'word' && t.cats.has('each') && t.text.startsWith('以上')) return k;
      if (t.kind === 'word' && t.cats.has('above') && isWord(this.ts[k + 1], 'each')) return k;
      if (t.kind === 'word' && t.cats.has('each') && k > from && this.ts[k + 1]?.kind === 'points') return k;
      // "两项各3分，全部完成得满分…": a sentence about all the items.
      if (t.kind === 'qty' && t.unitClass === 'count' && isWord(this.ts[k + 1], 'each')) return k;
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------- sentences

  segment(from: number, to: number): Clause[] {
    const out: Clause[] = [];
    let start = from;
    for (let k = from; k <= to; k++) {
      const t = this.ts[k];
      if (k === to || (t.kind === 'sep' && t.sep === 'strong')) {
        if (k < to) this.use(t);
        if (k > start) out.push(...this.sentence(start, k));
        start = k + 1;
      }
    }
    return out;
  }

  /** A sentence: clauses closed by outcomes; leftover words are a description (or context of the next sentence). */
  sentence(from: number, to: number): Clause[] {
    const out: Clause[] = [];
    let pending = from;
    let k = from;
    while (k < to) {
      const r = this.outcomeAt(k, to, pending);
      if (!r) {
        k++;
        continue;
      }
      const clause = r.make(() => this.condition(pending, k, r));
      out.push(...this.eachListed(clause, pending, k));
      k = r.end;
      pending = k;
    }
    if (pending < to) out.push(this.leftover(pending, to));
    // "少1条扣1分，最高扣4分": a cap right after a step caps that step.
    for (let q = 1; q < out.length; q++) {
      const a = out[q - 1];
      const b = out[q];
      if (a.kind === 'step' && b.kind === 'deductionCap' && typeof b.max === 'number') a.step.cap = b.max;
    }
    return out;
  }

  /**
   * "工作无计划、无措施、无总结的分别扣1分": a deduction for each failing listed, one rule per listed
   * failing (the condition tokens [from, to) end with 分别/各 before the outcome).
   */
  private eachListed(clause: Clause, from: number, to: number): Clause[] {
    if (clause.kind !== 'rule' || (clause.outcome.kind !== 'deduct' && clause.outcome.kind !== 'award') || clause.cond.kind !== 'qualitative') return [clause];
    const last = this.ts[to - 1];
    if (!(isWord(last, 'order') || isWord(last, 'each'))) return [clause];
    if (clause.outcome.kind === 'award' && !isWord(last, 'each')) return [clause];
    const negative = clause.cond.negative || NEGATIVE.test(clause.cond.text);
    // "建立和开发的各得2分": two subjects joined by 和 in one word.
    const only = to - from <= 3 ? this.ts[from] : undefined;
    if (only?.kind === 'text' && (to - from === 1 || isWord(this.ts[from + 1], 'de') || isWord(this.ts[from + 1], 'each'))) {
      const names = only.text.split(/[和及与]/);
      if (names.length >= 2 && names.every((n) => n.length >= 2)) return names.map((n) => ({ ...clause, cond: { kind: 'qualitative', text: n, negative }, oneOff: true }));
      return [clause];
    }
    const pieces: Array<[number, number]> = [];
    let start = from;
    for (let q = from; q < to - 1; q++) {
      const x = this.ts[q];
      if (x.kind === 'sep' && x.sep === 'list') {
        pieces.push([start, q]);
        start = q + 1;
      }
    }
    pieces.push([start, to - 1]);
    if (pieces.length < 2 || pieces.some(([a, b]) => b <= a)) return [clause];
    return pieces.map(([a, b]) => ({ ...clause, cond: { kind: 'qualitative', text: this.textOf(a, b).replace(/的$/, ''), negative }, oneOff: true }));
  }

  /** Words after the last outcome of a sentence. */
  private leftover(from: number, to: number): Clause {
    // "资金到位率=(…)×100%": a definition of the measured value.
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (t.kind === 'op' && t.op === '=') {
        const e = parseExpr(this.ts, k + 1, to);
        // "支出率=“支付额/预算额度*100%”计算核定得分": the definition, then how it is used.
        const rest = e ? this.ts.slice(e.end, to) : [];
        if (e && rest.every((x) => x.kind === 'text' || x.kind === 'quote' || isWord(x, 'scoreVerb') || isWord(x, 'scoreNoun') || isWord(x, 'de'))) {
          const name = this.textOf(from, k);
          this.useRange(from, to);
          return { kind: 'definition', name, s: this.ts[from].s, e: this.ts[to - 1].e };
        }
      }
      // "详见附件", "要求同上": a pointer — unless the sentence also says something about scores.
      if (isWord(t, 'reference') && !this.ts.slice(from, to).some((x) => x.kind === 'points' || isWord(x, 'scoreVerb') || isWord(x, 'scoreNoun') || isWord(x, 'method') || isWord(x, 'pointsWord'))) {
        this.useRange(from, to);
        return { kind: 'reference', s: this.ts[from].s, e: this.ts[to - 1].e };
      }
    }
    // "年内全县查处非法捕捞案件10例以上（含简易案件）；否则按完成比例得分": a target stated alone, the condition of full points.
    if (this.otherwiseFollows(to)) {
      const band = this.bandCondition(from, to);
      if (band && (band.lo || band.hi)) {
        this.useRange(from, to);
        return { kind: 'target', cond: band, s: this.ts[from].s, e: this.ts[to - 1].e };
      }
    }
    this.description(from, to);
    return { kind: 'description', s: this.ts[from].s, e: this.ts[to - 1].e };
  }

  /** The next sentence opens with 否则. */
  private otherwiseFollows(k: number): boolean {
    const n = this.ts[k + 1];
    return !!n && isWord(n, 'otherwise');
  }

  /** Plain words: used, except figures that look like scoring (N分, a percentage band) — those stay unread. */
  private description(from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (t.kind === 'points') continue;
      // An amount after 得/扣 that no outcome could read ("得该项分值的九成"): unread, not description.
      const prev = this.ts[k - 1];
      const verb = (x: Token | undefined): boolean => (isWord(x, 'award') && textOfToken(x) !== '为') || isWord(x, 'deduct');
      if ((t.kind === 'num' && t.percent) || isWord(t, 'pointsWord') || isWord(t, 'half') || (t.kind === 'num' && isWord(prev, 'deduct'))) {
        if (verb(prev) || (isWord(prev, 'de') && isWord(this.ts[k - 2], 'pointsWord') && verb(this.ts[k - 3]))) continue;
      }
      if (t.kind === 'word' && (t.cats.has('disc') || t.cats.has('zero') || t.cats.has('floor')) && !this.used.has(t)) continue;
      // "按加权系数折算后得分": a scoring verb no construct read is unread (the noun "考核得分及排名" is not).
      if (this.isLooseScoringVerb(k) || this.isLoosePointsWord(k) || this.isScoreMethod(k)) continue;
      // "之间" after figures that no band read ("在上述比例之间的") stays unread; "考核范围" is a word.
      if (isWord(t, 'rangeClose') && [1, 2, 3].some((d) => isOp(this.ts[k - d], '-') || this.ts[k - d]?.kind === 'num' || textOfToken(this.ts[k - d]) === '比例')) continue;
      this.use(t);
    }
  }

  /**
   * "按考核等级系数折合得分", "得分须经复核后乘以调节系数": a method the reader does not know, applied to the
   * score (a scoring word in the same phrase). "进行加权平均处理后的排名" measures the value and is plain text.
   */
  private isScoreMethod(k: number): boolean {
    const t = this.ts[k];
    if (!isWord(t, 'method')) return false;
    const scoring = (x: Token | undefined): boolean => !!x && (x.kind === 'points' || isWord(x, 'scoreVerb') || isWord(x, 'scoreNoun') || isWord(x, 'pointsWord'));
    for (let q = k - 1; q >= 0 && !isSep(this.ts[q]); q--) if (scoring(this.ts[q])) return true;
    for (let q = k + 1; q < this.ts.length && !isSep(this.ts[q]); q++) if (scoring(this.ts[q])) return true;
    return false;
  }

  /** "分值按季度平均后再计": the points named outside any construct (not "各项指标分值之和为100"). */
  private isLoosePointsWord(k: number): boolean {
    const t = this.ts[k];
    if (!isWord(t, 'pointsWord') || this.used.has(t)) return false;
    const next = this.ts[k + 1];
    if (next && (next.kind === 'text' || next.kind === 'word') && /^(之和|合计|总和|设置|分配|的|为|占|较|与)/.test(next.text)) return false;
    return /^(分值|指标分值|该项分值|本项分值|权重分值)$/.test(t.text) && !isWord(this.ts[k - 1], 'de');
  }

  /** A scoring verb used as a verb, outside any construct: "…折算后得分", "…按系数计分". */
  private isLooseScoringVerb(k: number): boolean {
    const t = this.ts[k];
    if (!isWord(t, 'scoreVerb') || this.used.has(t)) return false;
    if (/^(计|计算|递减)$/.test(t.text)) return false;
    const next = this.ts[k + 1];
    const prev = this.ts[k - 1];
    // Nouns: "得分率", "考核得分及排名", "评分标准", "评分：", "打分表".
    if (next && (next.kind === 'text' || next.kind === 'word') && /^(率|及|和|与|排名|情况|表|标准|细则|方法|规则|结果|的|等级|汇总|依据|要点|办法|制度|项|项目)/.test(next.text)) return false;
    if (next?.kind === 'sep' && next.sep === 'colon') return false;
    if (isWord(prev, 'de') || /(考核|综合|评价|最终|实际|项|总|平均)$/.test(textOfToken(prev))) return false;
    return true;
  }

  textOf(from: number, to: number): string {
    let s = '';
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (t.kind === 'text' || t.kind === 'word') s += t.text;
      else if (t.kind === 'num') s += t.text;
      else if (t.kind === 'qty') s += `${t.value}${t.unit}`;
      else if (t.kind === 'unit') s += t.unit;
      else if (t.kind === 'points') s += t.lo === t.hi ? `${t.lo}分` : `${t.lo}-${t.hi}分`;
      else if (t.kind === 'op') s += t.op;
      else if (t.kind === 'sep') s += t.sep === 'weak' ? '，' : t.sep === 'list' ? '、' : t.sep === 'colon' ? '：' : '；';
    }
    return s;
  }

  // -------------------------------------------------------------------------------- outcomes

  /** An outcome starting at token k, or null. */
  outcomeAt(k: number, to: number, pending: number): Found | null {
    const t = this.ts[k];
    return (
      this.formulaAt(k, to, pending) ??
      this.stepAt(k, to) ??
      this.floorAt(k, to) ??
      this.capAt(k) ??
      this.basisAt(k, to) ??
      this.orderedAt(k, to) ??
      this.deductAt(k, to) ??
      this.awardAt(k, to) ??
      this.declareAt(k, to) ??
      this.discretionaryAt(k, to) ??
      (isWord(t, 'exempt') ? this.rule(k, k + 1, { kind: 'exempt' }) : null) ??
      (isWord(t, 'zero') ? this.rule(k, k + 1, { kind: 'award', amount: { kind: 'zero' } }) : null) ??
      (isWord(t, 'interpolate') ? this.rule(k, k + 1, { kind: 'interpolate' }) : null) ??
      (isWord(t, 'ratioMethod') ? this.rule(k, k + 1, { kind: 'proportional', reference: 'threshold', deduct: false }) : null) ??
      (isWord(t, 'overflow') ? this.simple(k, k + 1, { kind: 'overflow' }) : null) ??
      this.barePointsAt(k)
    );
  }

  private rule(from: number, end: number, outcome: Outcome, oneOff = false): Found {
    this.useRange(from, end);
    return {
      end,
      from,
      make: (cond) => {
        const c = cond();
        return { kind: 'rule', cond: c.cond, outcome, oneOff: oneOff || c.oneOff, s: c.s ?? this.ts[from].s, e: this.ts[end - 1].e };
      },
    };
  }

  private simple(from: number, end: number, clause: ClauseBody): Found {
    this.useRange(from, end);
    return {
      end,
      from,
      make: (cond) => {
        const c = cond();
        return { ...clause, s: c.s ?? this.ts[from].s, e: this.ts[end - 1].e } as Clause;
      },
    };
  }

  /** "得分=…", "指标得分=…", "评分等于…", "(…)×100%×60", "得分等于指标分值×预算执行率". */
  private formulaAt(k: number, to: number, pending: number): Found | null {
    const t = this.ts[k];
    let exprStart: number | undefined;
    if (isWord(t, 'scoreNoun') || (t.kind === 'text' && /得分$/.test(t.text))) {
      const n = this.ts[k + 1];
      // "得分指标分值的20%": 得分 written for 得 before an amount.
      if (textOfToken(t) === '得分' && (isWord(n, 'pointsWord') || isWord(n, 'full'))) {
        const a = readAmount(this.ts, k + 1, to);
        if (a && a.amount.kind !== 'full') return this.rule(k, a.end, { kind: 'award', amount: a.amount });
      }
      // "其他部门得分为专业部门得分的平均分": another score, not a formula.
      if (n && (isOp(n, '=') || textOfToken(n) === '为' || textOfToken(n) === '等于')) {
        let m = k + 2;
        while (m < to && !isSep(this.ts[m]) && m < k + 14) {
          const x = this.ts[m];
          if (x.kind === 'op' && x.op !== '(' && x.op !== ')') break;
          if ((x.kind === 'text' && /平均分|平均得分|平均值$/.test(x.text)) || (textOfToken(x) === '平均' && /^分/.test(textOfToken(this.ts[m + 1])))) {
            const end = textOfToken(x) === '平均' ? m + 2 : m + 1;
            return this.rule(k, end, { kind: 'peerAverage' });
          }
          m++;
        }
      }
      if (isOp(n, '=') || (n?.kind === 'word' && (n.text === '等于' || n.text === '为'))) exprStart = k + 2;
      // "得分为3分" is an award, not a formula.
      if (n?.kind === 'word' && n.text === '为' && this.ts[k + 2]?.kind === 'points') return this.rule(k, k + 3, { kind: 'award', amount: pointsAmount(this.ts[k + 2] as TokenOf<'points'>) });
    } else if (isWord(t, 'basis') && (t.text === '按' || t.text === '按照' || t.text === '以')) {
      // "按实际到位金额/应到位金额*3分", "以实际评定的好路率×120"
      const e = parseExpr(this.ts, k + 1, to);
      if (e && this.endsFormula(e.end, to)) return this.formulaFrom(k, k + 1, to);
      return null;
    } else if (k === pending && (t.kind === 'op' && t.op === '(' || t.kind === 'text' || t.kind === 'num')) {
      // A bare formula: "(常规案件按时结案数/常规案件应结案数)×100%×60".
      const e = parseExpr(this.ts, k, to);
      if (e && this.endsFormula(e.end, to) && hasPointsFactor(this.ts, k, e.end)) return this.formulaFrom(k, k, to);
      return null;
    }
    if (exprStart === undefined) return null;
    const found = this.formulaFrom(k, exprStart, to);
    if (found) return found;
    // "得分等于指标分值×" cut off: the formula cannot be read.
    this.unread.push({ s: t.s, e: this.ts[to - 1].e, reason: '计分公式不完整或无法解析' });
    this.useRange(k, to);
    return { end: to, from: k, make: () => ({ kind: 'description', s: t.s, e: this.ts[to - 1].e }) };
  }

  private endsFormula(end: number, to: number): boolean {
    const n = this.ts[end];
    // A stray symbol after the figure ("×60°") is noise.
    const junk = n?.kind === 'text' && /^[^\u3400-\u9fffA-Za-z0-9]+$/.test(n.text) && (end + 1 >= to || isSep(this.ts[end + 1]));
    if (junk) this.use(n);
    return end >= to || junk || isSep(n) || (n?.kind === 'op' && n.op === ')') || (n?.kind === 'word' && !n.cats.has('de'));
  }

  private formulaFrom(from: number, exprStart: number, to: number): Found | null {
    const e = parseExpr(this.ts, exprStart, to);
    if (!e) return null;
    let expr = collapseRatios(e.expr);
    let end = e.end;
    // "按B/A或A/B×该指标分值记分": the higher-is-better form first, the other for lower-is-better indicators; the
    // points factor written once applies to both.
    if (isWord(this.ts[end], 'or')) {
      const alt = parseExpr(this.ts, end + 1, to) ?? parseAlternativeRatio(this.ts, end + 1, to);
      if (alt) {
        if (!hasPoints(expr) && hasPoints(alt.expr)) expr = { kind: 'bin', op: '×', left: expr, right: { kind: 'points' } };
        end = alt.end;
      }
    }
    // "按B/A…记分": the scoring verb closes the formula.
    if (isWord(this.ts[end], 'scoreVerb')) end++;
    return this.rule(from, end, { kind: 'formula', expr });
  }

  /**
   * Steps: "每下降1个百分点扣1分", "每少一个百分点扣 1分", "每超平均年龄1岁的，扣0.5分",
   * "每位次按0.25分递减", "每项扣0.1分", "每次(件)扣1分", "每降低1%，扣5%权重分值".
   */
  private stepAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    // "没有落实的，各扣2分": each of them, 各 opening its clause ("A、B各扣6分" lists its items: one-offs).
    const perItem = isWord(t, 'each') && (t.text === '每项' || t.text === '每个' || t.text === '每一项' || (t.text === '各' && isWord(this.ts[k + 1], 'deduct') && (k === 0 || (this.ts[k - 1].kind === 'sep' && (this.ts[k - 1] as TokenOf<'sep'>).sep !== 'list'))));
    // "有一篇加0.1分": a bonus for each one, written without 每.
    const q = this.ts[k + 1];
    if (isWord(t, 'found') && q?.kind === 'qty' && q.value === 1 && q.unitClass === 'count') {
      const v = isWord(this.ts[k + 2], 'de') ? k + 3 : k + 2;
      if (isWord(this.ts[v], 'add')) return this.stepTail(k, k + 2, to, { per: 1, unit: q.unit, unitClass: 'count', verb: t.text, subject: '' });
    }
    // "少一个百分点扣1分", "下降1个百分点扣0.5分": a shortfall of one point is a step, written without 每.
    if (isWord(t, 'stepVerb') && q?.kind === 'qty' && q.value === 1 && q.unitClass === 'pp') {
      const v = isWord(this.ts[k + 2], 'de') ? k + 3 : k + 2;
      if (isWord(this.ts[v], 'deduct')) return this.stepTail(k, k + 2, to, { per: 1, unit: q.unit, unitClass: 'pp', verb: t.text, subject: '' });
    }
    if (!isWord(t, 'every') && !perItem) return null;
    let j = k + 1;
    let verb = '';
    let per = 1;
    let unit = '';
    let unitClass: UnitClass | 'plain' = 'plain';
    let subjectFrom = j;
    if (perItem) {
      unit = '项';
      unitClass = 'count';
      subjectFrom = j;
    } else {
      if (isWord(this.ts[j], 'stepVerb') || isWord(this.ts[j], 'found')) {
        verb = (this.ts[j] as TokenOf<'word'>).text;
        j++;
      }
      subjectFrom = j;
      // The figure: a quantity, a percentage, a bare unit ("每次"), or a number before text ("每有1个").
      let figure = -1;
      for (let m = j; m < Math.min(to, j + 8); m++) {
        const x = this.ts[m];
        if (x.kind === 'qty' || x.kind === 'unit' || (x.kind === 'num' && x.percent)) {
          figure = m;
          break;
        }
        if (x.kind === 'sep' || x.kind === 'points' || isWord(x, 'deduct') || isWord(x, 'award')) break;
      }
      if (figure < 0) return null;
      const f = this.ts[figure];
      // "每年完成任务得1分", "每年达到…前四名，得1分": one item a year, scored by the clauses that follow.
      if (f.kind === 'unit' && f.unitClass === 'duration' && verb === '' && figure === k + 1 && this.awardBeforeDeduct(figure + 1, to)) {
        return this.simple(k, figure + 1, { kind: 'perPeriod', unit: f.unit });
      }
      if (f.kind === 'qty') {
        per = f.value;
        unit = f.unit;
        // "每缺一名干部": 名 counts people missing or found, not a place.
        unitClass = f.unit === '名' && /缺|少|撤换|新增|发现|有/.test(verb) ? 'count' : f.unitClass;
      } else if (f.kind === 'unit') {
        unit = f.unit;
        unitClass = f.unitClass;
      } else if (f.kind === 'num') {
        per = f.value * 100;
        unit = '%';
        unitClass = 'percent';
      }
      const subject = this.textOf(subjectFrom, figure);
      // "平均每专业2个及以上…", "每专业低于1个…": a level per something, not a step.
      const bounded = isWord(this.ts[figure + 1], 'cmpPost') || isWord(this.ts[figure + 1], 'incl');
      let compared = false;
      for (let q = subjectFrom; q < figure; q++) if (comparatorOf(this.ts[q])) compared = true;
      if (verb === '' && (bounded || compared)) return null;
      j = figure + 1;
      // "每次(件)": an alternative unit in brackets.
      if (isOp(this.ts[j], '(') && (this.ts[j + 1]?.kind === 'text' || this.ts[j + 1]?.kind === 'unit') && isOp(this.ts[j + 2], ')')) j += 3;
      return this.stepTail(k, j, to, { per, unit, unitClass, verb, subject });
    }
    return this.stepTail(k, j, to, { per, unit, unitClass, verb, subject: '' });
  }

  /** After the figure of a step: words up to the amount, then the amount. */
  private stepTail(k: number, j: number, to: number, base: Omit<Step, 'amount' | 'direction'>): Found | null {
    let m = j;
    // Words that say what is counted: "每有1个内设机构…达不到要求的，扣0.5分".
    while (m < to && m < j + 24) {
      const x = this.ts[m];
      // "每缺一名专兼职计生干部的扣0.5分": 计 inside a noun, with no amount after it, is no outcome.
      if (isWord(x, 'award') && !readAmount(this.ts, m + 1, to) && !isWord(this.ts[m + 1], 'deduct')) {
        m++;
        continue;
      }
      if (isWord(x, 'deduct') || isWord(x, 'add') || isWord(x, 'award') || isWord(x, 'basis')) break;
      if (x.kind === 'points' || (x.kind === 'sep' && x.sep === 'strong')) break;
      m++;
    }
    const v = this.ts[m];
    let direction: Step['direction'];
    let amountAt: number;
    if (isWord(v, 'deduct')) {
      direction = 'deduct';
      amountAt = m + 1;
    } else if (isWord(v, 'add')) {
      direction = 'add';
      amountAt = m + 1;
    } else if (isWord(v, 'award')) {
      direction = 'award';
      amountAt = m + 1;
    } else if (isWord(v, 'basis') && v.text === '按') {
      // "每位次按0.25分递减"
      direction = 'deduct';
      amountAt = m + 1;
    } else return null;
    const a = readAmount(this.ts, amountAt, to);
    if (!a || a.amount.kind === 'zero' || a.amount.kind === 'full') return null;
    let end = a.end;
    if (isWord(v, 'basis')) {
      const d = this.ts[end];
      if (!(isWord(d, 'scoreVerb') && (d.text === '递减' || d.text === '扣分' || d.text === '减分'))) return null;
      end++;
    }
    // "每处扣1分/处": the unit said again after the amount.
    if (this.perUnitAt(end)) end += 2;
    const step: Step = { ...base, amount: a.amount, direction };
    this.useRange(k, end);
    return {
      end,
      from: k,
      make: (cond) => {
        const c = cond();
        return { kind: 'step', cond: c.cond, step, s: c.s ?? this.ts[k].s, e: this.ts[end - 1].e };
      },
    };
  }

  /** The next outcome verb after k (in the sentence) gives points. */
  private awardBeforeDeduct(k: number, to: number): boolean {
    for (let q = k; q < to; q++) {
      const t = this.ts[q];
      if (isWord(t, 'deduct') || isWord(t, 'every')) return false;
      if (isWord(t, 'award') || t.kind === 'points' || isWord(t, 'zero')) return true;
    }
    return false;
  }

  /** "扣完为止", "扣满15分为止", "扣完10分后扣项目考核总分", "直至0分". */
  private floorAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    if (isWord(t, 'floor')) {
      // "扣完10分后…", "扣完10分为止"
      const n = this.ts[k + 1];
      if (n?.kind === 'points' && k + 1 < to) {
        let end = k + 2;
        const after = this.ts[end];
        if (after && (after.kind === 'text' && /^(为止|止|后)$/.test(after.text) || isWord(after, 'overflow'))) end++;
        if (isWord(this.ts[end - 1], 'overflow') || (after?.kind === 'text' && after.text === '后' && isWord(this.ts[end], 'deduct'))) {
          // "扣完10分后扣项目考核总分": the rest goes to the total score.
          while (end < to && !isSep(this.ts[end])) end++;
        }
        return this.simple(k, end, { kind: 'floor', maxDeduction: n.lo });
      }
      return this.simple(k, k + 1, { kind: 'floor' });
    }
    // "扣满15分为止"
    if (isWord(t, 'deduct') && this.ts[k + 1]?.kind === 'text' && /^(满|完)$/.test((this.ts[k + 1] as TokenOf<'text'>).text) && this.ts[k + 2]?.kind === 'points') {
      let end = k + 3;
      const after = this.ts[end];
      if (after && after.kind === 'text' && /^(为止|止)/.test(after.text)) end++;
      else if (isWord(after, 'cmpPre') && after.text === '为' && this.ts[end + 1]?.kind === 'text' && /^止/.test((this.ts[end + 1] as TokenOf<'text'>).text)) end += 2;
      return this.simple(k, end, { kind: 'floor', maxDeduction: (this.ts[k + 2] as TokenOf<'points'>).lo });
    }
    return null;
  }

  /** "最多扣5分", "最高不超过本项分值", "最高得5分", "完成率超过100%的按100%计". */
  private capAt(k: number): Found | null {
    const t = this.ts[k];
    const n = this.ts[k + 1];
    if (isWord(t, 'deductCap')) {
      if (n?.kind === 'points') return this.simple(k, k + 2, { kind: 'deductionCap', max: n.lo });
      if (isWord(n, 'pointsWord') || isWord(n, 'full')) return this.simple(k, k + 2, { kind: 'deductionCap', max: 'points' });
      return null;
    }
    if (isWord(t, 'bonusCap') && n?.kind === 'points') return this.simple(k, k + 2, { kind: 'bonusCap', max: n.lo });
    if (isWord(t, 'scoreCap')) {
      if (n?.kind === 'points') return this.simple(k, k + 2, { kind: 'scoreCap', max: n.lo });
      if (isWord(n, 'pointsWord') || isWord(n, 'full')) return this.simple(k, k + 2, { kind: 'scoreCap', max: 'points' });
      return null;
    }
    // "以3分为限", "以2分为上限": a cap on the bonus when the clause before adds, else on the score.
    if (isWord(t, 'basis') && t.text === '以' && n?.kind === 'points' && isWord(this.ts[k + 2], 'award') && this.ts[k + 2].kind === 'word' && (this.ts[k + 2] as TokenOf<'word'>).text === '为') {
      const r = this.ts[k + 3];
      if (r?.kind === 'text' && /^(上限|限)$/.test(r.text)) {
        let adds = false;
        for (let q = k - 1; q >= 0 && !(this.ts[q].kind === 'sep' && (this.ts[q] as TokenOf<'sep'>).sep === 'strong'); q--) {
          if (isWord(this.ts[q], 'add')) adds = true;
          if (isWord(this.ts[q], 'deduct') || isWord(this.ts[q], 'award')) break;
        }
        return this.simple(k, k + 4, adds ? { kind: 'bonusCap', max: n.lo } : { kind: 'scoreCap', max: n.lo });
      }
    }
    // "超过100%的按100%计(算)" — within one clause; k is at 按.
    if (isWord(t, 'basis') && (t.text === '按' || t.text === '按照') && n?.kind === 'num' && n.percent) {
      const v = this.ts[k + 2];
      if (isWord(v, 'scoreVerb') && /^(计|计算|计分|折算)$/.test(v.text)) return this.simple(k, k + 3, { kind: 'rateCap', max: n.value });
    }
    return null;
  }

  /**
   * A basis closed by a scoring verb: "按完成比例给分", "根据…的比重计算得分", "按排位打分",
   * "按市级部门平均分得分", "按…的差距绝对值进行扣分", "根据项目工作量完成情况评分".
   */
  private basisAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    const startsBasis = isWord(t, 'basis') && textOfToken(t) !== '以';
    const judgement = t.kind === 'text' && t.text.startsWith('视');
    if (!startsBasis && !judgement) return null;
    let m = k + 1;
    let proportion = false;
    let rank = false;
    let first = false;
    let peer = false;
    let gap = false;
    let degree = false;
    while (m < to && m < k + 30) {
      const x = this.ts[m];
      if (isSep(x) && (x as TokenOf<'sep'>).sep !== 'list') return null;
      if (isWord(x, 'scoreVerb') && !(x.text === '计' && isWord(this.ts[m + 1], 'scoreVerb'))) break;
      const amountNext = readAmount(this.ts, m + 1, to) !== null;
      if (x.kind === 'points' || (isWord(x, 'deduct') && amountNext) || (isWord(x, 'award') && x.text !== '得' && x.text !== '计' && amountNext) || isWord(x, 'every')) return null;
      if (x.kind === 'word' && x.text === '得' && !isWord(this.ts[m + 1], 'scoreVerb') && this.ts[m + 1]?.kind !== 'text') return null;
      if (isWord(x, 'proportion')) {
        if (x.text === '程度') degree = true;
        else if (x.text !== '进度') proportion = true;
      }
      if (isWord(x, 'rankWord')) rank = true;
      if (isWord(x, 'method')) return null;
      if (x.kind === 'qty' && x.unitClass === 'rank' && x.value === 1) first = true;
      if ((x.kind === 'text' && /平均分/.test(x.text)) || (x.kind === 'word' && x.text === '平均' && this.ts[m + 1]?.kind === 'text' && /^分/.test((this.ts[m + 1] as TokenOf<'text'>).text))) peer = true;
      if ((x.kind === 'text' && /差距|差额|偏差|超/.test(x.text)) || isWord(x, 'stepVerb') && /超|差|延|滞|逾/.test(x.text)) gap = true;
      if (x.kind === 'text' && /情况|情节/.test(x.text)) degree = true;
      m++;
    }
    const v = this.ts[m];
    if (!isWord(v, 'scoreVerb')) return null;
    // "按得分排序后取前三计入": the verb must close the basis, with something between.
    const after = this.ts[m + 1];
    if (m === k + 1 || (after && after.kind === 'text' && !/^[)）"]/.test(after.text))) return null;
    const verbText = v.text;
    const deduct = /扣|减/.test(verbText);
    const end = m + 1;
    const text = this.textOf(k, end);
    if (judgement) {
      if (!degree) return null;
      return this.rule(k, end, { kind: 'discretionary', direction: deduct ? 'deduct' : 'award' });
    }
    if (peer) return this.rule(k, end, { kind: 'peerAverage' });
    // "根据超计划时间占计划完成时间百分比扣分": the basis names the gap steps count, not a proportion to score by.
    if (gap && deduct) return this.simple(k, end, { kind: 'basis', basis: { kind: 'gap', text } });
    if (proportion && !rank) return this.rule(k, end, { kind: 'proportional', reference: first ? 'first' : 'target', deduct });
    if (rank && !proportion) return this.simple(k, end, { kind: 'basis', basis: { kind: 'rank', text } });
    if (proportion && rank && first) return this.rule(k, end, { kind: 'proportional', reference: 'first', deduct });
    const basis: Basis = { kind: gap ? 'gap' : 'plain', text };
    // "根据实际情况评分": judgement.
    if (!gap && degree && /程度|实际情况|具体情况|完成情况|情节/.test(text) && /评分|打分|扣分|给分|得分|计分|减分/.test(verbText)) {
      return this.rule(k, end, { kind: 'discretionary', direction: deduct ? 'deduct' : 'award' });
    }
    return this.simple(k, end, { kind: 'basis', basis });
  }

  /**
   * "依次赋予60分、57分、54分", "分别计2分、1.9分、1.8分", "分别得10、8、6、4分" (分 once, after the last);
   * "按从高到低得8、6、4分": a list after 得 is ordered when the sentence orders the units.
   */
  private orderedAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    const orderWord = isWord(t, 'order');
    let m = orderWord ? k + 1 : k;
    if (isWord(this.ts[m], 'award')) m++;
    else if (!orderWord) return null;
    const amounts: number[] = [];
    let closed = false;
    while (m < to) {
      const x = this.ts[m];
      const sep = this.ts[m + 1];
      const listNext = sep?.kind === 'sep' && (sep.sep === 'list' || (sep.sep === 'weak' && this.ts[m + 2]?.kind === 'points'));
      if (x.kind === 'points' && x.lo === x.hi) {
        amounts.push(x.lo);
        m++;
        closed = true;
        if (listNext) {
          m++;
          closed = false;
          continue;
        }
      } else if (x.kind === 'num' && !x.percent && sep?.kind === 'sep' && sep.sep === 'list') {
        // A bare figure in the list takes the 分 written after the last one.
        amounts.push(x.value);
        m += 2;
        continue;
      }
      break;
    }
    if (amounts.length < 2 || !closed) return null;
    const ranked = this.ordersUnits(k);
    if (!orderWord && !ranked) return null;
    return this.rule(k, m, { kind: 'ordered', amounts, ranked });
  }

  /** The sentence before token k orders the units it scores ("按…从高到低排序", "由低到高"). */
  private ordersUnits(k: number): boolean {
    let from = k;
    while (from > 0 && !(this.ts[from - 1].kind === 'sep' && (this.ts[from - 1] as TokenOf<'sep'>).sep === 'strong')) from--;
    if (!ORDERING.test(this.textOf(from, k))) return false;
    for (let q = from; q < k; q++) {
      const x = this.ts[q];
      if (isWord(x, 'method') && /排序|排名/.test(x.text)) this.use(x);
    }
    return true;
  }

  /** "扣2分", "扣除指标分值的5%", "扣5%权重分值", "扣该要点分值的一半", "扣除相应分值". */
  private deductAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    if (!isWord(t, 'deduct')) return null;
    const a = readAmount(this.ts, k + 1, to);
    if (!a) return null;
    // "进京非访扣15分/批次": a deduction for each unit, written after the amount.
    const unit = a.amount.kind === 'points' ? this.perUnitAt(a.end) : undefined;
    if (unit && a.amount.kind === 'points') {
      const step: Step = { per: 1, unit, unitClass: 'count', verb: '', subject: '', amount: a.amount, direction: 'deduct' };
      const end = a.end + 2;
      this.useRange(k, end);
      return { end, from: k, make: (cond) => { const c = cond(); return { kind: 'step', cond: c.cond, step, s: c.s ?? this.ts[k].s, e: this.ts[end - 1].e }; } };
    }
    return this.rule(k, a.end, a.amount.kind === 'zero' ? { kind: 'award', amount: { kind: 'full' } } : { kind: 'deduct', amount: a.amount });
  }

  /** "/批次", "/人次", "/处" right after an amount: the unit it is counted per. */
  private perUnitAt(k: number): string | undefined {
    if (!isOp(this.ts[k], '/')) return undefined;
    const u = this.ts[k + 1];
    const text = u?.kind === 'unit' ? u.unit : u?.kind === 'text' ? u.text : '';
    return OCCURRENCE_UNITS.includes(text) || /^(批次|人次|次|处|人|例|件|起|项|个|户|家|条)$/.test(text) ? text : undefined;
  }

  /** "得2分", "得满分", "计满分", "得该项分值的90-100%", "得分值的59%以下", "为0分", "加1分". */
  private awardAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    if (isWord(t, 'add')) {
      const a = readAmount(this.ts, k + 1, to);
      if (a && a.amount.kind === 'points') return this.rule(k, a.end, { kind: 'bonus', amount: a.amount });
      return null;
    }
    if (!isWord(t, 'award') && !(isWord(t, 'full') && !isWord(this.ts[k - 1], 'award'))) return null;
    if (isWord(t, 'full')) {
      // "满分5分" declares the points; "完成率100%满分" awards them.
      if (this.ts[k + 1]?.kind === 'points') return null;
      return this.rule(k, k + 1, { kind: 'award', amount: { kind: 'full' } });
    }
    const a = readAmount(this.ts, k + 1, to);
    if (!a) return null;
    // "要点①②③④各占指标分值的1/4": equal shares of the points.
    if (isWord(this.ts[k - 1], 'each') && a.amount.kind === 'share' && a.amount.of === 'points' && a.amount.lo === a.amount.hi) {
      let count = 0;
      for (let q = k - 2; q >= 0 && this.ts[q].kind === 'item'; q--) count++;
      for (let q = k - 2; q >= k - 2 - count; q--) this.use(this.ts[q]);
      return this.simple(k - 1, a.end, { kind: 'shares', share: a.amount.lo, ...(count > 1 ? { count } : {}) });
    }
    const outcome: Outcome = { kind: 'award', amount: a.amount };
    if (a.bound) outcome.bound = a.bound;
    return this.rule(k, a.end, outcome);
  }

  /** "每指标1分", "以上每项1分", "各2分", "共1分", "满分5分". */
  private declareAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    let scope: 'each' | 'total' | undefined;
    let m = k + 1;
    if (isWord(t, 'each')) scope = 'each';
    else if (isWord(t, 'total') || (isWord(t, 'full') && this.ts[k + 1]?.kind === 'points')) scope = 'total';
    if (!scope) return null;
    if (scope === 'each' && isWord(this.ts[m], 'each')) m++; // "各项各1分"
    const p = this.ts[m];
    if (!p || p.kind !== 'points' || p.lo !== p.hi || m >= to) return null;
    const points = p.lo;
    const end = m + 1;
    this.useRange(k, end);
    return {
      end,
      from: k,
      make: (cond) => {
        const c = cond();
        return { kind: 'declare', points, scope: scope!, cond: c.cond, s: c.s ?? t.s, e: p.e };
      },
    };
  }

  /** "酌情扣分", "视情况扣分", "否则酌情扣分". */
  private discretionaryAt(k: number, to: number): Found | null {
    const t = this.ts[k];
    if (!isWord(t, 'disc')) return null;
    let end = k + 1;
    // "视情节严重情况扣分", "酌情" + "扣分"
    while (end < to && (isWord(this.ts[end], 'scoreVerb') || isWord(this.ts[end], 'disc') || (this.ts[end].kind === 'text' && /^(严重|轻重|情况|程度|给予|予以)$/.test((this.ts[end] as TokenOf<'text'>).text)))) end++;
    const text = this.textOf(k, end);
    return this.rule(k, end, { kind: 'discretionary', direction: /扣|减/.test(text) ? 'deduct' : 'award' });
  }

  /** "2分" standing alone after a condition ("满意率≥90%，2分"), or "(2分)" after a part's name. */
  private barePointsAt(k: number): Found | null {
    const t = this.ts[k];
    if (t.kind !== 'points') return null;
    const prev = this.ts[k - 1];
    if (prev && (prev.kind === 'op' && prev.op === '×')) return null;
    // "≥90分" and "60分以下" measure a score; they are no outcome.
    if (this.isBandFigure(k) || (isOp(this.ts[k + 1], '-') && this.ts[k + 2]?.kind === 'points')) return null;
    // "(5分,办公室)", "(5分 服务业专业)": the points with the unit responsible, as a heading's.
    let close = k + 1;
    if (isOp(prev, '(') && !isOp(this.ts[close], ')')) {
      let q = k + 1;
      while (q < k + 5 && (this.ts[q]?.kind === 'text' || (this.ts[q]?.kind === 'sep' && (this.ts[q] as TokenOf<'sep'>).sep === 'weak'))) q++;
      if (q > k + 1 && isOp(this.ts[q], ')') && this.ts.slice(k + 1, q).some((x) => x.kind === 'text')) {
        this.useRange(k + 1, q);
        close = q;
      }
    }
    if (isOp(prev, '(') && isOp(this.ts[close], ')')) {
      if (close !== k + 1) {
        this.use(prev, this.ts[close]);
        return this.rule(k, close + 1, { kind: 'award', amount: pointsAmount(t), declared: true });
      }
      this.use(prev, this.ts[k + 1]);
      // "教学经费投入（3分）：…", "严格落实党管机构编制原则（1.5分）。…": the heading's points, not an outcome.
      const after = this.ts[k + 2];
      const colon = after?.kind === 'sep' && after.sep === 'colon';
      const closes = after === undefined || (after.kind === 'sep' && after.sep === 'strong');
      if (t.lo === t.hi && (colon || (closes && !this.parenPointsAfter(k + 2) && this.scoringAfter(k + 2))) && this.isHeading(k - 1)) {
        return this.simple(k, k + 2, { kind: 'declare', points: t.lo, scope: 'total', cond: { kind: 'none' } });
      }
      return this.rule(k, k + 2, { kind: 'award', amount: pointsAmount(t), declared: true });
    }
    return this.rule(k, k + 1, { kind: 'award', amount: pointsAmount(t) });
  }

  /** Another "(N分)" further on: then "(N分)" names the points of parts, not of a heading. */
  private parenPointsAfter(k: number): boolean {
    for (let q = k; q < this.ts.length - 1; q++) if (isOp(this.ts[q - 1], '(') && this.ts[q].kind === 'points' && isOp(this.ts[q + 1], ')')) return true;
    return false;
  }

  /** A scoring word after k in the same item: then "(N分)" before it heads the rule. */
  private scoringAfter(k: number): boolean {
    for (let q = k; q < this.ts.length; q++) {
      const t = this.ts[q];
      if (t.kind === 'item' && this.used.has(t)) return false;
      if (t.kind === 'points' || isWord(t, 'award') || isWord(t, 'deduct') || isWord(t, 'every') || isWord(t, 'disc') || isWord(t, 'zero') || isWord(t, 'full') || isWord(t, 'scoreNoun')) return true;
    }
    return false;
  }

  /** Only a name stands before token k since the start of the text or of its item (a heading). */
  private isHeading(k: number): boolean {
    for (let q = k - 1; q >= 0; q--) {
      const t = this.ts[q];
      if (t.kind === 'item' && this.used.has(t)) return true;
      if (t.kind === 'points' || isWord(t, 'award') || isWord(t, 'deduct') || isWord(t, 'every') || isWord(t, 'disc')) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------------------ conditions

  /**
   * The condition of the clause whose outcome starts at `at`: the words since the last clause.
   * The phrase nearest the outcome is the condition; earlier phrases are context ("按企业申报时
   * 材料中所确定的指标予以考核"). One-off markers ("一经发现") anywhere mark the clause.
   */
  condition(from: number, at: number, found: Found): { cond: Condition; oneOff: boolean; s?: number } {
    const start = from;
    const end = found.from;
    let oneOff = false;
    for (let k = start; k < end; k++) if (isWord(this.ts[k], 'oneOff')) oneOff = true;
    // Phrases split at commas and colons; "且"/"并且" join a phrase to the one before.
    const phrases: Array<[number, number]> = [];
    let p = start;
    for (let k = start; k <= end; k++) {
      const t = this.ts[k];
      if (k === end || (t.kind === 'sep' && (t.sep === 'weak' || t.sep === 'colon'))) {
        if (k > p) phrases.push([p, k]);
        if (k < end) this.use(t);
        p = k + 1;
      }
    }
    const s = start < end ? this.ts[start].s : undefined;
    // A definition right before the outcome is context, not a condition.
    while (phrases.length > 0 && this.isDefinition(phrases[phrases.length - 1][0], phrases[phrases.length - 1][1])) {
      const [a, b] = phrases.pop()!;
      this.useRange(a, b);
    }
    if (phrases.length === 0) return { cond: { kind: 'none' }, oneOff, s };
    let ds = phrases[phrases.length - 1][0];
    const de = phrases[phrases.length - 1][1];
    // A phrase that only opens the clause ("其中", "否则") or is joined by 且 belongs with the next.
    for (let q = phrases.length - 2; q >= 0; q--) {
      const [a, b] = phrases[q];
      const firstOfDirect = this.ts[ds];
      if (isWord(firstOfDirect, 'and') || isWord(firstOfDirect, 'or') || (b - a === 1 && (isWord(this.ts[a], 'otherwise') || isWord(this.ts[a], 'if') || isWord(this.ts[a], 'notMet')))) ds = a;
      else break;
    }
    // "≥80分，＜90分，得5分": two bounds written as two phrases are one band.
    for (let q = phrases.length - 2; q >= 0; q--) {
      const [a, b] = phrases[q];
      if (b + 1 !== ds && b !== ds - 1) break;
      if (this.isBoundPhrase(a, b) && this.isBoundPhrase(ds, de)) ds = a;
      else break;
    }
    // "预算执行率达到100%，未达到的每降低1个百分点扣0.5分": the figure not met, stated just before, is the band
    // of the steps (the target they fall short of), not a description beside them.
    // Also across a requirement without figures ("1000公斤以上，提供正式发票，每少于100公斤扣5分"), when the
    // steps count in the band's unit.
    const before = phrases.filter(([, b]) => b <= ds).pop();
    const figureIn = (a: number, b: number) => this.ts.slice(a, b).find((t) => t.kind === 'num' || t.kind === 'qty');
    const acrossRequirement = (): boolean => {
      const target = before && figureIn(before[0], before[1]);
      const step = figureIn(found.from, found.end);
      return !figureIn(ds, de) && !!target && !!step && sameClass(figureClass(target), figureClass(step)) && STEP_SHORTFALL.test(this.textOf(found.from, found.end));
    };
    if (before && isWord(this.ts[found.from], 'every') && (this.notMetPhrase(ds, de) || acrossRequirement())) {
      const band = this.bandCondition(before[0], before[1]);
      if (band && !!band.lo !== !!band.hi && (band.lo || this.notMetPhrase(ds, de))) {
        for (const ph of phrases) if (ph[1] <= ds && ph !== before) this.contextPhrase(ph[0], ph[1]);
        this.useRange(before[0], before[1]);
        this.useRange(ds, de);
        return { cond: band, oneOff, s };
      }
    }
    for (const [a, b] of phrases) if (b <= ds) this.contextPhrase(a, b);
    const cond = this.readCondition(ds, de);
    return { cond, oneOff, s };
  }

  /** "未达到的", "未达到目标的", "达不到要求的": a phrase that only says the figure is not met. */
  private notMetPhrase(from: number, to: number): boolean {
    if (!isWord(this.ts[from], 'notMet')) return false;
    for (let k = from + 1; k < to; k++) {
      const t = this.ts[k];
      if (!(isWord(t, 'de') || ((t.kind === 'text' || t.kind === 'word') && /^(目标|要求|标准|指标值|目标值|任务)的?$/.test(t.text)))) return false;
    }
    return true;
  }

  /** A phrase before the condition: a definition of the value ("支出率=…×100%计算核定得分") or plain words. */
  private contextPhrase(from: number, to: number): void {
    if (this.isDefinition(from, to)) this.useRange(from, to);
    else this.description(from, to);
  }

  /** "支出率=“支付额/预算额度*100%”计算核定得分": a value defined by a formula, then what it is for. */
  private isDefinition(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      if (!isOp(this.ts[k], '=')) continue;
      const e = parseExpr(this.ts, k + 1, to);
      if (e && this.ts.slice(e.end, to).every((x) => x.kind === 'text' || x.kind === 'quote' || isWord(x, 'scoreVerb') || isWord(x, 'scoreNoun') || isWord(x, 'de'))) return true;
    }
    return false;
  }

  /** A phrase that is only a bound: [name] comparator [reference 的] figure [以上/以下] [(含)]. */
  private isBoundPhrase(from: number, to: number): boolean {
    let figures = 0;
    let comparators = 0;
    let words = 0;
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (this.isBandFigure(k) || t.kind === 'num' || t.kind === 'qty') figures++;
      else if (comparatorOf(t) || isWord(t, 'cmpPost') || isWord(t, 'incl')) comparators++;
      else if (t.kind === 'text' || isWord(t, 'de') || isWord(t, 'refLevel') || t.kind === 'quote') words++;
      else return false;
    }
    return figures === 1 && comparators >= 1 && words <= 3;
  }

  /** One phrase as a condition. */
  readCondition(from: number, to: number): Condition {
    // Trim openers and the trailing 的.
    while (from < to && (isWord(this.ts[from], 'if') || this.ts[from].kind === 'quote' || isOp(this.ts[from], ')'))) this.use(this.ts[from++]);
    while (to > from && (isWord(this.ts[to - 1], 'de') || this.ts[to - 1].kind === 'quote' || isOp(this.ts[to - 1], '('))) this.use(this.ts[--to]);
    if (from >= to) return { kind: 'none' };
    const text = this.textOf(from, to);
    let otherwise = false;
    for (let k = from; k < to; k++) if (isWord(this.ts[k], 'otherwise')) otherwise = true;
    const rank = this.rankCondition(from, to);
    if (rank) {
      this.useRange(from, to);
      return rank;
    }
    const count = this.countCondition(from, to);
    if (count) {
      this.useRange(from, to);
      return count;
    }
    const band = this.bandCondition(from, to);
    if (band) {
      this.useRange(from, to);
      return otherwise ? { kind: 'otherwise', band } : band;
    }
    // "与上年度相比持平": the change against the reference is 0 (or better).
    if (this.ts[to - 1].kind === 'text' && /(相比|比|较|同期)\S{0,3}持平$/.test(text) && !this.ts.slice(from, to).some((t) => t.kind === 'num' || t.kind === 'qty')) {
      this.useRange(from, to);
      return { kind: 'band', quantity: { name: `${text.replace(/持平$/, '')}变化`, unitClass: 'pp' }, lo: { v: 0, incl: true, explicit: true } };
    }
    // "510万(含5万)" (a dash lost from 5—10万): a phrase that opens with a measured figure but is no band.
    const head = this.ts[from];
    if ((head.kind === 'qty' && head.unitClass !== 'count' && head.unitClass !== 'rank') || (head.kind === 'num' && head.percent)) {
      if (this.ts.slice(from, to).some((t) => t.kind === 'text' && /^[含不]/.test(t.text))) {
        this.unread.push({ s: head.s, e: this.ts[to - 1].e, reason: '数值区间未能读懂（缺少“以上”“以下”或区间符号）' });
        this.useRange(from, to);
        return { kind: 'qualitative', text, negative: false };
      }
    }
    // Figures that look like a band but are not read as one stay unread.
    this.description(from, to);
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (((t.kind === 'num' && t.percent) || (t.kind === 'qty' && t.unitClass === 'pp')) && this.hasComparatorNear(k, from, to)) {
        this.used.delete(t);
      }
    }
    // "“不合格”与“合格”之间": between the bands already stated, i.e. what they leave.
    const phrase = this.ts.slice(from, to);
    const between = phrase.some((t) => isWord(t, 'rangeClose')) && !phrase.some((t) => t.kind === 'num' || t.kind === 'qty') && phrase.filter((t) => t.kind === 'quote').length >= 2;
    if (between) {
      this.useRange(from, to);
      return { kind: 'otherwise' };
    }
    if (otherwise) return { kind: 'otherwise' };
    const only = (cat: WordCat): boolean => {
      let depth = 0;
      let seen = false;
      for (let k = from; k < to; k++) {
        const t = this.ts[k];
        // "符合要求（含协同单位）": a remark in brackets does not change the condition.
        if (isOp(t, '(')) depth++;
        if (isOp(t, ')')) depth = Math.max(0, depth - 1);
        if (depth > 0 || isOp(t, ')')) continue;
        if (t.kind === 'sep' || t.kind === 'quote') continue;
        if (isWord(t, cat)) {
          seen = true;
          continue;
        }
        // "达不到单产要求", "未达到序时进度要求": what is not met, named.
        if (t.kind === 'text' && /^[\u4e00-\u9fa5]{0,6}(任务|目标|要求|指标值|目标值|情况|指标|标准)$|^的$/.test(t.text)) continue;
        if (isWord(t, 'refLevel') || isWord(t, 'de')) continue;
        return false;
      }
      return seen;
    };
    if (only('notMet')) return { kind: 'notMet', text };
    if (only('met') || (only('cmpPre') && /达到|达|完成/.test(text))) return { kind: 'met', text };
    const negative = NEGATIVE.test(text.replace(/缺点|差异|不断|无缝|毫不/g, ''));
    return { kind: 'qualitative', text, negative };
  }

  private hasComparatorNear(k: number, from: number, to: number): boolean {
    for (let m = Math.max(from, k - 2); m < Math.min(to, k + 3); m++) {
      const t = this.ts[m];
      if (isWord(t, 'cmpPre') || isWord(t, 'cmpPost') || isWord(t, 'incl') || isWord(t, 'rangeClose') || (t.kind === 'op' && /[≥≤<>]/.test(t.op))) return true;
    }
    return false;
  }

  /** "前4名", "第1名", "第2-5名", "倒数第4名及以上", "排名1-5名", "4名以后", "倒数第1名、第2名、第3名". */
  private rankCondition(from: number, to: number): Condition | null {
    let reverse = false;
    const list: number[] = [];
    let lo: number | undefined;
    let hi: number | undefined;
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (isWord(t, 'reverse')) reverse = true;
      const n = this.ts[k + 1];
      if (isWord(t, 'front') && n?.kind === 'qty' && n.unitClass === 'rank') {
        lo = 1;
        hi = n.value;
        k++;
        continue;
      }
      if (isWord(t, 'ordinal') && (n?.kind === 'qty' && n.unitClass === 'rank')) {
        list.push(n.value);
        const post = this.ts[k + 2];
        // "第4名及以后": from the 4th on.
        if (isWord(post, 'after')) {
          lo = /^及/.test(textOfToken(post)) ? n.value : n.value + 1;
          hi = Infinity;
          k += 2;
          continue;
        }
        if (isWord(post, 'cmpPost') && post.op === '>=') {
          // "倒数第4名及以上": from the 4th on (counting away from the best).
          lo = n.value;
          hi = Infinity;
        }
        k++;
        continue;
      }
      if (isWord(t, 'ordinal') && n?.kind === 'num' && isOp(this.ts[k + 2], '-') && this.ts[k + 3]?.kind === 'qty' && (this.ts[k + 3] as TokenOf<'qty'>).unitClass === 'rank') {
        lo = n.value;
        hi = (this.ts[k + 3] as TokenOf<'qty'>).value;
        k += 3;
        continue;
      }
      // "排名1-5名", "在全市排名1-5名的"
      if (t.kind === 'num' && !t.percent && isOp(n, '-') && this.ts[k + 2]?.kind === 'qty' && (this.ts[k + 2] as TokenOf<'qty'>).unitClass === 'rank') {
        lo = t.value;
        hi = (this.ts[k + 2] as TokenOf<'qty'>).value;
        k += 2;
        continue;
      }
      if (t.kind === 'qty' && t.unitClass === 'rank' && isWord(n, 'after')) {
        // "5名以后": after the 5th; "5名及以后": the 5th on.
        lo = /^及/.test(n.text) ? t.value : t.value + 1;
        hi = Infinity;
        k++;
        continue;
      }
    }
    if (lo !== undefined && hi !== undefined) return { kind: 'rank', lo, hi, reverse, ...(list.length > 1 ? { list } : {}) };
    if (list.length > 0) return { kind: 'rank', lo: Math.min(...list), hi: Math.max(...list), reverse, ...(list.length > 1 ? { list } : {}) };
    return null;
  }

  /** "发现一次的", "发现有两次及以上的", "有1人不达标", "三次(含)以上". */
  /**
   * Occurrences: "发现一次的" (exactly 1), "发现有两次及以上的" (2 or more), "有1人不达标" and
   * "缺1个科室" (at least 1 missing), "1项不符合条件" (at least 1 failing), "未建立的,1项" (each 1).
   * `positive` for counts of what is done ("1项满足"): more is better.
   */
  private countCondition(from: number, to: number): Condition | null {
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      // "1名人员未持证上岗": 名 counts people here, not a place.
      const people = t.kind === 'qty' && t.unit === '名' && this.ts[k + 1]?.kind === 'text' && /^(人员|工作人员|干部|职工|员工|学生|教师|医生|护士|同志)/.test((this.ts[k + 1] as TokenOf<'text'>).text);
      const prev = this.ts[k - 1];
      // "出现一个月扣5分": months found, counted like occurrences.
      const foundPeriods = t.kind === 'qty' && t.unitClass === 'duration' && isWord(prev, 'found') && /^(出现|发现)$/.test(textOfToken(prev));
      if (t.kind !== 'qty' || (t.unitClass !== 'count' && !people && !foundPeriods)) continue;
      // "不少于200人": a bound; "1～2张": a range — read as bands.
      if ((comparatorOf(prev) && !isWord(prev, 'found')) || isOp(prev, '-') || /^(至|到)$/.test(textOfToken(prev))) continue;
      const found = isWord(prev, 'found') || (isWord(this.ts[k - 2], 'found') && isWord(prev, 'found'));
      const missing = /^(缺|少|缺少|差)$/.test(textOfToken(prev)) || (isWord(prev, 'stepVerb') && /缺|少|差/.test(textOfToken(prev)));
      let m = k + 1;
      if (isWord(this.ts[m], 'incl')) m++;
      const post = this.ts[m];
      // "两次及以上": occurrences; "3个及以上合作企业" is a level, read as a band.
      if (isWord(post, 'cmpPost') && (post as CatWord).op === '>=' && (found || OCCURRENCE_UNITS.includes(t.unit))) return { kind: 'count', lo: t.value, hi: Infinity, unit: t.unit };
      // "有1人不达标", "1台设备不符合要求(的)": one failing unit is enough.
      const failing = isWord(post, 'notMet') || (post?.kind === 'text' && /^(不|未|没)/.test(post.text)) || (k === from && t.value === 1 && post?.kind === 'text' && (/不|未|没有/.test(post.text) || isWord(this.ts[m + 1], 'notMet')));
      if (found) {
        // "有1人不达标": at least one; "发现一次的": exactly one.
        return textOfToken(prev) === '有' ? { kind: 'count', lo: t.value, hi: Infinity, unit: t.unit } : { kind: 'count', lo: t.value, hi: t.value, unit: t.unit };
      }
      if (missing || failing) return { kind: 'count', lo: t.value, hi: Infinity, unit: t.unit };
      // "1项满足，得1分": a count of what is met.
      if (isWord(post, 'met') && m + 1 >= to) return { kind: 'count', lo: t.value, hi: t.value, unit: t.unit, positive: true };
      // "未建立的，1项扣1.8分": a count right before its outcome.
      if (m >= to) return { kind: 'count', lo: t.value, hi: t.value, unit: t.unit };
    }
    return null;
  }

  /** The "(" of a bracketed remark closing at `close`, when it holds only words (no figure, no comparator, no bracket). */
  private remarkOpening(close: number, from: number): number | undefined {
    for (let q = close - 1; q >= from; q--) {
      const x = this.ts[q];
      if (isOp(x, '(')) return q;
      if (!(x.kind === 'text' || x.kind === 'quote' || (x.kind === 'word' && !comparatorOf(x)))) return undefined;
    }
    return undefined;
  }

  /**
   * A band of a measured value: "按期结案率达70%以上(含)", "70%(含)-80%", "小于90%且大于等于80%",
   * "开工率为100%", "满意率≥90%", "超过控制目标的10%以内", "不低于总数的20%", "≥规定数的90%",
   * "在80%至90%之间", "≥90分" (a score measured by another table). The quantity is the text before
   * the first comparator; a figure of another unit in it is part of its name ("35岁及以下的…不低于20%").
   */
  private bandCondition(from: number, to: number): BandCondition | null {
    interface Part {
      lo?: Bound;
      hi?: Bound;
      exact?: boolean;
      at: number;
      unitClass: UnitClass | 'plain';
      relative?: 'excess' | 'shortfall';
      /** The figure is a share of a reference ("规定数的90%"). */
      ofReference?: boolean;
    }
    const parts: Part[] = [];
    for (let k = from; k < to; k++) {
      const t = this.ts[k];
      if (!this.isBandFigure(k)) continue;
      const uc = figureClass(t);
      if (this.isYear(k)) continue;
      // A range: "X-Y", "X至Y", "X(含)-Y", "在X与Y之间".
      let m = k + 1;
      let incl1: boolean | undefined;
      if (isWord(this.ts[m], 'incl')) {
        incl1 = (this.ts[m] as CatWord).incl;
        m++;
      }
      const infix = this.ts[m];
      if ((isOp(infix, '-') || /^(至|到|与|和)$/.test(textOfToken(infix))) && this.isBandFigure(m + 1, true)) {
        const second = this.ts[m + 1] as FigureToken;
        const a = figureValue(t as FigureToken, second);
        const b = figureValue(second, second);
        let q = m + 2;
        let incl2: boolean | undefined;
        let explicit2 = false;
        for (let guard = 0; guard < 3; guard++) {
          if (isWord(this.ts[q], 'incl')) incl2 = (this.ts[q++] as CatWord).incl;
          else if (isWord(this.ts[q], 'rangeClose')) q++;
          else if (isWord(this.ts[q], 'cmpPost') && /^(<=|<)$/.test(String((this.ts[q] as CatWord).op))) {
            // "±10-15%以内": the upper end as the word says.
            incl2 = (this.ts[q++] as CatWord).op === '<=';
            explicit2 = true;
          } else break;
        }
        parts.push({
          lo: { v: Math.min(a, b), incl: incl1 ?? true, explicit: incl1 !== undefined },
          hi: { v: Math.max(a, b), incl: incl2 ?? false, explicit: incl2 !== undefined || explicit2 },
          at: k,
          unitClass: figureClass(second),
        });
        this.useRange(k, q);
        k = q - 1;
        continue;
      }
      // The comparator before the figure, across a reference ("≥规定数的90%", "不低于总数的20%", "超过控制目标的10%以内").
      let op: Op | undefined;
      let opAt = -1;
      let relative: Part['relative'];
      let ofReference = false;
      for (let q = k - 1, window = 8; q >= Math.max(from, k - window); q--) {
        const x = this.ts[q];
        // "达到可种面积(新增水田面积)的100%": a remark in brackets, with no figure, between the comparator and its figure.
        if (isOp(x, ')')) {
          const open = this.remarkOpening(q, from);
          if (open !== undefined) {
            window += q - open + 1;
            q = open;
            continue;
          }
        }
        const cmp = comparatorOf(x);
        if (cmp) {
          op = cmp;
          opAt = q;
          if (q < k - 1) {
            ofReference = true;
            const w = textOfToken(x);
            if (/^(超过|超出|高于)$/.test(w)) relative = 'excess';
            else if (/^(低于|少于|不足)$/.test(w)) relative = 'shortfall';
          }
          break;
        }
        if (isOp(x, '±')) continue;
        if (x.kind === 'sep' || this.isBandFigure(q) || !(x.kind === 'text' || x.kind === 'quote' || isWord(x, 'de') || isWord(x, 'refLevel'))) break;
      }
      let post = k + 1;
      if (incl1 !== undefined) post = m;
      let postOp: Op | undefined;
      if (isWord(this.ts[post], 'cmpPost')) {
        postOp = (this.ts[post] as CatWord).op;
        post++;
        if (isWord(this.ts[post], 'incl')) {
          incl1 = (this.ts[post] as CatWord).incl;
          post++;
        }
      }
      const v = figureValue(t as FigureToken, t as FigureToken);
      // With a comparator after the figure, one before a reference says what is measured: "超过目标的10%以内" is the excess ≤ 10%.
      if (!(postOp && relative)) relative = undefined;
      const effective = postOp ?? (relative ? undefined : op);
      if (!effective) {
        // "达标率100%计满分", "100%计满分": a rate's figure that is the whole condition is reached.
        const named = textOfToken(this.ts[k - 1]);
        if (op === undefined && t.kind === 'num' && t.percent && post === to && (k === from || /(率|比|比例|比重|占比|度)$/.test(named))) {
          parts.push({ lo: { v, incl: true, explicit: false }, at: k, unitClass: uc, exact: true });
          this.useRange(k, post);
        }
        continue;
      }
      const part: Part = { at: opAt >= 0 && !relative ? opAt : k, unitClass: uc };
      if (relative) part.relative = relative;
      if (ofReference) part.ofReference = true;
      const incl = incl1;
      if (effective === '>=') part.lo = { v, incl: incl ?? true, explicit: true };
      else if (effective === '>') part.lo = { v, incl: incl ?? false, explicit: true };
      else if (effective === '<=') part.hi = { v, incl: incl ?? true, explicit: true };
      else if (effective === '<') part.hi = { v, incl: incl ?? false, explicit: true };
      else {
        part.lo = { v, incl: true, explicit: true };
        part.exact = true;
      }
      parts.push(part);
      this.useRange(opAt >= 0 ? opAt : k, post);
      k = post - 1;
    }
    if (parts.length === 0) return null;
    // Bounds of one unit class make the band (at most two: a lower and an upper bound).
    const last = parts[parts.length - 1];
    const same = parts.filter((x) => sameClass(x.unitClass, last.unitClass));
    if (same.length > 2) return null;
    if (same.length === 2 && !((same[0].lo && !same[0].hi && same[1].hi && !same[1].lo) || (same[0].hi && !same[0].lo && same[1].lo && !same[1].hi))) return null;
    let lo: Bound | undefined;
    let hi: Bound | undefined;
    let exact = false;
    for (const x of same) {
      if (x.lo) lo = x.lo;
      if (x.hi) hi = x.hi;
      if (x.exact) exact = true;
    }
    const name = cleanName(this.textOf(from, Math.min(...same.map((x) => x.at))));
    const quantity: QuantityRef = { name: name.replace(/±$/, ''), unitClass: last.unitClass === 'pp' ? 'percent' : last.unitClass };
    // "控制率在±10%以内": the figures bound the deviation either way.
    if (same.some((x) => isOp(this.ts[x.at - 1], '±') || isOp(this.ts[x.at], '±'))) quantity.deviation = true;
    if (last.relative) quantity.relative = last.relative;
    if (same.some((x) => x.ofReference)) quantity.ofReference = true;
    const band: BandCondition = { kind: 'band', quantity };
    if (lo) band.lo = lo;
    if (hi) band.hi = hi;
    if (exact && !hi) band.exact = true;
    return band;
  }

  /** "2017年", "2017-2019年", "2018和2019年": years name periods, they are no bounds. */
  private isYear(k: number): boolean {
    const t = this.ts[k];
    const yearLike = (x: Token | undefined): boolean => !!x && (x.kind === 'num' || x.kind === 'qty') && Number.isInteger(x.value) && x.value >= 1900 && x.value <= 2100 && !(x.kind === 'num' && x.percent);
    if (!yearLike(t)) return false;
    if (t.kind === 'qty') return t.unit === '年';
    const n = this.ts[k + 1];
    const n2 = this.ts[k + 2];
    return (isOp(n, '-') || /^(至|到|和|与|、)$/.test(textOfToken(n)) || (n?.kind === 'sep' && n.sep === 'list')) && yearLike(n2);
  }

  /** A figure a band can compare with: a number, a quantity, or points measured elsewhere ("≥90分", "60分以下"). */
  private isBandFigure(k: number, afterInfix = false): boolean {
    const t = this.ts[k];
    if (!t) return false;
    if (t.kind === 'num' || t.kind === 'qty') return !this.isYear(k);
    if (t.kind !== 'points' || t.lo !== t.hi) return false;
    if (afterInfix) return true;
    const prev = this.ts[k - 1];
    const next = this.ts[k + 1];
    if (isWord(next, 'cmpPost')) return true;
    if (prev?.kind === 'op' && comparatorOf(prev)) return true;
    // "考核得分达到90分的，得5分" measures a score; "没达到0分" gives 0 points.
    return !!comparatorOf(prev) && (isWord(next, 'de') || isWord(next, 'incl'));
  }

  /** "（其他考评内容中已有的不重复扣分）": a bracketed remark with no figure says how, not how much. */
  private inFigurelessRemark(k: number): boolean {
    const figure = (t: Token): boolean => t.kind === 'num' || t.kind === 'points' || t.kind === 'qty';
    let a = k - 1;
    while (a >= 0 && !isOp(this.ts[a], '(') && !isOp(this.ts[a], ')') && !isSep(this.ts[a]) && !figure(this.ts[a])) a--;
    if (a < 0 || !isOp(this.ts[a], '(')) return false;
    let b = k + 1;
    while (b < this.ts.length && !isOp(this.ts[b], ')') && !isOp(this.ts[b], '(') && !isSep(this.ts[b]) && !figure(this.ts[b])) b++;
    return b < this.ts.length && isOp(this.ts[b], ')');
  }

  finish(): Unread[] {
    const out = [...this.unread];
    for (const t of this.ts) {
      if (t.kind === 'word' && t.cats.has('unsupported')) {
        out.push({ s: t.s, e: t.e, reason: UNSUPPORTED_WORDS.find(([w]) => w === t.text)?.[1] ?? '暂不支持的计分方式' });
        continue;
      }
      if (this.used.has(t)) continue;
      const prev = this.ts[this.ts.indexOf(t) - 1];
      // "扣72o": a figure after 扣 that no amount read.
      const orphanFigure = t.kind === 'num' && (isWord(prev, 'deduct') || (isWord(prev, 'award') && textOfToken(prev) !== '为'));
      const scoring =
        orphanFigure ||
        t.kind === 'points' ||
        (t.kind === 'num' && t.percent) ||
        (t.kind === 'qty' && t.unitClass === 'pp') ||
        (t.kind === 'word' && (t.cats.has('disc') || t.cats.has('zero') || t.cats.has('floor') || t.cats.has('rangeClose') || t.cats.has('deductCap') || t.cats.has('scoreCap') || t.cats.has('ratioMethod'))) ||
        this.isScoreMethod(this.ts.indexOf(t)) ||
        ((this.isLooseScoringVerb(this.ts.indexOf(t)) || this.isLoosePointsWord(this.ts.indexOf(t))) && !this.inFigurelessRemark(this.ts.indexOf(t)));
      if (scoring) out.push({ s: t.s, e: t.e, reason: t.kind === 'points' ? '分值未能归入任何计分条款' : '计分用语未能读懂' });
    }
    return mergeUnread(out);
  }
}

interface Found {
  /** Index after the outcome. */
  end: number;
  /** Index of the outcome's first token. */
  from: number;
  make(cond: () => { cond: Condition; oneOff: boolean; s?: number }): Clause;
}

/** A step that counts a shortfall ("每少于100公斤", "每低1个百分点"). */
const STEP_SHORTFALL = new RegExp(`^每(${SHORTFALL_VERBS.join('|')})`);

/** A condition that describes a failure ("不够全面", "未按规定", "缺少必要的环节"). */
const NEGATIVE = /未|不|没|无|缺|差|低于|违规|违反|超出|超过|超支/;

type FigureToken = TokenOf<'num'> | TokenOf<'qty'> | TokenOf<'points'>;

/** The comparison a token states before a figure: a comparator word or ≥ ≤ > < =. */
function comparatorOf(t: Token | undefined): Op | undefined {
  if (!t) return undefined;
  if (t.kind === 'word' && t.cats.has('cmpPre')) return t.op;
  if (t.kind === 'op') {
    if (t.op === '≥') return '>=';
    if (t.op === '≤') return '<=';
    if (t.op === '>' || t.op === '<' || t.op === '=') return t.op;
  }
  return undefined;
}

function figureClass(t: Token): UnitClass | 'plain' {
  if (t.kind === 'num') return t.percent ? 'percent' : 'plain';
  if (t.kind === 'qty') return t.unitClass;
  return 'score';
}

function sameClass(a: string, b: string): boolean {
  const rate = (x: string): boolean => x === 'percent' || x === 'pp' || x === 'plain';
  return a === b || (rate(a) && rate(b));
}

function hasPoints(e: import('./syntax').Expr): boolean {
  if (e.kind === 'points') return true;
  if (e.kind === 'neg') return hasPoints(e.of);
  if (e.kind === 'bin') return hasPoints(e.left) || hasPoints(e.right);
  return false;
}

/** "A/B" standing alone as the alternative of a formula. */
function parseAlternativeRatio(ts: readonly Token[], k: number, to: number): { expr: import('./syntax').Expr; end: number } | null {
  return parseExpr(ts, k, to);
}

/** A bare formula scores only when it names points: "×60", "×指标分值", "×2分". */
function hasPointsFactor(ts: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = ts[k];
    if (t.kind === 'points' || (t.kind === 'word' && (t.cats.has('pointsWord') || t.cats.has('full')))) return true;
    if (t.kind === 'num' && !t.percent && t.value >= 1 && ts[k - 1]?.kind === 'op' && (ts[k - 1] as TokenOf<'op'>).op === '×') return true;
  }
  return false;
}

/** A figure as the value a band compares with: percentages and 个百分点 as fractions. "90-100%" carries the % to 90. */
function figureValue(t: FigureToken, unitOf: FigureToken): number {
  if (t.kind === 'points') return t.lo;
  if (t.kind === 'num') {
    if (t.percent) return t.value;
    if (unitOf.kind === 'num' && unitOf.percent && t !== unitOf) return t.value / 100;
    return t.value;
  }
  if (t.unitClass === 'pp') return t.value / 100;
  return t.value;
}

/** A quantity's name without openers, punctuation and trailing particles. */
function cleanName(s: string): string {
  return s
    .replace(/^[，、：；,:;"]+|[，、：；,:;"]+$/g, '')
    .replace(/^(若|如果|如|凡|其中|当|对于|且|并且|但)/, '')
    // "在职人员控制率=(在职人员数/编制数)100%": the name, not its definition.
    .replace(/[=＝].*$/, '')
    .replace(/(的|为|达|在|达到|是)$/, '')
    // "预算执行率应达到95%": the quantity, without what it ought to do.
    .replace(/(应当|应该|必须|需要|要求|应|要|须|需)$/, '')
    .trim();
}

function pointsAmount(t: TokenOf<'points'>): Amount {
  return { kind: 'points', lo: t.lo, hi: t.hi };
}

/**
 * The amount after 得/扣: "2分", "1-2分", "满分", "不得分", "指标分值的20%", "该项分值的90-100%",
 * "分值的59%以下", "5%权重分值", "该要点分值的一半", "相应分值".
 */
export function readAmount(ts: readonly Token[], k: number, to: number): { amount: Amount; end: number; bound?: Op } | null {
  const t = ts[k];
  if (!t || k >= to) return null;
  if (t.kind === 'points') return { amount: pointsAmount(t), end: k + 1 };
  // "得一半分值", "扣一半": half of the points.
  if (isWord(t, 'half')) {
    let m = k + 1;
    if (isWord(ts[m], 'de')) m++;
    const w = ts[m];
    if (isWord(w, 'pointsWord')) return { amount: { kind: 'share', lo: 0.5, hi: 0.5, of: /要点|相应/.test(textOfToken(w)) ? 'item' : 'points' }, end: m + 1 };
    return { amount: { kind: 'share', lo: 0.5, hi: 0.5, of: 'points' }, end: k + 1 };
  }
  // "得满分0.5分": the full points, said as a figure.
  if (isWord(t, 'full') && ts[k + 1]?.kind === 'points' && k + 1 < to) return { amount: pointsAmount(ts[k + 1] as TokenOf<'points'>), end: k + 2 };
  if (isWord(t, 'full')) return { amount: { kind: 'full' }, end: k + 1 };
  if (isWord(t, 'zero')) return { amount: { kind: 'zero' }, end: k + 1 };
  const ofItem = (w: TokenOf<'word'>): 'points' | 'item' => (/要点|相应/.test(w.text) ? 'item' : 'points');
  // "5%权重分值", "20%的分值"
  if (t.kind === 'num' && t.percent) {
    let m = k + 1;
    if (isWord(ts[m], 'de')) m++;
    if (isWord(ts[m], 'pointsWord')) return { amount: { kind: 'share', lo: t.value, hi: t.value, of: ofItem(ts[m] as TokenOf<'word'>) }, end: m + 1 };
    return null;
  }
  if (isWord(t, 'pointsWord')) {
    let m = k + 1;
    if (isWord(ts[m], 'de')) m++;
    const x = ts[m];
    const y0 = ts[m + 2];
    const rangeToPercent = x?.kind === 'num' && isOp(ts[m + 1], '-') && y0?.kind === 'num' && y0.percent;
    if (x?.kind === 'num' && (x.percent || x.value < 1 || rangeToPercent)) {
      // "90-100%"
      if (isOp(ts[m + 1], '-') && ts[m + 2]?.kind === 'num') {
        const y = ts[m + 2] as TokenOf<'num'>;
        const a = x.percent ? x.value : y.percent ? x.value / 100 : x.value;
        const lo = Math.min(a, y.value);
        const hi = Math.max(a, y.value);
        return { amount: { kind: 'share', lo, hi, of: ofItem(t) }, end: m + 3 };
      }
      const post = ts[m + 1];
      if (isWord(post, 'cmpPost') && (post.op === '<=' || post.op === '<')) return { amount: { kind: 'share', lo: 0, hi: x.value, of: ofItem(t) }, end: m + 2, bound: post.op };
      return { amount: { kind: 'share', lo: x.value, hi: x.value, of: ofItem(t) }, end: m + 1 };
    }
    if (isWord(x, 'half')) return { amount: { kind: 'share', lo: 0.5, hi: 0.5, of: ofItem(t) }, end: m + 1 };
    // "得相应分值", "扣除相应权重分值": the whole of the item's share.
    if (/相应|要点/.test(t.text)) return { amount: { kind: 'share', lo: 1, hi: 1, of: 'item' }, end: k + 1 };
    return null;
  }
  return null;
}

function mergeUnread(xs: Unread[]): Unread[] {
  const sorted = [...xs].sort((a, b) => a.s - b.s);
  const out: Unread[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.s <= last.e + 1 && last.reason === x.reason) last.e = Math.max(last.e, x.e);
    else out.push({ ...x });
  }
  return out;
}

export function parseTokens(tokens: Token[]): ParseResult {
  const p = new Parser(tokens);
  const tree = p.parse();
  return { tree, unread: p.finish(), tokens };
}

export function parseTree(norm: NormalText): ParseResult {
  return parseTokens(lex(norm));
}

export { atItemPosition };
export type { Span };
