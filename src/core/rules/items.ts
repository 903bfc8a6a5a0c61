import { NUM, readAmount } from './tokens';

/** Numbered items of a rule ("1.…2.…", "1、…", "(1)…") and the points stated per item. */
export interface RuleItem {
  index: number;
  text: string;
}

/**
 * Split at item numbers that start a line or follow ；。： — numbered 1, 2, 3 in order, so a
 * "2.5分" inside a clause is never an item. "1.2017年" is item 1 about the year 2017.
 */
export function splitItems(s: string): { head: string; items: RuleItem[] } {
  const re = /(^|[\n;；。:：]\s*)(?:\(?(\d{1,2})\)|(\d{1,2})\s*(?:[、，,]|\.(?!\d)|\.(?=\d{4}\s*[年-]))|([①-⑳]))/g;
  const starts: Array<{ at: number; body: number; n: number }> = [];
  let expected = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const n = (m[2] ?? m[3]) !== undefined ? Number(m[2] ?? m[3]) : m[4] ? m[4].codePointAt(0)! - 0x2460 + 1 : NaN;
    if (n !== expected) continue;
    starts.push({ at: m.index + m[1].length, body: m.index + m[0].length, n });
    expected++;
  }
  if (starts.length === 0) return { head: s, items: [] };
  const items = starts.map((st, i) => ({ index: st.n, text: s.slice(st.body, i + 1 < starts.length ? starts[i + 1].at : s.length).trim() }));
  return { head: s.slice(0, starts[0].at).trim(), items };
}

/** Points every item is worth, from "每指标1分", "以上每项1分", "各1分"; or per year "2017年的指标1分，2018和2019年的指标各2分". */
export interface ItemPoints {
  uniform?: number;
  byYear?: Map<string, number>;
  text: string;
}

export function findItemPoints(s: string): ItemPoints | null {
  const byYear = new Map<string, number>();
  const texts: string[] = [];
  const yr = new RegExp(String.raw`((?:(?:19|20)\d\d\s*年?\s*(?:和|、|及|与|,|，)?\s*)+)的?(?:指标|目标|任务)各?\s*(${NUM})\s*分`, 'g');
  for (const m of s.matchAll(yr)) {
    const p = readAmount(m[2]);
    if (p === null) continue;
    for (const y of m[1].match(/(?:19|20)\d\d/g) ?? []) byYear.set(y, p);
    texts.push(m[0]);
  }
  if (byYear.size > 0) return { byYear, text: texts.join('，') };
  const u = new RegExp(String.raw`(?:每个?指标|每项指标|以上每项|每一项|以上各项|各项指标?|各指标|以上[一二三四五六七八九十\d]*项各|每项)\s*(?:各)?\s*(${NUM})\s*分`).exec(s);
  if (u) {
    const p = readAmount(u[1]);
    if (p !== null && p > 0) return { uniform: p, text: u[0] };
  }
  return null;
}

/** The points of each item under a declaration, or null when an item cannot be given any. */
export function pointsPerItem(items: readonly RuleItem[], decl: ItemPoints): number[] | null {
  if (decl.uniform !== undefined) return items.map(() => decl.uniform!);
  const out: number[] = [];
  for (const it of items) {
    const y = /(?:19|20)\d\d/.exec(it.text)?.[0];
    const p = y ? decl.byYear!.get(y) : undefined;
    if (p === undefined) return null;
    out.push(p);
  }
  return out;
}

/** A short label for an item: its heading ("预算执行规范性2分", "财务管理制度：") or "第N项". */
export function itemLabel(item: RuleItem): string {
  const h = /^([\u4e00-\u9fa5A-Za-z()]{2,16}?)\s*(?:\d+(?:\.\d+)?\s*分|[:：])/.exec(item.text);
  return h ? h[1] : `第${item.index}项`;
}
