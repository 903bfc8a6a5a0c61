import { columnNumber } from '../sheet/address';

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(])/g;

/** A formula in relative R1C1 form, so that a column's formulas can be compared with each other. */
export function toRelativeR1C1(formula: string, row: number, col: number): string {
  const one = (absC: string, c: string, absR: string, r: string): string => {
    const cc = columnNumber(c);
    const rr = Number(r);
    const rPart = absR ? `R${rr}` : `R[${rr - row}]`;
    const cPart = absC ? `C${cc}` : `C[${cc - col}]`;
    return rPart + cPart;
  };
  return formula.toUpperCase().replace(/"[^"]*"/g, '""').replace(REF, (_m, a1, c1, a2, r1, a3, c2, a4, r2) => (c2 ? `${one(a1, c1, a2, r1)}:${one(a3, c2, a4, r2)}` : one(a1, c1, a2, r1)));
}

/** Rows a SUM-like total formula adds up in a given column: SUM(E3:E20), SUM(E3:E9,E11), E3+E4+E5. */
export function summedRows(formula: string, col: number): { rows: Set<number>; simple: boolean } {
  const f = formula.toUpperCase().replace(/\s+/g, '').replace(/\$/g, '');
  const simple = /^(SUM\([A-Z0-9:,]+\)|[A-Z]{1,3}\d+(\+[A-Z]{1,3}\d+)+)$/.test(f);
  const rows = new Set<number>();
  const re = /([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f))) {
    const c1 = columnNumber(m[1]);
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    if (col < Math.min(c1, c2) || col > Math.max(c1, c2)) continue;
    const r1 = Number(m[2]);
    const r2 = m[4] ? Number(m[4]) : r1;
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2) && rows.size < 100_000; r++) rows.add(r);
  }
  return { rows, simple };
}
