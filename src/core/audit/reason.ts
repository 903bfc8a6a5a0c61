import { toHalfWidth } from '../sheet/text';
import { parseChineseNumeral } from '../values/number';

/** What a reason text (评分理由/扣分原因) states about the score. */
export type StatedScore =
  | { kind: 'deduction'; points: number; clause: string }
  | { kind: 'fraction'; share: number; clause: string }
  /** "扣除要点③的一半分值": a share of one listed part's points (1-based). */
  | { kind: 'part-share'; part: number; share: number; clause: string }
  | { kind: 'score'; points: number; clause: string }
  | { kind: 'none'; clause: string }
  | { kind: 'all'; clause: string };

const AMOUNT = String.raw`(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)`;

// Compiled once: a workbook has a reason on thousands of rows.
const TOTAL_DEDUCTION = new RegExp(String.raw`(合计|共计|总计|累计|共)扣(除)?${AMOUNT}分`);
const STATED_SCORE = new RegExp(String.raw`(该指标|本指标|此指标)(得|得分为?|评分为?)${AMOUNT}分`);
// "扣1分" but not "不扣1分"; no look-behind (older WebKit cannot parse it): the character before is matched and dropped.
const EACH_DEDUCTION = new RegExp(String.raw`(^|[^不])扣(除)?${AMOUNT}分`, 'g');

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** "扣除要点③的一半分值", "扣第2项分值的50%", "扣要点3分值的一半". */
const PART_SHARE = new RegExp(String.raw`扣(?:除)?(?:评价|评分)?(?:要点|第)([${CIRCLED}]|\d{1,2})(?:项|个要点)?(?:的)?(?:分值的|分数的)?(一半|半数|\d{1,3}%)(?:的)?(?:分值|分数)?`);

function amount(s: string): number | null {
  return /\d/.test(s) ? Number(s) : parseChineseNumeral(s);
}

/**
 * Read the deduction a reason states: "扣1分", "合计扣1.53分" (a stated total wins), several
 * "扣x分" are added up, "不扣分", "不得分", "扣除该指标50%分值", "该指标得2.40分". "各扣2分"
 * without a total cannot be added up and is ignored.
 */
export function statedScore(reasonText: string): StatedScore | undefined {
  const s = toHalfWidth(reasonText).replace(/\s+/g, '');
  if (s === '') return undefined;
  const total = TOTAL_DEDUCTION.exec(s);
  if (total) {
    const v = amount(total[3]);
    if (v !== null) return { kind: 'deduction', points: v, clause: total[0] };
  }
  const share = /扣(除)?(该指标|本指标)?(\d+(?:\.\d+)?)%(的)?(权重)?分值/.exec(s);
  if (share) return { kind: 'fraction', share: Number(share[3]) / 100, clause: share[0] };
  const part = PART_SHARE.exec(s);
  if (part) {
    const n = CIRCLED.indexOf(part[1]) + 1 || Number(part[1]);
    const of = part[2] === '一半' || part[2] === '半数' ? 0.5 : Number(part[2].replace('%', '')) / 100;
    if (n > 0 && of > 0 && of <= 1) return { kind: 'part-share', part: n, share: of, clause: part[0] };
  }
  const got = STATED_SCORE.exec(s);
  if (got) {
    const v = amount(got[3]);
    if (v !== null) return { kind: 'score', points: v, clause: got[0] };
  }
  if (/各扣/.test(s)) return undefined;
  const re = EACH_DEDUCTION;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let sum = 0;
  const clauses: string[] = [];
  while ((m = re.exec(s))) {
    // The last character of this match may be the one before the next "扣".
    re.lastIndex = m.index + m[0].length - 1;
    const v = amount(m[3]);
    if (v === null) continue;
    sum += v;
    clauses.push(m[0].slice(m[1].length));
  }
  if (clauses.length > 0) return { kind: 'deduction', points: Number(sum.toFixed(6)), clause: clauses.join('、') };
  if (/不扣分|未扣分|无扣分|得满分/.test(s)) return { kind: 'none', clause: /不扣分|未扣分|无扣分|得满分/.exec(s)![0] };
  if (/不得分|不计分|得0分|扣完/.test(s)) return { kind: 'all', clause: /不得分|不计分|得0分|扣完/.exec(s)![0] };
  return undefined;
}

/** A single rate quoted in a reason ("满意率为89.6%", "实际支付率为91.74%"), with its shown decimals. */
export function quotedRate(reasonText: string): { value: number; decimals: number; label: string; clause: string } | undefined {
  const s = toHalfWidth(reasonText).replace(/\s+/g, '');
  const re = /(满意率|满意度|完成率|支付率|支出率|执行率|到位率|开工率|动工率|达成率|使用率)(为|达到|达|是|:)?(约)?(-?\d+(?:\.\d+)?)%/g;
  const found: Array<{ value: number; decimals: number; label: string; clause: string }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const digits = m[4];
    const i = digits.indexOf('.');
    found.push({ value: Number(digits) / 100, decimals: i < 0 ? 0 : digits.length - i - 1, label: m[1], clause: m[0] });
  }
  const distinct = new Set(found.map((f) => f.value));
  return distinct.size === 1 ? found[0] : undefined;
}
