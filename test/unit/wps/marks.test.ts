/**
 * 标注, 清除标注 and 插入复核列 through the WPS host, on the seed workbooks loaded into the fake WPS:
 * the flagged cells get our conditional formats and comments and nothing else changes; a second
 * 标注 replaces the first; 清除标注 leaves the workbook as it was, the user's own comments and
 * conditional formats included; protected sheets are left alone with a reason; review columns
 * carry the PERF formulas of the function table, compute through the registered WPS functions,
 * and go again without a trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditWorkbook, type AuditResult } from '../../../src/core/audit/audit';
import type { Finding } from '../../../src/core/audit/types';
import type { DetectedTable } from '../../../src/core/layout/types';
import { a1, columnLetters, parseRangeA1 } from '../../../src/core/sheet/address';
import { commentText, SEVERITY_STYLE } from '../../../src/excel/highlight';
import { reviewColumnsOf } from '../../../src/excel/review-columns';
import { PROTECTED_REASON } from '../../../src/excel/settings';
import { readWorkbook } from '../../../src/io/reader';
import type { Host } from '../../../src/taskpane/host';
import { PROTECTED_KEPT_REASON } from '../../../src/wps/clear';
import { XL_EXPRESSION } from '../../../src/wps/facade';
import { registerPerfFunctions } from '../../../src/wps/functions';
import { COMMENTS_TAKEN_REASON } from '../../../src/wps/highlight';
import { createWpsHost, noFunctionsNotice } from '../../../src/wps/host';
import { bgr, COMMENT_PREFIX, isOurFormula, markFormula } from '../../../src/wps/marks';
import { MERGED_TARGET_REASON, NO_FUNCTIONS_REASON, shiftFormulaColumns } from '../../../src/wps/review-columns';
import { fakeFromModel, fakeWps, FakeWorkbook, FakeWps } from './fake-wps';

const REPO = path.resolve(__dirname, '../../..');
const SEEDS = ['seed000.xlsx', 'seed003-scoring.xlsx', 'seed003-scoring-filled.xlsx', 'seed003-completion.xlsx', 'selfeval-faulty.xlsx'].map((f) => `test/fixtures/xlsx/${f}`);
const SAMPLE = 'samples/韶关绩效评价评分表.xlsx';

interface Opened {
  wb: FakeWorkbook;
  wps: FakeWps;
  host: Host;
  result: AuditResult;
}

async function open(file: string): Promise<Opened> {
  const model = await readWorkbook(readFileSync(path.join(REPO, file)), path.basename(file));
  const wb = fakeFromModel(model);
  const { wps, app } = fakeWps(wb);
  const host = createWpsHost({ app, wps });
  const result = auditWorkbook(await host.read('workbook'));
  return { wb, wps, host, result };
}

/** Everything of a sheet the user could see: cells, merges, comments, conditional formats. */
function snapshot(wb: FakeWorkbook) {
  return wb.sheets.map((ws) => ({
    name: ws.Name,
    cells: [...ws.rows].flatMap(([r, line]) => [...line].map(([c, cell]) => [a1(r, c), cell])).sort(),
    merges: ws.merges.map((m) => ({ ...m })),
    comments: ws.comments.map((c) => [a1(c.row, c.col), c.text]).sort(),
    cfs: ws.cfs.map((cf) => [cf.address, cf.Formula1, cf.Interior.Color, cf.Font.Color]),
  }));
}

const worst = (fs: Finding[]) => (fs.some((f) => f.severity === 'error') ? 'error' : fs.some((f) => f.severity === 'warning') ? 'warning' : 'info');

function flaggedCells(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(`${f.sheet}!${f.cell}`, [...(out.get(`${f.sheet}!${f.cell}`) ?? []), f]);
  return out;
}

describe.each(SEEDS)('%s', (file) => {
  test('标注 colours exactly the flagged cells and explains each in a comment; a second 标注 replaces the first; 清除标注 restores the workbook', async () => {
    const { wb, host, result } = await open(file);
    expect(result.findings.length).toBeGreaterThan(0);
    const before = snapshot(wb);
    const flagged = flaggedCells(result.findings);

    const r = await host.marking!.highlight(result.findings);
    expect(r.count).toBe(flagged.size);
    expect(r.comments).toBe(flagged.size);
    expect(r.skipped).toEqual([]);
    for (const [key, fs] of flagged) {
      const [sheet, cell] = key.split('!');
      const ws = wb.sheet(sheet);
      const { top, left } = parseRangeA1(cell);
      // Our format covers the cell, with the colours of its worst finding; the values did not change.
      const cfs = ws.cfs.filter((cf) => cf.areas.some((a) => top >= a.top && top <= a.bottom && left >= a.left && left <= a.right));
      expect(cfs.map((cf) => [cf.Type, cf.Formula1])).toEqual([[XL_EXPRESSION, markFormula(worst(fs))]]);
      expect(cfs[0].Interior.Color).toBe(bgr(SEVERITY_STYLE[worst(fs)].fill));
      const comment = ws.comments.find((c) => c.row === top && c.col === left);
      expect(comment?.text).toBe(commentText([...fs].sort((a, b) => ['error', 'warning', 'info'].indexOf(a.severity) - ['error', 'warning', 'info'].indexOf(b.severity))));
    }
    // Nothing but our formats and comments was added.
    const after = snapshot(wb);
    expect(after.map((s) => ({ ...s, cfs: [], comments: [] }))).toEqual(before.map((s) => ({ ...s, cfs: [], comments: [] })));
    expect(after.flatMap((s) => s.cfs).every(([, formula]) => isOurFormula(formula))).toBe(true);

    const again = await host.marking!.highlight(result.findings);
    expect(again.count).toBe(flagged.size);
    expect(snapshot(wb)).toEqual(after);

    const cleared = await host.marking!.clearHighlights();
    expect(cleared.count).toBe(after.reduce((n, s) => n + s.cfs.length + s.comments.length, 0));
    expect(snapshot(wb)).toEqual(before);
  });
});

test('the user’s own comments and conditional formats stay; a flagged cell with a comment keeps it and is still coloured', async () => {
  const { wb, host, result } = await open('test/fixtures/xlsx/seed003-scoring.xlsx');
  const target = result.findings[0];
  const ws = wb.sheet(target.sheet);
  ws.Range(target.cell).AddComment('审核人：请复核');
  ws.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, '=A1>0');
  const r = await host.marking!.highlight(result.findings);
  expect(r.skipped).toEqual([{ sheet: target.sheet, reason: COMMENTS_TAKEN_REASON }]);
  expect(ws.Range(target.cell).Comment?.Text()).toBe('审核人：请复核');
  expect(ws.cfs.some((cf) => cf.Formula1 === markFormula(target.severity) && cf.address.split(',').includes(target.cell))).toBe(true);
  await host.marking!.clearHighlights();
  expect(ws.comments.map((c) => c.text)).toEqual(['审核人：请复核']);
  expect(ws.cfs.map((cf) => cf.Formula1)).toEqual(['=A1>0']);
});

test('a protected sheet is left alone with a reason, and its marks are kept (not lost) until it can be written', async () => {
  const { wb, host, result } = await open('test/fixtures/xlsx/seed003-scoring-filled.xlsx');
  const sheets = [...new Set(result.findings.map((f) => f.sheet))];
  expect(sheets.length).toBeGreaterThan(1);
  const [locked, open2] = [wb.sheet(sheets[0]), wb.sheet(sheets[1])];
  locked.ProtectContents = true;
  const r = await host.marking!.highlight(result.findings);
  expect(r.skipped).toEqual([{ sheet: locked.Name, reason: PROTECTED_REASON }]);
  expect(locked.cfs).toEqual([]);
  expect(locked.comments).toEqual([]);
  expect(open2.cfs.length).toBeGreaterThan(0);

  // Marked while unprotected, then protected: 清除标注 says why they stay.
  locked.ProtectContents = false;
  await host.marking!.highlight(result.findings);
  const kept = locked.cfs.length;
  locked.ProtectContents = true;
  const cleared = await host.marking!.clearHighlights();
  expect(cleared.skipped).toEqual([{ sheet: locked.Name, reason: PROTECTED_KEPT_REASON }]);
  expect(locked.cfs).toHaveLength(kept);
  expect(open2.cfs).toEqual([]);
  locked.ProtectContents = false;
  await host.marking!.clearHighlights();
  expect(locked.cfs).toEqual([]);
  expect(locked.comments.filter((c) => c.text.startsWith(COMMENT_PREFIX))).toEqual([]);
});

test('conditional formats are added per severity over address lists of at most 255 characters', async () => {
  const { wb, host, result } = await open('test/fixtures/xlsx/seed003-scoring-filled.xlsx');
  await host.marking!.highlight(result.findings);
  const cfs = wb.sheets.flatMap((ws) => ws.cfs);
  expect(cfs.every((cf) => cf.areas.map((a) => a1(a.top, a.left)).join(',').length <= 255)).toBe(true);
  // Fewer formats than cells: one per severity and sheet while the addresses fit.
  expect(cfs.length).toBeLessThan(flaggedCells(result.findings).size);
});

/** Evaluate `=PERF.X(A1,B2,…)` with the PERF functions registered in the fake WPS. */
function evaluate(wps: FakeWps, wb: FakeWorkbook, sheet: string, formula: string): unknown {
  const m = /^=PERF\.(\w+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not a PERF formula: ${formula}`);
  const fn = wps.functions.get(`PERF.${m[1]}`);
  if (!fn) throw new Error(`PERF.${m[1]} is not registered`);
  const args = m[2].split(',').map((ref) => wb.sheet(sheet).Range(ref).Value2);
  try {
    return fn(...args);
  } catch (error) {
    return error;
  }
}

function scoringTables(result: AuditResult): DetectedTable[] {
  return result.tables.filter((t) => t.kind === 'scoring' && reviewColumnsOf(t));
}

describe('插入复核列', () => {
  test.each(['test/fixtures/xlsx/seed003-scoring.xlsx', 'test/fixtures/xlsx/seed003-scoring-filled.xlsx', SAMPLE])('%s: the function table’s formulas right of each scoring table; they compute; 清除标注 takes them away again', async (file) => {
    const { wb, wps, host, result } = await open(file);
    expect(registerPerfFunctions(wps)).toBe(true);
    const tables = scoringTables(result);
    expect(tables.length).toBeGreaterThan(0);
    const before = snapshot(wb);

    const r = await host.marking!.insertReviewColumns(result.tables);
    expect(r.skipped).toEqual([]);
    expect(r.tables).toBe(tables.length);
    let named = 0;
    // Read the sheets again: the tables are where they were (the review columns are right of them).
    const reread = auditWorkbook(await host.read('workbook'));
    for (const table of tables) {
      const review = reviewColumnsOf(table)!;
      const ws = wb.sheet(table.sheet);
      const first = table.range.right + 1;
      review.forEach((col, i) => expect(ws.Range(`${columnLetters(first + i)}${table.headerRow}`).Formula).toBe(col.header));
      for (const ind of table.indicators) {
        review.forEach((col, i) => expect(ws.Range(`${columnLetters(first + i)}${ind.row}`).Formula).toBe(col.formula(ind.row)));
        // 一致性检查 through the registered WPS function: a score the rule does not allow is named.
        const check = evaluate(wps, wb, table.sheet, review[review.length - 1].formula(ind.row));
        const scoreCell = `${columnLetters(table.columns.score!)}${ind.row}`;
        const notAllowed = result.findings.some((f) => f.sheet === table.sheet && f.cell === scoreCell && f.code === 'score.not-allowed');
        if (notAllowed) {
          expect(check).toEqual(expect.stringContaining('只能得'));
          named++;
        }
        else expect(check instanceof Error || typeof check === 'string').toBe(true);
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(reread.tables.filter((t) => t.kind === 'scoring').map((t) => [t.sheet, t.headerRow])).toEqual(
      result.tables.filter((t) => t.kind === 'scoring').map((t) => [t.sheet, t.headerRow]),
    );

    // Again: the same columns are rewritten, none are added.
    const written = snapshot(wb);
    await host.marking!.insertReviewColumns(result.tables);
    expect(snapshot(wb)).toEqual(written);

    const cleared = await host.marking!.clearHighlights();
    expect(cleared.count).toBeGreaterThan(0);
    expect(snapshot(wb)).toEqual(before);
    expect(wb.props.items).toEqual([]);
  });

  test('columns are inserted where the cells right of the table are taken, and the cells there move right and back', async () => {
    const { wb, wps, host, result } = await open('test/fixtures/xlsx/seed003-scoring.xlsx');
    registerPerfFunctions(wps);
    const table = scoringTables(result)[0];
    const ws = wb.sheet(table.sheet);
    const beside = a1(table.indicators[0].row, table.range.right + 1);
    ws.Range(beside).Value2 = '备注';
    const before = snapshot(wb);
    const r = await host.marking!.insertReviewColumns([table]);
    const width = reviewColumnsOf(table)!.length;
    expect(r.columns).toBe(`${table.sheet}!${columnLetters(table.range.right + 1)}:${columnLetters(table.range.right + width)}`);
    expect(ws.Range(a1(table.indicators[0].row, table.range.right + 1 + width)).Value2).toBe('备注');
    await host.marking!.clearHighlights();
    expect(snapshot(wb)).toEqual(before);
  });

  test('two tables side by side: the left one’s inserted columns move the right one’s review columns, and the record moves with them', async () => {
    const model = await readWorkbook(readFileSync(path.join(REPO, 'test/fixtures/xlsx/seed003-scoring.xlsx')), 'seed003-scoring.xlsx');
    const source = auditWorkbook(model).tables.find((t) => t.kind === 'scoring' && reviewColumnsOf(t))!;
    const sheet = model.sheets.find((x) => x.name === source.sheet)!;
    // The same table twice on one sheet, an empty column between them with two cells merged (so
    // the left table's review column cannot go there and is inserted).
    const wb = new FakeWorkbook('twice.xlsx');
    const ws = wb.addSheet('并排');
    const width = source.range.right - source.range.left + 1;
    for (const offset of [0, width + 1]) {
      for (let r = source.range.top; r <= source.range.bottom; r++)
        for (let c = source.range.left; c <= source.range.right; c++) {
          const cell = sheet.cell(r, c);
          if (cell) ws.setCell(r, c - source.range.left + 1 + offset, { value: cell.value ?? undefined, formula: cell.formula ? `=${cell.formula}` : undefined, numberFormat: cell.numFmt } as never);
        }
      for (const m of sheet.merges) if (m.top >= source.range.top && m.bottom <= source.range.bottom && m.left >= source.range.left && m.right <= source.range.right) ws.merges.push({ ...m, left: m.left - source.range.left + 1 + offset, right: m.right - source.range.left + 1 + offset });
    }
    ws.merges.push({ top: source.range.top + 3, left: width + 1, bottom: source.range.top + 4, right: width + 1 });
    const { wps, app } = fakeWps(wb);
    const host = createWpsHost({ app, wps });
    const result = auditWorkbook(await host.read('workbook'));
    const tables = result.tables.filter((t) => t.kind === 'scoring');
    expect(tables.map((t) => t.range.left)).toEqual([1, width + 2]);
    expect(tables).toHaveLength(2);
    const before = snapshot(wb);
    const r = await host.marking!.insertReviewColumns(result.tables);
    expect(r.tables).toBe(2);
    const review = reviewColumnsOf(tables[0])!.length;
    // The right table moved right by the left one's review columns; its own review columns with it.
    const right = tables[1];
    const moved = right.range.right + 1 + review;
    expect(ws.Range(a1(right.headerRow, moved)).Formula).toBe(reviewColumnsOf(right)![0].header);
    const shifted = reviewColumnsOf({ ...right, columns: Object.fromEntries(Object.entries(right.columns).map(([k, v]) => [k, (v as number) + review])) })!;
    expect(ws.Range(a1(right.indicators[0].row, moved)).Formula).toBe(shifted[0].formula(right.indicators[0].row));
    await host.marking!.clearHighlights();
    expect(snapshot(wb)).toEqual(before);
    expect(wb.props.items).toEqual([]);
  });

  test('a merged cell across the table’s right edge would grow into inserted columns: nothing is written, with a reason', async () => {
    const { wb, wps, host, result } = await open('test/fixtures/xlsx/seed003-scoring.xlsx');
    registerPerfFunctions(wps);
    const table = scoringTables(result)[0];
    const ws = wb.sheet(table.sheet);
    const row = table.indicators[0].row;
    ws.merges.push({ top: row, left: table.range.right, bottom: row, right: table.range.right + 1 });
    const before = snapshot(wb);
    const r = await host.marking!.insertReviewColumns([table]);
    expect(r.skipped).toEqual([{ sheet: table.sheet, reason: MERGED_TARGET_REASON }]);
    expect(snapshot(wb)).toEqual(before);
    expect(wb.props.items).toEqual([]);
  });

  test('a column typed into after insertion is not deleted: only our cells are cleared', async () => {
    const { wb, wps, host, result } = await open('test/fixtures/xlsx/seed003-scoring.xlsx');
    registerPerfFunctions(wps);
    const table = scoringTables(result)[0];
    const ws = wb.sheet(table.sheet);
    ws.Range(a1(table.indicators[0].row, table.range.right + 1)).Value2 = '备注';
    await host.marking!.insertReviewColumns([table]);
    const note = a1(table.range.bottom + 3, table.range.right + 1);
    ws.Range(note).Value2 = '复核人签字';
    await host.marking!.clearHighlights();
    expect(ws.Range(note).Value2).toBe('复核人签字');
    expect(ws.Range(a1(table.indicators[0].row, table.range.right + 1)).Formula).toBe('');
  });

  test('without AddCustomFunction (WPS before 12.1.0.20540) no review column is written, and the pane says why at start', async () => {
    const model = await readWorkbook(readFileSync(path.join(REPO, 'test/fixtures/xlsx/seed003-scoring.xlsx')), 'seed003-scoring.xlsx');
    const wb = fakeFromModel(model);
    const { wps, app } = fakeWps(wb, '11.1.0.11723');
    delete wps.AddCustomFunction;
    const host = createWpsHost({ app, wps });
    expect(await host.startupNotices!()).toEqual([noFunctionsNotice('11.1.0.11723')]);
    const before = snapshot(wb);
    const r = await host.marking!.insertReviewColumns(auditWorkbook(model).tables);
    expect(r.skipped).toEqual([{ sheet: '', reason: NO_FUNCTIONS_REASON }]);
    expect(snapshot(wb)).toEqual(before);
  });

  test('a protected sheet gets no review columns', async () => {
    const { wb, host, result } = await open('test/fixtures/xlsx/seed003-scoring.xlsx');
    const table = scoringTables(result)[0];
    wb.sheet(table.sheet).ProtectContents = true;
    const before = snapshot(wb);
    const r = await host.marking!.insertReviewColumns([table]);
    expect(r.skipped).toEqual([{ sheet: table.sheet, reason: PROTECTED_REASON }]);
    expect(snapshot(wb)).toEqual(before);
  });
});

test('recorded formulas move like the sheet’s: references at or right of the insertion, not text or function names', () => {
  expect(shiftFormulaColumns('=PERF.CHECK(Q3,O3,R3,S3)', 16, 1)).toBe('=PERF.CHECK(R3,O3,S3,T3)');
  expect(shiftFormulaColumns('=PERF.RULESCORE(G5,$E$5,H5)', 1, 2)).toBe('=PERF.RULESCORE(I5,$G$5,J5)');
  expect(shiftFormulaColumns('=IF(A1="B2",LOG10(C3),0)', 1, 1)).toBe('=IF(B1="B2",LOG10(D3),0)');
});
