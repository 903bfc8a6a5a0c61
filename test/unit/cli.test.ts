import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkName } from '../../src/core/audit/catalogue';
import { main } from '../../src/cli/main';
import { DEPTH_CASES } from '../fixtures/depth-faults';
import { FAULT_CASES } from '../fixtures/faults';

const dir = mkdtempSync(join(tmpdir(), 'score-audit-cli-'));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function writeBook(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const SAMPLE = join(__dirname, '..', '..', 'samples', '韶关绩效评价评分表.xlsx');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('score-audit CLI: bad input gets a sentence and exit code 2, never a stack trace', () => {
  it('rejects a missing file', async () => {
    const r = await run('detect', join(dir, 'nope.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/找不到文件/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects a text file renamed .xlsx', async () => {
    const file = join(dir, 'not-really.xlsx');
    writeFileSync(file, '一级指标,权重\n投入,20\n');
    const r = await run('detect', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是 \.xlsx 工作簿/);
  });

  it('rejects a corrupt zip', async () => {
    const good = await writeBook('good.xlsx', (wb) => wb.addWorksheet('a').addRow(['x']));
    const bytes = readFileSync(good);
    const file = join(dir, 'corrupt.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await run('audit', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已损坏/);
  });

  it('rejects an encrypted (OLE container) file with the reason', async () => {
    const file = join(dir, 'encrypted.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const r = await run('detect', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/加密|密码/);
  });

  it('says an empty workbook is empty and exits 0', async () => {
    const file = await writeBook('empty.xlsx', (wb) => wb.addWorksheet('Sheet1'));
    const r = await run('detect', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/工作簿为空/);
  });

  it('says when no table is recognised and exits 0', async () => {
    const file = await writeBook('prose.xlsx', (wb) => {
      const ws = wb.addWorksheet('说明');
      ws.addRow(['本表用于记录会议纪要']);
      ws.addRow(['时间', '地点']);
    });
    const r = await run('detect', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/未识别到/);
    const j = await run('detect', file, '--json');
    expect(JSON.parse(j.out).tables).toEqual([]);
  });

  it('rejects unknown commands and options with usage', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const r = await run('detect', '--bogus', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/用法/);
  });
});

describe('score-audit audit', () => {
  const fault = FAULT_CASES.find((c) => c.name === 'score-not-allowed')!;
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'fault.xlsx');
    await fault.build().xlsx.writeFile(file);
  });

  it('prints JSON with findings and a summary, and --fail-on sets exit 1', async () => {
    const r = await run('audit', file, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.summary.tables).toBeGreaterThan(0);
    expect(j.summary.errors).toBeGreaterThan(0);
    expect(j.findings.some((f: { code: string; cell: string }) => f.code === 'score.not-allowed' && f.cell === 'F3')).toBe(true);
    expect((await run('audit', file, '--fail-on', 'error')).code).toBe(1);
  });

  it('prints the check by its Chinese name from the catalogue; only the JSON carries the code', async () => {
    const human = await run('audit', file);
    const line = human.out.split('\n').find((l) => l.trim().startsWith('F3'))!;
    expect(line).toContain(`${checkName('score.not-allowed')}：`);
    expect(human.out).not.toMatch(/score\.not-allowed|\[[a-z]+\.[a-z-]+\]/);
    const json = JSON.parse((await run('audit', file, '--json')).out);
    expect(json.findings.find((f: { cell: string }) => f.cell === 'F3').code).toBe('score.not-allowed');
  });

  it('writes an annotated copy, never over its input, and leaves the input untouched', async () => {
    const before = sha(file);
    const refused = await run('audit', file, '--out', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/输入文件本身/);
    const outFile = join(dir, 'out', 'fault.审核.xlsx');
    const r = await run('audit', file, '--out', outFile);
    expect(r.code).toBe(0);
    expect(existsSync(outFile)).toBe(true);
    expect(sha(file)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    expect(wb.getWorksheet('审核结果')).toBeDefined();
    const note = wb.getWorksheet('评分表')!.getCell('F3').note;
    expect(JSON.stringify(note)).toMatch(/评分审核/);
  });

  it('leaves its input byte for byte as it was, whatever the command', async () => {
    const before = sha(file);
    const stamp = () => readFileSync(file).length;
    const size = stamp();
    const commands = [
      ['detect', file],
      ['detect', file, '--json'],
      ['rule', '--coverage', file],
      ['rule', '--coverage', file, '--json'],
      ['audit', file],
      ['audit', file, '--json'],
      ['audit', file, '--fail-on', 'warning'],
      ['audit', file, '--out', join(dir, 'every', 'copy.xlsx')],
      ['audit', file, '--out', file],
    ];
    for (const args of commands) {
      const r = await run(...args);
      expect({ args, hash: sha(file), size: stamp() }).toEqual({ args, hash: before, size });
      expect(r.err).not.toMatch(/\n\s+at /); // a sentence, never a stack trace
    }
  });

  it('groups human output by sheet and table', async () => {
    const r = await run('audit', file);
    expect(r.out).toMatch(/\[评分表\]/);
    expect(r.out).toMatch(/F3\s+错误/);
  });
});

describe('score-audit audit: the depth checks', () => {
  it.each(DEPTH_CASES.map((c) => [c.name, c] as const))('%s: --json gives the code, the printed line the Chinese name', async (_n, c) => {
    const file = join(dir, `depth-${c.name}.xlsx`);
    await c.build(true).xlsx.writeFile(file);
    const json = JSON.parse((await run('audit', file, '--json')).out);
    expect(json.findings.some((f: { sheet: string; cell: string; code: string }) => f.sheet === c.expect.sheet && f.cell === c.expect.cell && f.code === c.expect.code)).toBe(true);
    const lines = (await run('audit', file)).out.split('\n');
    expect(lines.some((l) => l.trim().startsWith(c.expect.cell) && l.includes(`${checkName(c.expect.code)}：`))).toBe(true);
  });
});

describe('score-audit rule', () => {
  it('prints the reading as JSON with a score for --value', async () => {
    const r = await run('rule', '达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分', '--points', '2', '--value', '87.87%', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.parsed).toBe(true);
    expect(j.kind).toBe('threshold-linear');
    expect(j.allowed).toEqual([[0, 2]]);
    expect(j.score).toBeCloseTo(1.3935, 4);
  });

  it('gives score null without --value and explains in Chinese', async () => {
    const j = JSON.parse((await run('rule', '完成得2分，未完成不计分。', '--points', '2', '--json')).out);
    expect(j.score).toBeNull();
    expect(j.allowed).toEqual([[0, 0], [2, 2]]);
    const h = await run('rule', '完成得2分，未完成不计分。', '--points', '2');
    expect(h.out).toMatch(/允许得分/);
  });

  it('says when a text is not a rule', async () => {
    const j = JSON.parse((await run('rule', '详见附件三', '--points', '2', '--json')).out);
    expect(j.parsed).toBe(false);
  });
});

describe('score-audit rule: values, the measured quantity, the parse tree, coverage per table', () => {
  it('--value takes 62%, 0.62 and 62 alike for a rate, and the JSON says what the value is', async () => {
    const text = '按期结案率达70%以上(含)的,得50分;未达到70%的,每少一个百分点扣1分。';
    for (const v of ['62%', '0.62', '62']) {
      const j = JSON.parse((await run('rule', text, '--points', '50', '--value', v, '--json')).out);
      expect(j).toMatchObject({ parsed: true, value: 0.62, score: 42, quantity: { name: '按期结案率', unit: '%', kind: 'level', direction: 'higher', target: 0.7 } });
      expect(j.clauses.map((c: { span: number[] }) => c.span)).toEqual([[0, 20], [21, 39]]);
    }
    const plain = await run('rule', text, '--points', '50', '--value', '62');
    expect(plain.out).toMatch(/“62”按 62% 理解/);
  });

  it('--value takes a count or a rank as it is', async () => {
    const j = JSON.parse((await run('rule', '按排位打\n分,每位次\n按0.25分递\n减', '--points', '20', '--value', '9', '--json')).out);
    expect(j).toMatchObject({ score: 18, quantity: { kind: 'rank', unit: '名' } });
  });

  it('--explain prints the parse as an indented tree in Chinese', async () => {
    const h = await run('rule', '1.完成得2分，未完成不计分；2.每发现一处问题扣0.5分，扣完为止', '--points', '4', '--explain');
    expect(h.out).toMatch(/解析树：\n\s+第1项\n\s+条款：得 2 分\n\s+条件：完成目标/);
    expect(h.out).toMatch(/第2项\n\s+逐步扣分：每发现1处扣 0\.5 分\n\s+扣完为止/);
  });

  it('a text not understood names the unread part, in the text and in the JSON', async () => {
    const j = JSON.parse((await run('rule', '得分按考核等级系数折合', '--points', '5', '--json')).out);
    expect(j.parsed).toBe(false);
    expect(j.unread.map((u: { text: string }) => u.text)).toContain('系数折合');
    const h = await run('rule', '得分按考核等级系数折合', '--points', '5');
    expect(h.out).toMatch(/未读懂：第 8–11 字“系数折合”/);
  });

  it('--coverage reports per table: read, not understood, empty — never "0 of 0 = 100%"', async () => {
    const j = JSON.parse((await run('rule', '--coverage', SAMPLE, '--json')).out);
    expect(j.tables).toHaveLength(4);
    for (const t of j.tables) expect(t).toMatchObject({ hasCriteria: true, notUnderstood: 0, empty: 0 });
    expect(j.tables.reduce((a: number, t: { read: number }) => a + t.read, 0)).toBe(66);
    const h = await run('rule', '--coverage', SAMPLE);
    expect(h.out.split('\n').filter((l) => /评分标准已识别/.test(l))).toHaveLength(4);
  });
});
