import { evaluate, formatExpr, variablesOf } from './expr';
import { normalizeIntervals, point, range } from './intervals';
import { EXCESS_VERBS, LOWER_IS_BETTER, UnitClass } from './lexicon';
import { rewriteBlock } from './rewrite';
import { atLeast, below, Candidate, complement, contains, EVERYWHERE, extent, intersect, isEmpty, pick, Region, segment } from './regions';
import { Amount, BandCondition, Clause, ClauseOf, Condition, ItemNode, Outcome, RuleTree, Step } from './syntax';
import { amountText, fmtNum, pct, tidy } from './figures';
import { Interval, RuleKind } from './types';

/**
 * The fourth step: the syntax tree, against the indicator's points, compiled into (a) the allowed
 * scores as a union of intervals and (b) a piecewise score of one measured quantity, each piece
 * pointing back at the clause it came from.
 */

/** The one value a rule's score depends on, stated so a caller knows what to pass. */
export interface MeasuredQuantity {
  /** As the text names it ("按期结案率", "排名"), or what the step counts ("延期月数"). */
  name: string;
  /** '%' for rates (passed as fractions: 85% → 0.85), '个百分点' for differences (2个百分点 → 0.02), '名', '个月', '处' …. */
  unit: string;
  /**
   * level: the value itself against a target ("按期结案率"); gap: how far short or over (0 = full
   * points); rank: a place (1 = best); count: occurrences (0 = full points).
   */
  kind: 'level' | 'gap' | 'rank' | 'count';
  direction: 'higher' | 'lower';
  /** The figure full points need, for a level. */
  target?: number;
  /** Which figures lie on this value's axis (a band of another unit is about something else). */
  axis: UnitClass | 'plain' | 'rank' | 'ratio-first';
  /** "与计划每相差3%": points are lost on either side of the target. */
  twoSided?: boolean;
  /** "±5%以内": the bands bound the size of the value; a negative value scores as its size. */
  magnitude?: boolean;
}

/** One piece of the score function: a region of the measured value and the score there. */
export interface Piece extends Candidate {
  value(x: number): number | null;
  /** The clause (index into the compiled clause list) it came from. */
  clause: number;
  /** Chinese, for the explanation: "≥70%：50 分". */
  label: string;
}

export interface PartInfo {
  label: string;
  points: number;
  clause: string;
  allowed: Interval[];
}

export interface StepInfo {
  per: number;
  unit: string;
  deduct: number;
  share?: number;
}

export interface Compiled {
  allowed: Interval[];
  max: number;
  pieces: Piece[];
  quantity?: MeasuredQuantity;
  /** Distinct measured quantities the clauses name (the score function uses the first). */
  quantities: number;
  discretionary: boolean;
  kinds: Set<RuleKind>;
  steps: StepInfo[];
  parts?: PartInfo[];
  /** Per-item score functions of a multi-item rule. */
  items?: Compiled[];
  /** Awards per unit ("每年完成任务得1分"); `share` when the amount is a share of the points. */
  awardSteps?: Array<{ a: number; share: boolean }>;
  /** Lines of the Chinese explanation, from the clauses. */
  lines: string[];
  /** Clauses with the family each was read as. */
  clauses: Array<{ clause: Clause; kind: RuleKind; points?: number }>;
  /** Why the tree could not be compiled (then the rule is not understood). */
  failure?: string;
}

interface Ctx {
  text: string;
  points: number;
}

const EPS = 1e-9;
/** Published points carry two decimals: sums that differ by less than this agree. */
const TOLERANCE = 0.005;
/** A formula whose full score is this many times the points (or this many times less) is taken as a slip. */
const IMPLAUSIBLE_SCALE = 4;
const MAX_STEP_VALUES = 2000;

function amountRange(a: Amount, points: number, itemPoints = points): [number, number] {
  switch (a.kind) {
    case 'points':
      return [a.lo, a.hi];
    case 'full':
      return [points, points];
    case 'zero':
      return [0, 0];
    case 'share': {
      const base = a.of === 'item' ? itemPoints : points;
      return [a.lo * base, a.hi * base];
    }
  }
}

function regionLabel(r: Region, unit: string): string {
  const show = (v: number): string => (unit === '%' ? pct(v) : `${fmtNum(v)}${unit}`);
  return r
    .map((s) => {
      if (s.lo === -Infinity && s.hi === Infinity) return '任意值';
      if (s.lo === s.hi) return `= ${show(s.lo)}`;
      if (s.lo === -Infinity) return `${s.hiIncl ? '≤' : '<'} ${show(s.hi)}`;
      if (s.hi === Infinity) return `${s.loIncl ? '≥' : '>'} ${show(s.lo)}`;
      return `${show(s.lo)}${s.loIncl ? '（含）' : '（不含）'}–${show(s.hi)}${s.hiIncl ? '（含）' : '（不含）'}`;
    })
    .join(' 或 ');
}

function isLowerBetter(name: string): boolean {
  return LOWER_IS_BETTER.some((w) => name.includes(w));
}

// ------------------------------------------------------------------------------- the block

/**
 * A list of clauses read as one rule over the points `points` (an item's or the indicator's).
 */
export function compileBlock(blockClauses: readonly Clause[], points: number, ctx: Ctx): Compiled {
  const clauses = rewriteBlock(blockClauses, ctx.text);
  const kinds = new Set<RuleKind>();
  const lines: string[] = [];
  const described: Compiled['clauses'] = [];
  const scoring = clauses.filter((c) => c.kind !== 'description' && c.kind !== 'definition' && c.kind !== 'reference' && c.kind !== 'overflow');
  const declaredTotal = clauses.find((c): c is ClauseOf<'declare'> => c.kind === 'declare' && c.scope === 'total');
  let B = declaredTotal ? declaredTotal.points : points;

  // "每项措施各1.5分，完成计满分，没有完成计0分" (6分): the points make whole items of the stated points, each
  // scored by the clauses that follow (without numbered items, which perItem reads).
  const eachDeclared = scoring.find((c): c is ClauseOf<'declare'> => c.kind === 'declare' && c.scope === 'each' && (c.cond.kind === 'none' || (c.cond.kind === 'qualitative' && /^(每|各)/.test(c.cond.text))));
  const itemCount = eachDeclared && eachDeclared.points > 0 ? Math.round(B / eachDeclared.points) : 0;
  if (eachDeclared && itemCount >= 2 && Math.abs(itemCount * eachDeclared.points - B) <= TOLERANCE && scoring.some((c) => c.kind === 'rule')) {
    const one = compileBlock(clauses.filter((c) => c !== eachDeclared), eachDeclared.points, ctx);
    if (one.failure) return one;
    const allowed = Array.from({ length: itemCount }).reduce<Interval[]>((acc) => minkowski(acc, one.allowed), [[0, 0]]);
    kinds.add('multi-item');
    // Items that are all or nothing: a value is the number of items done.
    const e = eachDeclared.points;
    const allOrNothing = one.allowed.length === 2 && one.allowed.every(([lo, hi]) => lo === hi && (Math.abs(lo) <= EPS || Math.abs(lo - e) <= EPS));
    const counted: MeasuredQuantity = { name: '完成项数', unit: '项', kind: 'level', direction: 'higher', axis: 'count' };
    const piece: Piece = { region: atLeast(0), value: (x) => tidy(e * Math.min(itemCount, Math.floor(x + 1e-7))), clause: -1, label: `每完成1项得 ${fmtNum(e)} 分`, order: 0 };
    return {
      ...one,
      allowed,
      max: B,
      pieces: allOrNothing ? [piece] : [],
      quantity: allOrNothing ? counted : undefined,
      quantities: allOrNothing ? 1 : 0,
      kinds: new Set([...kinds, ...one.kinds]),
      lines: [`共 ${itemCount} 项，每项 ${fmtNum(eachDeclared.points)} 分；每项：${one.lines.join('；')}`],
    };
  }

  // "按省下达的2017-2019年目标任务，每年完成任务得1分，否则不得分": one item a year.
  const perPeriod = scoring.find((c): c is ClauseOf<'perPeriod'> => c.kind === 'perPeriod');
  if (perPeriod) return periodItems(perPeriod, clauses.filter((c) => c !== perPeriod), B, ctx);

  // "要点①②③④各占指标分值的1/4，符合相关要点得相应权重分值，否则扣除相应权重分值": whole shares.
  const shares = scoring.find((c): c is ClauseOf<'shares'> => c.kind === 'shares');
  if (shares) {
    const n = shares.count ?? Math.round(1 / shares.share);
    const each = shares.share * B;
    const others = scoring.filter((c) => c !== shares && !(c.kind === 'rule' && (c.outcome.kind === 'award' || c.outcome.kind === 'deduct') && c.outcome.amount.kind === 'share' && c.outcome.amount.of === 'item'));
    if (others.some((c) => c.kind === 'rule' || c.kind === 'step')) return failed('“各占分值的N%”之外另有计分条款，无法确定各要点的得分', described, lines);
    kinds.add('equal-shares');
    described.push({ clause: shares, kind: 'equal-shares', points: tidy(each) });
    lines.push(`${n} 个要点各占 ${fmtNum(each)} 分（分值的 ${pct(shares.share)}），符合的要点得相应分值`);
    const allowed = normalizeIntervals(Array.from({ length: n + 1 }, (_, k) => [tidy(k * each), tidy(k * each)] as Interval));
    return { allowed, max: tidy(n * each), pieces: [], quantities: 0, discretionary: false, kinds, steps: [], lines, clauses: described };
  }
  // A target stated alone before "否则…" scores the full points.
  const rules = scoring.flatMap((c): Array<ClauseOf<'rule'>> => (c.kind === 'rule' ? [c] : c.kind === 'target' ? [{ kind: 'rule', cond: c.cond, outcome: { kind: 'award', amount: { kind: 'full' } }, oneOff: false, s: c.s, e: c.e }] : []));
  const floors = scoring.filter((c): c is ClauseOf<'floor'> => c.kind === 'floor');
  const deductionCaps = scoring.filter((c): c is ClauseOf<'deductionCap'> => c.kind === 'deductionCap');
  const scoreCaps = scoring.filter((c): c is ClauseOf<'scoreCap'> => c.kind === 'scoreCap');
  const rateCaps = scoring.filter((c): c is ClauseOf<'rateCap'> => c.kind === 'rateCap');
  const bases = scoring.filter((c): c is ClauseOf<'basis'> => c.kind === 'basis');

  // "(3分)" after the rule it heads ("…计算得分(3分)") or before it ("严格落实…（1.5分）。…扣0.5分"): the points of the block.
  const declared = rules.filter((r) => r.outcome.kind === 'award' && r.outcome.declared);
  let heading: ClauseOf<'rule'> | undefined;
  if (declared.length === 1 && scoring.length > 1 && declared[0].cond.kind !== 'otherwise') {
    heading = declared[0];
    const a = heading.outcome as Extract<Outcome, { kind: 'award' }>;
    if (a.amount.kind === 'points' && a.amount.lo === a.amount.hi) B = a.amount.lo;
  }
  const active = rules.filter((r) => r !== heading);
  const steps = scoring.filter((c): c is ClauseOf<'step'> => c.kind === 'step');

  // Parts written with their points ("目标明确(1分),目标细化(1.5分)"): each its own all-or-nothing part — unless the
  // figures are tiers of one grade ("一级:…(8-10分) 二级:…(5-7分)": the highest is the points, the sum is not).
  const declaredRanges = declared.map((r) => amountRange((r.outcome as Extract<Outcome, { kind: 'award' }>).amount, B));
  const declaredSum = declaredRanges.reduce((acc, [, hi]) => acc + hi, 0);
  const declaredTop = Math.max(0, ...declaredRanges.map(([, hi]) => hi));
  const tiersByFigure = declared.length >= 2 && Math.abs(declaredTop - B) <= TOLERANCE && Math.abs(declaredSum - B) > TOLERANCE;
  // "A(1分);B(1分);…。未达到规定要求的每一项扣1分,扣完为止": the parts' points, lost a step at a time.
  if (declared.length >= 2 && !tiersByFigure && Math.abs(declaredSum - B) <= TOLERANCE && steps.length > 0 && active.every((r) => r.outcome.kind === 'award' && r.outcome.declared)) {
    return compileBlock(clauses.filter((c) => !declared.includes(c as ClauseOf<'rule'>)), B, ctx);
  }
  if (declared.length >= 2 && !tiersByFigure && !declared.some((r) => r.cond.kind === 'otherwise') && active.every((r) => r.outcome.kind === 'award' && r.outcome.declared) && steps.length === 0) {
    const parts: PartInfo[] = declared.map((r) => {
      const [lo, hi] = amountRange((r.outcome as Extract<Outcome, { kind: 'award' }>).amount, B);
      return { label: condLabel(r.cond) || '该项', points: hi, clause: ctx.text.slice(r.s, r.e), allowed: lo === hi ? normalizeIntervals([[0, 0], [hi, hi]]) : normalizeIntervals([[0, 0], [lo, hi]]) };
    });
    kinds.add('additive-parts');
    for (const r of declared) described.push({ clause: r, kind: 'additive-parts', points: amountRange((r.outcome as Extract<Outcome, { kind: 'award' }>).amount, B)[1] });
    const allowed = parts.reduce<Interval[]>((acc, p) => minkowski(acc, p.allowed), [[0, 0]]);
    lines.push(`各部分分值相加：${parts.map((p) => `${p.label} ${fmtNum(p.points)} 分`).join('，')}`);
    return { allowed, max: parts.reduce((a, p) => a + p.points, 0), pieces: [], quantities: 0, discretionary: false, kinds, steps: [], parts, lines, clauses: described };
  }

  // "成活率在90%以上得15分，每下降…扣0.5分；保存率在90%以上得15分，每下降…扣0.5分" (30分): one part per measured
  // quantity, each with its own steps, when their tops add up to the points and none alone reaches them.
  const quantityHeads = active.filter((r) => r.cond.kind === 'band' && r.cond.lo && !r.cond.hi && r.cond.quantity.name !== '' && r.outcome.kind === 'award' && r.outcome.amount.kind === 'points');
  if (quantityHeads.length >= 2 && steps.length > 0 && new Set(quantityHeads.map((r) => (r.cond as BandCondition).quantity.name)).size === quantityHeads.length) {
    const tops = quantityHeads.map((r) => amountRange((r.outcome as Extract<Outcome, { kind: 'award' }>).amount, B)[1]);
    const sum = tops.reduce((a, t) => a + t, 0);
    const first = quantityHeads[0];
    const scoredBefore = scoring.some((c) => c.s !== undefined && first.s !== undefined && c.s < first.s && (c.kind === 'rule' || c.kind === 'step'));
    if (Math.abs(sum - B) <= TOLERANCE && Math.max(...tops) < B - TOLERANCE && !scoredBefore) {
      // Each clause belongs to the part whose head it follows.
      const segments: Clause[][] = quantityHeads.map(() => []);
      for (const c of scoring) {
        let at = 0;
        quantityHeads.forEach((h, i) => {
          if (h.s !== undefined && c.s !== undefined && h.s <= c.s) at = i;
        });
        segments[at].push(c);
      }
      const compiled = segments.map((seg, i) => compileBlock(seg, tops[i], ctx));
      const bad = compiled.find((c) => c.failure);
      if (!bad) return addParts(compiled, segments.map((seg) => seg.map((c) => ctx.text.slice(c.s ?? 0, c.e ?? 0)).join('；')), lines, kinds, true);
    }
  }

  // "…及时做好项目申报…计2分，否则不计分；…进行公示计2分，每少一次扣0.5分" (4分): sentences each with one award
  // and its own steps, whose awards add up to the points while none alone reaches them, are parts.
  // Also when each sentence deducts per failure ("按时报送…得4分，有一次未达要求的扣1分，最多扣4分；按时下发…得4分，…").
  const sentenceParts = partsBySentence(scoring.filter((c) => c !== heading && c.kind !== 'declare'), ctx.text);
  const deductsInEach = sentenceParts?.every((seg) => seg.clauses.some((c) => c.kind === 'rule' && c.outcome.kind === 'deduct'));
  if (sentenceParts && (steps.length > 0 || deductsInEach)) {
    const tops = sentenceParts.map((seg) => seg.top);
    if (Math.abs(tops.reduce((a, t) => a + t, 0) - B) <= TOLERANCE && Math.max(...tops) < B - TOLERANCE) {
      const compiled = sentenceParts.map((seg) => compileBlock(seg.clauses, seg.top, ctx));
      if (!compiled.some((c) => c.failure)) return addParts(compiled, sentenceParts.map((seg) => seg.clauses.map((c) => ctx.text.slice(c.s ?? 0, c.e ?? 0)).join('；')), lines, kinds, true);
    }
  }

  // One figure of full points per class of unit ("综合…院校…不低于40%为“合格”，得2分，师范、财经类院校…不低于10%为“合格”，
  // 得2分"): each class is a variant; the first scores, every variant's scores are allowed.
  const classBands = active.filter((r) => r.cond.kind === 'band' && r.cond.lo && !r.cond.hi && r.cond.quantity.name !== '' && isTopAward(r.outcome, B));
  if (classBands.length >= 2 && new Set(classBands.map((r) => (r.cond as BandCondition).quantity.name)).size === classBands.length) {
    const variants = classBands.map((keep) => compileBlock(clauses.filter((c) => !(classBands.includes(c as ClauseOf<'rule'>) && c !== keep)), points, ctx));
    const bad = variants.find((v) => v.failure);
    if (bad) return bad;
    const first = variants[0];
    return {
      ...first,
      allowed: normalizeIntervals(variants.flatMap((v) => v.allowed)),
      lines: variants.map((v, i) => `按“${(classBands[i].cond as BandCondition).quantity.name}”：${v.lines.join('；')}`),
      clauses: variants.flatMap((v) => v.clauses),
    };
  }

  // Groups of tiers closed by a zero or otherwise tier ("…得4分；…得2分；…不得分；入选…名单的，得2分"), or a list
  // of awards for separate criteria ("符合…计1分；符合…计0.5分；…计0.5分"): parts that add up, or alternatives.
  const groups = tierGroups(active);
  const closing = active[active.length - 1];
  const listed = closing?.cond.kind === 'otherwise' ? active.slice(0, -1) : active;
  const singles = groups.length === 1 && isPlainAwardList(active) ? listed.map((r) => [r]) : groups;
  if (singles.length > 1 && steps.length === 0) {
    const compiled = singles.map((g) => compileBlock(g, B, ctx));
    const bad = compiled.find((c) => c.failure);
    if (bad) return bad;
    const sum = compiled.reduce((acc, c) => acc + c.max, 0);
    const top = Math.max(...compiled.map((c) => c.max));
    const partsFit = Math.abs(sum - B) <= TOLERANCE;
    const tiersFit = Math.abs(top - B) <= TOLERANCE;
    // Points not given: groups that each close are separate criteria.
    if (B <= 0 && singles === groups) return addParts(compiled, singles.map((g) => g.map((r) => ctx.text.slice(r.s, r.e)).join('；')), lines, kinds);
    if (partsFit && !tiersFit) return addParts(compiled, singles.map((g) => g.map((r) => ctx.text.slice(r.s, r.e)).join('；')), lines, kinds);
    if (!partsFit && !tiersFit && singles === groups) {
      // Neither reading gives the points: the nearer one, said as a mismatch by the audit (max ≠ points).
      if (Math.abs(sum - B) < Math.abs(top - B)) return addParts(compiled, singles.map((g) => g.map((r) => ctx.text.slice(r.s, r.e)).join('；')), lines, kinds);
    }
    if (!partsFit && !tiersFit && singles !== groups) return failed(`各条款分值相加为 ${fmtNum(sum)}、最高为 ${fmtNum(top)}，都与分值 ${fmtNum(B)} 不符，无法判断是累加还是择一`, described, lines);
  }

  // "发现一处…扣0.5分，扣完为止", "评价中发现1例不相符的扣0.2分": per occurrence, unless other counts are banded ("两次及以上的不得分").
  const countRules = active.filter((r) => r.cond.kind === 'count');
  for (const r of countRules) {
    const c = r.cond as Extract<Condition, { kind: 'count' }>;
    // A band of counts ("发现一次的扣0.5分；两次及以上的不得分"): another count of the same unit above this one.
    const banded = countRules.some((o) => o !== r && o.cond.kind === 'count' && o.cond.unit === c.unit && o.cond.lo > c.lo);
    if (banded || r.oneOff || c.positive) continue;
    // "有一次…的得1分，最多得2分": at least one, but a cap above one award makes it one award each.
    const cappedAbove = c.lo === 1 && c.hi === Infinity && r.outcome.kind === 'award' && r.outcome.amount.kind === 'points' && scoreCaps.some((k) => k.max !== 'points' && r.outcome.kind === 'award' && r.outcome.amount.kind === 'points' && k.max > r.outcome.amount.hi);
    if (r.outcome.kind !== 'deduct' && !(r.outcome.kind === 'award' && r.outcome.amount.kind !== 'full' && !amountIsZero(r.outcome.amount) && (c.lo === c.hi || cappedAbove))) continue;
    const direction: Step['direction'] = r.outcome.kind === 'deduct' ? 'deduct' : 'award';
    const step: ClauseOf<'step'> = { kind: 'step', cond: { kind: 'none' }, step: { per: c.lo, unit: c.unit, unitClass: 'count', verb: '', subject: '', amount: r.outcome.amount, direction }, s: r.s, e: r.e };
    steps.push(step);
    active.splice(active.indexOf(r), 1);
  }
  // In the order of the text: "the first deduction" a measured value counts is the first one written.
  steps.sort((a, b) => (a.s ?? 0) - (b.s ?? 0));

  // ---- pieces of the score function
  const quantity = findQuantity(active, steps, bases, B);
  const pieces: Piece[] = [];
  const allowedParts: Interval[] = [];
  const explicitRegions: Region[] = [];
  let discretionary = false;
  let implicitZero = true;
  const oneOffs: number[] = [];
  const ownTops: number[] = [];
  const fixedDeductions: number[] = [];
  const awards: number[] = [];
  let order = 0;
  const unit = quantity?.unit ?? '';

  const fullRegion = (): Region | null => {
    if (!quantity) return null;
    if (quantity.kind === 'gap' || quantity.kind === 'count') return below(0, true, false);
    if (quantity.kind === 'rank') return null;
    // The target met: 100% of it for a rate ("符合要求得2分；≥规定数的90%得1分").
    const t = quantity.unit === '%' && quantity.direction === 'higher' ? Math.max(1, quantity.target ?? 1) : quantity.target ?? 1;
    return quantity.direction === 'higher' ? atLeast(t) : below(t, true);
  };
  // The figure full points need, when a band states it ("达到12000元/人为“合格”，得2分").
  const threshold = quantity?.kind === 'level' && quantity.direction === 'higher' ? fullThreshold(active, B) : undefined;
  const regionOf = (cond: Condition, outcome?: Outcome): Region | null => {
    switch (cond.kind) {
      case 'band':
        if (quantity && !onAxis(cond, quantity)) {
          // A band of another value ("完成率100%计满分" beside "有1人不达标"): the condition of full points, or no region.
          return outcome && isTopAward(outcome, B) ? fullRegion() : null;
        }
        return bandRegion(cond, quantity?.direction === 'lower' && quantity.kind === 'level');
      // Places and counts are whole numbers: "第2-3名" covers [2, 4), so bands of them leave no gaps.
      case 'rank':
        if (quantity?.axis === 'ratio-first') return cond.lo === 1 && cond.hi === 1 ? atLeast(1) : null;
        return [segment({ v: cond.lo, incl: true, explicit: true }, cond.hi === Infinity ? undefined : { v: cond.hi + 1, incl: false, explicit: true })];
      case 'count':
        return [segment({ v: cond.lo, incl: true, explicit: true }, cond.hi === Infinity ? undefined : { v: cond.hi + 1, incl: false, explicit: true })];
      case 'met':
        return fullRegion();
      case 'notMet': {
        // "合格率90%以上，得0.5分；未达标的，扣0.5分": after bands on the value, what they leave.
        if (explicitRegions.length > 0 && !regionless && quantity?.kind === 'level') return complement(explicitRegions);
        const full = fullRegion();
        return full ? complement([full]) : null;
      }
      case 'otherwise': {
        // The complement of what came before, when all of it lies on the value's axis ("预算编制科学得5分，否则扣2分" has none).
        if (cond.band) return intersect(complement(explicitRegions), bandRegion(cond.band, quantity?.direction === 'lower'));
        return regionless ? null : complement(explicitRegions);
      }
      case 'none':
        return null;
      case 'qualitative':
        // "化解率达100%的，得5分。未化解不得分": a failing stated after the bands is what they leave.
        if (cond.negative && outcome?.kind === 'award' && amountIsZero(outcome.amount) && explicitRegions.length > 0 && !regionless && quantity?.kind === 'level') return complement(explicitRegions);
        // "全部完成项目建设任务的，得1.5分" beside a completion rate: the target reached.
        if (quantity?.kind === 'level' && quantity.target === 1 && !cond.negative && /达到|完成|实现/.test(cond.text) && outcome && isTopAward(outcome, B)) return fullRegion();
        return null;
    }
  };

  let regionless = false;
  for (const r of active) {
    const region = regionOf(r.cond, r.outcome);
    if (!region && r.cond.kind !== 'otherwise' && (r.outcome.kind === 'award' || r.outcome.kind === 'exempt')) regionless = true;
    const o = r.outcome;
    const idx = described.length;
    const label = region ? regionLabel(region, unit) : condLabel(r.cond);
    if (r.cond.kind === 'otherwise' || r.cond.kind === 'notMet' || (r.cond.kind === 'qualitative' && r.cond.negative && isLowerTier(r, active, B))) implicitZero = false;
    switch (o.kind) {
      case 'award': {
        const [lo, hi] = amountRange(o.amount, B);
        if (hi === 0) implicitZero = false;
        allowedParts.push([lo, hi]);
        if (lo === hi) awards.push(hi);
        if (region) pieces.push({ region, value: () => (lo === hi ? hi : null), clause: idx, label: `${label}：${amountText(o.amount)}`, order: order++ });
        described.push({ clause: r, kind: region && r.cond.kind === 'band' ? 'tiered' : 'qualitative-tiers', points: hi });
        lines.push(`${label ? `${label}：` : ''}${amountText(o.amount)}`);
        break;
      }
      case 'deduct': {
        const [, d] = amountRange(o.amount, B);
        if (r.cond.kind === 'otherwise' || r.cond.kind === 'notMet') {
          fixedDeductions.push(d);
          if (region) pieces.push({ region, value: () => null, clause: idx, label: `${label}：扣 ${fmtNum(d)} 分`, order: order++ });
        } else if (region && (r.cond.kind === 'count' || r.cond.kind === 'band' || r.cond.kind === 'rank')) {
          fixedDeductions.push(d);
          pieces.push({ region, value: () => null, clause: idx, label: `${label}：扣 ${fmtNum(d)} 分`, order: order++, deduct: d } as Piece & { deduct: number });
        } else oneOffs.push(d);
        // "得5分，否则扣2分" is a fixed other outcome (two scores), not a step.
        described.push({ clause: r, kind: r.cond.kind === 'otherwise' || r.cond.kind === 'notMet' ? 'binary' : 'step-deduction', points: d });
        lines.push(`${label ? `${label}：` : ''}扣 ${fmtNum(d)} 分${region ? '' : '（一次）'}`);
        implicitZero = false;
        break;
      }
      case 'bonus': {
        const [, b] = amountRange(o.amount, B);
        oneOffs.push(-b);
        described.push({ clause: r, kind: 'additive-parts', points: b });
        lines.push(`${label ? `${label}：` : ''}加 ${fmtNum(b)} 分`);
        break;
      }
      case 'formula': {
        const vars = variablesOf(o.expr);
        // "好路率×1800" under 180 points: a slip in the figure, not a rule to apply.
        const atFull = vars.length > 0 ? evaluate(o.expr, B, 1) : null;
        if (atFull !== null && B > 0 && (atFull > B * IMPLAUSIBLE_SCALE || (atFull > 0 && atFull * IMPLAUSIBLE_SCALE < B && !region))) {
          return failed(`公式在完成率100%时得 ${fmtNum(atFull)} 分，与分值 ${fmtNum(B)} 相差过大，疑为公式有误`, described, lines);
        }
        // "本校实际值÷合格标准值×分值" beside "达到12000元/人为合格": the value is the actual figure, the standard is 12000.
        const standard = threshold !== undefined && vars.length === 1 && namesStandardRatio(vars[0]) ? threshold : undefined;
        const f = (x: number): number | null => evaluate(o.expr, B, standard !== undefined ? x / standard : x);
        const reg = region ?? complement(explicitRegions);
        pieces.push({ region: reg, value: f, clause: idx, label: `${regionLabel(reg, unit)}：${formatExpr(o.expr)}`, order: region ? order++ : 1000 + order++ });
        allowedParts.push(formulaRange(f, reg, B));
        // What the text itself gives at full completion ("评分等于支出率*6分" gives 6, whatever the weight).
        const top = contains(reg, 1) || extent(reg).hi >= 1 ? f(1) : null;
        if (top !== null && Number.isFinite(top)) ownTops.push(top);
        described.push({ clause: r, kind: vars.length === 0 ? 'proportional' : 'threshold-linear' });
        lines.push(`${region ? `${regionLabel(reg, unit)}：` : ''}得分 = ${formatExpr(o.expr)}`);
        implicitZero = false;
        break;
      }
      case 'proportional': {
        const reg = region ?? complement(explicitRegions);
        // "≤15日得满分0.5分，>30日为0分，15-30日按比例减分": linear between the scores at the band's ends.
        const ends = extent(reg);
        if (o.deduct && o.reference === 'target' && region && Number.isFinite(ends.lo) && Number.isFinite(ends.hi) && ends.hi > ends.lo) {
          const piece: Piece & { interpolate?: [number, number] } = { region: reg, value: () => null, clause: idx, label: `${regionLabel(reg, unit)}：两端之间按比例`, order: order++, interpolate: [ends.lo, ends.hi] };
          pieces.push(piece);
          described.push({ clause: r, kind: 'proportional' });
          lines.push(`${regionLabel(reg, unit)}：在两端得分之间按比例计分`);
          implicitZero = false;
          break;
        }
        // "收入增长率大于等于8%，得3分，否则按完成比例计分": the completion of that figure, value / 8%.
        const by = o.reference === 'first' ? undefined : threshold;
        if (o.reference === 'threshold' && by === undefined) return failed('“比率法计分”未写明合格标准的数值', described, lines);
        // Lower is better ("控制率≤1计5分，否则按比例计分"): points × target / value.
        const inverse = quantity?.kind === 'level' && quantity.direction === 'lower' && quantity.target !== undefined ? quantity.target : undefined;
        const f = (x: number): number | null => (inverse !== undefined ? (x > 0 ? (B * inverse) / x : null) : by !== undefined ? (B * x) / by : B * x);
        pieces.push({ region: reg, value: f, clause: idx, label: `${regionLabel(reg, unit)}：分值 × ${quantity?.name ?? '完成比例'}`, order: region ? order++ : 1000 + order++ });
        allowedParts.push(formulaRange(f, reg, B));
        described.push({ clause: r, kind: 'proportional' });
        lines.push(`${region ? `${regionLabel(reg, unit)}：` : ''}按${o.reference === 'first' ? '与第1名之比' : '完成比例'}计分（分值 × ${o.reference === 'first' ? '与第1名之比' : quantity?.name ?? '完成比例'}）`);
        implicitZero = false;
        break;
      }
      case 'discretionary':
        discretionary = true;
        implicitZero = false;
        // Judgement is the fallback where no stated clause scores ("其中有特殊情况…的酌情扣分" beside a step).
        if (region) pieces.push({ region, value: () => null, clause: idx, label: `${label}：酌情`, order: 2000 + order++ });
        described.push({ clause: r, kind: 'discretionary' });
        lines.push(`${label ? `${label}：` : ''}酌情${o.direction === 'deduct' ? '扣分' : '给分'}`);
        break;
      case 'exempt':
        allowedParts.push([B, B]);
        awards.push(B);
        if (region) pieces.push({ region, value: () => B, clause: idx, label: `${label}：不扣分`, order: order++ });
        described.push({ clause: r, kind: 'binary', points: B });
        lines.push(`${label ? `${label}：` : ''}不扣分`);
        break;
      case 'ordered': {
        const implicitPlaces = o.ranked && r.cond.kind !== 'rank' && quantity?.axis === 'rank';
        const list = r.cond.kind === 'rank' ? (r.cond.list ?? rangeList(r.cond.lo, r.cond.hi)) : implicitPlaces ? rangeList(1, o.amounts.length) : [];
        if (o.ranked && list.length === 0) {
          // "低于85%的县(区)按从高到低排序，分别得8、6、4、2分": places within a group, which the value does not give.
          if (region) pieces.push({ region, value: () => null, clause: idx, label: `${label}：按排序得 ${o.amounts.map(fmtNum).join('、')} 分`, order: order++ });
          for (const a of o.amounts) {
            allowedParts.push([a, a]);
            awards.push(a);
          }
          described.push({ clause: r, kind: 'tiered' });
          lines.push(`${label ? `${label}：` : ''}按排序依次得 ${o.amounts.map(fmtNum).join('、')} 分（名次由表外排序决定）`);
          implicitZero = false;
          break;
        }
        if (list.length !== o.amounts.length) return failed(`“依次/分别”列出 ${o.amounts.length} 个分值，但对应 ${list.length || '不明'} 个名次`, described, lines);
        list.forEach((rank, i) => {
          pieces.push({ region: [segment({ v: rank, incl: true, explicit: true }, { v: rank, incl: true, explicit: true })], value: () => o.amounts[i], clause: idx, label: `第${rank}名：${fmtNum(o.amounts[i])} 分`, order: order++ });
          allowedParts.push([o.amounts[i], o.amounts[i]]);
          awards.push(o.amounts[i]);
        });
        described.push({ clause: r, kind: 'tiered' });
        lines.push(`名次 ${list.join('、')}：依次 ${o.amounts.map(fmtNum).join('、')} 分`);
        implicitZero = false;
        break;
      }
      case 'peerAverage':
        allowedParts.push([0, B]);
        described.push({ clause: r, kind: 'discretionary' });
        lines.push(`${label ? `${label}：` : ''}按其他单位平均分计分（0–${fmtNum(B)} 之间）`);
        implicitZero = false;
        break;
      case 'interpolate':
        discretionary = true;
        described.push({ clause: r, kind: 'discretionary' });
        lines.push('两档之间按插值计分');
        break;
    }
    if (region && r.cond.kind !== 'otherwise') explicitRegions.push(region);
  }

  // "均满足，得2分；1项满足，得1分": all of them is one more than the most counted.
  const positiveCounts = active.filter((r) => r.cond.kind === 'count' && r.cond.positive);
  if (positiveCounts.length > 0 && quantity?.axis === 'count') {
    const most = Math.max(...positiveCounts.map((r) => (r.cond as Extract<Condition, { kind: 'count' }>).hi));
    for (const r of active) {
      if (r.cond.kind !== 'qualitative' || !/^(均|全部|全|都|各项均|所有)/.test(r.cond.text) || r.outcome.kind !== 'award') continue;
      const [lo, hi] = amountRange(r.outcome.amount, B);
      if (lo === hi) pieces.push({ region: atLeast(most + 1), value: () => hi, clause: described.findIndex((d) => d.clause === r), label: `≥ ${most + 1}${quantity.unit}：${fmtNum(hi)} 分`, order: order++ });
    }
    if (!pieces.some((p) => contains(p.region, 0))) pieces.push({ region: below(0, true, false), value: () => 0, clause: -1, label: `0${quantity.unit}：0 分`, order: order++ });
  }

  // Interpolation pieces take the scores of their neighbours at both ends.
  for (const p of pieces as Array<Piece & { interpolate?: [number, number] }>) {
    if (!p.interpolate) continue;
    const [a, b] = p.interpolate;
    const others = pieces.filter((q) => q !== p);
    const at = (x: number): number | null => {
      const q = pick(others, x);
      return q ? q.value(x) : null;
    };
    // The neighbour's score at the end, or just beyond it when the neighbour excludes the end (">30日为0分").
    const nudge = (x: number, dir: number): number => x + dir * Math.max(1e-9, Math.abs(x) * 1e-9);
    const va = at(a) ?? at(nudge(a, -1));
    const vb = at(b) ?? at(nudge(b, 1));
    if (va === null || vb === null) return failed('“按比例”计分的区间两端没有写明得分', described, lines);
    p.value = (x) => va + ((x - a) / (b - a)) * (vb - va);
    allowedParts.push([Math.min(va, vb), Math.max(va, vb)]);
  }

  // One qualitative "target met" clause beside bands takes the region the bands leave ("完成总量控制目标的，得15分；
  // 总量超过控制目标的10%以内，得10分；…10%以上，不得分": the excess ≤ 0).
  const qualitativeAwards = active.filter((r) => r.cond.kind === 'qualitative' && !r.cond.negative && r.outcome.kind === 'award');
  const bandPieces = pieces.filter((p) => active[p.clause] !== undefined);
  if (qualitativeAwards.length === 1 && explicitRegions.length >= 2 && bandPieces.length >= 2) {
    const rest = complement(explicitRegions);
    const r = qualitativeAwards[0];
    if (rest.length === 1) {
      const [lo, hi] = amountRange((r.outcome as Extract<Outcome, { kind: 'award' }>).amount, B);
      if (lo === hi) pieces.push({ region: rest, value: () => hi, clause: described.findIndex((d) => d.clause === r), label: `${regionLabel(rest, unit)}：${fmtNum(hi)} 分`, order: order++ });
    }
  }

  // The full score: the best stated outcome, or the block's points when only deductions are written.
  const top = Math.max(0, ...awards, ...allowedParts.map(([, hi]) => hi));
  const hasAward = top > EPS;
  const F = hasAward ? top : B;
  // "不达标准，不得分": only the failure is written; meeting the standard keeps the points.
  if (!hasAward && active.some((r) => r.outcome.kind === 'award')) allowedParts.push([B, B]);
  if (!hasAward && (steps.some((s) => s.step.direction === 'deduct') || oneOffs.length > 0 || fixedDeductions.length > 0)) lines.unshift(`满分 ${fmtNum(F)} 分，按以下扣分`);

  // Fixed deductions from the full score ("否则扣2分", "发现一次的，扣0.5分").
  for (const p of pieces as Array<Piece & { deduct?: number }>) {
    const d = (p as { deduct?: number }).deduct;
    if (d !== undefined) p.value = () => Math.max(0, F - d);
  }
  for (const r of active) {
    if (r.outcome.kind === 'deduct' && (r.cond.kind === 'otherwise' || r.cond.kind === 'notMet')) {
      const [, d] = amountRange(r.outcome.amount, B);
      const piece = pieces.find((p) => p.clause === described.findIndex((x) => x.clause === r));
      if (piece) piece.value = () => Math.max(0, F - d);
    }
  }
  for (const d of fixedDeductions) allowedParts.push([Math.max(0, F - d), Math.max(0, F - d)]);
  // "不达标的扣10分" with nothing awarded: meeting it keeps the full score.
  if (!hasAward && fixedDeductions.length > 0) allowedParts.push([F, F]);
  // "化解率低于85%的扣减1分", "超过1%不得分" with nothing awarded: outside the bands that deduct or zero, the full score.
  const zeroBand = (p: Piece): boolean => {
    const d = described[p.clause];
    return !!d && d.points === 0 && d.clause.kind === 'rule' && d.clause.cond.kind === 'band' && d.clause.outcome.kind === 'award';
  };
  const bandDeductions = (pieces as Array<Piece & { deduct?: number }>).filter((p) => p.deduct !== undefined || zeroBand(p));
  if (!hasAward && quantity && bandDeductions.length > 0 && steps.length === 0) {
    const rest = complement(bandDeductions.map((p) => p.region));
    if (rest.length > 0 && !(pieces as Array<Piece & { deduct?: number }>).some((p) => p.deduct === undefined && !zeroBand(p) && p.region.some((seg) => rest.some((r) => intersect([seg], [r]).length > 0)))) {
      pieces.push({ region: rest, value: () => F, clause: -1, label: `${regionLabel(rest, unit)}：${fmtNum(F)} 分`, order: order++ });
    }
  }

  // Steps.
  // A cap written right after a step caps that step ("少1条扣1分,最高扣4分;…每少1条扣1分,最高扣4分").
  const sameSentence = (a: { e: number }, b: { s: number }): boolean => a.e <= b.s && !/[;。]/.test(ctx.text.slice(a.e, b.s));
  const globalCaps: Array<ClauseOf<'deductionCap'>> = [];
  for (const c of deductionCaps) {
    const own = steps.filter((st) => sameSentence(st, c)).pop();
    if (own && typeof c.max === 'number' && own.step.cap === undefined) own.step.cap = c.max;
    else if (!own || own.step.cap !== c.max) globalCaps.push(c);
  }
  const maxDeduction = Math.min(F, ...floors.map((f) => f.maxDeduction ?? Infinity), ...globalCaps.map((c) => (c.max === 'points' ? F : c.max)));
  const stepInfos: StepInfo[] = [];
  const stepAmounts: Array<{ a: number; cap: number }> = [];
  const awardSteps: Array<{ a: number; continuous: boolean; share: boolean }> = [];
  for (const sc of steps) {
    const s = sc.step;
    const [, a] = amountRange(s.amount, B);
    if (!(a > EPS)) return failed('扣分步长为 0', described, lines);
    const idx = described.length;
    const share = s.amount.kind === 'share' ? s.amount.lo : undefined;
    stepInfos.push({ per: s.per, unit: s.unit, deduct: a, ...(share !== undefined ? { share } : {}) });
    described.push({ clause: sc, kind: share !== undefined ? 'percent-step' : 'step-deduction', points: a });
    const what = `${s.verb}${s.subject}${fmtNum(s.per)}${s.unit}`;
    // "有一篇加0.1分，但累计不超过2分" with nothing awarded before it: the bonus is the score.
    const awarding = s.direction === 'award' || (s.direction === 'add' && !hasAward && steps.every((x) => x.step.direction !== 'deduct'));
    if (awarding) {
      // "每个占1分，按照签约项目任务清单完成率赋分": each unit scored by its completion, anything up to a.
      const continuous = bases.some((b) => sameSentence(sc, b) && /完成率|完成比例|完成情况|完成程度/.test(b.basis.text));
      awardSteps.push({ a, continuous, share: s.amount.kind === 'share' });
      lines.push(`每${what}：${s.direction === 'add' ? '加' : '得'} ${continuous ? `0–${fmtNum(a)}` : fmtNum(a)} 分`);
      if (!continuous && steps.length === 1 && quantity && quantity.axis === s.unitClass && quantity.kind === 'level') {
        const cap = Math.min(B, ...scoreCaps.map((c) => (c.max === 'points' ? B : c.max)));
        const per = s.per;
        pieces.push({ region: atLeast(0), value: (x) => Math.min(cap, tidy(a * Math.floor(x / per + 1e-7))), clause: idx, label: `每${what}得 ${fmtNum(a)} 分（最多 ${fmtNum(cap)} 分）`, order: order++ });
      }
      continue;
    }
    if (s.direction === 'add') {
      lines.push(`每${what}：加 ${fmtNum(a)} 分`);
      continue;
    }
    // Steps inside a band below a figure ("少于2次的，每少1次扣2.5分") count at most the figure's units.
    const bandTop = sc.cond.kind === 'band' && sc.cond.hi && !sc.cond.lo && quantity?.kind === 'level' && quantity.direction === 'higher' ? sc.cond.hi.v : undefined;
    const perUnits = s.unitClass === 'pp' || s.unitClass === 'percent' ? s.per / 100 : s.per;
    const bandCap = bandTop !== undefined && perUnits > 0 ? a * Math.ceil(bandTop / perUnits - 1e-9) : Infinity;
    stepAmounts.push({ a, cap: Math.min(s.cap ?? Infinity, bandCap) });
    const bandUnit = sc.cond.kind === 'band' && sc.cond.quantity.unitClass !== 'percent' && sc.cond.quantity.unitClass !== 'pp' && sc.cond.quantity.unitClass !== 'plain' ? s.unit : '%';
    lines.push(`${sc.cond.kind === 'band' ? `${regionLabel(bandRegion(sc.cond), bandUnit)}时，` : ''}每${what}扣 ${fmtNum(a)} 分`);
    if (stepAmounts.length === 1 && quantity) {
      const p = stepPiece(sc, a, F, quantity, pieces, explicitRegions, idx, maxDeduction);
      if (p) pieces.push(p);
    }
  }
  // Steps that count different things ("每缺少一人扣2分…每撤换一人扣4分"): one value is the first step's count, as
  // reviewers quote it; the same amount per the same unit pools ("每例扣0.1分…每例扣0.1分": all the cases).
  const unbandedDeductSteps = steps.filter((x) => x.step.direction === 'deduct' && x.cond.kind !== 'band' && x.cond.kind !== 'rank');
  if (unbandedDeductSteps.length >= 2 && quantity && pieces.length > 0) {
    const first = unbandedDeductSteps[0].step;
    const pooled = unbandedDeductSteps.every((x) => x.step.unit === first.unit && amountRange(x.step.amount, B)[1] === amountRange(first.amount, B)[1]);
    lines.push(pooled ? `按一个数值计分时，该数值为各条合计的${first.unit}数` : `按一个数值计分时，该数值为第一条扣分所数的${first.unit}数，其余各条不扣`);
  }
  if (awardSteps.length > 0) {
    // "具备一个得分要素，得指标分值的20%", "每个得3分；…每个得2分": sums of whole units up to the points.
    const cap = Math.min(B, ...scoreCaps.map((c) => (c.max === 'points' ? B : c.max)));
    if (awardSteps.some((x) => x.continuous)) allowedParts.push([0, cap]);
    else {
      let sums = new Set<number>([0]);
      for (const { a } of awardSteps) {
        const next = new Set<number>();
        for (const v of sums) for (const u of stepsUp(a, cap - v)) if (next.size < MAX_STEP_VALUES) next.add(tidy(v + u));
        sums = next;
      }
      allowedParts.push(...[...sums].map((v) => [v, v] as Interval));
    }
    implicitZero = false;
  }
  if (floors.length > 0) lines.push(`扣完为止${maxDeduction < F ? `（最多扣 ${fmtNum(maxDeduction)} 分）` : ''}`);
  for (const c of scoring) if (c.kind === 'bonusCap') lines.push(`加分最多 ${fmtNum(c.max)} 分（得分不超过本项分值）`);
  for (const c of deductionCaps) lines.push(`最多扣 ${c.max === 'points' ? '本项分值' : `${fmtNum(c.max)} 分`}`);

  // Deductions only inside their bands ("低于80%的，每降低1个百分点扣1分"), nothing awarded: outside them the full score stays.
  const deducting = steps.filter((x) => x.step.direction === 'deduct');
  if (quantity?.kind === 'level' && !hasAward && active.length === 0 && pieces.length > 0 && deducting.length > 0 && deducting.every((x) => x.cond.kind === 'band')) {
    const rest = complement(pieces.map((p) => p.region));
    if (!isEmpty(rest)) pieces.push({ region: rest, value: () => F, clause: -1, label: `其余：${fmtNum(F)} 分（不扣分）`, order: order++ });
  }
  // A count or a gap of 0 keeps the full score.
  if (quantity && (quantity.kind === 'count' || quantity.kind === 'gap') && pieces.length > 0 && !pieces.some((p) => contains(p.region, 0))) {
    pieces.push({ region: below(0, true, false), value: () => F, clause: -1, label: `${quantity.name}为 0：${fmtNum(F)} 分`, order: order++ });
    allowedParts.push([F, F]);
  }

  // Allowed scores.
  let allowed: Interval[] = normalizeIntervals(allowedParts.map(([a, b]) => [Math.min(a, b), Math.max(a, b)]));
  if (stepAmounts.length > 0 || oneOffs.length > 0) {
    // Fixed deductions are alternatives to each other; one-off deductions come on top of any of them.
    const base = stepAmounts.length > 0 && pieces.some((p) => p.clause >= 0) ? stepBases(pieces, F) : [F, ...fixedDeductions.map((d) => Math.max(0, F - d))];
    const deductions = deductionSums(stepAmounts, oneOffs.filter((d) => d > 0), maxDeduction);
    const bonuses = oneOffs.filter((d) => d < 0).map((d) => -d);
    const out: Interval[] = [...allowed];
    for (const b of base) for (const d of deductions) out.push([Math.max(0, tidy(b - d)), Math.max(0, tidy(b - d))]);
    // The floor: reached only when the deductions may take everything ("最多扣2分" of 4 never reaches 0).
    if (deductions.some((d) => d >= F - EPS) || (stepAmounts.length > 0 && maxDeduction >= F - EPS && stepAmounts.every((x) => x.cap >= F - EPS))) out.push([0, 0]);
    for (const b of bonuses) for (const v of [...out]) out.push([v[0] + b, v[1] + b]);
    if (!hasAward) out.push([F, F]);
    allowed = normalizeIntervals(out);
    if (stepAmounts.length > 0 && !quantity) lines.push('（未能确定扣分所依据的数量，只核对可得分值）');
  }
  if (discretionary) {
    // "视下降程度得分" after tiers: judgement below the lowest stated tier. "酌情扣分": anything down from the full score.
    const stated = allowedParts.map(([a]) => a).filter((v) => v > EPS);
    const awardJudgement = active.some((r) => r.outcome.kind === 'discretionary' && r.outcome.direction === 'award');
    const ceiling = awardJudgement && stated.length > 1 ? Math.min(...stated) : F;
    allowed = normalizeIntervals([...allowed, [0, ceiling]]);
  }
  if (implicitZero && allowed.length > 0 && !pieces.some((p) => p.region === EVERYWHERE) && (quantity === undefined || !coversEverything(pieces, quantity))) {
    allowed = normalizeIntervals([...allowed, [0, 0]]);
  }
  if (allowed.length === 0) allowed = [[F, F]];
  for (const c of scoreCaps) {
    const cap = c.max === 'points' ? B : c.max;
    allowed = allowed.map(([a, b]) => [Math.min(a, cap), Math.min(b, cap)] as Interval);
  }

  for (const b of bases) described.push({ clause: b, kind: b.basis.kind === 'rank' ? 'tiered' : 'step-deduction' });
  if (rateCaps.length > 0) lines.push(`比率超过 ${pct(rateCaps[0].max)} 的按 ${pct(rateCaps[0].max)} 计`);
  if (steps.length > 0) kinds.add(stepInfos.some((s) => s.share !== undefined) ? 'percent-step' : 'step-deduction');
  for (const d of described) kinds.add(d.kind);
  if (discretionary) kinds.add('discretionary');
  const quantities = new Set([...active.map((r) => (r.cond.kind === 'band' ? r.cond.quantity.name : '')).filter((n) => n !== ''), ...steps.map((s) => `${s.step.unit}|${s.step.subject}`)]).size;
  const max = Math.max(...allowed.map(([, b]) => b), ...ownTops);
  // Which end of a rank is best follows from the scores ("倒数第1名的不得分" vs "倒数第1名…计2分").
  if (quantity?.kind === 'rank') {
    const at = (x: number): number | null => pick(pieces, x)?.value(x) ?? null;
    const first = at(1);
    const later = [2, 3, 5, 10].map(at).find((v) => v !== null && first !== null && v !== first);
    if (first !== null && later !== undefined && later !== null) quantity.direction = later > first ? 'higher' : 'lower';
  }
  const rate = rateCaps[0]?.max;
  const capped = rate !== undefined ? pieces.map((p) => ({ ...p, value: (x: number) => p.value(Math.min(x, rate)) })) : pieces;
  return { allowed, max, pieces: capped, quantity, quantities, discretionary, kinds, steps: stepInfos, lines, clauses: described, ...(awardSteps.length > 0 ? { awardSteps } : {}) };
}

/** The denominator of a formula's ratio names the standard ("实际值/合格标准值", "完成值/目标值"). */
function namesStandardRatio(name: string): boolean {
  const slash = name.indexOf('/');
  return slash >= 0 && /标准|合格|目标|指标值|计划/.test(name.slice(slash + 1));
}

/** The lower bound of the band that gives the block's full points. */
function fullThreshold(rules: readonly ClauseOf<'rule'>[], points: number): number | undefined {
  for (const r of rules) {
    if (r.cond.kind !== 'band' || !r.cond.lo || r.cond.hi) continue;
    if (isTopAward(r.outcome, points)) return r.cond.lo.v;
  }
  return undefined;
}

/** A tier below another stated award ("…不够全面，得1分" under "…全面，得2分"): the failing case is written. */
function isLowerTier(r: ClauseOf<'rule'>, rules: readonly ClauseOf<'rule'>[], points: number): boolean {
  if (r.outcome.kind !== 'award') return true;
  const mine = amountRange(r.outcome.amount, points)[1];
  return rules.some((o) => o !== r && o.outcome.kind === 'award' && amountRange(o.outcome.amount, points)[1] > mine + EPS);
}

/** Is a band about the rule's measured value (same kind of figure)? */
function onAxis(b: BandCondition, q: MeasuredQuantity): boolean {
  const u = b.quantity.unitClass;
  if (q.axis === 'rank' || q.axis === 'ratio-first') return false;
  const rate = (x: string): boolean => x === 'percent' || x === 'pp' || x === 'plain';
  return u === q.axis || (rate(u) && rate(q.axis));
}

/** An award of the full points (or the best the block states). */
function isTopAward(o: Outcome, points: number): boolean {
  if (o.kind === 'exempt') return true;
  if (o.kind !== 'award') return false;
  const [, hi] = amountRange(o.amount, points);
  return o.amount.kind === 'full' || hi >= points - EPS;
}

function failed(why: string, clauses: Compiled['clauses'], lines: string[]): Compiled {
  return { allowed: [], max: 0, pieces: [], quantities: 0, discretionary: false, kinds: new Set(), steps: [], lines, clauses, failure: why };
}

function rangeList(lo: number, hi: number): number[] {
  if (!Number.isFinite(hi) || hi - lo > 50) return [];
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** The bands leave no value of the quantity's domain uncovered (ranks start at 1, counts and rates at 0). */
function coversEverything(pieces: readonly Piece[], q: MeasuredQuantity | undefined): boolean {
  const domain = q?.kind === 'rank' ? atLeast(1) : q && q.direction === 'higher' ? atLeast(0) : q ? atLeast(0) : EVERYWHERE;
  return intersect(complement(pieces.map((p) => p.region)), domain).length === 0;
}

function condLabel(c: Condition): string {
  switch (c.kind) {
    case 'qualitative':
    case 'met':
    case 'notMet':
      return c.text.length > 24 ? `${c.text.slice(0, 24)}…` : c.text;
    case 'otherwise':
      return '否则';
    default:
      return '';
  }
}

function bandRegion(b: BandCondition, lowerIsBetter = false): Region {
  if (b.exact && b.lo && !b.hi) {
    // "开工率为100%的": reaching the figure is enough at the good end of the scale ("预算控制率=0" when lower is better).
    return lowerIsBetter ? below(b.lo.v, true, b.lo.explicit) : atLeast(b.lo.v, true, b.lo.explicit);
  }
  if (b.quantity.relative === 'excess' && b.hi && !b.lo) return [segment({ v: 0, incl: false, explicit: false }, b.hi)];
  if (b.quantity.relative === 'shortfall' && b.hi && !b.lo) return [segment({ v: 0, incl: false, explicit: false }, b.hi)];
  return [segment(b.lo, b.hi)];
}

/**
 * Tiers close with a zero, "否则" or judgement tier; an award with a plain condition after that
 * starts another group ("…否则不得分。研究…具体操作办法：0.2分").
 */
function tierGroups(rules: readonly ClauseOf<'rule'>[]): Array<ClauseOf<'rule'>[]> {
  if (rules.some((r) => r.cond.kind === 'rank' || r.cond.kind === 'count' || r.outcome.kind === 'deduct')) return [rules.slice()];
  const groups: Array<ClauseOf<'rule'>[]> = [[]];
  let closed = false;
  let name = '';
  let placed = false;
  for (const r of rules) {
    // A list of places is complete in itself: another list scores something else.
    if (r.outcome.kind === 'ordered' && placed) {
      groups.push([]);
      name = '';
      closed = false;
      placed = false;
    }
    const closes = (r.outcome.kind === 'award' && amountIsZero(r.outcome.amount)) || r.cond.kind === 'otherwise' || r.cond.kind === 'notMet' || r.outcome.kind === 'discretionary';
    const bandName = r.cond.kind === 'band' ? r.cond.quantity.name : '';
    // "…≤15日得满分0.5分,>30日为0分,15-30日按比例减分;对需再次分配的资金下达…≤30日得满分0.5分…": a new value, a new group.
    const newValue = bandName !== '' && name !== '' && bandName !== name && r.outcome.kind === 'award' && !amountIsZero(r.outcome.amount);
    if ((closed || newValue) && !closes && (r.outcome.kind === 'award' || r.outcome.kind === 'ordered') && (r.cond.kind === 'qualitative' || r.cond.kind === 'none' || newValue)) {
      groups.push([]);
      name = '';
      placed = false;
    }
    groups[groups.length - 1].push(r);
    if (r.outcome.kind === 'ordered') placed = true;
    if (bandName !== '' && name === '') name = bandName;
    closed = closes || (closed && r.cond.kind === 'band' && bandName === '');
  }
  return groups.filter((g) => g.length > 0);
}

/**
 * Awards for separate criteria, none a failure tier: "符合…计1分；符合…计0.5分；是否符合…计0.5分"; a closing
 * "反之不得分" applies to each ("落实的，得1分，建立的，得2分，反之不得分").
 */
function isPlainAwardList(all: readonly ClauseOf<'rule'>[]): boolean {
  const last = all[all.length - 1];
  const rules = last && last.cond.kind === 'otherwise' && last.outcome.kind === 'award' && amountIsZero(last.outcome.amount) ? all.slice(0, -1) : all;
  return (
    rules.length >= 2 &&
    rules.every((r) => r.outcome.kind === 'award' && !amountIsZero(r.outcome.amount) && r.outcome.amount.kind === 'points' && r.outcome.amount.lo === r.outcome.amount.hi && r.cond.kind === 'qualitative' && !r.cond.negative)
  );
}

/** Parts scored on their own and added; the score function is the first part's that has one (the others at their least). */
/** A full stop or semicolon between two clauses of the text. */
const SENTENCE_END = /[。；;]/;

/**
 * The clauses cut into sentences (at 。 and ；), when there are two or more and each holds exactly
 * one award of points (its top) and nothing before the first: else undefined.
 */
/** An award of some points under a condition of its own (not 否则). */
const isPointsAward = (c: Clause): c is ClauseOf<'rule'> => c.kind === 'rule' && c.outcome.kind === 'award' && c.outcome.amount.kind === 'points' && c.outcome.amount.hi > 0 && c.cond.kind !== 'otherwise';

function partsBySentence(scoring: readonly Clause[], text: string): Array<{ clauses: Clause[]; top: number }> | undefined {
  const ordered = scoring.filter((c) => c.s !== undefined && c.e !== undefined).sort((a, b) => a.s! - b.s!);
  if (ordered.length !== scoring.length || ordered.length < 2) return undefined;
  const raw: Clause[][] = [[ordered[0]]];
  for (let i = 1; i < ordered.length; i++) {
    if (SENTENCE_END.test(text.slice(ordered[i - 1].e!, ordered[i].s!))) raw.push([]);
    raw[raw.length - 1].push(ordered[i]);
  }
  // "…计3分。表述不清楚的，每处扣0.5分；…计1分。每有一处…扣0.2分": a sentence that awards nothing
  // (only deducts) goes with the part before it.
  const sentences: Clause[][] = [];
  for (const sentence of raw) {
    const awardsNothing = !sentence.some(isPointsAward);
    if (awardsNothing && sentences.length > 0) sentences[sentences.length - 1].push(...sentence);
    else sentences.push([...sentence]);
  }
  if (sentences.length < 2) return undefined;
  const out: Array<{ clauses: Clause[]; top: number }> = [];
  for (const clauses of sentences) {
    const awards = clauses.filter(isPointsAward);
    if (awards.length !== 1 || awards[0] !== clauses.find((c) => c.kind === 'rule' || c.kind === 'step')) return undefined;
    out.push({ clauses, top: amountRange((awards[0].outcome as Extract<Outcome, { kind: 'award' }>).amount, 0)[1] });
  }
  return out;
}

/**
 * Parts that add up. A measured value scores one part; the others count their least score, or
 * their full score (`othersFull`) when each part measures its own quantity and the value is one of them.
 */
function addParts(compiled: readonly Compiled[], texts: readonly string[], lines: string[], kinds: Set<RuleKind>, othersFull = false): Compiled {
  kinds.add('additive-parts');
  for (const c of compiled) for (const k of c.kinds) kinds.add(k);
  const parts = compiled.map((c, i) => ({ label: `第${i + 1}部分`, points: c.max, clause: texts[i], allowed: c.allowed }));
  lines.push(...compiled.map((c, i) => `第${i + 1}部分（最高 ${fmtNum(c.max)} 分）：${c.lines.join('；')}`));
  const scored = compiled.findIndex((c) => c.pieces.length > 0 && c.quantity);
  const rest = compiled.reduce((acc, c, i) => (i === scored ? acc : acc + (othersFull ? c.max : Math.min(...c.allowed.map(([lo]) => lo)))), 0);
  if (othersFull && scored >= 0) lines.push(`按一个数值计分时，该数值为第${scored + 1}部分的${compiled[scored].quantity!.name}，其余部分按满分计`);
  const pieces = scored < 0 ? [] : compiled[scored].pieces.map((p) => ({ ...p, value: (x: number) => { const v = p.value(x); return v === null ? null : v + rest; } }));
  const out: Compiled = {
    allowed: compiled.reduce<Interval[]>((acc, c) => minkowski(acc, c.allowed), [[0, 0]]),
    max: compiled.reduce((acc, c) => acc + c.max, 0),
    pieces,
    quantities: scored < 0 ? 0 : compiled[scored].quantities,
    discretionary: compiled.some((c) => c.discretionary),
    kinds,
    steps: [],
    parts,
    lines,
    clauses: compiled.flatMap((c) => c.clauses),
  };
  if (scored >= 0) out.quantity = compiled[scored].quantity;
  return out;
}

function amountIsZero(a: Amount): boolean {
  return a.kind === 'zero' || (a.kind === 'points' && a.hi === 0);
}

/** The range of a formula over a region, for the allowed set (formulas here are monotone in the value). */
function formulaRange(f: (x: number) => number | null, region: Region, points: number): Interval {
  const { lo, hi } = extent(region);
  const probe = [lo, hi, 0, 1, 0.5].filter((x) => Number.isFinite(x) && contains(region, x));
  const ends = [Number.isFinite(lo) ? lo : -1e6, Number.isFinite(hi) ? hi : 1e6];
  const values = [...probe, ...ends].map((x) => f(x)).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return [0, points];
  return [Math.max(0, Math.min(...values)), Math.min(points, Math.max(...values))];
}

/** Past this many pieces a set of sums is kept as its range (many parts: subset sums grow as 2^n). */
const MAX_INTERVALS = 1000;

function minkowski(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [p, q] of a) for (const [r, s] of b) out.push([p + r, q + s]);
  const n = normalizeIntervals(out);
  return n.length > MAX_INTERVALS ? [[n[0][0], n[n.length - 1][1]]] : n;
}

/** Every total of whole steps and one-off deductions up to the cap (bounded). */
function deductionSums(steps: ReadonlyArray<{ a: number; cap: number }>, oneOffs: readonly number[], cap: number): number[] {
  let sums = new Set<number>([0]);
  for (const { a, cap: own } of steps) {
    const next = new Set<number>();
    for (const s of sums) for (let k = 0; k * a <= own + EPS && s + k * a <= cap + EPS && next.size < MAX_STEP_VALUES; k++) next.add(tidy(s + k * a));
    sums = next;
  }
  for (const d of oneOffs) {
    const next = new Set<number>(sums);
    for (const s of sums) next.add(tidy(Math.min(cap, s + d)));
    sums = next;
  }
  return [...sums];
}

/** {a, 2a, …} up to the points: what per-element awards can sum to. */
function stepsUp(a: number, cap: number): number[] {
  const out: number[] = [0];
  for (let k = 1; k * a <= cap + EPS && out.length < MAX_STEP_VALUES; k++) out.push(tidy(k * a));
  return out;
}

/** The scores steps count down from: the full score, or the score at the edge of a band (p15: 50 at 70%). */
function stepBases(pieces: readonly Piece[], F: number): number[] {
  const out = new Set<number>([F]);
  for (const p of pieces as Array<Piece & { base?: number }>) if (p.base !== undefined) out.add(p.base);
  return [...out];
}

// ------------------------------------------------------------------------- the quantity

/**
 * Which value the score function takes, from the bands, formulas and steps of the block. A level
 * when a figure for full points is stated ("达到70%以上(含)得50分；…每少一个百分点扣1分": 按期结案率);
 * a gap when the text counts the shortfall itself ("每滞后一年扣2分", "每差1个百分点扣0.25分").
 */
function findQuantity(rules: readonly ClauseOf<'rule'>[], steps: readonly ClauseOf<'step'>[], bases: readonly ClauseOf<'basis'>[], points: number): MeasuredQuantity | undefined {
  const bands = rules.map((r) => (r.cond.kind === 'band' ? r.cond : r.cond.kind === 'otherwise' ? r.cond.band : undefined)).filter((b): b is BandCondition => !!b);
  const stepBands = steps.map((s) => (s.cond.kind === 'band' ? s.cond : undefined)).filter((b): b is BandCondition => !!b);
  const allBands = [...bands, ...stepBands];
  const named = allBands.find((b) => b.quantity.name !== '');
  const formula = rules.find((r) => r.outcome.kind === 'formula');
  const formulaVar = formula && formula.outcome.kind === 'formula' ? variablesOf(formula.outcome.expr)[0] : undefined;
  // "培训人数按万人比从高到低排序，分别得10、8、6、4分" alone: the places of that order.
  const implicitPlaces = rules.length === 1 && rules[0].outcome.kind === 'ordered' && rules[0].outcome.ranked && rules[0].cond.kind !== 'band' && rules[0].cond.kind !== 'otherwise';
  const ranks = implicitPlaces || rules.some((r) => r.cond.kind === 'rank') || steps.some((s) => s.cond.kind === 'rank');
  const counts = rules.some((r) => r.cond.kind === 'count');
  const step = steps.find((s) => s.step.direction === 'deduct');
  const rankBasis = bases.some((b) => b.basis.kind === 'rank');
  const gapBasis = bases.find((b) => b.basis.kind === 'gap');
  const proportional = rules.find((r) => r.outcome.kind === 'proportional');

  // "第1名得6分，第2-5名按第1名的比例得分": the value is the ratio to the first, ranks only select.
  if (proportional && proportional.outcome.kind === 'proportional' && proportional.outcome.reference === 'first') {
    return { name: '与第1名之比', unit: '%', kind: 'level', direction: 'higher', target: 1, axis: 'ratio-first' };
  }
  if (ranks || (step && step.step.unitClass === 'rank')) {
    const reverse = rules.some((r) => r.cond.kind === 'rank' && r.cond.reverse) || steps.some((s) => s.cond.kind === 'rank' && s.cond.reverse);
    if (step && step.step.unitClass === 'rank' && /下降|后退|退|低/.test(step.step.verb) && !rankBasis && !ranks) {
      return { name: '排名下降位数', unit: '位', kind: 'gap', direction: 'lower', axis: 'rank' };
    }
    return { name: reverse ? '倒数名次' : '名次', unit: '名', kind: 'rank', direction: 'lower', axis: 'rank' };
  }
  if (counts) {
    const c = rules.find((r) => r.cond.kind === 'count')!.cond as Extract<Condition, { kind: 'count' }>;
    if (c.positive) return { name: `满足${c.unit}数`, unit: c.unit, kind: 'level', direction: 'higher', axis: 'count' };
    return { name: `${c.unit}数`, unit: c.unit, kind: 'count', direction: 'lower', axis: 'count' };
  }
  // "每次得1分，最多得6分", "有一篇加0.1分": one step that awards, alone: the number of units.
  const awarding = steps.filter((s) => s.step.direction !== 'deduct');
  if (!step && awarding.length === 1 && allBands.length === 0 && !formula && awarding[0].step.unitClass !== 'percent' && awarding[0].step.unitClass !== 'pp') {
    const s = awarding[0].step;
    return { name: `${s.verb === '有' ? '' : s.verb}${s.subject}${s.unit.replace(/^个/, '')}数`, unit: s.unit, kind: 'level', direction: 'higher', axis: s.unitClass };
  }
  const rateLike = (u: string): boolean => u === 'percent' || u === 'pp' || u === 'plain';
  if (step && !rateLike(step.step.unitClass)) {
    // A count, a delay, an amount: the value is the number of units (unless a figure in the same unit sets full marks).
    // Only a band of full marks (or the step's own band) sets the target: "迟报四天及以上不得分" is a band of the gap itself.
    const fullBands = rules.filter((r) => r.cond.kind === 'band' && isTopAward(r.outcome, points)).map((r) => r.cond as BandCondition);
    const sameClass = (b: BandCondition): boolean => b.quantity.unitClass === step.step.unitClass && !!(b.lo || b.hi);
    const full = fullBands.find(sameClass);
    if (full) {
      const lower = !!full.hi && !full.lo;
      return { name: full.quantity.name || step.step.subject || '实际值', unit: step.step.unit, kind: 'level', direction: lower ? 'lower' : 'higher', target: (lower ? full.hi : full.lo)!.v, axis: step.step.unitClass };
    }
    // The band the steps deduct in: "少于2次的，每少1次扣2.5分" (below 2: more is better), "超过3天的，每超1天扣1分" (above 3: fewer is better).
    const own = stepBands.find(sameClass);
    if (own) {
      const higher = !!own.hi && !own.lo;
      return { name: own.quantity.name || step.step.subject || '实际值', unit: step.step.unit, kind: 'level', direction: higher ? 'higher' : 'lower', target: (higher ? own.hi : own.lo)!.v, axis: step.step.unitClass };
    }
    return { name: gapName(step.step), unit: step.step.unit, kind: step.step.unitClass === 'count' ? 'count' : 'gap', direction: 'lower', axis: step.step.unitClass };
  }
  if (step) {
    // A rate with a step: the level against a stated figure, or the gap itself.
    const threshold = levelThreshold(allBands, rules);
    // The verb says which side of the figure loses points: "每超过一个百分点" (over it), "每下降1个百分点" (under it).
    // Points added for a step turn it round: "每超过1个百分点加0.5分" rewards the excess.
    const deducts = step.step.direction === 'deduct';
    const verbSide = EXCESS_VERBS.includes(step.step.verb) ? (deducts ? 'lower' : 'higher') : step.step.verb && !/相差|偏离/.test(step.step.verb) ? (deducts ? 'higher' : 'lower') : undefined;
    if (threshold) return { name: threshold.name || named?.quantity.name || '完成率', unit: '%', kind: 'level', direction: verbSide ?? threshold.direction, target: threshold.v, axis: 'percent' };
    if (gapBasis) return { name: gapBasis.basis.text.replace(/^(按照|按|根据|依据)/, '').replace(/(进行)?(扣分|计分|评分)$/, ''), unit: '%', kind: 'gap', direction: 'lower', axis: 'percent' };
    if (/相差|偏离/.test(step.step.verb) && /计划|目标/.test(step.step.subject + stepContext(step))) {
      return { name: '实际完成与计划之比', unit: '%', kind: 'level', direction: 'higher', target: 1, axis: 'percent', twoSided: true };
    }
    // "年度工作任务完成率每减少10个百分点": a named rate steps down from 100%. "达到申报时设定的新增销售收入，得6分；否则，
    // 每下降1个百分点": the completion of that target steps down from 100%.
    const own = stepContext(step);
    const completed = rules.some((r) => (r.cond.kind === 'met' || (r.cond.kind === 'qualitative' && !r.cond.negative)) && /达到|完成|实现/.test(r.cond.text) && r.outcome.kind === 'award' && isTopAward(r.outcome, points));
    // A rate that loses points as it rises ("设备待修率每增加1个百分点扣0.5分") with no figure to rise from: the rise itself.
    if (verbSide === 'lower' && /(率|比例|比重|占比)$/.test(own)) return { name: `${own}${step.step.verb}幅度`, unit: '个百分点', kind: 'gap', direction: 'lower', axis: 'percent' };
    if (/(率|比例|比重|占比)$/.test(own) || completed) {
      return { name: /(率|比例|比重|占比)$/.test(own) ? own : '完成率', unit: '%', kind: 'level', direction: 'higher', target: 1, axis: 'percent' };
    }
    return { name: `${step.step.subject || ''}差距`.replace(/^差距$/, '与目标的差距'), unit: '个百分点', kind: 'gap', direction: 'lower', axis: 'percent' };
  }
  if (allBands.length > 0) {
    const name = named?.quantity.name ?? formulaVar ?? '完成率';
    const relative = allBands.find((b) => b.quantity.relative)?.quantity.relative;
    if (relative) return { name: `${name}${relative === 'excess' ? '超出' : '低于'}幅度`, unit: '%', kind: 'gap', direction: 'lower', axis: 'percent' };
    // "偏差率在±5%以内": the size of the deviation, whichever side.
    if (allBands.some((b) => b.quantity.deviation)) return { name: `${name || '偏差'}（绝对值）`, unit: '%', kind: 'gap', direction: 'lower', axis: 'percent', magnitude: true };
    const unitClass = (named ?? allBands[0]).quantity.unitClass;
    const decreasing = bandsDecrease(rules);
    // The full points below a figure ("≤1计5分"), or nothing but a zero above one ("超过1%不得分"): lower is better.
    const fullBelow = rules.some((r) => r.cond.kind === 'band' && r.cond.hi && !r.cond.lo && isTopAward(r.outcome, points)) && !rules.some((r) => r.cond.kind === 'band' && r.cond.lo && !r.cond.hi && isTopAward(r.outcome, points));
    const zeroOnly = rules.every((r) => r.outcome.kind === 'award' && amountIsZero(r.outcome.amount));
    const zeroAbove = zeroOnly && rules.some((r) => r.cond.kind === 'band' && r.cond.lo && !r.cond.hi);
    // A formula that falls as its value rises ("1-10×调剂金额/预算数") says lower is better.
    const lower = isLowerBetter(name) || decreasing || fullBelow || zeroAbove || (formula !== undefined && formulaFalls(formula, points));
    return { name, unit: unitClass === 'percent' || unitClass === 'plain' ? (unitClass === 'percent' ? '%' : '') : unitClassUnit(unitClass), kind: 'level', direction: lower ? 'lower' : 'higher', target: topThreshold(allBands, lower), axis: unitClass };
  }
  if (formulaVar !== undefined) return { name: formulaVar || '完成率', unit: '%', kind: 'level', direction: isLowerBetter(formulaVar) || formulaFalls(formula!, points) ? 'lower' : 'higher', target: 1, axis: 'percent' };
  if (proportional) return { name: '完成比例', unit: '%', kind: 'level', direction: 'higher', target: 1, axis: 'percent' };
  if (rules.some((r) => r.cond.kind === 'met' || r.cond.kind === 'notMet')) return { name: '完成率', unit: '%', kind: 'level', direction: 'higher', target: 1, axis: 'percent' };
  return undefined;
}

/** The formula gives less for a larger value (evaluated at 0 and at 1). */
function formulaFalls(r: ClauseOf<'rule'>, points: number): boolean {
  if (r.outcome.kind !== 'formula') return false;
  const a = evaluate(r.outcome.expr, points || 1, 0);
  const b = evaluate(r.outcome.expr, points || 1, 1);
  return a !== null && b !== null && b < a - EPS;
}

function unitClassUnit(u: string): string {
  return u === 'age' ? '岁' : '';
}

function stepContext(s: ClauseOf<'step'>): string {
  return s.cond.kind === 'qualitative' ? s.cond.text : '';
}

/** Bands whose outcomes fall as the figures rise: a lower-is-better quantity. */
function bandsDecrease(rules: readonly ClauseOf<'rule'>[]): boolean {
  const pts: Array<[number, number]> = [];
  for (const r of rules) {
    if (r.cond.kind !== 'band' || r.outcome.kind !== 'award') continue;
    const mid = r.cond.lo && r.cond.hi ? (r.cond.lo.v + r.cond.hi.v) / 2 : r.cond.lo ? r.cond.lo.v + 1 : r.cond.hi ? r.cond.hi.v - 1 : 0;
    pts.push([mid, amountRange(r.outcome.amount, 1)[1]]);
  }
  if (pts.length < 2) return false;
  pts.sort((a, b) => a[0] - b[0]);
  return pts[0][1] > pts[pts.length - 1][1];
}

function topThreshold(bands: readonly BandCondition[], lower: boolean): number | undefined {
  const xs = bands.map((b) => (lower ? b.hi?.v : b.lo?.v)).filter((v): v is number => v !== undefined);
  if (xs.length === 0) return undefined;
  return lower ? Math.min(...xs) : Math.max(...xs);
}

/** The figure full points need, from the band of the best stated outcome ("不低于20%，得1分"). */
function levelThreshold(bands: readonly BandCondition[], rules: readonly ClauseOf<'rule'>[]): { v: number; direction: 'higher' | 'lower'; name: string } | undefined {
  // A step's own band ("未达到70%的，每少…") gives the figure as its upper end.
  const full = rules.filter((r) => r.cond.kind === 'band' && r.outcome.kind === 'award');
  const best = full.sort((a, b) => amountRange((b.outcome as Extract<Outcome, { kind: 'award' }>).amount, 100)[1] - amountRange((a.outcome as Extract<Outcome, { kind: 'award' }>).amount, 100)[1])[0];
  if (best && best.cond.kind === 'band') {
    const b = best.cond;
    if (b.lo && !b.hi) return { v: b.lo.v, direction: 'higher', name: b.quantity.name };
    if (b.hi && !b.lo) return { v: b.hi.v, direction: 'lower', name: b.quantity.name };
  }
  for (const b of bands) {
    if (b.hi && !b.lo) return { v: b.hi.v, direction: 'higher', name: b.quantity.name };
  }
  return undefined;
}

function gapName(s: Step): string {
  const unitWord = s.unit.replace(/^个/, '');
  if (s.unitClass === 'duration') return `${s.verb || '延误'}${unitWord}数`;
  if (s.unitClass === 'count') return `${/发现|出现|缺少|缺|撤换|有|存在|发生/.test(s.verb) ? s.verb : ''}${unitWord}数`;
  return `${s.verb}${s.subject}${unitWord}数`;
}

/** A step as a piece of the score function. */
function stepPiece(sc: ClauseOf<'step'>, a: number, F: number, q: MeasuredQuantity, pieces: Piece[], explicit: readonly Region[], clause: number, maxDeduction: number): Piece | null {
  const s = sc.step;
  const perValue = s.unitClass === 'pp' || s.unitClass === 'percent' ? s.per / 100 : s.per;
  if (!(perValue > 0)) return null;
  const whole = (d: number): number => Math.floor(d / perValue + 1e-7);
  const cap = Math.min(s.cap ?? Infinity, maxDeduction);
  const at = (steps: number, base: number): number => Math.max(0, tidy(base - Math.min(steps * a, base, cap)));
  if (q.kind === 'rank') {
    // "每位次按0.25分递减": from rank 1 (or from the edge of the band the step is in).
    let edge = 1;
    let base = F;
    if (sc.cond.kind === 'rank') {
      edge = sc.cond.lo - 1;
      const prev = pieces.find((p) => contains(p.region, edge));
      base = prev?.value(edge) ?? F;
    }
    const region: Region = sc.cond.kind === 'rank' ? [segment({ v: sc.cond.lo, incl: true, explicit: true }, undefined)] : atLeast(1);
    const piece: Piece & { base?: number } = { region, value: (x) => at(whole(x - edge), base), clause, label: `名次每${s.verb ? '' : '后'}${fmtNum(s.per)}位扣 ${fmtNum(a)} 分`, order: 500 + clause };
    piece.base = base;
    return piece;
  }
  if (q.kind === 'level' && q.target !== undefined) {
    const T = q.target;
    const own = sc.cond.kind === 'band' ? bandRegion(sc.cond) : undefined;
    const deviation = /相差|偏离/.test(s.verb);
    let region: Region;
    if (own) region = own;
    else if (deviation) region = EVERYWHERE;
    else region = q.direction === 'higher' ? below(T) : atLeast(T, false);
    // The score the steps count down from: the score at the target.
    const atTarget = pieces.find((p) => contains(p.region, T))?.value(T) ?? F;
    const base = atTarget ?? F;
    const dist = (x: number): number => (deviation ? Math.abs(x - T) : q.direction === 'higher' ? T - x : x - T);
    const piece: Piece & { base?: number } = {
      region: deviation ? region : region,
      value: (x) => (dist(x) <= EPS ? base : at(whole(dist(x)), base)),
      clause,
      label: `${q.direction === 'higher' ? '低于' : '高于'} ${q.unit === '%' ? pct(T) : fmtNum(T)} 时每${s.verb}${fmtNum(s.per)}${s.unit}扣 ${fmtNum(a)} 分`,
      order: own ? 100 + clause : 900 + clause,
    };
    piece.base = base;
    void explicit;
    return piece;
  }
  // A gap or a count: 0 is full points.
  const region: Region = [segment({ v: 0, incl: false, explicit: false }, undefined)];
  pieces.push({ region: below(0, true, false), value: () => F, clause, label: `${q.name}为 0：满分`, order: 950 });
  return { region, value: (x) => at(whole(x), F), clause, label: `每${s.verb}${s.subject}${fmtNum(s.per)}${s.unit}扣 ${fmtNum(a)} 分`, order: 960 };
}

// -------------------------------------------------------------------------- the whole tree

/** Items, head and tail: one block, parts that add up, alternatives, or one shared rule per item. */
export function compileTree(tree: RuleTree, points: number, text: string): Compiled {
  const ctx: Ctx = { text, points };
  const { head, items, tail } = tree;
  if (items.length === 0) return compileBlock([...head, ...tail], points, ctx);
  const scoringOf = (cs: readonly Clause[]): Clause[] => cs.filter((c) => c.kind !== 'description' && c.kind !== 'definition' && c.kind !== 'reference');
  const targetsOnly = items.every((it) => scoringOf(it.clauses).length === 0);
  const shared = [...scoringOf(head), ...scoringOf(tail)];
  if (targetsOnly && shared.length > 0) return perItem(items, head, tail, points, ctx);
  if (targetsOnly) return compileBlock([...head, ...items.flatMap((i) => i.clauses), ...tail], points, ctx);
  // Items that are tiers of one rule (no item has its own "否则"): one block.
  const own = items.map((it) => compileBlock(it.clauses, points, ctx));
  const failedItem = own.find((c) => c.failure);
  if (failedItem) return failedItem;
  const selfContained = items.map((it) => isSelfContained(it));
  const declaredPoints = items.map((it) => itemDeclaredPoints(it));
  const alternativeScheme = items.slice(1).some((it) => opensAlternative(it, text));
  const onlyModifiers = (it: ItemNode): boolean => {
    const sc = scoringOf(it.clauses);
    return sc.length > 0 && sc.every((c) => c.kind === 'rule' && (c.cond.kind === 'otherwise' || c.cond.kind === 'qualitative') && c.outcome.kind === 'discretionary');
  };
  const modifierItems = items.filter(onlyModifiers);
  // "3、资金整合计划未全部落实，本项指标不得分": an item that only takes the whole indicator to 0 on a
  // condition no value measures is a veto over the others, not a part with points of its own.
  const isVeto = (it: ItemNode): boolean => {
    const sc = scoringOf(it.clauses);
    return sc.length > 0 && sc.every((c) => c.kind === 'rule' && c.outcome.kind === 'award' && c.outcome.amount.kind === 'zero' && (c.cond.kind === 'qualitative' || c.cond.kind === 'notMet' || c.cond.kind === 'otherwise'));
  };
  const vetoItems = items.filter((it) => !onlyModifiers(it) && isVeto(it));
  const scoringItems = items.filter((it) => !onlyModifiers(it) && !isVeto(it) && scoringOf(it.clauses).length > 0);
  const maxes = scoringItems.map((it) => declaredPoints[items.indexOf(it)] ?? own[items.indexOf(it)].max);
  const sum = maxes.reduce((a, b) => a + b, 0);
  const top = Math.max(...maxes);
  // Items that only deduct ("①…每缺少一人扣2分…②…每撤换一人扣4分…"): one pool of deductions from the points.
  const deductionPool = scoringItems.every((it) => scoringOf(it.clauses).every((c) => c.kind === 'step' || c.kind === 'floor' || c.kind === 'overflow' || c.kind === 'deductionCap' || (c.kind === 'rule' && (c.outcome.kind === 'deduct' || c.outcome.kind === 'exempt'))));
  const headDeclared = scoringOf(head).find((c): c is ClauseOf<'declare'> => c.kind === 'declare');
  if (deductionPool) return compileBlock([...head, ...items.flatMap((i) => i.clauses), ...tail], points, ctx);
  const strongParts = scoringItems.some((it) => selfContained[items.indexOf(it)] || declaredPoints[items.indexOf(it)] !== undefined);
  const asParts = !alternativeScheme && scoringItems.length > 1 && (strongParts ? !(Math.abs(top - points) < EPS && Math.abs(sum - points) > EPS && !scoringItems.every((it) => declaredPoints[items.indexOf(it)] !== undefined) && !scoringItems.some((it) => selfContained[items.indexOf(it)])) : Math.abs(sum - points) < Math.abs(top - points) - EPS);
  void headDeclared;
  if (alternativeScheme) {
    // "2.如果没有预期目标值，按…": another scheme. The first scores; every scheme's scores are allowed.
    const k = items.findIndex((it, i) => i > 0 && opensAlternative(it, text));
    const primary = compileBlock([...head, ...items.slice(0, k).flatMap((i) => i.clauses), ...tail], points, ctx);
    const others = items.slice(k).map((it) => compileBlock([...head, ...it.clauses, ...tail], points, ctx));
    const bad = [primary, ...others].find((c) => c.failure);
    if (bad) return bad;
    const kinds = new Set(primary.kinds);
    for (const o of others) for (const kk of o.kinds) kinds.add(kk);
    return {
      ...primary,
      allowed: normalizeIntervals([primary, ...others].flatMap((c) => c.allowed)),
      max: Math.max(primary.max, ...others.map((o) => o.max)),
      kinds,
      lines: [...primary.lines, ...others.map((o, i) => `另一计分方式（第${items[k + i].n}项）：${o.lines.join('；')}`)],
      clauses: [...primary.clauses, ...others.flatMap((o) => o.clauses)],
    };
  }
  if (!asParts) {
    // Alternatives: every item's clauses as tiers of one rule.
    return compileBlock([...head, ...items.flatMap((i) => i.clauses), ...tail], points, ctx);
  }
  // Parts: each item scored on its own points, the totals added; items of judgement only widen the range.
  const parts: PartInfo[] = [];
  const compiled: Compiled[] = [];
  for (const it of scoringItems) {
    const k = items.indexOf(it);
    const p = declaredPoints[k] ?? own[k].max;
    const c = compileBlock(it.clauses, p, ctx);
    if (c.failure) return c;
    compiled.push(c);
    parts.push({ label: itemLabel(it, text), points: p, clause: text.slice(it.s, it.e), allowed: c.allowed });
  }
  let allowed = compiled.reduce<Interval[]>((acc, c) => minkowski(acc, c.allowed), [[0, 0]]);
  const kinds = new Set<RuleKind>(['additive-parts']);
  for (const c of compiled) for (const k of c.kinds) kinds.add(k);
  let discretionary = compiled.some((c) => c.discretionary);
  const lines = compiled.map((c, i) => `${parts[i].label}（${fmtNum(parts[i].points)} 分）：${c.lines.join('；')}`);
  if (modifierItems.length > 0) {
    discretionary = true;
    kinds.add('discretionary');
    allowed = normalizeIntervals([...allowed, [0, sum]]);
    lines.push('其他情况酌情扣分');
  }
  if (vetoItems.length > 0) {
    allowed = normalizeIntervals([...allowed, [0, 0]]);
    lines.push(`${vetoItems.map((it) => itemLabel(it, text)).join('、')}所述情形：本项不得分`);
  }
  const clauses = compiled.flatMap((c) => c.clauses);
  for (const m of modifierItems) for (const c of scoringOf(m.clauses)) clauses.push({ clause: c, kind: 'discretionary' });
  // One value scores the first part that measures one; the other parts are taken at their full points (said in the explanation).
  const scored = compiled.findIndex((c) => c.pieces.length > 0 && c.quantity);
  const othersFull = compiled.reduce((acc, c, i) => (i === scored ? acc : acc + c.max), 0);
  const pieces = scored < 0 || discretionary ? [] : compiled[scored].pieces.map((p) => ({ ...p, value: (x: number) => { const v = p.value(x); return v === null ? null : Math.min(v, parts[scored].points) + othersFull; } }));
  if (pieces.length > 0) lines.push(`按一个数值计分时，该数值为${parts[scored].label}的${compiled[scored].quantity!.name}，其余部分按满分计`);
  return { allowed, max: sum, pieces, quantity: pieces.length > 0 ? compiled[scored].quantity : undefined, quantities: pieces.length > 0 ? 1 : 0, discretionary, kinds, steps: compiled.flatMap((c) => c.steps), parts, lines, clauses };
}

/** "2017-2019年…每年…": as many items as the years the text spans (or points / points a year). */
function periodItems(marker: ClauseOf<'perPeriod'>, rest: Clause[], points: number, ctx: Ctx): Compiled {
  const one = compileBlock(rest, points, ctx);
  if (one.failure) return one;
  const each = one.max;
  const span = /((?:19|20)\d\d)\s*年?\s*[-至到]\s*((?:19|20)\d\d)/.exec(ctx.text);
  const n = marker.unit === '年' && span ? Number(span[2]) - Number(span[1]) + 1 : each > 0 ? Math.round(points / each) : 0;
  if (!(n >= 1) || n > 50 || !(each > 0)) return failed(`未能确定“每${marker.unit}”的项数`, [], []);
  const items = Array.from({ length: n }, () => compileBlock(rest, each, ctx));
  const first = span ? Number(span[1]) : 1;
  const labels = items.map((_, i) => (span ? `${first + i}年` : `第${i + 1}${marker.unit}`));
  const kinds = new Set<RuleKind>(['multi-item', ...one.kinds]);
  return {
    allowed: items.reduce<Interval[]>((acc, c) => minkowski(acc, c.allowed), [[0, 0]]),
    max: n * each,
    pieces: [],
    quantity: one.quantity,
    quantities: one.quantities,
    discretionary: one.discretionary,
    kinds,
    steps: [],
    parts: items.map((c, i) => ({ label: labels[i], points: each, clause: ctx.text.slice(marker.s, marker.e), allowed: c.allowed })),
    items,
    lines: [`共 ${n} ${marker.unit === '年' ? '年' : `个${marker.unit}`}，每${marker.unit} ${fmtNum(each)} 分；每${marker.unit}：${one.lines.join('；')}`],
    clauses: one.clauses,
  };
}

/** Items that are targets, scored by one rule each ("1.2017年…；2.…。评分：每指标1分，达到…得满分；否则…"). */
function perItem(items: readonly ItemNode[], head: readonly Clause[], tail: readonly Clause[], points: number, ctx: Ctx): Compiled {
  const rule = [...head, ...tail].filter((c) => !(c.kind === 'declare' && c.scope === 'each'));
  const each = [...head, ...tail].find((c): c is ClauseOf<'declare'> => c.kind === 'declare' && c.scope === 'each');
  // "2017年的指标1分，2018和2019年的指标各2分": points by the year an item names.
  const byYear = yearPoints([...head, ...tail], ctx.text);
  const itemPoints = items.map((it) => {
    if (byYear.size > 0) {
      const y = /(19|20)\d\d/.exec(ctx.text.slice(it.s, it.e))?.[0];
      return y ? byYear.get(y) : undefined;
    }
    return each?.points ?? points / items.length;
  });
  if (itemPoints.some((p) => p === undefined)) return failed('未能确定每项的分值', [], []);
  const ruleClauses = byYear.size > 0 ? rule.filter((c) => !(c.kind === 'rule' && c.outcome.kind === 'award' && c.cond.kind === 'qualitative' && /(19|20)\d\d/.test(c.cond.text))) : rule;
  const compiled = items.map((_, i) => compileBlock(ruleClauses, itemPoints[i]!, ctx));
  const f = compiled.find((c) => c.failure);
  if (f) return f;
  const allowed = compiled.reduce<Interval[]>((acc, c) => minkowski(acc, c.allowed), [[0, 0]]);
  const kinds = new Set<RuleKind>(['multi-item']);
  for (const c of compiled) for (const k of c.kinds) kinds.add(k);
  const parts = items.map((it, i) => ({ label: `第${it.n}项`, points: itemPoints[i]!, clause: ctx.text.slice(it.s, it.e), allowed: compiled[i].allowed }));
  const lines = [`共 ${items.length} 项，${each ? `每项 ${fmtNum(each.points)} 分` : itemPoints.map((p, i) => `第${i + 1}项 ${fmtNum(p!)} 分`).join('、')}；每项：${compiled[0].lines.join('；')}`];
  return {
    allowed,
    max: itemPoints.reduce<number>((a, p) => a + p!, 0),
    pieces: [],
    quantity: compiled[0].quantity,
    quantities: compiled[0].quantities,
    discretionary: compiled.some((c) => c.discretionary),
    kinds,
    steps: compiled[0].steps,
    parts,
    items: compiled,
    lines,
    clauses: compiled[0].clauses,
  };
}

function yearPoints(clauses: readonly Clause[], text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of clauses) {
    const cond = c.kind === 'rule' || c.kind === 'declare' ? c.cond : undefined;
    if (!cond || cond.kind !== 'qualitative') continue;
    const years = cond.text.match(/(19|20)\d\d/g);
    if (!years) continue;
    const p = c.kind === 'declare' ? c.points : c.kind === 'rule' && c.outcome.kind === 'award' && c.outcome.amount.kind === 'points' ? c.outcome.amount.hi : undefined;
    if (p === undefined) continue;
    for (const y of years) out.set(y, p);
  }
  void text;
  return out;
}

/** An item with its own "否则", judgement or steps is a rule of its own: a part. */
function isSelfContained(it: ItemNode): boolean {
  const rules = it.clauses.filter((c) => c.kind === 'rule' || c.kind === 'step');
  const hasAward = rules.some((c) => c.kind === 'rule' && c.outcome.kind === 'award' && !(c.cond.kind === 'otherwise'));
  const hasOwnElse = rules.some((c) => (c.kind === 'rule' && (c.cond.kind === 'otherwise' || c.cond.kind === 'notMet')) || c.kind === 'step' || (c.kind === 'rule' && c.outcome.kind === 'discretionary'));
  return hasAward && hasOwnElse;
}

/** Points an item states for itself: "预算执行规范性2分，…", "(0.5分)", "共1分". */
function itemDeclaredPoints(it: ItemNode): number | undefined {
  const parens = it.clauses.filter((c) => c.kind === 'rule' && c.outcome.kind === 'award' && c.outcome.declared);
  for (const c of it.clauses) {
    if (c.kind === 'declare' && c.scope === 'total') return c.points;
    // One "(N分)" is the item's points; several are parts inside it.
    if (parens.length === 1 && c.kind === 'rule' && c.outcome.kind === 'award' && c.outcome.declared && c.outcome.amount.kind === 'points') return c.outcome.amount.hi;
  }
  const first = it.clauses.find((c) => c.kind === 'rule');
  const second = it.clauses.filter((c) => c.kind === 'rule')[1];
  // "预算执行规范性2分，按规定…的，得2分": a bare figure after the item's name, repeated by its award.
  if (first && second && first.kind === 'rule' && first.cond.kind === 'qualitative' && first.cond.text.length <= 12 && first.outcome.kind === 'award' && first.outcome.amount.kind === 'points' && second.kind === 'rule' && second.outcome.kind === 'award' && second.outcome.amount.kind === 'points' && second.outcome.amount.hi === first.outcome.amount.hi) {
    return first.outcome.amount.hi;
  }
  return undefined;
}

/** "如果没有预期目标值，…", "若实施方案没有该项建设任务的，不扣分": another way of scoring, not a part. */
function opensAlternative(it: ItemNode, text: string): boolean {
  const body = text.slice(it.s, it.e).replace(/^\s*(\d{1,2}[.、]|\(\d{1,2}\)|[①-⑳])\s*/, '');
  const first = it.clauses.find((c) => c.kind !== 'description') ?? it.clauses[0];
  // "如没有预期目标值，…", "未设置绩效目标的，…" (not "有巡查袖标得1分，没有配备不得分": a tier of the item).
  return /^(如果|若|如|对于|当)?[^分，,；;。]{0,12}(没有|无|未设|未设置|不涉及)/.test(body) || (first?.kind === 'rule' && first.outcome.kind === 'exempt');
}

function itemLabel(it: ItemNode, text: string): string {
  const body = text.slice(it.s, it.e).replace(/^\s*(\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十][、])\s*/, '');
  const h = /^([\u4e00-\u9fa5A-Za-z()（）]{2,16}?)\s*(?:\d+(?:\.\d+)?\s*分|[:：])/.exec(body);
  // "巡查保洁员着装上岗得2分": the name without its verb.
  const name = h?.[1].replace(/(得|计|加|扣)$/, '');
  return name && name.length >= 2 ? name : `第${it.n}项`;
}

export { point, range };
