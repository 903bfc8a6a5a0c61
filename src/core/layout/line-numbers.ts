/**
 * 行次 numbers and the definitions written with them, as budget and fund tables write them:
 * a label ending in its number ("实际到位资金(2)"), a 行次/栏次 column (1、2、… or (1), (2)),
 * and rows defined by others ("实际到位率=(3)÷(2)", "(4)=(1)+(2)", "合计=(1)+(2)+(3)", "4=1+2").
 * Read from normalised text (half-width, no spaces: SheetModel.norm).
 */
import { LineExpr } from './types';

/** A reading of one cell: the row's own 行次 number, and the definition the cell writes, if any. */
export interface LineReading {
  line?: number;
  expr?: LineExpr;
  /** The definition as written (right of '='). */
  text?: string;
}

/** 行次 numbers are small: a bigger figure is an amount, not a line. */
const MAX_LINE = 999;

/** How references are written: "(3)" in a label, a bare 3 in a 行次 column. */
type RefStyle = 'paren' | 'bare';

class LineExprParser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly style: RefStyle,
  ) {}

  parse(): LineExpr | undefined {
    const e = this.sum();
    return e && this.i === this.s.length && refsIn(e) > 0 ? e : undefined;
  }

  private sum(): LineExpr | undefined {
    let left = this.term();
    while (left && (this.s[this.i] === '+' || this.s[this.i] === '-')) {
      const op = this.s[this.i++] as '+' | '-';
      const right = this.term();
      left = right ? { kind: 'bin', op, left, right } : undefined;
    }
    return left;
  }

  private term(): LineExpr | undefined {
    let left = this.factor();
    for (;;) {
      const c = this.s[this.i];
      if (!left || !(c === '×' || c === '*' || c === '÷' || c === '/')) return left;
      this.i++;
      const right = this.factor();
      left = right ? { kind: 'bin', op: c === '×' || c === '*' ? '×' : '÷', left, right } : undefined;
    }
  }

  private factor(): LineExpr | undefined {
    const rest = this.s.slice(this.i);
    const ref = this.style === 'paren' ? /^\((\d{1,3})\)/.exec(rest) : /^(\d{1,3})(?![\d.%])/.exec(rest);
    if (ref) {
      this.i += ref[0].length;
      return { kind: 'line', line: Number(ref[1]) };
    }
    const num = /^(\d+(?:\.\d+)?)(%?)/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { kind: 'num', value: Number(num[1]) / (num[2] ? 100 : 1) };
    }
    if (this.s[this.i] === '(') {
      this.i++;
      const inner = this.sum();
      if (!inner || this.s[this.i] !== ')') return undefined;
      this.i++;
      return inner;
    }
    return undefined;
  }
}

export function refsIn(e: LineExpr): number {
  return e.kind === 'line' ? 1 : e.kind === 'num' ? 0 : refsIn(e.left) + refsIn(e.right);
}

export function linesIn(e: LineExpr, out: number[] = []): number[] {
  if (e.kind === 'line') out.push(e.line);
  else if (e.kind === 'bin') {
    linesIn(e.left, out);
    linesIn(e.right, out);
  }
  return out;
}

function parseLineExpr(s: string, style: RefStyle): LineExpr | undefined {
  return new LineExprParser(s, style).parse();
}

/** The numbers and operators of a definition, in the writing the parser reads. */
function clean(norm: string): string {
  return norm.replace(/[＝]/g, '=').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[xX]/g, '×');
}

/**
 * A row label: "实际到位资金(2)", "实际到位率(4)=(3)÷(2)", "(4)=(1)+(2)", "合计=(1)+(2)+(3)". A number
 * in front of a label ("(1)本年中央预算内基建拨款") numbers a list, not a line.
 */
export function readLabel(norm: string): LineReading {
  const s = clean(norm);
  const eq = s.indexOf('=');
  const head = eq >= 0 ? s.slice(0, eq) : s;
  const own = /\((\d{1,3})\)$/.exec(head);
  const out: LineReading = {};
  if (own && Number(own[1]) <= MAX_LINE) out.line = Number(own[1]);
  if (eq >= 0) {
    const text = s.slice(eq + 1);
    const expr = parseLineExpr(text, 'paren');
    if (expr) {
      out.expr = expr;
      out.text = text;
    }
  }
  return out;
}

/** A 行次/栏次 cell: 3, "3", "(3)", "4=1+2", "(4)=(1)+(2)". */
export function readLineCell(value: string | number | null | undefined, norm: string): LineReading {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= MAX_LINE ? { line: value } : {};
  const s = clean(norm);
  const eq = s.indexOf('=');
  const head = eq >= 0 ? s.slice(0, eq) : s;
  const m = /^\(?(\d{1,3})\)?$/.exec(head);
  const out: LineReading = {};
  if (m) out.line = Number(m[1]);
  if (eq >= 0) {
    const text = s.slice(eq + 1);
    const expr = parseLineExpr(text, /\(\d/.test(text) && !/^\d/.test(text) ? 'paren' : 'bare');
    if (expr) {
      out.expr = expr;
      out.text = text;
    }
  }
  return out;
}

/** The expression as the sheet would write it: "(3)÷(2)". */
export function formatLineExpr(e: LineExpr): string {
  if (e.kind === 'line') return `(${e.line})`;
  if (e.kind === 'num') return String(e.value);
  const inner = (x: LineExpr): string => (x.kind === 'bin' && (x.op === '+' || x.op === '-') && (e.op === '×' || e.op === '÷') ? `(${formatLineExpr(x)})` : formatLineExpr(x));
  return `${inner(e.left)}${e.op}${inner(e.right)}`;
}
