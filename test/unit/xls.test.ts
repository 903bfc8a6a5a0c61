/**
 * .xls and .et (BIFF8) read into the same sheet model as .xlsx: the seed workbooks saved by
 * LibreOffice as .xls/.et (test/fixtures/xls/make.ts) give the same tables and the same findings
 * as the .xlsx originals; formulas, dates, errors, formats and merges come through.
 */
import * as CFB from 'cfb';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { parseA1, rangeA1 } from '../../src/core/sheet/address';
import { WorkbookModel } from '../../src/core/sheet/model';
import { main } from '../../src/cli/main';
import { readAnyWorkbook } from '../../src/io/read-any';
import { readWorkbook, WorkbookReadError } from '../../src/io/reader';
import { CompoundFile } from '../../src/io/xls/cfb';
import { recordsFrom } from '../../src/io/xls/records';
import { readXlsWorkbook } from '../../src/io/xls/workbook';
import { FORMULA_CASES } from '../fixtures/xls/make';

const XLS = join(__dirname, '../fixtures/xls');
const XLSX = join(__dirname, '../fixtures/xlsx');
const dir = mkdtempSync(join(tmpdir(), 'score-audit-xls-'));

const legacy = readdirSync(XLS).filter((f) => /\.(xls|et)$/.test(f) && f !== 'formulas.xls');

function findingsOf(wb: WorkbookModel) {
  const r = auditWorkbook(wb);
  return {
    tables: r.tables.map((t) => `${t.sheet}!${rangeA1(t.range)} ${t.kind}`),
    findings: r.findings.map((f) => ({ code: f.code, sheet: f.sheet, cell: f.cell, severity: f.severity, expected: f.expected, actual: f.actual })),
    summary: r.summary,
  };
}

describe.each(legacy)('%s reads like its .xlsx original', (file) => {
  it('gives the same tables, findings and summary', async () => {
    const original = file.replace(/\.(xls|et)$/, '.xlsx');
    const fromXlsx = findingsOf(await readWorkbook(readFileSync(join(XLSX, original)), original));
    const fromXls = findingsOf(readXlsWorkbook(readFileSync(join(XLS, file)), file));
    expect(fromXls).toEqual(fromXlsx);
    expect(fromXls.tables.length).toBeGreaterThan(0);
  });
});

describe('formulas.xls: what BIFF8 stores differently from .xlsx', () => {
  const wb = readXlsWorkbook(readFileSync(join(XLS, 'formulas.xls')), 'formulas.xls');
  const sheet = wb.sheets[0];
  const at = (a1: string, s = sheet) => {
    const p = parseA1(a1);
    return s.cell(p.row, p.col);
  };

  it('keeps every sheet, the hidden one too, in order', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['公式', '数据 表', '长文本', '隐藏']);
  });

  it.each(FORMULA_CASES)('decodes =$formula', ({ cell, formula }) => {
    expect(at(cell)?.formula).toBe(formula);
  });

  it('gives cached results of every type', () => {
    expect(at('C3')?.value).toBe(50);
    expect(at('C6')?.value).toBe(6.5);
    expect(at('C10')?.value).toEqual({ error: '#N/A' });
    expect(at('C13')?.value).toBe('达标');
    expect(at('E4')).toEqual({ value: { error: '#DIV/0!' }, formula: '1/0' });
  });

  it('expands a filled-down (shared) formula relative to each cell', () => {
    for (let r = 2; r <= 20; r++) expect(at(`D${r}`)?.formula).toBe(`A${r}*B${r}+$A$2`);
  });

  it('reads dates, booleans, formats, RK and large numbers, and merges', () => {
    expect(at('E2')?.value).toBe('2023-12-31');
    expect(at('E3')?.value).toBe(true);
    expect(at('E5')).toEqual({ value: 0.8523, numFmt: '0.00%' });
    expect(at('E6')).toEqual({ value: 1234567.891, numFmt: '#,##0.00' });
    expect(at('E7')?.value).toBe(-0.5);
    expect(at('E8')?.value).toBe(123456789012);
    expect(at('F2')?.value).toBe('合并单元格');
    // F2:G4 in the file; the model clips merges to the cells that hold values (column G holds none).
    expect(sheet.merges).toEqual([{ top: 2, left: 6, bottom: 4, right: 6 }]);
    expect(sheet.mergedValue(4, 6)).toBe('合并单元格');
  });

  it('reads a shared-string table that spans CONTINUE records', () => {
    const long = wb.sheets[2];
    expect(long.rowCount).toBe(400);
    for (const r of [1, 150, 333, 400]) expect(long.text(r, 1)).toBe(`第${r}条评分标准：达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分。${'◆'.repeat(r % 7)}`);
    for (const r of [1, 99, 200]) expect(long.text(r, 2)).toBe(`ascii text ${r} ${'x'.repeat(r % 50)}`);
    // The fixture does exercise the continuation: its SST record carries CONTINUE segments.
    const stream = new CompoundFile(readFileSync(join(XLS, 'formulas.xls'))).stream('Workbook')!;
    const sst = [...recordsFrom(stream, 0)].find((rec) => rec.type === 0x00fc)!;
    expect(sst.segments.length).toBeGreaterThan(2);
  });
});

/** The Workbook stream of a fixture with a FILEPASS record after its BOF: what Excel writes for a password. */
function encryptedXls(): Uint8Array {
  const c = CFB.read(readFileSync(join(XLS, 'seed000.xls')), { type: 'buffer' });
  const entry = CFB.find(c, 'Workbook')!;
  const stream = Buffer.from(entry.content as Uint8Array);
  const bofLength = 4 + stream.readUInt16LE(2);
  const filepass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00]);
  const out = CFB.utils.cfb_new();
  CFB.utils.cfb_add(out, '/Workbook', Buffer.concat([stream.subarray(0, bofLength), filepass, stream.subarray(bofLength)]));
  return new Uint8Array(CFB.write(out, { type: 'buffer' }) as Buffer);
}

describe('the CLI on .xls and .et', () => {
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, (s) => out.push(s), (s) => err.push(s));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('audits an .et and, with --out, writes an .xlsx copy, says so, and leaves the input as it was', async () => {
    const input = join(XLS, 'seed003-scoring.et');
    const hash = createHash('sha256').update(readFileSync(input)).digest('hex');
    const copy = join(dir, 'scoring.审核.xlsx');
    const r = await run('audit', input, '--out', copy);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/错误 5/);
    expect(r.out).toMatch(/副本为 \.xlsx 格式/);
    expect(r.out).toMatch(/WPS 表格工作簿（\.et/);
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(hash);
    const back = await readAnyWorkbook(readFileSync(copy), 'copy.xlsx');
    expect(back.format.kind).toBe('xlsx');
    const again = findingsOf(back.workbook);
    const before = findingsOf(readXlsWorkbook(readFileSync(input), 'x'));
    expect(again.findings).toEqual(before.findings);
    expect(back.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['表1', '表2', '表3', '表4', '审核结果']));
  });

  it('refuses a password-protected .xls with the reason', async () => {
    const file = join(dir, 'locked.xls');
    writeFileSync(file, encryptedXls());
    const r = await run('audit', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/设有打开密码/);
    expect(r.err).toMatch(/password/);
  });

  it('names the .xls reader failure as damage, not as an internal error', async () => {
    const err = await readAnyWorkbook(readFileSync(join(__dirname, '../fixtures/bad/cfb-fat-loop.xls')), 'loop.xls').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).messageZh).toMatch(/已损坏/);
  });
});
