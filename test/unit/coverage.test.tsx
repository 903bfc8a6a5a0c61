/**
 * @jest-environment jsdom
 *
 * What could not be checked is always said: a scoring table without a criteria column, rules not
 * understood, a sheet with scoring-like content but no table found — in the audit's coverage, the
 * CLI's lines under each table and in its summary line, `audit --json`, and the pane's table cards.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { auditWorkbook } from '../../src/core/audit/audit';
import { sheetFromGrid, type WorkbookModel } from '../../src/core/sheet/model';
import { main } from '../../src/cli/main';
import { TableList } from '../../src/taskpane/TableList';
import { stringsFor } from '../../src/taskpane/i18n';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NO_CRITERIA = [
  ['一级指标', '二级指标', '分值', '得分'],
  ['决策', '目标设定', 5, 4],
  ['过程', '资金管理', 10, 9],
  ['产出', '完成数量', 15, 12],
];
/** Rules and points under header words the vocabulary does not know: no table is found. */
const UNKNOWN = [
  ['考察方面', '要求', '满分多少'],
  ['台账', '台账资料齐全的得3分，缺一项扣1分，扣完为止。', 3],
  ['公示', '按时公示的得2分，否则不得分。', 2],
  ['整改', '问题整改率达到100%的得5分，每低10个百分点扣1分。', 5],
];

function model(grid: unknown[][], name: string): WorkbookModel {
  return { source: `${name}.xlsx`, sheets: [sheetFromGrid({ name, values: grid as never })] };
}

async function xlsx(grid: unknown[][], name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of grid) ws.addRow(r);
  const dir = mkdtempSync(path.join(tmpdir(), 'coverage-'));
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

async function cli(args: string[]): Promise<string> {
  let out = '';
  await main(args, (s) => (out += `${s}\n`), () => undefined);
  return out;
}

describe('a scoring table without a criteria column', () => {
  const result = auditWorkbook(model(NO_CRITERIA, '评分表'));
  const cov = result.coverage.tables[0];

  it('is a scoring table whose rule check did not run, and says why', () => {
    expect(result.tables[0].kind).toBe('scoring');
    expect(cov.checks.find((c) => c.check === 'rows-against-rules')).toEqual({ check: 'rows-against-rules', name: '逐行核对评分标准', ran: false, note: '表中无评分标准列，未核对得分是否符合评分标准' });
    expect(cov.checks.find((c) => c.check === 'score-within-weight')?.ran).toBe(true);
    expect(cov.rules).toEqual({ indicators: 3, read: 0, notUnderstood: 0, empty: 3 });
  });

  it('says so in the CLI, under the table and in the summary line, and in --json', async () => {
    const file = await xlsx(NO_CRITERIA, '评分表');
    const text = await cli(['audit', file]);
    expect(text).toMatch(/未核对：逐行核对评分标准（表中无评分标准列，未核对得分是否符合评分标准）/);
    expect(text.split('\n')[0]).toMatch(/项核对未能进行/);
    const json = JSON.parse(await cli(['audit', file, '--json']));
    expect(json.coverage.tables[0].checks.find((c: { check: string }) => c.check === 'rows-against-rules').ran).toBe(false);
  });

  it('says so on the pane’s table card', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    await act(async () => root.render(<TableList tables={result.tables} coverage={result.coverage.tables} counts={new Map()} t={stringsFor('zh')} onSelect={() => undefined} />));
    const lines = [...container.querySelectorAll('[data-testid="table-coverage"]')].map((e) => e.textContent);
    expect(lines).toContain('未核对：逐行核对评分标准（表中无评分标准列，未核对得分是否符合评分标准）；合计与小计（表中无合计或小计行）；上级指标分值与下级之和（上级指标未写明分值）；评分理由与扣分（表中无评分理由列）');
    await act(async () => root.unmount());
    container.remove();
  });
});

describe('scoring-like content under words no table is found for', () => {
  const result = auditWorkbook(model(UNKNOWN, '考核表'));

  it('finds no table but says where a scoring table seems to be', () => {
    expect(result.tables).toEqual([]);
    expect(result.coverage.notices).toEqual([{ sheet: '考核表', row: 2, message: expect.stringMatching(/^工作表「考核表」第 2 行起疑似评分表，未能识别其列/) }]);
  });

  it('prints the notice in the CLI', async () => {
    expect(await cli(['audit', await xlsx(UNKNOWN, '考核表')])).toMatch(/第 2 行起疑似评分表/);
  });
});

describe('--columns: the user names the roles', () => {
  it('finds the table the words did not give, and audits it', async () => {
    const file = await xlsx(UNKNOWN, '考核表');
    const text = await cli(['audit', file, '--columns', '考核表!A=name,B=criteria,C=weight']);
    expect(text).toMatch(/考核表\.xlsx：1 个表格，3 个评分指标/);
    const json = JSON.parse(await cli(['detect', file, '--json', '--columns', '考核表!A=指标名称,B=评分标准,C=分值']));
    expect(json.tables[0]).toMatchObject({ kind: 'scoring', columns: { name: 'A', criteria: 'B', weight: 'C' } });
    expect(json.tables[0].columnInference.map((i: { source: string }) => i.source)).toEqual(['user', 'user', 'user']);
  });

  it('overrides a role detection gave, and can take a column out', async () => {
    const file = await xlsx(NO_CRITERIA, '评分表');
    const json = JSON.parse(await cli(['detect', file, '--json', '--columns', 'D=ignore']));
    expect(json.tables[0].columns.score).toBeUndefined();
  });

  it('refuses a misspelt sheet or role with a sentence', async () => {
    const file = await xlsx(NO_CRITERIA, '评分表');
    let err = '';
    const code = await main(['audit', file, '--columns', '评分!B=criteria'], () => undefined, (s) => (err += s));
    expect(code).toBe(2);
    expect(err).toMatch(/工作表“评分”不存在/);
    err = '';
    await main(['audit', file, '--columns', 'B=标准'], () => undefined, (s) => (err += s));
    expect(err).toMatch(/用途“标准”无法识别/);
  });
});

describe('the pane: a column detection is unsure of gets a role picker, and the choice is kept', () => {
  const UNSURE = [
    ['指标', '分值', '打分细则说明', '得分'],
    ['制度建设', 3, '制度健全得3分，不健全扣1分，无制度不得分。', 2],
    ['资金管理', 4, '资金专款专用得4分，发现一处挪用扣2分。', 4],
    ['信息公开', 3, '按时公开得3分，否则不得分。', 1.5],
  ];

  it('lists the picker under the card, and setting a role saves it and scans again with it', async () => {
    const { App } = await import('../../src/taskpane/App');
    const { memoryColumnStore, memoryReviewStore } = await import('../../src/taskpane/host');
    const columns = memoryColumnStore();
    const read = jest.fn(async () => model(UNSURE, '评分表'));
    const host = { kind: 'excel' as const, scopes: ['workbook' as const], reviews: memoryReviewStore(), columns, read, selectCell: async () => undefined };
    if (!window.matchMedia) window.matchMedia = ((q: string) => ({ matches: false, media: q, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    await act(async () => root.render(<App host={host} locale="zh" />));
    const settle = async () => {
      for (let i = 0; i < 6; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
    };
    await act(async () => (container.querySelector('[data-testid="scan-button"]') as HTMLElement | null)?.click());
    await settle();
    // The tables are folded under their heading.
    await act(async () => (container.querySelector('[data-testid="tables-header"] button') as HTMLElement | null)?.click());
    const picker = container.querySelector<HTMLSelectElement>('[data-testid="column-role"] select, select[data-testid="column-role"]');
    expect(picker).not.toBeNull();
    await act(async () => {
      picker!.value = 'ignore';
      picker!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(await columns.load()).toEqual([{ sheet: '评分表', col: 3, role: 'ignore' }]);
    expect(read).toHaveBeenCalledTimes(2);
    await act(async () => root.unmount());
    container.remove();
  });
});

describe('a table continued on the next sheet (续表) is said to be one in every host', () => {
  const HEAD = ['指标', '分值', '评分标准', '得分'];
  const PART1 = [['项目评分表'], HEAD, ['制度建设', 3, '制度健全得3分，否则不得分。', 3], ['资金管理', 4, '资金专款专用得4分，发现一处挪用扣2分。', 4]];
  const PART2 = [['续表'], HEAD, ['信息公开', 3, '按时公开得3分，否则不得分。', 3], ['合计', 10, '', 10]];

  it('in detect --json and the CLI', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, grid] of [['表1', PART1], ['表1续', PART2]] as const) {
      const ws = wb.addWorksheet(name);
      for (const r of grid) ws.addRow(r);
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'continued-')), 'continued.xlsx');
    writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const json = JSON.parse(await cli(['detect', file, '--json']));
    expect(json.tables.map((t: { sheet: string; continues?: unknown }) => [t.sheet, t.continues])).toEqual([['表1', undefined], ['表1续', { sheet: '表1', headerRow: 2 }]]);
    const text = await cli(['audit', file]);
    expect(text).toMatch(/续表：接「表1」第 2 行表头的表/);
    expect(text).toMatch(/错误 0，/);
  });

  it('on the pane’s table card', async () => {
    const wb: WorkbookModel = { source: 'continued.xlsx', sheets: [sheetFromGrid({ name: '表1', values: PART1 as never }), sheetFromGrid({ name: '表1续', values: PART2 as never })] };
    const result = auditWorkbook(wb);
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    await act(async () => root.render(<TableList tables={result.tables} coverage={result.coverage.tables} counts={new Map()} t={stringsFor('zh')} onSelect={() => undefined} />));
    expect([...container.querySelectorAll('[data-testid="table-continues"]')].map((e) => e.textContent)).toEqual(['续表：接「表1」第 2 行表头的表']);
    await act(async () => root.unmount());
    container.remove();
  });
});
