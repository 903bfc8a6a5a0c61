/**
 * The package reader on hand-written parts: what other writers (openpyxl, LibreOffice, WPS, the
 * OpenXML SDK) put in a package, and what damaged or hostile files hold.
 */
import JSZip from 'jszip';
import { nodeInflate } from '../../src/cli/inflate';
import { LIMITS } from '../../src/io/limits';
import { readWorkbook as readWith, WorkbookLimitError, WorkbookReadError } from '../../src/io/reader';

/** Every case runs twice: inflated by jszip (the browser) and by Node's zlib (the CLI). */
const INFLATERS = [['jszip', undefined], ['zlib', nodeInflate]] as const;
let inflate: (typeof INFLATERS)[number][1];
const readWorkbook = (bytes: Uint8Array, source: string) => readWith(bytes, source, { inflate });

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface PackageParts {
  sheet: string;
  strings?: string;
  styles?: string;
  workbook?: string;
  extra?: Record<string, string | Uint8Array>;
}

async function pkg(p: PackageParts): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', p.workbook ?? `<?xml version="1.0"?><workbook ${MAIN}><sheets><sheet name="评分表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (p.strings !== undefined) rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (p.styles !== undefined) rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', p.sheet);
  if (p.strings !== undefined) zip.file('xl/sharedStrings.xml', p.strings);
  if (p.styles !== undefined) zip.file('xl/styles.xml', p.styles);
  for (const [name, data] of Object.entries(p.extra ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const sheetXml = (data: string, tail = '') => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><sheetData>${data}</sheetData>${tail}</worksheet>`;

async function refusal(bytes: Uint8Array): Promise<WorkbookReadError> {
  try {
    await readWorkbook(bytes, 'x.xlsx');
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error('the workbook was read');
}

describe.each(INFLATERS)('inflated by %s', (_name, inflater) => {
  beforeAll(() => {
    inflate = inflater;
  });

  describe('valid packages other writers make', () => {
    it('reads rows and cells without r, as the ones before them continue', async () => {
      const book = await readWorkbook(await pkg({ sheet: sheetXml('<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c r="E3"><v>4</v></c><c><v>5</v></c></row>') }), 'x.xlsx');
      const s = book.sheets[0];
      expect([s.value(2, 2), s.value(2, 3), s.value(3, 1), s.value(3, 5), s.value(3, 6)]).toEqual([1, 2, 3, 4, 5]);
    });

    it('reads inline strings without a shared-string part, rich runs joined, phonetic guides left out', async () => {
      const book = await readWorkbook(
        await pkg({ sheet: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>评分</t></is></c><c r="B1" t="inlineStr"><is><r><t>权</t></r><r><rPr><b/></rPr><t>重</t></r><rPh><t>quanzhong</t></rPh></is></c></row>') }),
        'x.xlsx',
      );
      expect([book.sheets[0].value(1, 1), book.sheets[0].value(1, 2)]).toEqual(['评分', '权重']);
    });

    it('decodes GBK-declared parts, prefixed elements (x:), CDATA, comments and Excel _x000D_ escapes', async () => {
      const gbk = (s: string) => {
        // The GBK bytes of the two strings used below, so the test does not depend on an encoder.
        const table: Record<string, number[]> = { 评分: [0xc6, 0xc0, 0xb7, 0xd6], 权重: [0xc8, 0xa8, 0xd6, 0xd8] };
        const out: number[] = [];
        for (const part of s.split(/(评分|权重)/)) out.push(...(table[part] ?? [...Buffer.from(part, 'latin1')]));
        return new Uint8Array(out);
      };
      const strings = gbk('<?xml version="1.0" encoding="GBK"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>评分</t></si><si><t>权重</t></si></sst>');
      const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- made by a tool --><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="str"><x:f>"a"&amp;"b"</x:f><x:v><![CDATA[a<b]]></x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>一行_x000D_\r\n二行</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
      const zipped = await pkg({ sheet, strings: '' });
      const zip = await JSZip.loadAsync(zipped);
      zip.file('xl/sharedStrings.xml', strings);
      const book = await readWorkbook(await zip.generateAsync({ type: 'uint8array' }), 'x.xlsx');
      const s = book.sheets[0];
      expect([s.value(1, 1), s.value(1, 2), s.value(1, 3), s.cell(1, 3)?.formula, s.value(1, 4)]).toEqual(['评分', '权重', 'a<b', '"a"&"b"', '一行\r\n二行']);
    });

    it('expands shared formulas per cell, keeps absolute references, types booleans, errors and dates', async () => {
      const styles = `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
      const data =
        '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*$C$1+SUM(B1:B2)+LOG10(B1)+\'S 1\'!B1</f><v>1</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" s="1"><v>45292</v></c><c r="E1" s="2"><v>0.5</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>3</v></c></row>';
      const s = (await readWorkbook(await pkg({ sheet: sheetXml(data), styles }), 'x.xlsx')).sheets[0];
      expect(s.cell(2, 1)?.formula).toBe("B2*$C$1+SUM(B2:B3)+LOG10(B2)+'S 1'!B2");
      expect(s.cell(3, 1)?.formula).toBe("B3*$C$1+SUM(B3:B4)+LOG10(B3)+'S 1'!B3");
      expect([s.value(1, 2), s.value(1, 3), s.value(1, 4), s.value(1, 5), s.cell(1, 5)?.numFmt]).toEqual([true, { error: '#N/A' }, '2024-01-01', 0.5, '0.00%']);
    });

    it('reads a 40-character sheet name (Excel allows 31; other writers do not check)', async () => {
      const name = '评'.repeat(40);
      const book = await readWorkbook(
        await pkg({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), workbook: `<workbook ${MAIN}><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>` }),
        'x.xlsx',
      );
      expect(book.sheets[0].name).toBe(name);
    });

    it('finds parts whatever the case of their names (OPC part names are case-insensitive)', async () => {
      const zip = await JSZip.loadAsync(await pkg({ sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strings: '<sst><si><t>甲</t></si></sst>' }));
      const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
      zip.remove('xl/sharedStrings.xml');
      zip.file('xl/SharedStrings.XML', xml);
      expect((await readWorkbook(await zip.generateAsync({ type: 'uint8array' }), 'x.xlsx')).sheets[0].value(1, 1)).toBe('甲');
    });
  });

  describe('damaged packages get a sentence', () => {
    it.each([
      ['a shared string without a shared-string part', { sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }, /共享字符串/],
      ['a shared-string index beyond the table', { sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), strings: '<sst><si><t>a</t></si></sst>' }, /共享字符串/],
      ['a tag that never ends', { sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c><mergeCell ') }, /不完整的属性|未结束的标签/],
      ['an undefined entity', { sheet: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&bogus;</t></is></c></row>') }, /未定义的实体/],
      ['a DTD (billion laughs, external entities)', { sheet: sheetXml(''), strings: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><sst><si><t>&lol;</t></si></sst>' }, /DTD/],
      ['an unknown declared encoding', { sheet: '<?xml version="1.0" encoding="x-made-up"?><worksheet/>' }, /字符编码/],
    ])('%s', async (_name, parts, pattern) => {
      const err = await refusal(await pkg(parts as PackageParts));
      expect(err.messageZh).toMatch(pattern);
      expect(err.messageZh).toMatch(/x\.xlsx/);
    });

    it('cells beyond row 1,048,576 are set aside and named, the rest is read', async () => {
      const s = (await readWorkbook(await pkg({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000000"><c r="A1000000000"><v>1</v></c><c><v>2</v></c></row>') }), 'x.xlsx')).sheets[0];
      expect(s.rowCount).toBe(1);
      expect(s.setAside).toEqual([{ reason: 'beyond-grid', cells: 2, first: 'A1000000000' }]);
    });
  });

  describe('limits, each named in its message', () => {
    it('refuses a part that inflates beyond the size its zip entry declares (a lying zip bomb)', async () => {
      const bytes = await pkg({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200)) });
      // Rewrite the declared uncompressed size of the sheet entry in the local header and the directory.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
      for (let i = 0; i + 46 < bytes.length; i++) {
        const sig = view.getUint32(i, true);
        const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
        if (nameAt < 0 || !name.every((b, k) => bytes[nameAt + k] === b)) continue;
        view.setUint32(sig === 0x04034b50 ? i + 22 : i + 24, 100, true);
      }
      expect((await refusal(bytes)).messageZh).toMatch(/超出其声明的大小/);
    });

    it('refuses a file larger than the input limit without parsing it', async () => {
      const err = await refusal(new Uint8Array(LIMITS.inputBytes + 1));
      expect((err as WorkbookLimitError).limit).toBe('inputBytes');
      expect(err.messageEn).toMatch(/input file size limit/);
    });

    it('refuses a zip declaring more uncompressed bytes than the limit, before inflating', async () => {
      const bytes = await pkg({ sheet: sheetXml('') });
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i + 46 < bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
      const err = await refusal(bytes);
      expect((err as WorkbookLimitError).limit).toBe('unzippedBytes');
    });
  });
});

describe('the cell limit', () => {
  it('refuses more cells than the cell limit, before building them', async () => {
    const zip = new JSZip();
    const base = await JSZip.loadAsync(await pkg({ sheet: '' }));
    for (const n of Object.keys(base.files)) if (!base.files[n].dir && n !== 'xl/worksheets/sheet1.xml') zip.file(n, await base.file(n)!.async('uint8array'));
    const row = (r: number) => `<row r="${r}">${'<c><v>1</v></c>'.repeat(1000)}</row>`;
    const rows: string[] = [];
    for (let r = 1; r <= LIMITS.cells / 1000 + 1; r++) rows.push(row(r));
    zip.file('xl/worksheets/sheet1.xml', sheetXml(rows.join('')));
    inflate = nodeInflate;
    const err = await refusal(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(err).toBeInstanceOf(WorkbookLimitError);
    expect((err as WorkbookLimitError).limit).toBe('cells');
    expect(err.messageZh).toMatch(/单元格数量上限.*2,000,000/);
  }, 60_000);
});
