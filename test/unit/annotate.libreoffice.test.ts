/**
 * The annotated copy in LibreOffice (a second, independent reader): it opens, prints to PDF,
 * recalculates formulas with sheet-scoped names to the same results as the original, and a
 * workbook LibreOffice itself wrote keeps every part through --out. `.ci/run` installs
 * libreoffice-calc-nogui; without soffice the tests are skipped locally and fail in CI.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { diffPackages } from '../helpers/package-diff';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'score-audit-lo-'));
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const SOFFICE_TIMEOUT_MS = 120_000;

/** A LibreOffice profile of our own: recalculate every formula of an .xlsx on load (never trust cached values). */
function profile(): string {
  const user = join(dir, 'profile', 'user');
  if (!existsSync(user)) {
    mkdirSync(user, { recursive: true });
    writeFileSync(
      join(user, 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
  }
  return `file://${join(dir, 'profile')}`;
}

function soffice(args: string[], cwd: string): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile()}`, '--headless', ...args], { cwd, encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')} failed: ${r.stderr}`);
}

/** Every sheet as CSV after LibreOffice loaded (and recalculated) the workbook: sheet name → rows. */
function sheetsAsCsv(file: string): Map<string, string> {
  const out = mkdtempSync(join(dir, 'csv-'));
  // Filter options: comma, double quote, UTF-8, from line 1, …, the last token -1 exports every sheet.
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], out);
  const base = file.split('/').pop()!.replace(/\.xls[xm]$/, '');
  return new Map(readdirSync(out).map((f) => [f.slice(base.length + 1, -4), readFileSync(join(out, f), 'utf8')]));
}

async function annotate(input: string, out: string): Promise<number> {
  return main(['audit', input, '--out', out, '--json'], () => undefined, () => undefined);
}

const suite = hasSoffice ? describe : process.env.CI ? describe : describe.skip;

suite('the annotated copy in LibreOffice', () => {
  if (!hasSoffice) {
    it('needs soffice (apt-get install libreoffice-calc-nogui)', () => {
      throw new Error('soffice is not installed: .ci/run installs libreoffice-calc-nogui');
    });
    return;
  }

  it('recalculates a formula over a sheet-scoped name to the same result as the original', async () => {
    const original = join(dir, 'names.xlsx');
    copyFileSync(join(root, 'test/fixtures/bad/18-defined-names.xlsx'), original);
    const copy = join(dir, 'names.审核.xlsx');
    expect(await annotate(original, copy)).toBe(0);
    // A control that must come out differently: the scope dropped, as a copy that lost it would.
    const zip = await JSZip.loadAsync(readFileSync(original));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace(/<definedName name="本表合计" localSheetId="0">[^<]*<\/definedName>/, '').replace(/ localSheetId="1"/, ''));
    const unscoped = join(dir, 'unscoped.xlsx');
    writeFileSync(unscoped, await zip.generateAsync({ type: 'uint8array' }));

    const last = (csv: string) => csv.trim().split('\n').pop()!;
    const [before, after, broken] = [original, copy, unscoped].map((f) => last(sheetsAsCsv(f).get('评分表')!));
    // =本表合计 and =本表合计*2 on 评分表, whose own 本表合计 is D6 (7), not 汇总!B3 (3).
    expect(before).toMatch(/^7,14,/);
    expect(after).toBe(before);
    expect(broken).toMatch(/^3,6,/);
  }, 4 * SOFFICE_TIMEOUT_MS);

  it('prints the copy of the sample to PDF: the marked sheets, 审核报告 and 审核结果', async () => {
    const copy = join(dir, 'sample.审核.xlsx');
    expect(await annotate(join(root, 'samples/韶关绩效评价评分表.xlsx'), copy)).toBe(0);
    soffice(['--convert-to', 'pdf', '--outdir', dir, copy], dir);
    const pdf = readFileSync(join(dir, 'sample.审核.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'sample.审核.pdf'), '-'], { encoding: 'utf8' });
    if (text.status === 0) {
      // poppler-utils is there (.ci/run installs it): the result sheets are on paper, in Chinese.
      expect(text.stdout).toContain('评分审核报告');
      expect(text.stdout).toMatch(/表格\s+指标名称\s+单元格\s+严重程度\s+检查项\s+说明\s+应为\s+实为/);
      expect(text.stdout).toContain('各一级指标得分率');
    }
  }, 2 * SOFFICE_TIMEOUT_MS);

  it('keeps every part of a workbook LibreOffice wrote', async () => {
    const lo = mkdtempSync(join(dir, 'lo-'));
    copyFileSync(join(root, 'samples/韶关绩效评价评分表.xlsx'), join(lo, 'sample.xlsx'));
    soffice(['--convert-to', 'ods', '--outdir', lo, join(lo, 'sample.xlsx')], lo);
    const out = mkdtempSync(join(dir, 'lo-xlsx-'));
    soffice(['--convert-to', 'xlsx', '--outdir', out, join(lo, 'sample.ods')], out);
    const made = join(out, 'sample.xlsx');
    const copy = join(dir, 'lo.审核.xlsx');
    expect(await annotate(made, copy)).toBe(0);
    const diff = await diffPackages(readFileSync(made), readFileSync(copy));
    expect(diff.lost).toEqual([]);
    expect(diff.problems).toEqual([]);
    expect(diff.same.length).toBeGreaterThan(3);
  }, 3 * SOFFICE_TIMEOUT_MS);
});
