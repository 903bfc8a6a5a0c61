/**
 * @jest-environment jsdom
 *
 * The new kinds in every host: `detect` and `audit` of the CLI (text and --json) and the pane's table
 * list name each table by its kind, and the new checks' findings (行次 definitions, expert averages
 * and scores, the self-evaluation form's 偏差原因, budget score and spending) reach the CLI text by
 * their Chinese names, `audit --json` by their codes, and the pane's finding list by both.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { main } from '../../src/cli/main';
import { checkName } from '../../src/core/audit/catalogue';
import { detectWorkbook } from '../../src/core/layout/detect';
import { readWorkbook } from '../../src/io/reader';
import { stringsFor } from '../../src/taskpane/i18n';
import { auditWorkbook } from '../../src/core/audit/audit';
import { FindingList } from '../../src/taskpane/FindingList';
import { TableList } from '../../src/taskpane/TableList';
import { fixtureBook, GridTable, placeGrid } from '../fixtures/kinds/grid';
import { budgetLinesForm, EXPERT_SCORES, expertSummary, REVIEW_FORM } from '../fixtures/kinds/new-kinds';
import { SELF_EVALUATION_FORMS } from '../fixtures/kinds/selfeval-forms';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const file = join(mkdtempSync(join(tmpdir(), 'score-audit-kinds-')), '新表种.xlsx');
let book: ExcelJS.Workbook;

beforeAll(async () => {
  book = fixtureBook();
  // An expert average off by 0.4 and a 行次 definition off by 1: one finding each.
  const scores = EXPERT_SCORES.map((r, i) => (i === 0 ? ([r[0], r[1], r[2], 26.2] as (typeof EXPERT_SCORES)[number]) : r));
  placeGrid(book.addWorksheet('专家评分'), expertSummary(scores));
  placeGrid(book.addWorksheet('审核表'), REVIEW_FORM);
  placeGrid(book.addWorksheet('主要指标表'), budgetLinesForm({ line1: 13, line24: 2100 }));
  // 稷山 as published (two lost points with no 偏差原因) with its 10-point budget block scored 11; 金寨 as published (338.31 spent of 329.77).
  placeGrid(book.addWorksheet('稷山自评表'), withCell(form('jishan-yibao-jdlk-selfeval-2020'), 'I4', '11'));
  placeGrid(book.addWorksheet('金寨自评表'), form('jinzhai-chagu-dept-selfeval-2023'));
  // An expert's 32 under a weight of 30.
  placeGrid(book.addWorksheet('专家超分'), expertSummary(EXPERT_SCORES.map((r, i) => (i === 0 ? [r[0], r[1], [27, 26, 32, 25, 27], 27.4] : r))));
  await book.xlsx.writeFile(file);
});

const form = (id: string): GridTable => SELF_EVALUATION_FORMS.find((x) => x.id === id)!;

function withCell(t: GridTable, a1: string, v: string): GridTable {
  const grid = t.grid.map((r) => [...r]);
  grid[Number(a1.slice(1)) - 1][a1.charCodeAt(0) - 65] = v;
  return { ...t, grid };
}

/** One finding of each new check: where it is and its code. */
const NEW_CHECKS = [
  '专家评分!I3 expert.average',
  '专家超分!E3 expert.above-weight',
  '主要指标表!C2 lines.definition',
  '主要指标表!B11 lines.reference-missing',
  '稷山自评表!I15 selfeval.deviation-missing',
  '稷山自评表!I4 selfeval.budget-above-weight',
  '金寨自评表!G5 selfeval.budget-over-100',
];

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, (s) => out.push(s), () => undefined);
  return { code, out: out.join('\n') };
}

const LABELS = { expert: '专家评分表', review: '评审表', 'budget-lines': '行次预算表' };

test('detect names each new kind, in text and in --json', async () => {
  const text = await run('detect', file);
  for (const [kind, label] of Object.entries(LABELS)) expect(text.out).toContain(`${label}(${kind})`);
  const json = JSON.parse((await run('detect', file, '--json')).out);
  const tables = (json.tables ?? json) as Array<{ kind: string; sheet: string; experts?: unknown[]; definitions?: unknown[]; grades?: string[] }>;
  expect(tables.filter((t) => !t.sheet.endsWith('自评表')).map((t) => [t.sheet, t.kind])).toEqual([
    ['专家评分', 'expert'],
    ['审核表', 'review'],
    ['主要指标表', 'budget-lines'],
    ['专家超分', 'expert'],
  ]);
  expect(tables.filter((t) => t.sheet === '稷山自评表').map((t) => t.kind)).toEqual(['selfeval-budget', 'selfeval-indicators']);
  expect(tables[0].experts).toHaveLength(5);
  expect(tables[1].grades).toEqual(['优', '良', '中', '差']);
  expect(tables[2].definitions).toHaveLength(5);
});

test('audit reports the new checks under their tables, by name in text and by code in --json', async () => {
  const text = await run('audit', file);
  for (const label of Object.values(LABELS)) expect(text.out).toContain(label);
  // Each finding under its table, named by its check (the Chinese name, or the code where the CLI prints it).
  // Each finding on a line with its cell and its check (the Chinese name, or the code where the CLI prints that).
  for (const at of NEW_CHECKS) {
    const [place, code] = at.split(' ');
    const cell = place.split('!')[1];
    expect(text.out.split('\n').filter((line) => line.trim().startsWith(`${cell} `) && (line.includes(checkName(code)) || line.includes(`[${code}]`)))).toHaveLength(1);
  }
  const json = JSON.parse((await run('audit', file, '--json')).out);
  const codes = (json.findings as Array<{ sheet: string; cell: string; code: string }>).map((f) => `${f.sheet}!${f.cell} ${f.code}`);
  expect(codes).toEqual(expect.arrayContaining(NEW_CHECKS));
  // What could not be checked is said under the table and carried in the JSON.
  const review = text.out.split('\n[审核表]')[1].split('\n[')[0];
  expect(review).toContain('未核对：得分不超过分值（表中无得分列）；合计与小计（合计或小计行未填写得分或分值）；分组分值与其下各项之和（未核对）；审核意见（优/良/中/差只识别，不与得分核对）');
  const coverage = json.coverage.tables as Array<{ sheet: string; kind: string; checks: Array<{ check: string; ran: boolean }> }>;
  expect(coverage.filter((c) => ['expert', 'review', 'budget-lines'].includes(c.kind)).map((c) => [c.sheet, c.checks.filter((k) => k.ran).map((k) => k.check)])).toEqual([
    ['专家评分', ['expert-average', 'expert-within-weight', 'score-within-weight']],
    ['审核表', []],
    ['主要指标表', ['line-definitions']],
    ['专家超分', ['expert-average', 'expert-within-weight', 'score-within-weight']],
  ]);
});

test("the pane's table list shows each new kind in both languages", async () => {
  const buf = await book.xlsx.writeBuffer();
  const tables = detectWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), '新表种.xlsx'));
  for (const locale of ['zh', 'en'] as const) {
    const t = stringsFor(locale);
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const { coverage } = auditWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), '新表种.xlsx'), tables);
    await act(async () => root.render(<TableList tables={tables} coverage={coverage.tables} counts={new Map()} t={t} onSelect={() => undefined} />));
    const items = [...host.querySelectorAll('[data-testid="table-item"]')].map((b) => [b.getAttribute('data-kind'), b.textContent]);
    const mine = items.filter(([k]) => k! in LABELS);
    expect(mine.map(([k]) => k)).toEqual(['expert', 'review', 'budget-lines', 'expert']);
    mine.forEach(([k, text]) => expect(text).toContain(t.kind[k as keyof typeof LABELS]));
    if (locale === 'zh') expect(mine.slice(0, 3).map(([, text]) => text!.slice(0, 5))).toEqual(['专家评分表', '评审表审核', '行次预算表']);
    // The review card says what could not be checked.
    const reviewCard = host.querySelector('[data-kind="review"]')!.closest('li')!;
    expect([...reviewCard.querySelectorAll('[data-testid="table-coverage"]')].map((e) => e.textContent).join('')).toContain('审核意见');
    await act(async () => root.unmount());
    host.remove();
  }
});

test("the pane's finding list shows each new check by its name, in both languages", async () => {
  const buf = await book.xlsx.writeBuffer();
  const { findings } = auditWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), '新表种.xlsx'));
  for (const locale of ['zh', 'en'] as const) {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(<FindingList findings={findings} t={stringsFor(locale)} locale={locale} onActivate={() => undefined} stateOf={() => undefined} onState={() => undefined} formatOf={() => undefined} />),
    );
    const items = [...host.querySelectorAll('[data-testid="finding-item"]')];
    for (const at of NEW_CHECKS) {
      const [place, code] = at.split(' ');
      const [sheet, cell] = place.split('!');
      const item = items.find((b) => b.getAttribute('data-sheet') === sheet && b.getAttribute('data-cell') === cell && b.getAttribute('data-code') === code);
      expect(item?.textContent).toContain(checkName(code, locale));
    }
    await act(async () => root.unmount());
    host.remove();
  }
});
