/** The CLI's zip writer (Node's zlib): what it writes reads back part for part, in jszip and in our reader. */
import JSZip from 'jszip';
import { zipParts } from '../../src/cli/zip-write';
import { worksheetXml } from '../../src/io/annotate-sheets';
import { readAnyWorkbook } from '../../src/io/read-any';
import { stylesXml, xlsxPackageParts } from '../../src/io/xlsx-write';

const sheet = (name: string, rows: Array<Array<string | number>>) => ({ name, xml: worksheetXml({ widths: [20, 10], rows: rows.map((r) => r.map((value) => ({ value }))) }) });
const parts = xlsxPackageParts([sheet('汇总', [['文件', '总分'], ['a/韶关.xlsx', 77.19]]), sheet('问题清单', [['文件'], ['x'.repeat(70_000)]])], stylesXml(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']));

describe('zipParts', () => {
  it('writes every part deflated, with its CRC and sizes, readable by jszip', async () => {
    const zip = await JSZip.loadAsync(zipParts(parts), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(parts.map((p) => p.path));
    for (const p of parts) expect(await zip.file(p.path)!.async('string')).toBe(p.text);
    const packed = zipParts(parts);
    expect(packed.length).toBeLessThan(parts.reduce((n, p) => n + Buffer.byteLength(p.text), 0) / 2); // deflated, not stored
  });

  it('is a workbook our own reader opens: sheet names and cells', async () => {
    const { workbook } = await readAnyWorkbook(zipParts(parts), 'summary.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['汇总', '问题清单']);
    expect(workbook.sheets[0].value(2, 1)).toBe('a/韶关.xlsx');
    expect(workbook.sheets[0].value(2, 2)).toBe(77.19);
  });

  it('is byte for byte the same for the same parts (every entry dated 1980)', () => {
    expect(zipParts(parts).equals(zipParts(parts))).toBe(true);
  });
});
