import ExcelJS from 'exceljs';
import { auditWorkbook } from '../../src/core/audit/audit';
import { detectWorkbook } from '../../src/core/layout/detect';
import { readWorkbook } from '../../src/io/reader';

/**
 * Sheets exported from reporting systems repeat the level names on every row instead of merging
 * them. Consecutive plain cells with one name are one group, so a weight written into the name
 * ("产出指标(20分)") is checked once against the whole group, not once per row.
 */
async function exported(weights: number[], mergedSecondBlock = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分表');
  ws.addRow(['一级指标', '二级指标', '三级指标', '分值', '评分标准', '得分']);
  const names = ['产出数量', '产出质量', '产出时效', '产出成本'];
  weights.forEach((w, i) => ws.addRow(['产出指标(20分)', '产出', names[i], w, '完成得满分，未完成不得分。', w]));
  // A second group of the same name in its own merged block stays a group of its own.
  const start = weights.length + 2;
  ws.addRow(['产出指标(20分)', '效益', '经济效益', 10, '完成得满分，未完成不得分。', 10]);
  ws.addRow(['产出指标(20分)', '效益', '社会效益', 10, '完成得满分，未完成不得分。', 10]);
  if (mergedSecondBlock) ws.mergeCells(`A${start}:A${start + 1}`);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('repeated level names form one group per run of rows', async () => {
  const book = await readWorkbook(await exported([5, 5, 5, 5], true), 'exported.xlsx');
  const [table] = detectWorkbook(book);
  expect(table.groups.map((g) => ({ name: g.name, declared: g.declaredWeight, firstRow: g.firstRow, lastRow: g.lastRow }))).toEqual([
    { name: '产出指标', declared: 20, firstRow: 2, lastRow: 5 },
    { name: '产出指标', declared: 20, firstRow: 6, lastRow: 7 },
  ]);
  expect(auditWorkbook(book).findings.filter((f) => f.code === 'group.declared-weight')).toEqual([]);
});

test('a group whose rows do not add up to the weight in its name is reported once', async () => {
  const book = await readWorkbook(await exported([5, 5, 5, 3]), 'exported.xlsx');
  const groupFindings = auditWorkbook(book).findings.filter((f) => f.code === 'group.declared-weight');
  // Unmerged, the second run (rows 6-7, 10 + 10 = 20) joins the first: one group, rows 2-7, 38 ≠ 20.
  expect(groupFindings.map((f) => ({ cell: f.cell, actual: f.actual, expected: f.expected }))).toEqual([{ cell: 'A2', actual: 20, expected: 38 }]);
});
