/**
 * BIFF8 parsed formulas (Rgce, reverse Polish tokens) → A1 formula text without "=", as the
 * .xlsx reader gives it, so the formula checks see the same text for both formats. A token this
 * decoder does not know makes the whole formula undecodable (undefined), never a guess.
 */
import { columnLetters } from '../../core/sheet/address';
import { BIFF_FUNCTIONS, USER_DEFINED_FUNCTION } from './functions';
import { RecordReader } from './records';

export interface FormulaContext {
  /** Worksheet names by BOUNDSHEET index. */
  sheetNames: string[];
  /** EXTERNSHEET entries: which supporting link and which sheets. */
  externSheets: Array<{ book: number; first: number; last: number }>;
  /** Per SUPBOOK: whether it is this workbook, and its EXTERNNAME names. */
  books: Array<{ self: boolean; names: string[] }>;
  /** Defined names (LBL records) in order; PtgName is 1-based into it. */
  names: string[];
  /** Shared and array formulas by the A1 of their anchor cell (row, col zero-based). */
  sharedAt(row: number, col: number): { rgce: Uint8Array; extra: Uint8Array } | undefined;
}

class Undecodable extends Error {}

const ERROR_TEXT: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

export function biffErrorText(code: number): string {
  return ERROR_TEXT[code] ?? '#N/A';
}

const BINARY: Record<number, string> = { 0x03: '+', 0x04: '-', 0x05: '*', 0x06: '/', 0x07: '^', 0x08: '&', 0x09: '<', 0x0a: '<=', 0x0b: '=', 0x0c: '>=', 0x0d: '>', 0x0e: '<>', 0x0f: ' ', 0x11: ':' };

/** Depth of formula nesting Excel allows is far below this; a deeper stack is a damaged record. */
const MAX_STACK = 1024;

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function cellText(row: number, col: number, rowRel: boolean, colRel: boolean): string {
  return `${colRel ? '' : '$'}${columnLetters(col + 1)}${rowRel ? '' : '$'}${row + 1}`;
}

/** A column field: 14-bit column (signed when relative in RefN/AreaN) and the two relative flags. */
function colField(v: number): { col: number; colRel: boolean; rowRel: boolean } {
  return { col: v & 0x3fff, colRel: (v & 0x4000) !== 0, rowRel: (v & 0x8000) !== 0 };
}

const signed14 = (v: number): number => (v & 0x2000 ? v - 0x4000 : v);
const signed16 = (v: number): number => (v & 0x8000 ? v - 0x10000 : v);

function number(n: number): string {
  return Number.isInteger(n) || Math.abs(n) >= 1e-6 ? String(n) : n.toExponential().toUpperCase();
}

function stringLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function arrayConstant(extra: RecordReader): string {
  const cols = extra.u8() + 1;
  const rows = extra.u16() + 1;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const items: string[] = [];
    for (let c = 0; c < cols; c++) {
      const type = extra.u8();
      if (type === 0x01) items.push(number(extra.f64()));
      else if (type === 0x02) items.push(stringLiteral(extra.unicodeString()));
      else if (type === 0x04) {
        items.push(extra.u8() ? 'TRUE' : 'FALSE');
        extra.skip(7);
      } else if (type === 0x10) {
        items.push(biffErrorText(extra.u8()));
        extra.skip(7);
      } else {
        extra.skip(8);
        items.push('');
      }
    }
    lines.push(items.join(','));
  }
  return `{${lines.join(';')}}`;
}

/**
 * Decode one formula. `row`/`col` (zero-based) are the cell it belongs to: relative references of
 * shared formulas (PtgRefN, PtgAreaN) are offsets from it.
 */
export function decodeFormula(rgce: Uint8Array, extra: Uint8Array, row: number, col: number, ctx: FormulaContext, depth = 0): string | undefined {
  try {
    return decode(rgce, extra, row, col, ctx, depth);
  } catch (err) {
    if (err instanceof Undecodable || err instanceof RangeError || (err instanceof Error && err.name === 'BiffFormatError')) return undefined;
    throw err;
  }
}

function decode(rgce: Uint8Array, extraBytes: Uint8Array, row: number, col: number, ctx: FormulaContext, depth: number): string {
  const r = new RecordReader([rgce]);
  const extra = new RecordReader([extraBytes]);
  const stack: string[] = [];
  const pop = (): string => {
    const v = stack.pop();
    if (v === undefined) throw new Undecodable('stack underflow');
    return v;
  };
  const push = (s: string) => {
    if (stack.length >= MAX_STACK) throw new Undecodable('stack too deep');
    stack.push(s);
  };
  const sheetPrefix = (ixti: number): string => {
    const x = ctx.externSheets[ixti];
    if (!x || !ctx.books[x.book]?.self) throw new Undecodable('external reference');
    const first = ctx.sheetNames[x.first];
    const last = ctx.sheetNames[x.last];
    if (first === undefined) return '#REF!';
    if (x.last === x.first || last === undefined) return `${quoteSheet(first)}!`;
    // 'Sheet 1':'Sheet 3' is written as one quoted span: 'Sheet 1:Sheet 3'!.
    const [a, b] = [quoteSheet(first), quoteSheet(last)];
    return a.startsWith("'") && b.startsWith("'") ? `'${a.slice(1, -1)}:${b.slice(1, -1)}'!` : `${a}:${b}!`;
  };
  const ref = (relative: boolean): string => {
    const rw = r.u16();
    const f = colField(r.u16());
    const rr = relative && f.rowRel ? (row + signed16(rw) + 0x10000) % 0x10000 : rw;
    const cc = relative && f.colRel ? (col + signed14(f.col) + 0x100) % 0x100 : f.col;
    return cellText(rr, cc, f.rowRel, f.colRel);
  };
  const area = (relative: boolean): string => {
    const r1 = r.u16();
    const r2 = r.u16();
    const f1 = colField(r.u16());
    const f2 = colField(r.u16());
    const rr1 = relative && f1.rowRel ? (row + signed16(r1) + 0x10000) % 0x10000 : r1;
    const rr2 = relative && f2.rowRel ? (row + signed16(r2) + 0x10000) % 0x10000 : r2;
    const cc1 = relative && f1.colRel ? (col + signed14(f1.col) + 0x100) % 0x100 : f1.col;
    const cc2 = relative && f2.colRel ? (col + signed14(f2.col) + 0x100) % 0x100 : f2.col;
    return `${cellText(rr1, cc1, f1.rowRel, f1.colRel)}:${cellText(rr2, cc2, f2.rowRel, f2.colRel)}`;
  };
  const call = (index: number, argc: number) => {
    if (argc > stack.length) throw new Undecodable('missing arguments');
    const args = stack.splice(stack.length - argc, argc);
    if (index === USER_DEFINED_FUNCTION) {
      const name = args.shift();
      if (name === undefined) throw new Undecodable('user function without a name');
      push(`${name.replace(/^_xlfn\./, '')}(${args.join(',')})`);
      return;
    }
    const fn = BIFF_FUNCTIONS.get(index);
    if (!fn) throw new Undecodable(`function ${index}`);
    push(`${fn.name}(${args.join(',')})`);
  };

  while (!r.done) {
    const ptg = r.u8();
    if (ptg in BINARY && ptg !== 0x0f) {
      const b = pop();
      const a = pop();
      push(`${a}${BINARY[ptg]}${b}`);
      continue;
    }
    // Classed tokens: 0x20–0x7F carry a value class in bits 5–6; the base id is in the low five bits + 0x20.
    const base = ptg >= 0x20 && ptg < 0x80 ? (ptg & 0x1f) | 0x20 : ptg;
    switch (base) {
      case 0x01: {
        // PtgExp: the formula of a shared or array range anchored at (row, col).
        const anchorRow = r.u16();
        const anchorCol = r.u16();
        const shared = ctx.sharedAt(anchorRow, anchorCol);
        if (!shared || depth > 0) throw new Undecodable('shared formula missing');
        push(decode(shared.rgce, shared.extra, row, col, ctx, depth + 1));
        break;
      }
      case 0x0f: {
        const b = pop();
        const a = pop();
        push(`${a} ${b}`);
        break;
      }
      case 0x10: {
        const b = pop();
        const a = pop();
        push(`${a},${b}`);
        break;
      }
      case 0x12:
        push(`+${pop()}`);
        break;
      case 0x13:
        push(`-${pop()}`);
        break;
      case 0x14:
        push(`${pop()}%`);
        break;
      case 0x15:
        push(`(${pop()})`);
        break;
      case 0x16:
        push('');
        break;
      case 0x17:
        push(stringLiteral(r.shortUnicodeString()));
        break;
      case 0x19: {
        const kind = r.u8();
        if (kind & 0x04) {
          const cases = r.u16();
          r.skip((cases + 1) * 2);
        } else r.skip(2);
        if (kind & 0x10) push(`SUM(${pop()})`);
        break;
      }
      case 0x1c:
        push(biffErrorText(r.u8()));
        break;
      case 0x1d:
        push(r.u8() ? 'TRUE' : 'FALSE');
        break;
      case 0x1e:
        push(String(r.u16()));
        break;
      case 0x1f:
        push(number(r.f64()));
        break;
      case 0x20:
        r.skip(7);
        push(arrayConstant(extra));
        break;
      case 0x21: {
        const index = r.u16();
        const fn = BIFF_FUNCTIONS.get(index);
        if (!fn || fn.args < 0) throw new Undecodable(`fixed function ${index}`);
        call(index, fn.args);
        break;
      }
      case 0x22: {
        const argc = r.u8() & 0x7f;
        const index = r.u16();
        if (index & 0x8000) throw new Undecodable('command-equivalent function');
        call(index, argc);
        break;
      }
      case 0x23: {
        const index = r.u32();
        const name = ctx.names[index - 1];
        if (name === undefined) throw new Undecodable('unknown name');
        push(name);
        break;
      }
      case 0x24:
        push(ref(false));
        break;
      case 0x25:
        push(area(false));
        break;
      case 0x26: {
        // PtgMemArea: its sub-expression follows inline; its rectangles sit in the extra data.
        r.skip(6);
        const count = extra.u16();
        extra.skip(count * 8);
        break;
      }
      case 0x27:
      case 0x28:
        r.skip(6);
        break;
      case 0x29:
        r.skip(2);
        break;
      case 0x2a:
        r.skip(4);
        push('#REF!');
        break;
      case 0x2b:
        r.skip(8);
        push('#REF!');
        break;
      case 0x2c:
        push(ref(true));
        break;
      case 0x2d:
        push(area(true));
        break;
      case 0x39: {
        const ixti = r.u16();
        const index = r.u32();
        const x = ctx.externSheets[ixti];
        const name = x ? ctx.books[x.book]?.names[index - 1] : undefined;
        if (name === undefined) throw new Undecodable('unknown external name');
        push(name);
        break;
      }
      case 0x3a: {
        const prefix = sheetPrefix(r.u16());
        push(prefix + ref(false));
        break;
      }
      case 0x3b: {
        const prefix = sheetPrefix(r.u16());
        push(prefix + area(false));
        break;
      }
      case 0x3c:
        push(`${sheetPrefix(r.u16())}#REF!`);
        r.skip(4);
        break;
      case 0x3d:
        push(`${sheetPrefix(r.u16())}#REF!`);
        r.skip(8);
        break;
      default:
        throw new Undecodable(`token 0x${ptg.toString(16)}`);
    }
  }
  if (stack.length !== 1) throw new Undecodable('unbalanced formula');
  return stack[0];
}
