/**
 * score-audit batch on 200 generated files: scoring workbooks, .xls/.et/.docx copies, broken
 * files, a file that never finishes reading (a named pipe, as a stalled network drive behaves)
 * and a workbook too large for the memory limit given. Runs the built CLI (npm test builds it
 * first) as a user would, and checks the JSONL, the summary workbook, --resume and that no bad
 * file stops the batch.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticWorkbook } from '../../scripts/synthetic';
import { BatchRecord, parseResults } from '../../src/cli/batch-record';
import { findSoffice } from '../../src/cli/convert';
import { checkName } from '../../src/core/audit/catalogue';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin/score-audit.js');
const FIXTURES = join(ROOT, 'test/fixtures');
const TOTAL = 200;
/**
 * A heap small enough that the hog overflows it, large enough for every ordinary file; a time limit
 * the pipe trips, long enough for the hog to reach its heap limit on a loaded machine (3–5 s here:
 * V8 collects hard before it gives up) and for an ordinary file (tens of milliseconds).
 */
const TIMEOUT_S = 15;
const LIMITS = ['--timeout', String(TIMEOUT_S), '--memory', '64'];

const work = mkdtempSync(join(tmpdir(), 'score-audit-batch-'));
const input = join(work, 'in');
const out = join(work, 'out');

function batch(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'batch', ...args], { cwd: work, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const results = () => parseResults(readFileSync(join(out, 'results.jsonl'), 'utf8'));

async function sheetRows(sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, '汇总.xlsx'));
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** The generated batch: what each file is, by name. */
const broken: Record<string, Uint8Array | string> = {
  'broken/truncated.xlsx': new Uint8Array(0),
  'broken/empty.xlsx': '',
  'broken/csv-renamed.xlsx': '一级指标,权重\n投入,20\n',
  'broken/random.xls': new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)),
};

beforeAll(async () => {
  mkdirSync(join(input, 'broken'), { recursive: true });
  mkdirSync(join(input, 'seeds'), { recursive: true });
  let count = 0;
  // Legacy formats and reports: the committed fixtures, each under two names (same content, two rows).
  const copies = [
    ...['seed003-scoring.xls', 'seed003-summary.et', 'selfeval-faulty.xls', 'seed000.xls'].map((f) => join(FIXTURES, 'xls', f)),
    ...['seed003-report.docx', 'seed003-report-wrong-prose.docx', 'seed000-report.docx'].map((f) => join(FIXTURES, 'docx', f)),
    ...['seed003-scoring.xlsx', 'selfeval-faulty.xlsx', 'seed003-summary.xlsx'].map((f) => join(FIXTURES, 'xlsx', f)),
  ];
  for (const f of copies) {
    for (const n of [1, 2]) copyFileSync(f, join(input, 'seeds', `${n}-${f.split('/').pop()}`));
    count += 2;
  }
  const zip = readFileSync(join(FIXTURES, 'xlsx/seed000.xlsx'));
  broken['broken/truncated.xlsx'] = zip.subarray(0, zip.length >> 1);
  for (const [name, content] of Object.entries(broken)) writeFileSync(join(input, name), content);
  copyFileSync(join(FIXTURES, 'bad/cfb-fat-loop.xls'), join(input, 'broken/cfb-fat-loop.xls'));
  copyFileSync(join(FIXTURES, 'bad/fmt-xlsb.xlsx'), join(input, 'broken/fmt-xlsb.xlsx'));
  count += Object.keys(broken).length + 2;
  // A file whose read never ends, and a workbook far larger than a 64 MB heap holds.
  execFileSync('mkfifo', [join(input, 'broken/hang.xlsx')]);
  writeFileSync(join(input, 'broken/hog.xlsx'), await syntheticWorkbook(40_000, 7));
  count += 2;
  // The rest: small synthetic scoring workbooks, each different.
  for (let i = 0; count < TOTAL; i++, count++) writeFileSync(join(input, `wb-${String(i).padStart(3, '0')}.xlsx`), await syntheticWorkbook(20 + (i % 30), 100 + i));
  // Office's lock file of an open workbook is not an input.
  writeFileSync(join(input, '~$wb-000.xlsx'), 'lock');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('score-audit batch: 200 files, broken ones, a hang and a memory hog', () => {
  let first: ReturnType<typeof batch>;
  let records: BatchRecord[];
  beforeAll(() => {
    first = batch('in', '--out-dir', 'out', '--jobs', '2', ...LIMITS);
    records = results();
  }, 240_000);

  it('finishes and exits 0 without --fail-on; stdout names the summary and the failures', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/共 200 个文件：已审核 192 个，无法审核 8 个/);
    expect(first.stdout).toMatch(/汇总：.*汇总\.xlsx/);
    expect(first.stderr).toMatch(/\[#{24}\] 200\/200 {2}无法审核 8 {2}错误 \d+/);
    expect(first.stderr).not.toMatch(/内部错误|internal error/);
  });

  it('writes one JSONL line per file as it finishes, every file once', () => {
    expect(records).toHaveLength(TOTAL);
    expect(new Set(records.map((r) => r.file)).size).toBe(TOTAL);
    expect(records.some((r) => r.file.includes('~$'))).toBe(false);
  });

  it('reports the hang, the hog and the broken files with their reasons, and audits everything else', () => {
    const status = (name: string) => records.find((r) => r.file === join('in', name));
    expect(status('broken/hang.xlsx')).toMatchObject({ status: 'timeout', reason: expect.stringMatching(new RegExp(`超过 ${TIMEOUT_S} 秒的时间上限`)) });
    expect(status('broken/hog.xlsx')).toMatchObject({ status: 'memory', reason: expect.stringMatching(/内存/) });
    // The hog was read and hashed before it was stopped: its record keeps the hash (--resume skips it); the pipe never gave one.
    expect(status('broken/hog.xlsx')!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(status('broken/hang.xlsx')!.sha256).toBeUndefined();
    expect(status('broken/truncated.xlsx')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/已损坏/) });
    expect(status('broken/empty.xlsx')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/文件为空/) });
    expect(status('broken/csv-renamed.xlsx')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/CSV\/文本文件/) });
    expect(status('broken/random.xls')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/不是 \.xlsx 工作簿/) });
    expect(status('broken/cfb-fat-loop.xls')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/已损坏/) });
    expect(status('broken/fmt-xlsb.xlsx')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/\.xlsb/) });
    const ok = records.filter((r) => r.status === 'ok');
    expect(ok).toHaveLength(TOTAL - 8);
    // Files after the hang and the hog in the queue were audited: the batch went on.
    expect(ok.filter((r) => /wb-1\d\d\.xlsx$/.test(r.file)).length).toBeGreaterThan(40);
  });

  it('audits .xls, .et and .docx copies like their originals, and reads the prose check', () => {
    const rec = (name: string) => records.find((r) => r.file === join('in/seeds', name))!;
    expect(rec('1-seed003-scoring.xls')).toMatchObject({ format: 'xls', errors: 5, kinds: ['scoring'] });
    expect(rec('1-seed003-summary.et')).toMatchObject({ format: 'xls', totalScore: 77.19, grade: '中', formatName: expect.stringMatching(/WPS/) });
    expect(rec('2-seed003-report-wrong-prose.docx').findings!.map((f) => f.code)).toEqual(expect.arrayContaining(['prose.total-mismatch', 'prose.grade-mismatch']));
    expect(rec('1-seed003-report.docx').findings!.some((f) => f.code.startsWith('prose.'))).toBe(false);
    expect(rec('1-seed003-scoring.xlsx').sha256).toBe(rec('2-seed003-scoring.xlsx').sha256);
    expect(rec('1-seed003-scoring.xlsx').worst).toMatchObject({ severity: 'error', name: checkName(rec('1-seed003-scoring.xlsx').worst!.code) });
    expect(rec('1-seed003-scoring.xlsx').coverage).toEqual({ understood: expect.any(Number), total: 66 });
  });

  it('writes 汇总.xlsx: a row per file, every finding with its file and a filter, the files not audited', async () => {
    const files = await sheetRows('汇总');
    expect(files).toHaveLength(TOTAL);
    const byFile = new Map(files.map((r) => [r[0], r]));
    const summary = byFile.get(join('in/seeds', '1-seed003-summary.et'))!;
    expect(summary[1]).toBe('WPS 表格工作簿（.et，与 .xls 同为 BIFF8 格式）');
    expect(summary[3]).toMatch(/汇总表/);
    expect(summary.slice(4, 9)).toEqual([77.19, '中', 2, 0, 0]);
    expect(summary[9]).toMatch(/^\[错误\] 得分率计算错误：/);
    expect(byFile.get(join('in', 'broken/hang.xlsx'))![11]).toBe('超时');
    const listed = await sheetRows('问题清单');
    const expectedFindings = records.reduce((n, r) => n + (r.findings?.length ?? 0), 0);
    expect(listed).toHaveLength(expectedFindings);
    expect(listed.every((r) => typeof r[0] === 'string' && (r[0] as string).startsWith('in'))).toBe(true);
    expect(listed.find((r) => r[9] === 'prose.total-mismatch')?.[4]).toBe('正文所述总分与表格不符');
    const unread = await sheetRows('无法读取');
    expect(unread.map((r) => r[0]).sort()).toEqual(records.filter((r) => r.status !== 'ok').map((r) => r.file).sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '汇总.xlsx'));
    expect(wb.getWorksheet('问题清单')!.autoFilter).toBeTruthy();
  });

  it('fails the batch with --fail-on: findings at or above it, or a file not audited', () => {
    const r = batch('in/seeds/1-seed000-report.docx', '--out-dir', 'out-fail', '--fail-on', 'error', ...LIMITS);
    expect(r.code).toBe(0);
    const e = batch('in/seeds/1-seed003-scoring.xls', '--out-dir', 'out-fail', '--fail-on', 'error', ...LIMITS);
    expect(e.code).toBe(1);
    const u = batch('in/broken/empty.xlsx', '--out-dir', 'out-fail', '--fail-on', 'warning', ...LIMITS);
    expect(u.code).toBe(1);
  });

  it('--resume skips what results.jsonl holds, by content; a new file is audited; the summary keeps a row per file', async () => {
    writeFileSync(join(input, 'wb-new.xlsx'), await syntheticWorkbook(25, 999));
    const r = batch('in', '--out-dir', 'out', '--jobs', '2', '--resume', '--json', ...LIMITS);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: number; skipped: number; audited: number };
    // Everything with a hash is skipped; the pipe never gave one and is tried again; the new file is read.
    expect(json.skipped).toBe(TOTAL - 1);
    expect(json.files).toBe(TOTAL + 1);
    const after = results();
    expect(after.slice(0, TOTAL)).toEqual(records);
    expect(after.slice(TOTAL).map((x) => [x.file, x.status]).sort()).toEqual([
      [join('in', 'broken/hang.xlsx'), 'timeout'],
      [join('in', 'wb-new.xlsx'), 'ok'],
    ]);
    expect(await sheetRows('汇总')).toHaveLength(TOTAL + 1);
  }, 120_000);

  it('--annotate writes each audited file’s annotated copy into DIR, an .xlsx also for .xls/.et/.docx', () => {
    const r = batch('in/seeds/1-seed003-summary.et', 'in/seeds/1-seed003-report.docx', '--out-dir', 'out-annotate', '--annotate', ...LIMITS);
    expect(r.code).toBe(0);
    expect(existsSync(join(work, 'out-annotate/annotated/in/seeds/1-seed003-summary.审核.xlsx'))).toBe(true);
    expect(existsSync(join(work, 'out-annotate/annotated/in/seeds/1-seed003-report.审核.xlsx'))).toBe(true);
  });
});

describe('batch --convert: the LibreOffice route', () => {
  const ods = join(FIXTURES, 'bad/fmt-ods.xlsx');

  it('without LibreOffice, says how to install it and lists the file as unreadable', () => {
    const dir = join(work, 'convert-none');
    const r = spawnSync(process.execPath, [CLI, 'batch', ods, '--convert', '--out-dir', dir, ...LIMITS], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/--convert 需要 LibreOffice.*apt-get install libreoffice-calc-nogui/);
    const [rec] = parseResults(readFileSync(join(dir, 'results.jsonl'), 'utf8'));
    expect(rec).toMatchObject({ status: 'unreadable', format: 'ods', reason: expect.stringMatching(/apt-get install libreoffice-calc-nogui/) });
  });

  // LibreOffice is optional: .ci/run installs libreoffice-calc-nogui, so CI runs this.
  const withSoffice = findSoffice() ? it : it.skip;
  withSoffice('converts an .ods (here one named .xlsx) to .xlsx first and audits it', () => {
    const dir = join(work, 'convert-lo');
    const r = spawnSync(process.execPath, [CLI, 'batch', ods, '--convert', '--out-dir', dir, '--timeout', '120'], { cwd: work, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [rec] = parseResults(readFileSync(join(dir, 'results.jsonl'), 'utf8'));
    expect(rec).toMatchObject({ status: 'ok', format: 'xlsx' });
    expect(rec.tables).toBeGreaterThan(0);
  }, 180_000);
});
