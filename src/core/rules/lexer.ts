import {
  ADD_VERBS, AND_WORDS, AWARD_VERBS, BONUS_CAP_WORDS, DEDUCT_VERBS, DEDUCTION_CAP_WORDS, DISCRETIONARY_WORDS, EACH_WORDS, EXEMPT_WORDS, FLOOR_WORDS, FULL_WORDS,
  IF_WORDS, INCLUSIVE_MARKS, PLAIN_WORDS, RATIO_METHOD_WORDS, UNKNOWN_METHOD_WORDS, UNSUPPORTED_WORDS, INTERPOLATE_WORDS, ONE_OFF_WORDS, Op, OR_WORDS, ORDER_WORDS, OTHERWISE_WORDS, OVERFLOW_WORDS, POINTS_WORDS, POST_COMPARATORS,
  PRE_COMPARATORS, PROPORTION_WORDS, RANGE_CLOSERS, RANK_WORDS, REFERENCE_LEVELS, REFERENCE_WORDS, SCORE_CAP_WORDS, SCORE_VERBS, STEP_VERBS,
  TARGET_MET, TARGET_NOT_MET, TOTAL_WORDS, UNITS, UnitClass, ZERO_WORDS,
} from './lexicon';
import { NormalText } from './normalize';

/**
 * The second step: the normalised text as typed tokens, each with its span [s, e) in the
 * normalised text. Numbers are read in every form (60%, 0.6, 1/3, 三分之一, 两, 个百分点);
 * lexicon words by longest match; everything else is plain text.
 */

/** What a lexicon word can mean; one word may mean several things ("达到": a comparator or "target met"). */
export type WordCat =
  | 'cmpPre' | 'cmpPost' | 'incl' | 'rangeClose' | 'award' | 'deduct' | 'add' | 'full' | 'zero' | 'pointsWord' | 'otherwise'
  | 'notMet' | 'met' | 'floor' | 'deductCap' | 'scoreCap' | 'disc' | 'scoreVerb' | 'proportion' | 'rankWord' | 'stepVerb' | 'each'
  | 'total' | 'reference' | 'and' | 'or' | 'if' | 'exempt' | 'oneOff' | 'order' | 'interpolate' | 'overflow' | 'refLevel'
  | 'bonusCap' | 'basis' | 'every' | 'de' | 'scoreNoun' | 'ordinal' | 'front' | 'reverse' | 'after' | 'see' | 'half' | 'found' | 'above'
  /** An ordinary word, lexed as text (see PLAIN_WORDS). */
  | 'plain'
  | 'ratioMethod'
  | 'unsupported'
  /** A scoring method the reader does not implement (see UNKNOWN_METHOD_WORDS). */
  | 'method';

export interface Span {
  s: number;
  e: number;
}

export type Token = Span &
  (
    | { kind: 'num'; value: number; percent: boolean; text: string }
    | { kind: 'points'; lo: number; hi: number }
    | { kind: 'qty'; value: number; unit: string; unitClass: UnitClass }
    | { kind: 'unit'; unit: string; unitClass: UnitClass }
    | { kind: 'word'; text: string; cats: ReadonlySet<WordCat>; op?: Op; incl?: boolean }
    | { kind: 'sep'; sep: 'strong' | 'weak' | 'colon' | 'list' }
    | { kind: 'op'; op: '+' | '-' | '×' | '/' | '=' | '(' | ')' | '≥' | '≤' | '>' | '<' | '±' | '·' }
    /** `atStart`: at the start of the text, of a line or after a separator (only there can it open an item). */
    | { kind: 'item'; n: number; style: 'arabic' | 'paren' | 'circled' | 'cn' | 'cnParen'; atStart: boolean }
    | { kind: 'quote' }
    | { kind: 'text'; text: string }
  );

export type TokenOf<K extends Token['kind']> = Extract<Token, { kind: K }>;

interface WordEntry {
  cats: Set<WordCat>;
  op?: Op;
  incl?: boolean;
}

/** Words by first character, longest first. */
const WORDS = new Map<string, Array<[string, WordEntry]>>();

function add(word: string, cat: WordCat, extra: Partial<WordEntry> = {}): void {
  const list = WORDS.get(word[0]) ?? [];
  let e = list.find(([w]) => w === word)?.[1];
  if (!e) {
    e = { cats: new Set() };
    list.push([word, e]);
    list.sort((a, b) => b[0].length - a[0].length);
    WORDS.set(word[0], list);
  }
  e.cats.add(cat);
  if (extra.op !== undefined) e.op = extra.op;
  if (extra.incl !== undefined) e.incl = extra.incl;
}

for (const [w, op] of PRE_COMPARATORS) add(w, 'cmpPre', { op });
for (const [w, op] of POST_COMPARATORS) add(w, 'cmpPost', { op });
for (const [w, incl] of INCLUSIVE_MARKS) add(w, 'incl', { incl });
for (const w of RANGE_CLOSERS) add(w, 'rangeClose');
for (const w of AWARD_VERBS) add(w, 'award');
for (const w of DEDUCT_VERBS) add(w, 'deduct');
for (const w of ADD_VERBS) add(w, 'add');
for (const w of FULL_WORDS) add(w, 'full');
for (const w of ZERO_WORDS) add(w, 'zero');
for (const w of POINTS_WORDS) add(w, 'pointsWord');
for (const w of OTHERWISE_WORDS) add(w, 'otherwise');
for (const w of TARGET_NOT_MET) add(w, 'notMet');
for (const w of TARGET_MET) add(w, 'met');
for (const w of FLOOR_WORDS) add(w, 'floor');
for (const w of DEDUCTION_CAP_WORDS) add(w, 'deductCap');
for (const w of SCORE_CAP_WORDS) add(w, 'scoreCap');
for (const w of BONUS_CAP_WORDS) add(w, 'bonusCap');
for (const w of DISCRETIONARY_WORDS) add(w, 'disc');
for (const w of SCORE_VERBS) add(w, 'scoreVerb');
for (const w of PROPORTION_WORDS) add(w, 'proportion');
for (const w of RANK_WORDS) add(w, 'rankWord');
for (const w of STEP_VERBS) add(w, 'stepVerb');
for (const w of EACH_WORDS) add(w, 'each');
for (const w of TOTAL_WORDS) add(w, 'total');
for (const w of REFERENCE_WORDS) add(w, 'reference');
for (const w of AND_WORDS) add(w, 'and');
for (const w of OR_WORDS) add(w, 'or');
for (const w of IF_WORDS) add(w, 'if');
for (const w of EXEMPT_WORDS) add(w, 'exempt');
for (const w of ONE_OFF_WORDS) add(w, 'oneOff');
for (const w of ORDER_WORDS) add(w, 'order');
for (const w of INTERPOLATE_WORDS) add(w, 'interpolate');
for (const w of OVERFLOW_WORDS) add(w, 'overflow');
for (const w of REFERENCE_LEVELS) add(w, 'refLevel');
for (const w of ['按照', '依照', '依据', '根据', '按', '以']) add(w, 'basis');
add('每', 'every');
add('的', 'de');
for (const w of ['得分', '评分']) add(w, 'scoreNoun');
add('第', 'ordinal');
add('前', 'front');
add('倒数', 'reverse');
for (const w of ['及以后', '及其以后', '及之后', '以后', '之后']) add(w, 'after');
for (const w of ['一半', '半数']) add(w, 'half');
for (const w of ['发现', '出现', '存在', '发生', '查出', '查实', '具备', '具有', '有']) add(w, 'found');
for (const w of ['以上', '上述']) add(w, 'above');
add('酌情', 'disc');
for (const w of RATIO_METHOD_WORDS) add(w, 'ratioMethod');
for (const [w] of UNSUPPORTED_WORDS) add(w, 'unsupported');
for (const w of UNKNOWN_METHOD_WORDS) add(w, 'method');
// After every category: a plain word only wins where it is the longest match.
for (const w of PLAIN_WORDS) if (!WORDS.get(w[0])?.some(([x]) => x === w)) add(w, 'plain');

/** Units after a figure, longest first. */
const UNIT_LIST = [...UNITS].sort((a, b) => b[0].length - a[0].length);

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_CHARS = new Set([...'零〇一二两三四五六七八九十百']);

/** 一 … 九十九, 一百: the small numerals rules count with; null otherwise. */
export function cnNumber(s: string): number | null {
  if (s === '') return null;
  if (s === '百' || s === '一百') return 100;
  let total = 0;
  let rest = s;
  const hundred = rest.indexOf('百');
  if (hundred >= 0) {
    const h = hundred === 0 ? 1 : CN_DIGIT[rest.slice(0, hundred)];
    if (h === undefined || hundred > 1) return null;
    total += h * 100;
    rest = rest.slice(hundred + 1).replace(/^零/, '');
  }
  const ten = rest.indexOf('十');
  if (ten >= 0) {
    const t = ten === 0 ? 1 : CN_DIGIT[rest.slice(0, ten)];
    if (t === undefined || ten > 1) return null;
    total += t * 10;
    rest = rest.slice(ten + 1);
  }
  if (rest.length > 1) return null;
  if (rest.length === 1) {
    const o = CN_DIGIT[rest];
    if (o === undefined) return null;
    total += o;
  }
  return total;
}

/** "满意度每下降2个点": in a clause about a rate, 个点 is percentage points (elsewhere "3个点" are places). */
const POINTS_OF_A_RATE = ['个点', 'pp'] as const;
const RATE_CLAUSE = /(率|度|%|％)[^；;。\n]*$/;
/** How far back the clause is looked at: the quantity is named shortly before its step. */
const RATE_CLAUSE_LOOKBACK = 40;

function unitAt(s: string, i: number): readonly [string, UnitClass] | undefined {
  if (s.startsWith('个点', i) && RATE_CLAUSE.test(s.slice(Math.max(0, i - RATE_CLAUSE_LOOKBACK), i))) return POINTS_OF_A_RATE;
  for (const u of UNIT_LIST) if (s.startsWith(u[0], i)) return u;
  return undefined;
}

/** Item markers: 1. 1、 (1) ① 一、 (一). Whether they really start items is the parser's call. */
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function lex(n: NormalText): Token[] {
  const s = n.text;
  const out: Token[] = [];
  let i = 0;
  const push = (t: Token): void => {
    out.push(t);
  };
  const pushText = (from: number, to: number): void => {
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && last.e === from) {
      last.e = to;
      last.text = s.slice(last.s, to);
    } else push({ kind: 'text', text: s.slice(from, to), s: from, e: to });
  };
  while (i < s.length) {
    const c = s[i];
    // Circled item numbers.
    const circ = CIRCLED.indexOf(c);
    if (circ >= 0) {
      push({ kind: 'item', n: circ + 1, style: 'circled', atStart: atItemPosition(s, i, n), s: i, e: i + 1 });
      i++;
      continue;
    }
    if (c >= '0' && c <= '9') {
      i = lexNumber(s, i, out, n);
      continue;
    }
    if (c === '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
      i = lexNumber(s, i, out, n);
      continue;
    }
    // Chinese numerals before a unit, 分, 分之, 个百分点, 倍 — "两次", "扣一分", "三分之一", "百分之十".
    if (CN_CHARS.has(c)) {
      const j = lexChineseNumber(s, i, out);
      if (j > i) {
        i = j;
        continue;
      }
    }
    // "(一)" "一、" item markers.
    if (c === '(' && CN_CHARS.has(s[i + 1]) && s[i + 2] === ')') {
      const v = cnNumber(s[i + 1]);
      if (v !== null) {
        push({ kind: 'item', n: v, style: 'cnParen', atStart: atItemPosition(s, i, n), s: i, e: i + 3 });
        i += 3;
        continue;
      }
    }
    if (c === '(' && /[0-9]/.test(s[i + 1] ?? '') && (s[i + 2] === ')' || (/[0-9]/.test(s[i + 2] ?? '') && s[i + 3] === ')'))) {
      const close = s.indexOf(')', i);
      push({ kind: 'item', n: Number(s.slice(i + 1, close)), style: 'paren', atStart: atItemPosition(s, i, n), s: i, e: close + 1 });
      i = close + 1;
      continue;
    }
    // "每个月", "每个季度": 每 and a unit that starts with 个, not the each-word 每个.
    if (c === '每' && s[i + 1] === '个') {
      const u = unitAt(s, i + 1);
      if (u && u[0].length > 1) {
        push({ kind: 'word', text: '每', cats: new Set<WordCat>(['every']), s: i, e: i + 1 });
        push({ kind: 'unit', unit: u[0], unitClass: u[1], s: i + 1, e: i + 1 + u[0].length });
        i += 1 + u[0].length;
        continue;
      }
    }
    // A unit standing alone after 每: "每次", "每人次", "每位次".
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'word' && prev.cats.has('every')) {
      const u = unitAt(s, i);
      if (u && s[i + u[0].length] !== '性') {
        push({ kind: 'unit', unit: u[0], unitClass: u[1], s: i, e: i + u[0].length });
        i += u[0].length;
        continue;
      }
    }
    // "得分值=种植率×30": the score named before its formula, as "得分=" is.
    if (s.startsWith('得分值', i) && s[i + 3] === '=') {
      push({ kind: 'word', text: '得分值', cats: new Set<WordCat>(['scoreVerb', 'scoreNoun']), s: i, e: i + 3 });
      i += 3;
      continue;
    }
    // "得分值的一半", "扣分值的10%": the verb and the points, not the noun 得分/扣分.
    if ((s.startsWith('得分值', i) || s.startsWith('扣分值', i)) && s[i + 3] !== '为') {
      const verb = s[i] === '得' ? 'award' : 'deduct';
      push({ kind: 'word', text: s[i], cats: new Set<WordCat>([verb]), s: i, e: i + 1 });
      push({ kind: 'word', text: '分值', cats: new Set<WordCat>(['pointsWord']), s: i + 1, e: i + 3 });
      i += 3;
      continue;
    }
    // Lexicon words (inclusive marks start with a bracket).
    const list = WORDS.get(c);
    if (list) {
      const hit = list.find(([w]) => s.startsWith(w, i));
      if (hit) {
        const [w, e] = hit;
        if (e.cats.size === 1 && e.cats.has('plain')) pushText(i, i + w.length);
        else push({ kind: 'word', text: w, cats: e.cats, ...(e.op !== undefined ? { op: e.op } : {}), ...(e.incl !== undefined ? { incl: e.incl } : {}), s: i, e: i + w.length });
        i += w.length;
        continue;
      }
    }
    // "实际完成率乘以标准分", "除以专业总数": the operators in words.
    if (s.startsWith('乘以', i) || s.startsWith('除以', i)) {
      push({ kind: 'op', op: c === '乘' ? '×' : '/', s: i, e: i + 2 });
      i += 2;
      continue;
    }
    switch (c) {
      case ';':
      case '。':
        push({ kind: 'sep', sep: 'strong', s: i, e: i + 1 });
        i++;
        continue;
      case ',':
        push({ kind: 'sep', sep: 'weak', s: i, e: i + 1 });
        i++;
        continue;
      case '、':
        push({ kind: 'sep', sep: 'list', s: i, e: i + 1 });
        i++;
        continue;
      case ':':
        push({ kind: 'sep', sep: 'colon', s: i, e: i + 1 });
        i++;
        continue;
      case '"':
        push({ kind: 'quote', s: i, e: i + 1 });
        i++;
        continue;
      case '+':
      case '-':
      case '×':
      case '/':
      case '=':
      case '(':
      case ')':
      case '≥':
      case '≤':
      case '>':
      case '<':
      case '±':
      case '·':
        push({ kind: 'op', op: c, s: i, e: i + 1 });
        i++;
        continue;
      case ' ':
        i++;
        continue;
    }
    pushText(i, i + 1);
    i++;
  }
  return out;
}

/** The token after a figure at `i`: %, 个百分点, a unit, 分, 分之. Returns the next index. */
function lexNumber(s: string, start: number, out: Token[], n: NormalText): number {
  let i = start;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  // Item markers: "1." "1、" at an item position; "1.5" is a number; "1.2017年" is item 1 about 2017.
  const digits = s.slice(start, i);
  const intEnd = i;
  if (s[i] === '.' && s[i + 1] >= '0' && s[i + 1] <= '9' && !isYearAfterItem(s, start, i, n)) {
    i++;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  }
  const value = Number(s.slice(start, i));
  const text = s.slice(start, i);
  if (i === intEnd && digits.length <= 2 && atItemPosition(s, start, n) && (s[i] === '、' || (s[i] === '.' && !(s[i + 1] >= '0' && s[i + 1] <= '9' && !isYearAfterItem(s, start, i, n))))) {
    out.push({ kind: 'item', n: Number(digits), style: 'arabic', atStart: true, s: start, e: i + 1 });
    return i + 1;
  }
  // A fraction "1/4" (not a ratio of names).
  if (s[i] === '/' && s[i + 1] >= '0' && s[i + 1] <= '9') {
    let j = i + 1;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    const den = Number(s.slice(i + 1, j));
    if (den > 0 && !(s[j] === '.' || s[j] === '%')) {
      out.push({ kind: 'num', value: value / den, percent: false, text: s.slice(start, j), s: start, e: j });
      return j;
    }
  }
  // "3分之1"
  if (s.startsWith('分之', i)) {
    let j = i + 2;
    const d0 = j;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    if (j > d0 && value > 0) {
      out.push({ kind: 'num', value: Number(s.slice(d0, j)) / value, percent: false, text: s.slice(start, j), s: start, e: j });
      return j;
    }
  }
  return afterFigure(s, start, i, value, text, out);
}

function afterFigure(s: string, start: number, i: number, value: number, text: string, out: Token[]): number {
  if (s[i] === '%') {
    out.push({ kind: 'num', value: value / 100, percent: true, text: s.slice(start, i + 1), s: start, e: i + 1 });
    return i + 1;
  }
  if (s[i] === '‰') {
    out.push({ kind: 'num', value: value / 1000, percent: true, text: s.slice(start, i + 1), s: start, e: i + 1 });
    return i + 1;
  }
  // "1-2分", "1至2分": a range of points.
  const range = /^(-|至|到)(\d+(?:\.\d+)?)分(?!钟|之)/.exec(s.slice(i, i + 12));
  if (range) {
    const hi = Number(range[2]);
    out.push({ kind: 'points', lo: Math.min(value, hi), hi: Math.max(value, hi), s: start, e: i + range[0].length });
    return i + range[0].length;
  }
  // "10分到13分", "3分至0分": a range of points with 分 after each end (either order).
  const spelled = /^分(到|至|-)(\d+(?:\.\d+)?)分(?!钟|之)/.exec(s.slice(i, i + 12));
  if (spelled) {
    const other = Number(spelled[2]);
    out.push({ kind: 'points', lo: Math.min(value, other), hi: Math.max(value, other), s: start, e: i + spelled[0].length });
    return i + spelled[0].length;
  }
  if (s[i] === '分' && !s.startsWith('分钟', i) && !s.startsWith('分之', i) && !s.startsWith('分别', i) && !s.startsWith('分配', i) && !s.startsWith('分析', i)) {
    // "扣02分": a point dropped by OCR or typing (no score is written with a leading zero).
    const pts = DROPPED_POINT.test(s.slice(start, i)) ? Number(`0.${s.slice(start + 1, i)}`) : value;
    out.push({ kind: 'points', lo: pts, hi: pts, s: start, e: i + 1 });
    return i + 1;
  }
  if (s.startsWith('分钟', i)) {
    out.push({ kind: 'qty', value, unit: '分钟', unitClass: 'duration', s: start, e: i + 2 });
    return i + 2;
  }
  const u = unitAt(s, i);
  if (u && s[i + u[0].length] !== '性') {
    const e = alternativeUnitEnd(s, i + u[0].length, u[1]);
    out.push({ kind: 'qty', value, unit: u[0], unitClass: u[1], s: start, e });
    return e;
  }
  out.push({ kind: 'num', value, percent: false, text, s: start, e: i });
  return i;
}

/** "02", "05" before 分: 0.2, 0.5 with the point lost. */
const DROPPED_POINT = /^0\d{1,2}$/;

/** "1人(处)不符合要求扣0.2分": another count unit in brackets after the unit names the same thing counted. */
const ALTERNATIVE_COUNT_UNIT = /^\((处|次|人|项|个|件|例|起|家|条|台|套)\)/;

function alternativeUnitEnd(s: string, at: number, unitClass: UnitClass): number {
  if (unitClass !== 'count') return at;
  const m = ALTERNATIVE_COUNT_UNIT.exec(s.slice(at, at + 4));
  return m ? at + m[0].length : at;
}

/** "1.2017年": the dot ends item 1 when a year follows at an item position. */
function isYearAfterItem(s: string, start: number, dot: number, n: NormalText): boolean {
  if (dot - start > 2) return false;
  if (!/^\d{4}\s*(年|-)/.test(s.slice(dot + 1, dot + 7))) return false;
  return atItemPosition(s, start, n);
}

/** Numbered items start the text, a line, or follow a separator. */
export function atItemPosition(s: string, i: number, n: NormalText): boolean {
  if (i === 0 || n.lineStarts.has(i)) return true;
  const p = s[i - 1];
  return p === ';' || p === '。' || p === ':' || p === ',' || p === ')' || p === '"';
}

/** Chinese numerals: "两次", "扣一分", "三分之一", "百分之十", "一半". Returns `start` when it is not one. */
function lexChineseNumber(s: string, start: number, out: Token[]): number {
  // "百分之十", "百分之五十"
  if (s.startsWith('百分之', start)) {
    let j = start + 3;
    while (j < s.length && CN_CHARS.has(s[j])) j++;
    const v = cnNumber(s.slice(start + 3, j));
    if (v !== null && j > start + 3) {
      out.push({ kind: 'num', value: v / 100, percent: true, text: s.slice(start, j), s: start, e: j });
      return j;
    }
  }
  let j = start;
  while (j < s.length && CN_CHARS.has(s[j])) j++;
  const word = s.slice(start, j);
  // "三分之一"
  if (s.startsWith('分之', j)) {
    let k = j + 2;
    while (k < s.length && CN_CHARS.has(s[k])) k++;
    const den = cnNumber(word);
    const num = cnNumber(s.slice(j + 2, k));
    if (den && num !== null && k > j + 2) {
      out.push({ kind: 'num', value: num / den, percent: false, text: s.slice(start, k), s: start, e: k });
      return k;
    }
  }
  // "一、" item marker at an item position.
  const v = cnNumber(word);
  if (v === null) return start;
  if (s[j] === '、' && word.length <= 2 && (start === 0 || /[;。:,)"]/.test(s[start - 1] ?? ''))) {
    out.push({ kind: 'item', n: v, style: 'cn', atStart: true, s: start, e: j + 1 });
    return j + 1;
  }
  // Points: "扣一分", "得两分" — but "十分重要" (very) is not.
  if (s[j] === '分' && !s.startsWith('分之', j) && !s.startsWith('分别', j) && !s.startsWith('分配', j)) {
    const prev = out[out.length - 1];
    const verb = prev && prev.kind === 'word' && (prev.cats.has('award') || prev.cats.has('deduct') || prev.cats.has('add') || prev.cats.has('each') || prev.cats.has('total'));
    const after = s[j + 1];
    if (verb || after === undefined || /[;。,、:)]/.test(after)) {
      out.push({ kind: 'points', lo: v, hi: v, s: start, e: j + 1 });
      return j + 1;
    }
    return start;
  }
  if (s.startsWith('个百分点', j) || s.startsWith('百分点', j)) {
    const len = s.startsWith('个', j) ? 4 : 3;
    out.push({ kind: 'qty', value: v, unit: '个百分点', unitClass: 'pp', s: start, e: j + len });
    return j + len;
  }
  const u = unitAt(s, j);
  if (u && s[j + u[0].length] !== '性' && !(u[0] === '点' || u[0] === '类' || u[0] === '种' || u[0] === '期' || u[0] === '单' || u[0] === '村')) {
    // "一般", "统一" are not figures: only a numeral directly before a unit counts.
    const e = alternativeUnitEnd(s, j + u[0].length, u[1]);
    out.push({ kind: 'qty', value: v, unit: u[0], unitClass: u[1], s: start, e });
    return e;
  }
  return start;
}
