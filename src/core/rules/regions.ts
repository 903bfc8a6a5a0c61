import { Bound } from './syntax';

/**
 * Regions of a measured value (unions of intervals) and how overlapping bands are resolved:
 * the more specific band wins (a subset beats its superset: "达到100%得5分；达到90%及以上得3分"),
 * then an edge the text states beats an edge a range implies ("70%-90%…；70%及以下…" gives 70% to
 * the lower band), then the higher band takes a shared edge, then the earlier clause.
 */
export interface Segment {
  lo: number;
  hi: number;
  loIncl: boolean;
  hiIncl: boolean;
  loExplicit: boolean;
  hiExplicit: boolean;
}

export type Region = Segment[];

export const EVERYWHERE: Region = [{ lo: -Infinity, hi: Infinity, loIncl: false, hiIncl: false, loExplicit: false, hiExplicit: false }];

export function segment(lo: Bound | undefined, hi: Bound | undefined): Segment {
  return {
    lo: lo?.v ?? -Infinity,
    hi: hi?.v ?? Infinity,
    loIncl: lo ? lo.incl : false,
    hiIncl: hi ? hi.incl : false,
    loExplicit: lo?.explicit ?? false,
    hiExplicit: hi?.explicit ?? false,
  };
}

export function atLeast(v: number, incl = true, explicit = true): Region {
  return [{ lo: v, hi: Infinity, loIncl: incl, hiIncl: false, loExplicit: explicit, hiExplicit: false }];
}

export function below(v: number, incl = false, explicit = true): Region {
  return [{ lo: -Infinity, hi: v, loIncl: false, hiIncl: incl, loExplicit: false, hiExplicit: explicit }];
}

export function inSegment(s: Segment, x: number): boolean {
  return (x > s.lo || (x === s.lo && s.loIncl)) && (x < s.hi || (x === s.hi && s.hiIncl));
}

export function contains(r: Region, x: number): boolean {
  return r.some((s) => inSegment(s, x));
}

/** a ⊆ b, comparing ends (an open end inside a closed one counts as inside). */
function segmentWithin(a: Segment, b: Segment): boolean {
  const loOk = a.lo > b.lo || (a.lo === b.lo && (b.loIncl || !a.loIncl));
  const hiOk = a.hi < b.hi || (a.hi === b.hi && (b.hiIncl || !a.hiIncl));
  return loOk && hiOk;
}

export function within(a: Region, b: Region): boolean {
  return a.every((s) => b.some((t) => segmentWithin(s, t)));
}

/** Everything the regions do not cover (for "否则"). */
export function complement(rs: readonly Region[]): Region {
  const segs = rs.flat().sort((a, b) => a.lo - b.lo || Number(b.loIncl) - Number(a.loIncl));
  const out: Region = [];
  let cur = -Infinity;
  let curIncl = false; // is `cur` itself still uncovered?
  let curExplicit = false;
  for (const s of segs) {
    if (s.lo > cur || (s.lo === cur && !s.loIncl && curIncl)) {
      if (s.lo > cur || curIncl) out.push({ lo: cur, hi: s.lo, loIncl: curIncl, hiIncl: !s.loIncl, loExplicit: curExplicit, hiExplicit: s.loExplicit });
    }
    if (s.hi > cur || (s.hi === cur && s.hiIncl)) {
      cur = s.hi;
      curIncl = !s.hiIncl;
      curExplicit = s.hiExplicit;
    }
  }
  if (cur < Infinity) out.push({ lo: cur, hi: Infinity, loIncl: curIncl, hiIncl: false, loExplicit: curExplicit, hiExplicit: false });
  return out.filter((s) => s.lo < s.hi || (s.lo === s.hi && s.loIncl && s.hiIncl));
}

export function intersect(a: Region, b: Region): Region {
  const out: Region = [];
  for (const s of a)
    for (const t of b) {
      const lo = Math.max(s.lo, t.lo);
      const hi = Math.min(s.hi, t.hi);
      const loFrom = s.lo > t.lo ? s : s.lo < t.lo ? t : s.loIncl ? t : s;
      const hiFrom = s.hi < t.hi ? s : s.hi > t.hi ? t : s.hiIncl ? t : s;
      const seg: Segment = { lo, hi, loIncl: loFrom.loIncl, hiIncl: hiFrom.hiIncl, loExplicit: loFrom.loExplicit, hiExplicit: hiFrom.hiExplicit };
      if (lo < hi || (lo === hi && seg.loIncl && seg.hiIncl)) out.push(seg);
    }
  return out;
}

export function isEmpty(r: Region): boolean {
  return r.length === 0;
}

/** The lowest and highest ends of a region. */
export function extent(r: Region): { lo: number; hi: number } {
  return { lo: Math.min(...r.map((s) => s.lo)), hi: Math.max(...r.map((s) => s.hi)) };
}

export interface Candidate {
  region: Region;
  order: number;
}

/** Of several bands that contain x, the one that applies (see the header comment). */
export function pick<C extends Candidate>(cands: readonly C[], x: number): C | undefined {
  let live = cands.filter((c) => contains(c.region, x));
  if (live.length <= 1) return live[0];
  // The more specific band: drop every band that strictly contains another live one.
  live = live.filter((c) => !live.some((d) => d !== c && within(d.region, c.region) && !within(c.region, d.region)));
  if (live.length <= 1) return live[0];
  const edge = (c: C): { at: boolean; explicit: boolean; lower: boolean } => {
    const s = c.region.find((q) => inSegment(q, x))!;
    if (x === s.lo) return { at: true, explicit: s.loExplicit, lower: true };
    if (x === s.hi) return { at: true, explicit: s.hiExplicit, lower: false };
    return { at: false, explicit: false, lower: false };
  };
  const info = live.map((c) => ({ c, ...edge(c) }));
  // A band that holds x inside beats one that holds it only at an edge.
  if (info.some((i) => !i.at)) return info.filter((i) => !i.at).sort((a, b) => a.c.order - b.c.order)[0].c;
  // An edge the text states beats a default one.
  const explicit = info.filter((i) => i.explicit);
  const pool = explicit.length > 0 && explicit.length < info.length ? explicit : info;
  // The higher band (x is its lower edge) takes a shared edge.
  const higher = pool.filter((i) => i.lower);
  return (higher.length > 0 ? higher : pool).sort((a, b) => a.c.order - b.c.order)[0].c;
}
