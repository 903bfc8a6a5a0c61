/**
 * Detection on real public tables (test/fixtures/real: each file names its source), each in the
 * layouts people exchange them in: as published, anywhere under a title with notes below, exported
 * without merges, pasted with numbers as text and broken header words, with a blank separator
 * column. Every table is written to an .xlsx with exceljs and read back by the product's reader.
 * Asserted exactly: kind, header block, the role of every labelled column, indicator count, totals.
 */
import ExcelJS from 'exceljs';
import { detectWorkbook } from '../../src/core/layout/detect';
import { columnLetters } from '../../src/core/sheet/address';
import { readWorkbook } from '../../src/io/reader';
import { continuedOnNextSheet, LaidOut, layoutsOf, realTables } from '../fixtures/real/layouts';

async function xlsxOf(l: LaidOut): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of l.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.grid.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    }));
    for (const m of s.merges) ws.mergeCells(m);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const cases = realTables().flatMap((t) => layoutsOf(t).map((l) => [`${t.id} (${l.layout})`, t, l] as const));

it('holds at least 12 real tables, each in at least two layouts', () => {
  const tables = realTables();
  expect(tables.length).toBeGreaterThanOrEqual(12);
  for (const t of tables) expect(layoutsOf(t).length).toBeGreaterThanOrEqual(2);
});

describe.each(cases)('%s', (_name, t, l) => {
  let found: ReturnType<typeof detectWorkbook>;
  beforeAll(async () => {
    const wb = await readWorkbook(await xlsxOf(l), `${t.id}.xlsx`);
    found = detectWorkbook(wb);
  });
  const e = l.expected;
  const table = () => found.find((x) => x.sheet === l.sheet && x.headerRow - x.headerRows + 1 === e.headerTop);

  it('is found with its kind and header block', () => {
    const x = table();
    expect(x && { kind: x.kind, headerTop: x.headerRow - x.headerRows + 1, headerRow: x.headerRow }).toEqual({ kind: e.kind, headerTop: e.headerTop, headerRow: e.headerRow });
  });

  it('has every labelled role in its column, and no other', () => {
    const x = table()!;
    const labelled = Object.fromEntries(Object.entries(e.roles).filter(([, r]) => r !== 'other' && r !== 'serial'));
    const got = Object.entries(x.columns).map(([role, col]) => [columnLetters(col!), role]);
    // A role labelled on several columns (分值 after each level) is found on one of them.
    for (const [col, role] of got) expect([col, labelled[col]]).toEqual([col, role]);
    expect(new Set(got.map(([, r]) => r))).toEqual(new Set(Object.values(labelled)));
    const serial = Object.entries(e.roles).filter(([, r]) => r === 'serial').map(([c]) => c);
    expect((x.inference ?? []).filter((i) => i.role === 'serial').map((i) => columnLetters(i.col))).toEqual(serial);
  });

  it('has its indicators and totals', () => {
    const x = table()!;
    expect(x.indicators.length).toBe(e.indicators);
    if (e.totals) expect(x.totals.map((r) => r.row)).toEqual(e.totals);
    if (e.rowsTo) expect(x.range.bottom).toBe(e.rowsTo);
  });
});

/**
 * A table printed over two pages and pasted onto two sheets: the second part (under a 续表 line,
 * or only its header repeated) continues the first; its first rows, left without their group's
 * name by the page break, are under the first part's last group.
 */
const colOf = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const shallowLevels = (t: (typeof realTables extends () => Array<infer R> ? R : never)): number[] => {
  const levels = Object.entries(t.expected.roles).filter(([, r]) => /^level\d$/.test(r)).sort((a, b) => a[1].localeCompare(b[1]));
  return levels.slice(0, -1).map(([c]) => colOf(c));
};
const continuedCases = realTables().flatMap((t) =>
  [true, false].flatMap((marked) => {
    const c = continuedOnNextSheet(t, marked, shallowLevels(t));
    return c ? [[`${t.id} (${marked ? '续表' : 'header repeated'})`, t, c] as const] : [];
  }),
);

it('lays at least eight real tables over two sheets', () => {
  expect(new Set(continuedCases.map(([, t]) => t.id)).size).toBeGreaterThanOrEqual(8);
});

describe.each(continuedCases)('continued on the next sheet: %s', (_name, t, c) => {
  let parts: ReturnType<typeof detectWorkbook>;
  let whole: ReturnType<typeof detectWorkbook>[number];
  beforeAll(async () => {
    const two = await readWorkbook(await xlsxOf({ layout: 'continued', sheets: c.sheets, sheet: '表1', expected: t.expected }), `${t.id}.xlsx`);
    parts = detectWorkbook(two);
    const one = await readWorkbook(await xlsxOf({ layout: 'published', sheets: [{ name: '表1', grid: t.grid, merges: t.merges }], sheet: '表1', expected: t.expected }), `${t.id}.xlsx`);
    whole = detectWorkbook(one).find((x) => x.headerRow === t.expected.headerRow)!;
  });
  const first = () => parts.find((x) => x.sheet === '表1' && x.headerRow === t.expected.headerRow);
  const second = () => parts.find((x) => x.sheet === c.sheets[1].name && x.headerRow - x.headerRows + 1 === c.secondHeaderTop);

  // Unmarked, the break must show (a group cut, 序号 going on, the closing total on the second part): copies of
  // one template on two sheets are two tables.
  const shows = (): boolean => {
    if (c.marked) return true;
    const s2 = c.sheets[1];
    const firstRow = s2.grid[c.secondHeaderTop - 1 + (t.expected.headerRow - t.expected.headerTop + 1)] ?? [];
    const level1 = Object.entries(t.expected.roles).find(([, r]) => r === 'level1')?.[0];
    const levelBlank = level1 !== undefined && (firstRow[colOf(level1) - 1] ?? null) === null;
    return levelBlank || c.secondTotals.length > 0;
  };

  it('finds both parts, the second continuing the first where the break shows', () => {
    expect(first()?.kind).toBe(t.expected.kind);
    expect(second()?.kind).toBe(t.expected.kind);
    expect(second()?.continues).toEqual(shows() ? { sheet: '表1', headerRow: t.expected.headerRow } : undefined);
    expect(first()?.continues).toBeUndefined();
  });

  it('has every indicator once over the two parts, with its group names, and the totals on the second', () => {
    if (!shows()) return expect(second()?.continues).toBeUndefined();
    const names = [...first()!.indicators, ...second()!.indicators].map((i) => i.path.join('/'));
    expect(names.length).toBe(t.expected.indicators);
    expect(names).toEqual(whole.indicators.map((i) => i.path.join('/')));
    expect(second()!.totals.map((r) => r.row)).toEqual(c.secondTotals);
  });
});

it('does not join copies of one template on two sheets (one per unit), with no total and no 续表', async () => {
  const t = realTables().find((x) => x.expected.kind === 'scoring' && !x.expected.totals && Object.values(x.expected.roles).includes('level1'))!;
  const wb = await readWorkbook(await xlsxOf({ layout: 'copies', sheets: [{ name: '甲单位', grid: t.grid, merges: t.merges }, { name: '乙单位', grid: t.grid, merges: t.merges }], sheet: '甲单位', expected: t.expected }), 'copies.xlsx');
  expect(detectWorkbook(wb).filter((x) => x.continues)).toEqual([]);
});

it('does not join two different tables on consecutive sheets', async () => {
  const [a, b] = realTables().filter((t) => t.expected.kind === 'scoring');
  const wb = await readWorkbook(await xlsxOf({ layout: 'two', sheets: [{ name: 'A', grid: a.grid, merges: a.merges }, { name: 'B', grid: b.grid, merges: b.merges }], sheet: 'A', expected: a.expected }), 'two.xlsx');
  expect(detectWorkbook(wb).filter((x) => x.continues)).toEqual([]);
});
