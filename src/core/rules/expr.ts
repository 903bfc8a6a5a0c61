import { Token } from './lexer';
import { Expr } from './syntax';

/**
 * A small arithmetic language for formulas written in rule texts and reasons:
 * "(完成率-60%)/(100%-60%)×指标分值", "实际到位金额/应到位金额*3分", "1-10×调剂金额/预算数))*指标分值".
 * Recursive descent over tokens; evaluated by walking the tree (never eval).
 */

export interface ParsedExpr {
  expr: Expr;
  /** Index after the last token read. */
  end: number;
  /** Brackets closed without an opening one ("…/年初部门预算数))*指标分值"): read as opening at the start. */
  repairedBrackets: number;
}

/** Words that end a formula (a comparator or an outcome starts the next clause). */
const STOP_CATS = new Set(['cmpPre', 'cmpPost', 'incl', 'deduct', 'add', 'zero', 'floor', 'disc', 'exempt', 'scoreCap', 'deductCap', 'otherwise', 'every', 'if', 'or', 'and', 'scoreVerb']);

function isNameToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'text' || t.kind === 'quote') return true;
  if (t.kind === 'word') return ![...t.cats].some((c) => STOP_CATS.has(c)) && !t.cats.has('pointsWord') && !t.cats.has('full');
  return false;
}

class ExprParser {
  private i: number;
  repaired = 0;
  constructor(
    private readonly ts: readonly Token[],
    start: number,
    private readonly end: number,
  ) {
    this.i = start;
  }

  get pos(): number {
    return this.i;
  }

  private peek(): Token | undefined {
    return this.i < this.end ? this.ts[this.i] : undefined;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return !!t && t.kind === 'op' && t.op === op;
  }

  /** Past a bracketed remark after a name; the cap it states, if it states one. */
  private remarkAfterName(): number | undefined {
    const r = remarkAt(this.ts, this.i, this.end);
    if (!r) return undefined;
    this.i = r.close + 1;
    return r.cap;
  }

  /** expr := term (('+'|'-') term)*, and a stray ')' closes a bracket opened at the start. */
  parseTop(): Expr | null {
    let e = this.parseSum();
    if (!e) return null;
    while (this.isOp(')')) {
      this.i++;
      this.repaired++;
      e = this.continueTerm(e);
      if (!e) return null;
      e = this.continueSum(e);
      if (!e) return null;
    }
    return e;
  }

  private parseSum(): Expr | null {
    const first = this.parseTerm();
    return first ? this.continueSum(first) : null;
  }

  private continueSum(left: Expr): Expr | null {
    let e = left;
    for (;;) {
      const t = this.peek();
      if (t && t.kind === 'op' && (t.op === '+' || t.op === '-')) {
        this.i++;
        const r = this.parseTerm();
        if (!r) return null;
        e = { kind: 'bin', op: t.op, left: e, right: r };
      } else return e;
    }
  }

  private parseTerm(): Expr | null {
    const first = this.parseFactor();
    return first ? this.continueTerm(first) : null;
  }

  private continueTerm(left: Expr): Expr | null {
    let e = left;
    for (;;) {
      const t = this.peek();
      if (t && t.kind === 'op' && (t.op === '×' || t.op === '/' || t.op === '·')) {
        this.i++;
        const r = this.parseFactor();
        if (!r) return null;
        e = { kind: 'bin', op: t.op === '/' ? '/' : '×', left: e, right: r };
      } else return e;
    }
  }

  private parseFactor(): Expr | null {
    const t = this.peek();
    if (!t) return null;
    if (t.kind === 'op' && t.op === '-') {
      this.i++;
      const f = this.parseFactor();
      return f ? { kind: 'neg', of: f } : null;
    }
    if (t.kind === 'op' && t.op === '(') {
      this.i++;
      const inner = this.parseSum();
      if (!inner || !this.isOp(')')) return null;
      this.i++;
      return inner;
    }
    if (t.kind === 'num') {
      this.i++;
      return { kind: 'num', value: t.value };
    }
    if (t.kind === 'points' && t.lo === t.hi) {
      this.i++;
      return { kind: 'num', value: t.lo };
    }
    if (t.kind === 'word' && (t.cats.has('pointsWord') || t.cats.has('full'))) {
      this.i++;
      // "指标分数权重": one name for the points.
      while (this.peek()?.kind === 'word' && (this.peek() as Extract<Token, { kind: 'word' }>).cats.has('pointsWord')) this.i++;
      return { kind: 'points' };
    }
    if (isNameToken(t)) {
      const from = this.i;
      let name = '';
      while (isNameToken(this.peek())) {
        const x = this.peek()!;
        if (x.kind !== 'quote') name += x.kind === 'word' || x.kind === 'text' ? x.text : '';
        this.i++;
      }
      if (this.i === from) return null;
      const cap = this.remarkAfterName();
      return { kind: 'var', name: name.replace(/^的|的$/g, ''), ...(cap !== undefined ? { cap } : {}) };
    }
    return null;
  }
}

/**
 * A remark in brackets after a name, read past: "(参考慢病月报表的高血压患者数)" says where the figure comes
 * from; "(超过100%以100%计算)" caps the value, returned. A bracket holding an operator is no remark.
 */
function remarkAt(ts: readonly Token[], open: number, end: number): { close: number; cap?: number } | undefined {
  const o = ts[open];
  if (!o || o.kind !== 'op' || o.op !== '(') return undefined;
  const figures: number[] = [];
  let over = false;
  for (let k = open + 1; k < end; k++) {
    const t = ts[k];
    if (t.kind === 'op' && t.op === ')') {
      if (k === open + 1) return undefined;
      const cap = over && figures.length === 2 && figures[0] === figures[1] ? figures[0] : undefined;
      // Figures that are no cap make it more than a remark: a formula, not to be read past.
      if (figures.length > 0 && cap === undefined) return undefined;
      return { close: k, ...(cap !== undefined ? { cap } : {}) };
    }
    if (t.kind === 'num' && t.percent) figures.push(t.value);
    else if (t.kind === 'word' && /^(超过|高于|大于|超出)$/.test(t.text)) over = true;
    else if (!(t.kind === 'text' || t.kind === 'word' || t.kind === 'quote')) return undefined;
  }
  return undefined;
}

/** Parse a formula from `start`; null unless at least one operator joins at least two operands. */
export function parseExpr(ts: readonly Token[], start: number, end = ts.length): ParsedExpr | null {
  const p = new ExprParser(ts, start, end);
  const e = p.parseTop();
  if (!e || e.kind === 'num' || e.kind === 'var' || e.kind === 'points') return null;
  return { expr: e, end: p.pos, repairedBrackets: p.repaired };
}

/** The names of the measured values a formula uses, a ratio of two names taken as one ("实际到位金额/应到位金额"). */
export function variablesOf(e: Expr): string[] {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    if (x.kind === 'var') out.add(x.name);
    else if (x.kind === 'neg') walk(x.of);
    else if (x.kind === 'bin') {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return [...out];
}

/**
 * Rewrite a product or quotient holding one name above and one below the line into one measured
 * value: P × A / B → P × (A/B). A formula is then a function of one value.
 */
export function collapseRatios(e: Expr): Expr {
  if (e.kind === 'neg') return { kind: 'neg', of: collapseRatios(e.of) };
  if (e.kind !== 'bin') return e;
  if (e.op === '+' || e.op === '-') return { ...e, left: collapseRatios(e.left), right: collapseRatios(e.right) };
  // Flatten a × / chain into factors above and below the line.
  const above: Expr[] = [];
  const below: Expr[] = [];
  const flatten = (x: Expr, up: boolean): void => {
    if (x.kind === 'bin' && (x.op === '×' || x.op === '/')) {
      flatten(x.left, up);
      flatten(x.right, x.op === '×' ? up : !up);
    } else (up ? above : below).push(collapseRatios(x));
  };
  flatten(e, true);
  const varsAbove = above.filter((x) => x.kind === 'var');
  const varsBelow = below.filter((x) => x.kind === 'var');
  if (varsAbove.length === 1 && varsBelow.length === 1) {
    const a = varsAbove[0] as Extract<Expr, { kind: 'var' }>;
    const b = varsBelow[0] as Extract<Expr, { kind: 'var' }>;
    const cap = b.cap ?? a.cap;
    const ratio: Expr = { kind: 'var', name: `${a.name}/${b.name}`, ...(cap !== undefined ? { cap } : {}) };
    const restAbove = above.filter((x) => x !== a);
    const restBelow = below.filter((x) => x !== b);
    let out: Expr = ratio;
    for (const x of restAbove) out = { kind: 'bin', op: '×', left: out, right: x };
    for (const x of restBelow) out = { kind: 'bin', op: '/', left: out, right: x };
    return out;
  }
  let out: Expr = above[0] ?? { kind: 'num', value: 1 };
  for (const x of above.slice(1)) out = { kind: 'bin', op: '×', left: out, right: x };
  for (const x of below) out = { kind: 'bin', op: '/', left: out, right: x };
  return out;
}

/** Evaluate with the indicator's points and the measured value; null for a division by zero or a missing value. */
export function evaluate(e: Expr, points: number, value: number | undefined): number | null {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'points':
      return points;
    case 'var':
      return value === undefined ? null : e.cap !== undefined ? Math.min(value, e.cap) : value;
    case 'neg': {
      const v = evaluate(e.of, points, value);
      return v === null ? null : -v;
    }
    case 'bin': {
      const a = evaluate(e.left, points, value);
      const b = evaluate(e.right, points, value);
      if (a === null || b === null) return null;
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '×') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}

/** The formula in plain notation ("(完成率−60%)/(100%−60%)×分值"). */
export function formatExpr(e: Expr, top = true): string {
  switch (e.kind) {
    case 'num':
      return Number.isInteger(e.value) || e.value >= 1 ? String(Number(e.value.toFixed(6))) : `${Number((e.value * 100).toFixed(4))}%`;
    case 'points':
      return '分值';
    case 'var':
      return `${e.name || '实际值'}${e.cap !== undefined ? `（超过${Number((e.cap * 100).toFixed(4))}%按${Number((e.cap * 100).toFixed(4))}%计）` : ''}`;
    case 'neg':
      return `−${formatExpr(e.of, false)}`;
    case 'bin': {
      const s = `${formatExpr(e.left, false)}${e.op === '-' ? '−' : e.op}${formatExpr(e.right, false)}`;
      return top || e.op === '×' || e.op === '/' ? s : `(${s})`;
    }
  }
}
