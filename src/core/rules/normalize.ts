import { simplifiedChar } from '../sheet/text';

/**
 * The first step of reading a rule: one canonical form of the text, with a map back to the raw
 * text so every token can point at what the user wrote.
 *
 * - full-width forms → half-width, Traditional → Simplified (the rule vocabulary), one form of
 *   each bracket, dash, colon and separator;
 * - line breaks and spaces removed: cells copied from Word/PDF break mid-word ("按完成比\n例给分");
 *   where a line started is kept (`lineStarts`) because numbered items start lines;
 * - OCR slips: "xl00%" → "×100%", "得分二" → "得分=", l/I/O inside numbers.
 */
export interface NormalText {
  raw: string;
  text: string;
  /** For each character of `text` the index of the raw character it came from; one more entry for the end. */
  source: number[];
  /** Indices of `text` whose raw character began a line. */
  lineStarts: Set<number>;
}

const BRACKET_OPEN = new Set(['（', '【', '〔', '［', '[', '{', '｛', '〈', '《', '<<']);
const BRACKET_CLOSE = new Set(['）', '】', '〕', '］', ']', '}', '｝', '〉', '》']);
const QUOTES = new Set(['“', '”', '"', '‘', '’', "'", '「', '」', '『', '』', '＂', '〝', '〞']);
const DASHES = new Set(['－', '—', '–', '―', '−', '~', '～', '〜', '‐', '‑']);
const SPACES = /[\s\u00a0\u200b\u3000\ufeff]/;

/** One raw character in its canonical form ('' to drop it). */
function canonical(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
  if (BRACKET_OPEN.has(ch)) return '(';
  if (BRACKET_CLOSE.has(ch)) return ')';
  if (QUOTES.has(ch)) return '"';
  if (DASHES.has(ch)) return '-';
  switch (ch) {
    case '，':
    case ',':
      return ',';
    case '；':
    case ';':
      return ';';
    case '：':
    case ':':
      return ':';
    case '。':
    case '!':
    case '?':
    case '！':
    case '？':
      return '。';
    case '÷':
      return '/';
    case '✕':
    case '✖':
    case '*':
    case '∗':
      return '×';
    case '＝':
      return '=';
    case '⩾':
    case '≧':
      return '≥';
    case '⩽':
    case '≦':
      return '≤';
    case '═':
      return '=';
    case '·':
    case '•':
      return '·';
    default:
      return simplifiedChar(ch);
  }
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isCjk = (c: string | undefined): boolean => c !== undefined && /[\u3400-\u9fff]/.test(c);
/** Chinese numerals: "得分二十" is not the OCR slip "得分=". */
const CN_NUMERAL = new Set([...'零〇一二两三四五六七八九十百千万半']);

export function normalizeRule(raw: string): NormalText {
  const src = String(raw ?? '');
  const chars: string[] = [];
  const source: number[] = [];
  const lineStarts = new Set<number>();
  let atLineStart = true;
  let i = 0;
  const skip = pinyinNotes(src);
  for (const ch of src) {
    const at = i;
    i += ch.length;
    if (skip.has(at)) continue;
    if (ch === '\n' || ch === '\r') {
      atLineStart = true;
      continue;
    }
    if (SPACES.test(ch)) {
      // A space between two digits keeps them apart ("20 50"); elsewhere it is layout.
      const prev = chars[chars.length - 1];
      const next = src[i];
      if (isDigit(prev) && isDigit(next)) {
        chars.push(' ');
        source.push(at);
      }
      continue;
    }
    const c = canonical(ch);
    if (c === '') continue;
    // ">=" and "<=" as one sign.
    if (c === '=' && (chars[chars.length - 1] === '>' || chars[chars.length - 1] === '<')) {
      chars[chars.length - 1] = chars[chars.length - 1] === '>' ? '≥' : '≤';
      continue;
    }
    if (atLineStart) lineStarts.add(chars.length);
    atLineStart = false;
    chars.push(c);
    source.push(at);
  }
  repairOcr(chars);
  bareTierPoints(chars, source);
  source.push(src.length);
  return { raw: src, text: chars.join(''), source, lineStarts };
}

/**
 * Pinyin some web pages print after characters ("發(fā)現(xiàn)一處扣2分"): the bracketed syllables are
 * dropped so the words join again. Returns the raw indices to skip.
 */
const PINYIN_NOTE = /[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6})[)）]/gu;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]/;
function pinyinNotes(src: string): Set<number> {
  const out = new Set<number>();
  PINYIN_NOTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PINYIN_NOTE.exec(src))) {
    // Only syllables with a tone mark: "(含)" or an English word in brackets stays.
    if (!TONE_MARK.test(m[1]) || !isCjk(src[m.index - 1])) continue;
    for (let k = m.index; k < m.index + m[0].length; k++) out.add(k);
  }
  return out;
}

/** Tiers of points in brackets without 分: "正确合理(7-8);较合理(5-6);不合理(0-2)". */
const BARE_TIER = /[\u3400-\u9fff]\((\d{1,3}(?:\.\d+)?)(?:-(\d{1,3}(?:\.\d+)?))?\)(?=$|[;,。])/g;
/** Two or more such brackets make a list of tiers (a lone "(3)" may be anything). */
const MIN_BARE_TIERS = 2;
/** Above this a bracketed figure is no score. */
const MAX_TIER_POINTS = 100;

/**
 * "选题合理性(8分):正确合理(7-8);较合理(5-6);基本合理(3-4);不合理(0-2)": graded wording, each grade with
 * its range of points in brackets and the 分 left out. Read as "(7-8分)" where there are several
 * such brackets, each after a word and before a separator. 分 is inserted, mapped to the bracket.
 */
function bareTierPoints(chars: string[], source: number[]): void {
  const text = chars.join('');
  const found = [...text.matchAll(BARE_TIER)].filter((m) => Number(m[2] ?? m[1]) <= MAX_TIER_POINTS && Number(m[1]) <= Number(m[2] ?? m[1]));
  if (found.length < MIN_BARE_TIERS) return;
  // From the end, so earlier indices stay valid (the match opens with the word's last character; one code unit each here).
  for (const m of found.reverse()) {
    const close = m.index! + m[0].length - 1;
    chars.splice(close, 0, '分');
    source.splice(close, 0, source[close]);
  }
}

/** OCR and typing slips that are unambiguous in context; the text keeps its length. */
function repairOcr(chars: string[]): void {
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    const prev = chars[k - 1];
    const next = chars[k + 1];
    // l, I or | for 1 and O or o for 0 inside a number: "xl00%", "1O0%".
    if ((c === 'l' || c === 'I' || c === '|') && (isDigit(next) || next === '.') && (isDigit(prev) || prev === 'x' || prev === 'X' || prev === '×' || prev === '(' || prev === '.')) chars[k] = '1';
    else if ((c === 'O' || c === 'o') && isDigit(prev) && (isDigit(next) || next === '%')) chars[k] = '0';
    // "(IO)" for "(10)": a bracketed figure of I and O only.
    else if ((c === 'I' || c === 'l') && prev === '(' && (next === 'O' || next === 'o') && (chars[k + 2] === ')' || isDigit(chars[k + 2]))) {
      chars[k] = '1';
      chars[k + 1] = '0';
    }
  }
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    const prev = chars[k - 1];
    const next = chars[k + 1];
    // x or X as a multiplication sign next to a figure or a bracket: "xl00%x60", "2分x完成率".
    if ((c === 'x' || c === 'X') && (isDigit(prev) || prev === '%' || prev === ')' || isDigit(next) || next === '(' || (isCjk(prev) && isCjk(next)))) chars[k] = '×';
    // "得分=及时受理率 c 5分": a lone c for × between a name and a figure, in a formula (an = before it).
    if (c === 'c' && !isLatin(prev) && !isLatin(next) && (isCjk(prev) || prev === '%' || prev === ')') && isDigit(next) && formulaBefore(chars, k)) chars[k] = '×';
    // "得分二资金到位率": 二 read for = after 得分 (not a numeral: "得分二十" stays).
    if (c === '二' && prev === '分' && chars[k - 2] === '得' && next !== undefined && !CN_NUMERAL.has(next) && next !== '分') chars[k] = '=';
  }
}

const isLatin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** An = earlier in the same sentence. */
function formulaBefore(chars: readonly string[], k: number): boolean {
  for (let q = k - 1; q >= 0 && q > k - 40; q--) {
    if (chars[q] === '=') return true;
    if ('。；;\n'.includes(chars[q])) return false;
  }
  return false;
}

/** The raw span [start, end) of the normalised span [from, to). */
export function rawSpan(n: NormalText, from: number, to: number): [number, number] {
  const a = n.source[Math.max(0, Math.min(from, n.source.length - 1))];
  const lastChar = Math.max(from, to - 1);
  const b = to > from ? n.source[Math.min(lastChar, n.source.length - 2)] + 1 : a;
  return [a, Math.max(a, b)];
}
