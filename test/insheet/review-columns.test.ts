jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
/**
 * The review columns as Excel would compute them: insertReviewColumns writes its formulas into the
 * seed scoring tables (on the fake host), and HyperFormula evaluates those very formulas with the
 * functions registered from the BUILT dist/functions.json by their `name`, as Excel resolves them.
 * A formula naming a function Excel does not know (#NAME?) or leaving out a required argument
 * fails here (review B1, B2).
 *
 * Outside CI a missing dist/ skips these tests with a message; in CI it fails (`npm test` builds first).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { detectWorkbook } from '../../src/core/layout/detect';
import type { DetectedTable } from '../../src/core/layout/types';
import { isCellError, type SheetModel } from '../../src/core/sheet/model';
import { insertReviewColumns } from '../../src/excel/review-columns';
import { readWorkbook } from '../../src/io/reader';
import { FakeExcel } from '../unit/excel/fake-excel';
import { BUILT_METADATA, builtMetadata, registerPerfPlugin } from './perfPlugin';

const SEED = path.resolve(__dirname, '../fixtures/xlsx/seed003-scoring.xlsx');
const all = () => true;
const built = builtMetadata();

type Grid = (string | number | boolean | null)[][];

/** The sheet's values as a grid from A1 (errors as their text). */
function gridOf(sheet: SheetModel): Grid {
  return Array.from({ length: sheet.rowCount }, (_, r) =>
    Array.from({ length: sheet.colCount }, (_, c) => {
      const v = sheet.value(r + 1, c + 1);
      return isCellError(v) ? v.error : v;
    }),
  );
}

/** Write the review columns of `table` on a fake host holding `grid`; the sheet after it, our formulas in place. */
async function withReviewColumns(name: string, grid: Grid, table: DetectedTable): Promise<{ sheet: Grid; written: Map<string, string> }> {
  const x = new FakeExcel([{ name, values: grid }]);
  await insertReviewColumns(x.context, table, name, { supports: all });
  const written = new Map<string, string>();
  const s = x.sheet(name);
  const rows = Math.max(grid.length, ...[...s.cells.keys()].map((k) => Number(k.split(',')[0])));
  const cols = Math.max(...[...s.cells.keys()].map((k) => Number(k.split(',')[1])));
  const sheet: Grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const cell = s.get(r + 1, c + 1);
      if (typeof cell?.formula === 'string' && cell.formula.startsWith('=')) {
        written.set(`${r + 1},${c + 1}`, cell.formula);
        return cell.formula;
      }
      return (cell?.value as Grid[number][number]) ?? null;
    }),
  );
  return { sheet, written };
}

const at = (row: number, col: number) => ({ sheet: 0, row: row - 1, col: col - 1 });

if (!built && process.env.CI) {
  describe('review columns in a computed sheet', () => {
    it('has a build', () => {
      throw new Error(`${BUILT_METADATA} does not exist: run \`npm run build\` before Jest (\`npm test\` does).`);
    });
  });
} else if (!built) {
  describe.skip(`review columns in a computed sheet: skipped, ${BUILT_METADATA} does not exist — run \`npm run build\` first (CI fails instead)`, () => {
    it('runs after npm run build', () => undefined);
  });
} else {
  describe('review columns in a computed sheet, functions registered from dist/functions.json by name', () => {
    let names: string[] = [];
    beforeAll(() => {
      names = registerPerfPlugin(built);
    });

    it('registers exactly the names the build wrote', () => {
      expect(names).toEqual(built.functions.map((f) => `PERF.${f.name}`));
    });

    it('computes every 一致性检查 the add-in writes into the four seed scoring tables, and flags their known faults', async () => {
      const workbook = await readWorkbook(new Uint8Array(readFileSync(SEED)), path.basename(SEED));
      const tables = detectWorkbook(workbook).filter((t) => t.kind === 'scoring');
      expect(tables).toHaveLength(4);
      const messages: Array<{ sheet: string; indicator: string; score: unknown; message: string }> = [];
      for (const table of tables) {
        const model = workbook.sheets.find((s) => s.name === table.sheet)!;
        const { sheet, written } = await withReviewColumns(table.sheet, gridOf(model), table);
        expect(written.size).toBe(table.indicators.length);
        const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
        for (const [key, formula] of written) {
          const [row, col] = key.split(',').map(Number);
          const value = hf.getCellValue(at(row, col));
          // A wrong name is #NAME?, a missing argument #N/A: neither may appear.
          if (value instanceof DetailedCellError) throw new Error(`${table.sheet}!R${row}C${col} ${formula} → ${value.value} ${value.message}`);
          expect(typeof value).toBe('string');
          const indicator = table.indicators.find((i) => i.row === row)!;
          messages.push({ sheet: table.sheet, indicator: indicator.path[indicator.path.length - 1], score: sheet[row - 1][table.columns.score! - 1], message: String(value) });
        }
        hf.destroy();
      }
      // The seed's real inconsistencies (see the e2e test): 0.75 under a 1/0.5/0 rule, 1.5 under 2/1/0 tiers.
      const plan = messages.find((m) => m.indicator === '计划安排合理性' && m.score === 0.75);
      expect(plan?.message).toMatch(/只能得.*实际得分 0\.75 不在其中/);
      const share = messages.find((m) => m.indicator === '产业园内高新企业数量占比' && m.score === 1.5);
      expect(share?.message).toMatch(/实际得分 1\.5 不在其中/);
      // Most rows agree with their rule: the column is a check, not noise.
      expect(messages.filter((m) => m.message === '').length).toBeGreaterThan(messages.length / 2);
    });

    it('computes 规则得分 from the measured-value column', async () => {
      const grid: Grid = [
        ['指标', '分值', '评分标准', '实际值', '得分'],
        ['企业满意率', 2, '满意率≥90%，2分；满意率低于90%，本指标得分=（满意率-60%）/(90%-60%)×2分；满意率低于60%，不得分', 0.75, 1],
        ['入驻企业数量', 2, '完成得2分，未完成不计分。', 1, 2],
      ];
      const table: DetectedTable = {
        sheet: '评分表',
        kind: 'scoring',
        range: { top: 1, left: 1, bottom: 3, right: 5 },
        headerRow: 1,
        headerRows: 1,
        columns: { name: 1, weight: 2, criteria: 3, actual: 4, score: 5 },
        dataRows: [2, 3],
        indicators: [{ row: 2, path: ['企业满意率'] }, { row: 3, path: ['入驻企业数量'] }],
        totals: [],
        groups: [],
      };
      const { sheet, written } = await withReviewColumns('评分表', grid, table);
      expect([...written.values()]).toEqual(['=PERF.RULESCORE(C2,B2,D2)', '=PERF.CHECK(C2,B2,E2)', '=PERF.RULESCORE(C3,B3,D3)', '=PERF.CHECK(C3,B3,E3)']);
      const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
      // (75% − 60%) / (90% − 60%) × 2 = 1; a completed binary item gets its 2 points.
      expect(hf.getCellValue(at(2, 6))).toBeCloseTo(1, 9);
      expect(hf.getCellValue(at(2, 7))).toBe('');
      expect(hf.getCellValue(at(3, 6))).toBe(2);
      hf.destroy();
    });

    it('fails a formula by a name functions.json does not have, and RULESCORE without its value, as Excel does', () => {
      const row = ['完成得2分，未完成不计分。', 2, 1, '=PERF.按标准计分(A1,B1,C1)', '=PERF.SCORE(A1,B1,C1)', '=PERF.RULESCORE(A1,B1)', '=PERF.RULESCORE(A1,B1,C1)'];
      const hf = HyperFormula.buildFromArray([row], { licenseKey: 'gpl-v3' });
      // The old metadata's display name (HyperFormula cannot even parse it) and an unknown ASCII name.
      expect(hf.getCellValue(at(1, 4))).toBeInstanceOf(DetailedCellError);
      expect((hf.getCellValue(at(1, 5)) as DetailedCellError).value).toBe('#NAME?');
      expect(hf.getCellValue(at(1, 6))).toBeInstanceOf(DetailedCellError);
      expect(hf.getCellValue(at(1, 7))).toBe(2);
      hf.destroy();
    });
  });
}
