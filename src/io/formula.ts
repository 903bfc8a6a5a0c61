import { columnLetters, columnNumber } from '../core/sheet/address';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const isLetter = (ch: string) => (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
const isDigit = (ch: string) => ch >= '0' && ch <= '9';
const isNameChar = (ch: string | undefined) => ch !== undefined && (isLetter(ch) || isDigit(ch) || ch === '_' || ch === '.' || ch === '\\' || ch > '\u007f');

/** Copy a delimited run ("text", 'Sheet name', [structured ref]) starting at i; returns the index after it. */
function delimitedEnd(f: string, i: number): number {
  const open = f[i];
  if (open === '[') {
    let depth = 0;
    for (let k = i; k < f.length; k++) {
      if (f[k] === '[') depth++;
      else if (f[k] === ']' && --depth === 0) return k + 1;
    }
    return f.length;
  }
  for (let k = i + 1; k < f.length; k++) {
    if (f[k] === open) {
      if (f[k + 1] === open) k++;
      else return k + 1;
    }
  }
  return f.length;
}

/**
 * The formula of a cell that shares the formula of another (`<f t="shared" si=…/>`): every
 * relative A1 reference of the master's formula moved by the cells' distance, as Excel shows it.
 * Text, quoted sheet names and structured references are left alone; a reference moved off the
 * sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const f = formula;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'" || ch === '[') {
      const end = delimitedEnd(f, i);
      out += f.slice(i, end);
      i = end;
      continue;
    }
    if ((isLetter(ch) || ch === '$') && !isNameChar(f[i - 1])) {
      // $?letters{1,3}$?digits, not followed by a name character, "(" or "!".
      let k = i;
      const colAbs = f[k] === '$';
      if (colAbs) k++;
      const colStart = k;
      while (k < f.length && isLetter(f[k]) && k - colStart < 4) k++;
      const letters = f.slice(colStart, k);
      const rowAbs = f[k] === '$';
      if (rowAbs) k++;
      const rowStart = k;
      while (k < f.length && isDigit(f[k])) k++;
      const digits = f.slice(rowStart, k);
      const next = f[k];
      if (letters.length >= 1 && letters.length <= 3 && digits.length > 0 && !isNameChar(next) && next !== '(' && next !== '!') {
        const col = columnNumber(letters) + (colAbs ? 0 : dCol);
        const row = Number(digits) + (rowAbs ? 0 : dRow);
        out += col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW ? '#REF!' : `${colAbs ? '$' : ''}${columnLetters(col)}${rowAbs ? '$' : ''}${row}`;
        i = k;
        continue;
      }
      // Not a reference: copy the whole name so that its tail is not read as one.
      let e = i + 1;
      while (e < f.length && isNameChar(f[e])) e++;
      out += f.slice(i, e);
      i = e;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
