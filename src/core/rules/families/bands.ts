import { PCT, readRate } from '../tokens';

/**
 * Value bands that give fixed points: "开工率为100%的，得3分。开工率为90%-100%之间的，得2分；
 * 开工率为70%及以下的，得0分", "大于等于80%的得7分".
 */
export interface Band {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
  /** Written with an explicit inclusion word (及以下, ≥, 低于); wins over a plain "a-b之间" at a shared end. */
  explicit: boolean;
  points: number;
  text: string;
}

const PTS = String.raw`(?:得\s*(\d+(?:\.\d+)?)\s*分|(\d+(?:\.\d+)?)\s*分|(不得分|不计分|得0分|0分))`;

function pointsOf(m: RegExpExecArray, first: number): number | null {
  if (m[first] !== undefined) return Number(m[first]);
  if (m[first + 1] !== undefined) return Number(m[first + 1]);
  if (m[first + 2] !== undefined) return 0;
  return null;
}

/** Bands are read piece by piece (split at ；。 and line breaks) so each condition keeps its own points. */
export function findBands(s: string): Band[] {
  const bands: Band[] = [];
  for (const piece of s.split(/[;；。\n]/)) {
    const between = new RegExp(String.raw`(${PCT})\s*(?:-|至|到)\s*(${PCT})\s*(?:之间|以内)?[^,，得\d]{0,4}[,，]?\s*${PTS}`).exec(piece);
    if (between) {
      const a = readRate(between[1].includes('%') ? between[1] : `${between[1]}%`);
      const b = readRate(between[2]);
      const p = pointsOf(between, 3);
      if (a !== null && b !== null && p !== null) {
        bands.push({ lo: Math.min(a, b), hi: Math.max(a, b), loIn: true, hiIn: true, explicit: false, points: p, text: between[0] });
        continue;
      }
    }
    const one = new RegExp(String.raw`(大于等于|大于或等于|不低于|不少于|≥|达到|高于|大于|超过|>|小于等于|不高于|不超过|≤|低于|小于|<|为)?\s*(${PCT})\s*(及以上|以上|及以下|以下|\(含\)|\(不含\))?[^,，得\d%]{0,3}[,，]?\s*${PTS}`).exec(piece);
    if (!one || !/%/.test(one[2])) continue;
    const v = readRate(one[2]);
    const p = pointsOf(one, 4);
    if (v === null || p === null) continue;
    const word = `${one[1] ?? ''}${one[3] ?? ''}`;
    let band: Band;
    if (/大于等于|大于或等于|不低于|不少于|≥|达到|及以上/.test(word)) band = { lo: v, hi: Infinity, loIn: true, hiIn: false, explicit: true, points: p, text: one[0] };
    else if (/高于|大于|超过|>|以上/.test(word)) band = { lo: v, hi: Infinity, loIn: false, hiIn: false, explicit: true, points: p, text: one[0] };
    else if (/小于等于|不高于|不超过|≤|及以下/.test(word)) band = { lo: -Infinity, hi: v, loIn: false, hiIn: true, explicit: true, points: p, text: one[0] };
    else if (/低于|小于|<|以下/.test(word)) band = { lo: -Infinity, hi: v, loIn: false, hiIn: false, explicit: true, points: p, text: one[0] };
    else band = { lo: v, hi: v, loIn: true, hiIn: true, explicit: true, points: p, text: one[0] };
    bands.push(band);
  }
  // "为100%的" at the top of all bands stands for "100% or more".
  const top = Math.max(...bands.map((b) => (Number.isFinite(b.hi) ? b.hi : b.lo)));
  for (const b of bands) if (b.lo === b.hi && b.lo === top) b.hi = Infinity;
  return bands;
}

function inside(b: Band, v: number): boolean {
  const aboveLo = b.loIn ? v >= b.lo - 1e-12 : v > b.lo + 1e-12;
  const belowHi = b.hiIn ? v <= b.hi + 1e-12 : v < b.hi - 1e-12;
  return aboveLo && belowHi;
}

/** Points of the band holding v: explicit bands first, then the best of the plain ranges; null outside all bands. */
export function bandScore(bands: readonly Band[], v: number): number | null {
  const hits = bands.filter((b) => inside(b, v));
  if (hits.length === 0) return null;
  const explicit = hits.filter((b) => b.explicit);
  const pool = explicit.length > 0 ? explicit : hits;
  return Math.max(...pool.map((b) => b.points));
}
