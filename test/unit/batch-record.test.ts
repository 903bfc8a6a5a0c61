/** What a batch row says about a file: the unit or project its sheets name, else its title. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatInHand, parseInHand } from '../../src/cli/batch-inhand';
import { parseResults, subjectOf } from '../../src/cli/batch-record';
import { sheetFromGrid } from '../../src/core/sheet/model';
import { readAnyWorkbook } from '../../src/io/read-any';

const FIXTURES = join(__dirname, '../fixtures');
const subject = async (file: string) => subjectOf((await readAnyWorkbook(readFileSync(join(FIXTURES, file)), file)).workbook);

describe('subjectOf', () => {
  it('takes the unit and the project from a self-evaluation form’s labels', async () => {
    expect(await subject('xlsx/selfeval.xlsx')).toBe('广州市工业和信息化局 / 广州市促进工业和信息化产业高质量发展专项资金');
  });

  it('falls back to a scoring workbook’s title, and to a report’s first paragraph', async () => {
    expect(await subject('xls/seed003-scoring.xls')).toBe('表1　绩效评价投入和过程管理共性指标评分表');
    expect(await subject('docx/seed003-report.docx')).toBe('2017-2019年韶关市省级制造业高质量发展资金及市级配套资金绩效评价报告');
  });

  it('reads a label merged over two cells and an inline "项目名称：…"', () => {
    const sheet = sheetFromGrid({ name: 's', values: [['单位名称', null, '某某局'], ['项目名称：城乡环境整治']], merges: ['A1:B1'] });
    expect(subjectOf({ source: 'x', sheets: [sheet] })).toBe('某某局 / 城乡环境整治');
  });

  it('says nothing when nothing names the subject', () => {
    expect(subjectOf({ source: 'x', sheets: [sheetFromGrid({ name: 's', values: [['甲', 1]] })] })).toBeUndefined();
  });
});

describe('parseResults', () => {
  it('keeps whole lines and leaves out one cut short by a crash', () => {
    const line = JSON.stringify({ file: 'a.xlsx', status: 'ok', errors: 1, warnings: 0, infos: 0, ms: 3 });
    expect(parseResults(`${line}\n${line.slice(0, 20)}`)).toEqual([JSON.parse(line)]);
  });
});

describe('the note of the file in hand', () => {
  const sha256 = 'ab'.repeat(32);

  it('reads back the line a worker wrote, also over a longer line it wrote before', () => {
    expect(parseInHand(formatInHand({ id: 7, size: 8292, sha256 }))).toEqual({ id: 7, size: 8292, sha256 });
    const longer = formatInHand({ id: 6, size: 123_456_789, sha256: 'cd'.repeat(32) });
    const shorter = formatInHand({ id: 7, size: 12, sha256 });
    expect(parseInHand(shorter + longer.slice(shorter.length))).toEqual({ id: 7, size: 12, sha256 });
  });

  it('gives nothing for an empty or cut-off note', () => {
    expect(parseInHand('')).toBeUndefined();
    expect(parseInHand(formatInHand({ id: 7, size: 1, sha256 }).slice(0, 40))).toBeUndefined();
  });
});
