import { Op, UnitClass } from './lexicon';
import { Span } from './lexer';

/**
 * The syntax tree of a 评分标准 text: items → clauses → (condition, outcome, modifiers).
 * Every node keeps its span in the normalised text.
 */

/** An end of a band: "≥90%" is { v: 0.9, incl: true } as a lower bound. */
export interface Bound {
  v: number;
  incl: boolean;
  /** Said by the text (以上, (含), 不足), not a default of a range "70%-90%": an explicit edge wins a shared one. */
  explicit: boolean;
}

/** How many points an outcome names. */
export type Amount =
  /** "2分", "1-2分". */
  | { kind: 'points'; lo: number; hi: number }
  /** "指标分值的20%", "该项分值的90-100%"; `of` the item's own points for "该要点分值的一半", "相应分值". */
  | { kind: 'share'; lo: number; hi: number; of: 'points' | 'item' }
  | { kind: 'full' }
  | { kind: 'zero' };

/** The measured quantity a condition or a step is about. */
export interface QuantityRef {
  /** As written, without the comparator ("按期结案率", "上报率"); '' when the text names none. */
  name: string;
  /** 'score' when the figures are points of a score measured elsewhere ("≥90分"). */
  unitClass: UnitClass | 'plain';
  /** The figures are shares of a reference the text names ("≥规定数的90%"). */
  ofReference?: boolean;
  /** "±10%以内": the figures bound a deviation either way (the value is its size). */
  deviation?: boolean;
  /**
   * What the figures measure relative to a reference the text names without a figure
   * ("超过控制目标的10%以内" → the excess over the target).
   */
  relative?: 'excess' | 'shortfall';
}

export type Condition =
  | { kind: 'none' }
  /** "否则", "其余": what the clauses before do not cover; `band` when the text also says it ("未达到70%的"). */
  | { kind: 'otherwise'; band?: BandCondition }
  /** "完成", "达到" without a figure: the target is met. */
  | { kind: 'met'; text: string }
  /** "未完成", "达不到" without a figure. */
  | { kind: 'notMet'; text: string }
  | BandCondition
  /** A rank: "前4名", "第2-5名", "倒数第3名", "排名1-5名" (lo..hi inclusive; hi Infinity for "4名以后"). */
  | { kind: 'rank'; lo: number; hi: number; reverse: boolean; list?: number[] }
  /** A number of occurrences: "发现一次的" (1..1), "两次及以上" (2..∞), "有1人不达标" (1..∞). */
  | { kind: 'count'; lo: number; hi: number; unit: string; positive?: boolean }
  | { kind: 'qualitative'; text: string; negative: boolean };

export interface BandCondition {
  kind: 'band';
  quantity: QuantityRef;
  lo?: Bound;
  hi?: Bound;
  /** Written as an equality ("开工率为100%的"). */
  exact?: boolean;
}

/** A step: "每下降1个百分点扣1分", "每发现一处扣0.5分", "每位次按0.25分递减". */
export interface Step {
  per: number;
  unit: string;
  unitClass: UnitClass | 'plain';
  /** The verb between 每 and the figure ("下降", "延期"), '' when none. */
  verb: string;
  /** Text between the verb and the figure ("平均年龄" in "每超平均年龄1岁"). */
  subject: string;
  amount: Amount;
  direction: 'deduct' | 'add' | 'award';
  /** The most this step may deduct ("最高扣4分" right after it). */
  cap?: number;
}

/** A formula's syntax: numbers, the indicator's points, the measured value, + − × /. */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'points' }
  /** `cap`: "完成率(超过100%以100%计算)" — the value counts at most this. */
  | { kind: 'var'; name: string; cap?: number }
  | { kind: 'neg'; of: Expr }
  | { kind: 'bin'; op: '+' | '-' | '×' | '/'; left: Expr; right: Expr };

export type Outcome =
  /** "得2分", "2分", "得满分", "不得分", "得该项分值的90-100%"; `declared` for "(2分)" after a part's name. */
  | { kind: 'award'; amount: Amount; declared?: boolean; bound?: Op }
  /** "扣2分", "扣除指标分值的5%": once. */
  | { kind: 'deduct'; amount: Amount }
  | { kind: 'bonus'; amount: Amount }
  | { kind: 'formula'; expr: Expr }
  /**
   * "按完成比例给分": points × the measured share; `first` for "按第1名的比例得分"; `threshold` for
   * "低于12000元/人采用比率法计分" (points × value / the figure of full points); `deduct` for "按比例扣分".
   */
  | { kind: 'proportional'; reference: 'target' | 'first' | 'threshold'; deduct: boolean }
  /** "酌情扣分", "视程度得分". */
  | { kind: 'discretionary'; direction: 'deduct' | 'award' }
  /** "可不扣分": full points. */
  | { kind: 'exempt' }
  /**
   * "依次赋予60分、57分…", "分别计2分、1.9分"; `ranked` when the text orders the units itself
   * ("按…从高到低排序，分别得10、8、6、4分"): the amounts go to places 1, 2, … of that order.
   */
  | { kind: 'ordered'; amounts: number[]; ranked: boolean }
  /** "按市级部门平均分得分": another score, any in [0, points]. */
  | { kind: 'peerAverage' }
  /** "在两档之间按插值计分". */
  | { kind: 'interpolate' };

/** What scores are based on, when a clause says so without a figure ("按排位打分", "根据…差距进行扣分"). */
export interface Basis {
  kind: 'rank' | 'gap' | 'plain';
  text: string;
}

export type Clause = Span &
  (
    | { kind: 'rule'; cond: Condition; outcome: Outcome; oneOff: boolean }
    | { kind: 'step'; cond: Condition; step: Step }
    | { kind: 'floor'; maxDeduction?: number }
    | { kind: 'deductionCap'; max: number | 'points' }
    /** "加分项（最多加10分）": bonuses add at most this; the score stays within the points. */
    | { kind: 'bonusCap'; max: number }
    | { kind: 'scoreCap'; max: number | 'points' }
    /** "完成率超过100%的按100%计". */
    | { kind: 'rateCap'; max: number }
    /** "每项1分" (each), "共1分" (total), "(1.5分)" heading. */
    | { kind: 'declare'; points: number; scope: 'each' | 'total'; cond: Condition }
    /** "每年完成任务得1分": the clauses after it score each year (or quarter, month) on its own. */
    | { kind: 'perPeriod'; unit: string }
    /** "要点①②③④各占指标分值的1/4": the points in equal shares, `count` of them when the text lists the points. */
    | { kind: 'shares'; share: number; count?: number }
    | { kind: 'basis'; basis: Basis }
    /** "资金到位率=(…)×100%": defines the measured value, scores nothing. */
    | { kind: 'definition'; name: string }
    | { kind: 'reference' }
    /** A target stated before "否则…" without its own outcome: full points when it is met. */
    | { kind: 'target'; cond: BandCondition }
    | { kind: 'overflow' }
    | { kind: 'description' }
  );

export type ClauseOf<K extends Clause['kind']> = Extract<Clause, { kind: K }>;

export interface ItemNode extends Span {
  n: number;
  clauses: Clause[];
}

export interface RuleTree {
  /** Clauses before the first numbered item (all of them when there are no items). */
  head: Clause[];
  items: ItemNode[];
  /** Clauses after the items that apply to all of them ("评分：每指标1分，…", "以上每项1分"). */
  tail: Clause[];
}

/** A part of the text the parse did not read, with why. */
export interface Unread extends Span {
  reason: string;
}
