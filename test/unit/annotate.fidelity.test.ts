/**
 * The annotated copy keeps everything the input held: written by the CLI (--out) for workbooks
 * with charts, images, tables, VBA, defined names, sparklines, print settings and protection
 * (Excel, LibreOffice and openpyxl files of the bad-input corpus), every part is compared with the
 * original byte for byte, and each part the copy edits must be the original plus our additions.
 */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../../src/io/reader';
import { diffPackages } from '../helpers/package-diff';

const root = join(__dirname, '..', '..');
const bad = (f: string) => join(root, 'test', 'fixtures', 'bad', f);
const dir = mkdtempSync(join(tmpdir(), 'score-audit-fidelity-'));

async function annotate(input: string, name: string): Promise<{ code: number; err: string; copy: Uint8Array }> {
  const out = join(dir, name);
  const err: string[] = [];
  const code = await main(['audit', input, '--out', out, '--json'], () => undefined, (s) => err.push(s));
  return { code, err: err.join('\n'), copy: code === 0 ? readFileSync(out) : new Uint8Array() };
}

/** What each file holds that a copy must not lose, in parts that must stay byte for byte. */
const CASES: Array<[string, string[]]> = [
  ['02-charts.xlsx', ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']],
  ['03-table-filter.xlsx', ['xl/tables/table1.xml']],
  ['07-images.xlsx', ['xl/media/image1.png', 'xl/drawings/drawing1.xml']],
  ['12-lo-charts.xlsx', ['xl/charts/chart1.xml']],
  ['13-macro.xlsm', ['xl/vbaProject.bin']],
  ['15-lo-table-filter.xlsx', ['xl/tables/table1.xml']],
  ['17-print-protect.xlsx', ['docProps/custom.xml', 'xl/theme/theme1.xml']],
  ['18-defined-names.xlsx', ['xl/tables/table1.xml', 'xl/media/image1.png', 'xl/theme/theme1.xml']],
  ['merge-overlap.xlsx', []],
  ['merge-duplicate.xlsx', []],
  ['merge-bad-col.xlsx', []],
  ['formula-injection.xlsx', []],
  ['merges-5000.xlsx', []],
];

describe.each(CASES)('--out of %s', (file, mustKeep) => {
  let original: Uint8Array;
  let result: Awaited<ReturnType<typeof annotate>>;
  beforeAll(async () => {
    original = readFileSync(bad(file));
    result = await annotate(bad(file), file.replace(/(\.xls[xm])$/, '.审核$1'));
  });

  it('is written without an internal error', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps every part: untouched ones byte for byte, edited ones as the original plus our additions', async () => {
    const diff = await diffPackages(original, result.copy);
    expect(diff.lost).toEqual([]);
    expect(diff.problems).toEqual([]);
    for (const part of mustKeep) expect(diff.same).toContain(part);
    // Only the parts the annotation needs are edited.
    for (const part of diff.edited) expect(part).toMatch(/^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/);
  });

  it('reads back with the same cells, formulas and merges in every original sheet', async () => {
    const before = await readWorkbook(original, file);
    const after = await readWorkbook(result.copy, file);
    const cells = (s: (typeof before.sheets)[number]) => Array.from({ length: s.rowCount }, (_, r) => Array.from({ length: s.colCount }, (_, c) => s.cell(r + 1, c + 1) ?? null));
    for (const sheet of before.sheets) {
      const again = after.sheets.find((s) => s.name === sheet.name)!;
      expect([again.rowCount, again.colCount, again.merges]).toEqual([sheet.rowCount, sheet.colCount, sheet.merges]);
      expect(cells(again)).toEqual(cells(sheet));
    }
  });
});

describe('the package comparison itself', () => {
  it('sees a lost part, a changed part, a changed cell and a changed style', async () => {
    const original = readFileSync(bad('18-defined-names.xlsx'));
    const { copy } = await annotate(bad('18-defined-names.xlsx'), 'spoiled.xlsx');
    const spoil = async (edit: (zip: JSZip) => Promise<void>) => {
      const zip = await JSZip.loadAsync(copy);
      await edit(zip);
      return diffPackages(original, await zip.generateAsync({ type: 'uint8array' }));
    };
    expect((await spoil(async (z) => void z.remove('xl/media/image1.png'))).lost).toEqual(['xl/media/image1.png']);
    expect((await spoil(async (z) => void z.file('xl/theme/theme1.xml', 'x'))).problems).toEqual(['xl/theme/theme1.xml']);
    const sheet = await JSZip.loadAsync(copy).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect((await spoil(async (z) => void z.file('xl/worksheets/sheet1.xml', sheet.replace('<v>1.5</v>', '<v>2</v>')))).problems).toEqual(['xl/worksheets/sheet1.xml']);
    const styles = await JSZip.loadAsync(copy).then((z) => z.file('xl/styles.xml')!.async('string'));
    expect((await spoil(async (z) => void z.file('xl/styles.xml', styles.replace('<b/>', '<i/>')))).problems).toEqual(['xl/styles.xml']);
    expect((await diffPackages(original, copy)).problems).toEqual([]);
  });
});

describe('what the copy must keep in particular', () => {
  it('text that looks like a formula (= + - @) stays text, in the sheet and in 审核结果', async () => {
    const { copy } = await annotate(bad('formula-injection.xlsx'), 'injection.xlsx');
    const book = await readWorkbook(copy, 'injection.xlsx');
    const texts = book.sheets[0];
    const risky: string[] = [];
    for (let r = 1; r <= texts.rowCount; r++)
      for (let c = 1; c <= texts.colCount; c++) {
        const v = texts.value(r, c);
        if (typeof v === 'string' && /^[=+\-@]/.test(v)) {
          risky.push(v);
          expect(texts.cell(r, c)?.formula).toBeUndefined();
        }
      }
    expect(risky.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(copy);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && !/sheet1\.xml$/.test(n))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f>/);
    }
  });

  it('sheet-scoped names keep their scope and the workbook its protection and print titles', async () => {
    const { copy } = await annotate(bad('18-defined-names.xlsx'), 'names.xlsx');
    const workbook = await (await JSZip.loadAsync(copy)).file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain(`<definedName name="本表合计" localSheetId="0">'评分表'!$D$6</definedName>`);
    expect(workbook).toContain(`<definedName name="本表合计" localSheetId="1">'汇总'!$B$3</definedName>`);
    const printed = await (await JSZip.loadAsync((await annotate(bad('17-print-protect.xlsx'), 'print.xlsx')).copy)).file('xl/workbook.xml')!.async('string');
    expect(printed).toMatch(/<workbookProtection\b/);
    expect(printed).toMatch(/_xlnm\.Print_Titles" localSheetId="0"/);
  });

  it('a macro-enabled workbook keeps its type, so its copy must be named .xlsm', async () => {
    const err: string[] = [];
    const code = await main(['audit', bad('13-macro.xlsm'), '--out', join(dir, 'macro.xlsx')], () => undefined, (s) => err.push(s));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/\.xlsm 结尾/);
    const types = await (await JSZip.loadAsync((await annotate(bad('13-macro.xlsm'), 'macro.xlsm')).copy)).file('[Content_Types].xml')!.async('string');
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  it('is linear in the merges: 20,000 merges take about as long as a plain copy', async () => {
    const started = performance.now();
    const { code } = await annotate(bad('merges-5000.xlsx'), 'merges.xlsx');
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000); // a hang guard: it took 29.5 s when quadratic
  });
});
