/** The rule families of ../shared/domain.md. */
export type RuleKind =
  | 'threshold-linear'
  | 'satisfaction-linear'
  | 'proportional'
  | 'binary'
  | 'multi-item'
  | 'tiered'
  | 'qualitative-tiers'
  | 'step-deduction'
  | 'percent-step'
  | 'equal-shares'
  | 'additive-parts'
  | 'discretionary'
  | 'selfeval';

/** A closed interval of allowed scores; a point value v is [v, v]. */
export type Interval = [number, number];

/** A piece of the rule text and what it was read as. */
export interface RuleClause {
  text: string;
  kind: RuleKind;
  /** Points this clause gives or concerns, if it names any. */
  points?: number;
  /** Where the clause stands in the raw text: [start, end). */
  span?: [number, number];
}

/** The measured value a rule's score depends on (what PERF.RULESCORE's value and `rule --value` mean). */
export interface RuleQuantity {
  name: string;
  /** '%' for rates (fractions: 85% → 0.85), '个百分点' for differences (0.02 = 2个百分点), '名', '个月', '处' …. */
  unit: string;
  /** level: the value against a target; gap: the shortfall itself (0 = full points); rank: a place (1 = best); count: occurrences. */
  kind: 'level' | 'gap' | 'rank' | 'count';
  direction: 'higher' | 'lower';
  /** The figure full points need, for a level. */
  target?: number;
  /** Points are lost on either side of the target ("与计划每相差3%"). */
  twoSided?: boolean;
  /** The bands bound the size of the value ("±5%以内"): a deviation of −3% scores as 3%. */
  magnitude?: boolean;
}

/** A named part with its own points: an item of a multi-item rule or a part of an additive rule. */
export interface RulePart {
  label: string;
  points: number;
  clause: string;
}

/** A step deduction: every `per` of `unit` below target costs `deduct` points. */
export interface RuleStep {
  per: number;
  unit: string;
  deduct: number;
}

export interface ParsedRule {
  parsed: true;
  text: string;
  /** The indicator's points (weight) the rule was read against. */
  points: number;
  /** The main family; `kinds` lists every family found (combinations). */
  kind: RuleKind;
  kinds: RuleKind[];
  /** Allowed scores as sorted, disjoint intervals. */
  allowed: Interval[];
  clauses: RuleClause[];
  /** Short Chinese explanation of the reading. */
  explanation: string;
  /** The rule leaves room for judgement (酌情扣分, 视具体情况): deductions need not be whole steps. */
  discretionary: boolean;
  /** How many measured values `score` takes (0: the rule defines no score function). */
  inputs: number;
  /** What the measured value is ("完成率", "满意率", "延期月数", …). */
  inputLabel?: string;
  /** The measured value, with its unit and direction, when the rule scores one. */
  quantity?: RuleQuantity;
  /** Classes of unit the rule scores differently ("产区", "非产区"); the score follows the first. */
  branches?: string[];
  /** The syntax tree the rule was read into (for --explain). */
  tree?: import('./syntax').RuleTree;
  /** Items or parts with their own points, when the text lists them. */
  parts?: RulePart[];
  step?: RuleStep;
  /** The most the rule can give (normally = points; differs when the text disagrees with the weight). */
  maxPoints: number;
  /** Score for measured values (a rate as a fraction, a rank, months…); null when undefined for them. */
  score(values: number | readonly number[]): number | null;
  /** Score of one item of a multi-item rule (0-based index) for its measured value, when items are scored. */
  scoreItem?(index: number, value: number): number | null;
}

export interface UnparsedRule {
  parsed: false;
  text: string;
  points: number;
  /** Why the text is not understood (Chinese). */
  reason: string;
  /** The parts of the text that could not be read. */
  unread?: Array<{ start: number; end: number; text: string; reason: string }>;
  allowed: Interval[];
  clauses: RuleClause[];
}

export type Rule = ParsedRule | UnparsedRule;
