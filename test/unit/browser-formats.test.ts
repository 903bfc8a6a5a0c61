/** The browser pane reads the same formats as the CLI: an .et and a Word report picked in the page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { readAnyWorkbook } from '../../src/io/read-any';
import { annotatedName, createBrowserHost } from '../../src/taskpane/browserHost';

const FIXTURES = join(__dirname, '../fixtures');

describe.each([
  ['xls/seed003-summary.et', '表2-1'],
  ['docx/seed003-report-wrong-prose.docx', '表2-1 评价情况总表'],
])('browser mode with %s', (file, firstSheet) => {
  it('reads it, audits it and offers an .xlsx annotated copy', async () => {
    const host = createBrowserHost();
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
    const name = file.split('/')[1];
    host.setFile({ name, size: bytes.length, bytes });
    const model = await host.read('workbook');
    expect(model.sheets[0].name).toBe(firstSheet);
    const result = auditWorkbook(model);
    expect(result.summary.totalScore).toBe(77.19);
    const copy = await host.annotatedCopy(result);
    expect(copy.name).toBe(annotatedName(name));
    expect(copy.name).toMatch(/\.审核\.xlsx$/);
    const back = await readAnyWorkbook(copy.bytes, copy.name);
    expect(back.format.kind).toBe('xlsx');
    expect(back.workbook.sheets.map((s) => s.name)).toContain('审核结果');
  });
});
