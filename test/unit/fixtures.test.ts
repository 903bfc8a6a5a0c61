/**
 * The fixture catalog matches the workbooks: generate in memory, write to a temp dir, read back
 * with exceljs and compare with the ground truth; the committed files are up to date.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnNumber, parseRangeA1 } from '../../src/core/sheet/address';
import { CATALOG, CatalogEntry, FIXTURE_FAULTS, fixtures } from '../fixtures/catalog';
import { buildFixtures, workbookContent } from '../fixtures/generate';
import { SEED003_SCORING } from '../fixtures/seed-data';

const ROOT = path.resolve(__dirname, '../..');
const books = new Map<string, ExcelJS.Workbook>();
let dir = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-audit-fixtures-'));
  for (const f of fixtures().files) {
    const file = path.join(dir, path.basename(f.path));
    await f.workbook.xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    books.set(f.path, wb);
  }
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function sheetOf(e: { file: string; sheet: string }): ExcelJS.Worksheet {
  const ws = books.get(e.file)?.getWorksheet(e.sheet);
  if (!ws) throw new Error(`no sheet ${e.file}!${e.sheet}`);
  return ws;
}

function raw(ws: ExcelJS.Worksheet, row: number, col: string | number): unknown {
  const cell = ws.getCell(row, typeof col === 'string' ? columnNumber(col) : col);
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && 'formula' in (v as object)) return (v as { result?: unknown }).result;
  if (v && typeof v === 'object' && 'richText' in (v as object)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return v;
}

function text(ws: ExcelJS.Worksheet, row: number, col: string | number): string {
  const v = raw(ws, row, col);
  return v === null || v === undefined ? '' : String(v);
}

function num(ws: ExcelJS.Worksheet, row: number, col: string | number): number {
  const v = raw(ws, row, col);
  if (typeof v !== 'number') throw new Error(`not a number at ${col}${row}: ${JSON.stringify(v)}`);
  return v;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Header words per role, Traditional forms included. */
const HEADER: Record<string, RegExp> = {
  level1: /^一[级級]/,
  level2: /^二[级級]/,
  level3: /^三[级級]/,
  level4: /^四[级級]/,
  weight: /^([权權]重|分值)/,
  explanation: /^指[标標][解][释釋]/,
  criteria: /^[评評]分[标標][准準]/,
  score: /^([评評]分|得分|评价得分)$/,
  reason: /(理由|扣分原因)/,
  name: /^(评价因素|评价指标|满意率指标名称|类别)$/,
  rate: /率$/,
  target: /^(预期目标|年度预期值|年度指标值)$/,
  actual: /^(完成情况|实际完成值)$/,
  done: /^是否完成$/,
  label: /^(年份|类别|资金来源|评价因素)$/,
  total: /^合计$/,
  initialBudget: /^年初预算数$/,
  budget: /^全年预算数$/,
  executed: /^全年执行数$/,
  deviation: /^偏差/,
};

const byKind = (kind: CatalogEntry['kind']): CatalogEntry[] => CATALOG.filter((e) => e.kind === kind);
const label = (e: CatalogEntry): string => `${path.basename(e.file)} ${e.sheet} ${e.id} ${e.range}`;

describe('catalog', () => {
  it('covers every fixture file, one entry per table, with ranges starting at the header row', () => {
    const files = fixtures().files.map((f) => f.path);
    expect(new Set(CATALOG.map((e) => e.file))).toEqual(new Set(files));
    const keys = CATALOG.map((e) => `${e.file}!${e.sheet}!${e.range}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of CATALOG) {
      const r = parseRangeA1(e.range);
      expect(r.top).toBe(e.headerRow);
      if (e.indicators) expect(e.indicators.length).toBe(e.indicatorCount);
      for (const row of [...e.dataRows, ...e.totals.map((t) => t.row)]) {
        expect(row).toBeGreaterThanOrEqual(r.top);
        expect(row).toBeLessThanOrEqual(r.bottom);
      }
    }
    const kinds = new Set(CATALOG.map((e) => e.kind));
    for (const k of ['scoring', 'summary', 'completion', 'satisfaction', 'selfeval-budget', 'selfeval-indicators', 'totals'] as const) expect(kinds).toContain(k);
  });

  it('puts each seed table in at least two layouts', () => {
    const layouts = new Map<string, Set<string>>();
    for (const e of CATALOG.filter((x) => !x.id.startsWith('selfeval') && x.file.includes('seed003'))) {
      if (!layouts.has(e.id)) layouts.set(e.id, new Set());
      layouts.get(e.id)!.add(`${e.file} ${e.layout}`);
    }
    for (const t of SEED003_SCORING) expect(layouts.get(t.id)!.size).toBeGreaterThanOrEqual(2);
    expect(layouts.get('表2-1')!.size).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic', () => {
    const again = buildFixtures();
    expect(JSON.stringify(again.catalog)).toBe(JSON.stringify(CATALOG));
    expect(JSON.stringify(again.faults)).toBe(JSON.stringify(FIXTURE_FAULTS));
    again.files.forEach((f, i) => expect(workbookContent(f.workbook)).toEqual(workbookContent(fixtures().files[i].workbook)));
  });
});

describe.each(CATALOG.map((e) => [label(e), e] as const))('%s', (_name, e) => {
  it('has the header texts of its roles at headerRow', () => {
    const ws = sheetOf(e);
    for (const [role, letter] of Object.entries(e.columns)) {
      if (e.kind === 'selfeval-budget' && role === 'name') continue; // the row-name column has no header
      if (e.transposed && role === 'total') {
        expect(squash(text(ws, e.headerRow, letter!))).toMatch(HEADER.total);
        continue;
      }
      expect([role, squash(text(ws, e.headerRow, letter!))]).toEqual([role, expect.stringMatching(HEADER[role])]);
    }
    if (e.headerRows === 2 && e.pairs) {
      for (const p of e.pairs) {
        expect(text(ws, e.headerRow, p.target)).toBe(p.name);
        expect(text(ws, e.headerRow + 1, p.target)).toBe('目标数');
        expect(text(ws, e.headerRow + 1, p.actual)).toBe('完成数');
      }
    }
    for (const a of e.answers ?? []) expect(text(ws, e.headerRow, a.column)).toBe(a.label);
  });

  it('has the weights, scores and level names of its indicators', () => {
    const ws = sheetOf(e);
    for (const ind of e.indicators ?? []) {
      if (ind.weight !== undefined) expect([ind.row, num(ws, ind.row, e.columns.weight!)]).toEqual([ind.row, ind.weight]);
      if (ind.score !== undefined) expect([ind.row, num(ws, ind.row, e.columns.score!)]).toEqual([ind.row, ind.score]);
      const levels = (['level1', 'level2', 'level3', 'level4'] as const).filter((k) => e.columns[k]);
      if (levels.length === 0) {
        expect(text(ws, ind.row, e.columns.name!)).toBe(ind.path[0]);
        continue;
      }
      // Merged cells read as their master; filled-down blanks inherit from the rows above.
      const pathRead = levels.map((k) => {
        for (let r = ind.row; r >= e.dataRows[0]; r--) {
          const t = text(ws, r, e.columns[k]!);
          if (t !== '') return t;
        }
        return '';
      });
      expect(pathRead).toEqual(ind.path);
    }
  });

  it('has its total rows where the catalog says', () => {
    const ws = sheetOf(e);
    const first = parseRangeA1(e.range).left;
    for (const t of e.totals) {
      const at = e.transposed ? text(ws, t.row, e.transposed.totalColumn!) : text(ws, t.row, first);
      expect(squash(at)).toBe(squash(t.label));
    }
  });

  it('has totals equal to the sum of their rows when the seed is consistent', () => {
    if (!e.consistent) return;
    const ws = sheetOf(e);
    const sum = (rows: number[], c: string): number => rows.reduce((a, r) => a + num(ws, r, c), 0);
    if (e.kind === 'scoring' || e.kind === 'summary') {
      if (e.transposed) {
        const { rows, itemColumns, totalColumn } = e.transposed;
        for (const r of [rows.weight!, rows.score!]) {
          expect(itemColumns.reduce((a, c) => a + num(ws, r, c), 0)).toBeCloseTo(num(ws, r, totalColumn!), 2);
        }
        return;
      }
      for (const t of e.totals) {
        expect(sum(e.dataRows, e.columns.weight!)).toBeCloseTo(num(ws, t.row, e.columns.weight!), 2);
        expect(sum(e.dataRows, e.columns.score!)).toBeCloseTo(num(ws, t.row, e.columns.score!), 2);
      }
    }
    if (e.kind === 'totals') {
      const values = e.valueColumns!;
      for (const r of e.dataRows) expect(values.reduce((a, c) => a + num(ws, r, c), 0)).toBeCloseTo(num(ws, r, e.columns.total!), 2);
      for (const t of e.totals) {
        const cols = ws.getCell(t.row, columnNumber(values[1])).isMerged ? [e.columns.total!] : [...values, e.columns.total!];
        for (const c of cols) {
          const expected = e.dataRows.reduce((a, r) => a + num(ws, r, c), 0);
          expect(num(ws, t.row, cols.length === 1 ? values[0] : c)).toBeCloseTo(expected, 2);
        }
      }
    }
    if (e.kind === 'selfeval-indicators') {
      const budget = CATALOG.find((x) => x.file === e.file && x.sheet === e.sheet && x.kind === 'selfeval-budget')!;
      const b = budget.indicators!;
      for (const t of e.totals) {
        expect(sum(e.dataRows, e.columns.weight!) + b.reduce((a, x) => a + (x.weight ?? 0), 0)).toBeCloseTo(num(ws, t.row, e.columns.weight!), 2);
        expect(sum(e.dataRows, e.columns.score!) + b.reduce((a, x) => a + (x.score ?? 0), 0)).toBeCloseTo(num(ws, t.row, e.columns.score!), 2);
      }
    }
    if (e.kind === 'selfeval-budget') {
      const [total, ...parts] = e.dataRows;
      for (const c of [e.columns.initialBudget!, e.columns.budget!, e.columns.executed!]) expect(sum(parts, c)).toBeCloseTo(num(ws, total, c), 2);
    }
  });
});

describe('layouts', () => {
  it('writes SUM subtotals with cached results in the merged scoring tables', () => {
    for (const e of byKind('scoring').filter((x) => x.layout.includes('merged'))) {
      const ws = sheetOf(e);
      const t = e.totals[0];
      for (const role of ['weight', 'score'] as const) {
        const c = e.columns[role]!;
        const v = ws.getCell(t.row, columnNumber(c)).value as { formula?: string; result?: number };
        expect(v.formula).toBe(`SUM(${c}${e.dataRows[0]}:${c}${e.dataRows[e.dataRows.length - 1]})`);
        expect(typeof v.result).toBe('number');
      }
      // Level 1 is merged over its rows, as in a Word export.
      expect(ws.getCell(e.dataRows[1], columnNumber(e.columns.level1!)).isMerged).toBe(true);
    }
  });

  it('writes typed subtotals and no merges in the filled-down scoring tables', () => {
    for (const e of byKind('scoring').filter((x) => ['filled', 'stacked', 'traditional'].includes(x.layout))) {
      const ws = sheetOf(e);
      expect(typeof raw(ws, e.totals[0].row, e.columns.weight!)).toBe('number');
      expect(ws.getCell(e.totals[0].row, columnNumber(e.columns.weight!)).formula).toBeUndefined();
      expect(text(ws, e.dataRows[1], e.columns.level1!)).toBe('');
      expect(ws.getCell(e.dataRows[1], columnNumber(e.columns.level1!)).isMerged).toBe(false);
    }
    const filled = CATALOG.find((x) => x.layout === 'filled' && x.id === '表1')!;
    expect(filled.range.startsWith('C5:')).toBe(true);
    expect(text(sheetOf(filled), parseRangeA1(filled.range).bottom + 1, 'C')).toMatch(/^注：/);
    const trad = CATALOG.find((x) => x.layout === 'traditional')!;
    expect(text(sheetOf(trad), trad.headerRow, trad.columns.weight!)).toBe('權重（％）');
    const stacked = CATALOG.filter((x) => x.layout === 'stacked' && x.kind === 'scoring');
    expect(stacked).toHaveLength(2);
    expect(text(sheetOf(stacked[1]), stacked[1].headerRow - 1, 'A')).toMatch(/^表4/);
  });

  it('keeps the seed texts, line breaks and published errors', () => {
    const t35 = CATALOG.find((x) => x.id === '表3-5' && x.file.endsWith('seed003-completion.xlsx') && x.sheet === '表3-5')!;
    const ws35 = sheetOf(t35);
    expect(text(ws35, t35.dataRows[0], t35.columns.actual!)).toBe('192.35亿元（-23.1%）');
    expect(text(ws35, t35.dataRows[0], t35.columns.rate!)).toBe('69.95%\n（-23.1%）');
    const t34 = CATALOG.find((x) => x.id === '表3-4' && x.sheet === '表3-4')!;
    expect(text(sheetOf(t34), t34.dataRows[4], t34.columns.actual!)).toBe('无相关数据');
    expect(sheetOf(t34).getCell(`A${t34.dataRows[0]}`).isMerged).toBe(true);
    const t38 = CATALOG.find((x) => x.id === '表3-8' && x.file.endsWith('seed003-completion.xlsx'))!;
    const rate = sheetOf(t38).getCell(t38.dataRows[1], columnNumber(t38.columns.rate!));
    expect(rate.value).toBe(0.1785);
    expect(rate.numFmt).toBe('0.00%');
    const t315 = CATALOG.find((x) => x.id === '表3-15')!;
    expect(text(sheetOf(t315), t315.dataRows[0], t315.columns.rate!)).toBe('93%　');
    const s1 = CATALOG.find((x) => x.id === '表1' && x.layout === 'merged' && x.file.endsWith('seed003-scoring.xlsx'))!;
    expect(text(sheetOf(s1), s1.headerRow, 'B')).toBe('二级\n指标');
    expect(sheetOf(s1).getCell(s1.headerRow, 2).alignment?.wrapText).toBe(true);
    const t21 = CATALOG.find((x) => x.id === '表2-1' && x.layout === 'transposed')!;
    expect(text(sheetOf(t21), t21.transposed!.rows.grade!, 'B')).toBe('中');
  });

  it('places every known fault on a filled cell inside a cataloged table', () => {
    expect(FIXTURE_FAULTS.filter((f) => f.origin === 'injected')).toHaveLength(4);
    for (const f of FIXTURE_FAULTS) {
      const ws = sheetOf(f);
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      expect([f.cell, text(ws, Number(m[2]), m[1])]).not.toEqual([f.cell, '']);
      const inside = CATALOG.some((e) => {
        if (e.file !== f.file || e.sheet !== f.sheet) return false;
        const r = parseRangeA1(e.range);
        const c = columnNumber(m[1]);
        return Number(m[2]) >= r.top && Number(m[2]) <= r.bottom && c >= r.left && c <= r.right;
      });
      expect([f.cell, inside]).toEqual([f.cell, true]);
    }
  });
});

describe('self-evaluation forms', () => {
  const target = (s: string): { value: number; dir: 'min' | 'max' } => {
    const m = /(-?\d+(?:\.\d+)?)/.exec(s.replace(/,/g, ''))!;
    return { value: Number(m[1]), dir: /[≤<]/.test(s) ? 'max' : 'min' };
  };

  it('scores the national form per 第十六条 (met → full points, otherwise 分值 × 完成值/指标值)', () => {
    for (const e of byKind('selfeval-indicators').filter((x) => !x.layout.includes('faulty'))) {
      const ws = sheetOf(e);
      for (const r of e.dataRows) {
        const t = target(text(ws, r, e.columns.target!));
        const a = target(text(ws, r, e.columns.actual!)).value;
        const w = num(ws, r, e.columns.weight!);
        const met = t.dir === 'min' ? a >= t.value : a <= t.value;
        const expected = met ? w : w * (t.dir === 'min' ? a / t.value : t.value / a);
        expect([r, num(ws, r, e.columns.score!)]).toEqual([r, expect.closeTo(expected, 2)]);
      }
      const budget = CATALOG.find((x) => x.file === e.file && x.sheet === e.sheet && x.kind === 'selfeval-budget')!;
      const bws = sheetOf(budget);
      const row = budget.dataRows[0];
      const rate = num(bws, row, budget.columns.executed!) / num(bws, row, budget.columns.budget!);
      expect(num(bws, row, budget.columns.rate!)).toBeCloseTo(rate, 4);
      expect(num(bws, row, budget.columns.score!)).toBeCloseTo(num(bws, row, budget.columns.weight!) * rate, 1);
    }
  });

  it('breaks the faulty copy exactly where the catalog says', () => {
    const faults = FIXTURE_FAULTS.filter((f) => f.origin === 'injected');
    const e = byKind('selfeval-budget').find((x) => x.layout.includes('faulty'))!;
    const ind = byKind('selfeval-indicators').find((x) => x.layout.includes('faulty'))!;
    const ws = sheetOf(e);
    const [total, ...parts] = e.dataRows;
    const b = e.columns.budget!;
    const at = (code: string): string => faults.find((f) => f.codeHint === code)!.cell;
    expect(at('selfeval.budget-total')).toBe(`${b}${total}`);
    expect(parts.reduce((a, r) => a + num(ws, r, b), 0)).not.toBeCloseTo(num(ws, total, b), 2);
    expect(at('selfeval.execution-rate')).toBe(`${e.columns.rate}${total}`);
    expect(num(ws, total, e.columns.rate!)).not.toBeCloseTo(num(ws, total, e.columns.executed!) / num(ws, total, b), 4);
    const scoreCell = at('selfeval.indicator-score');
    const sr = Number(scoreCell.replace(/^[A-Z]+/, ''));
    expect(num(ws, sr, ind.columns.score!)).toBeLessThan(num(ws, sr, ind.columns.weight!));
    expect(target(text(ws, sr, ind.columns.actual!)).value).toBeGreaterThanOrEqual(target(text(ws, sr, ind.columns.target!)).value);
    const copyCell = at('selfeval.actual-copies-target');
    const cr = Number(copyCell.replace(/^[A-Z]+/, ''));
    expect(text(ws, cr, ind.columns.actual!)).toBe('≥266米');
    expect(text(ws, cr, ind.columns.target!)).toBe('≥266米');
  });
});

describe('committed files', () => {
  it.each(fixtures().files.map((f) => [f.path, f] as const))('%s is up to date with the generator (npm run fixtures)', async (p, f) => {
    const file = path.join(ROOT, p);
    expect([p, fs.existsSync(file)]).toEqual([p, true]);
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(file);
    expect(workbookContent(committed)).toEqual(workbookContent(f.workbook));
  });
});
