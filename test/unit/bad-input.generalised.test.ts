/**
 * The reproducers generalised: other positions, lengths and sizes of what broke, as parameterised
 * and property tests, through the reader, the audit and the annotated copy (in this process).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { auditWorkbook } from '../../src/core/audit/audit';
import { MAX_SCAN_CELLS } from '../../src/core/sheet/model';
import { writeAnnotatedCopy } from '../../src/io/annotate';
import { readWorkbook, WorkbookReadError } from '../../src/io/reader';
import { handZip } from '../fixtures/bad/reproducers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The scoring table of the corpus (A2:G8 with a title in A1), as inline strings. */
function tableRows(): string {
  const rows: Array<Array<string | number>> = [
    ['绩效评价评分表'],
    ['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据'],
    ['决策', '项目立项', '立项依据充分性', 2, '完成得2分，未完成不计分。', 2, '依据充分'],
    ['决策', '项目立项', '立项程序规范性', 2, '完成得2分，未完成不计分。', 1.5, '酌情扣0.5分'],
  ];
  return rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => (typeof v === 'number' ? `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${v}</v></c>` : `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`)
    .join('');
}

interface Parts {
  sheetData?: string;
  afterSheetData?: string;
  sheetName?: string;
  rels?: string;
  sheetBytes?: Uint8Array;
}

function workbook(p: Parts = {}): Uint8Array {
  const sheet = p.sheetBytes ?? enc(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${p.sheetData ?? tableRows()}</sheetData>${p.afterSheetData ?? ''}</worksheet>`);
  const name = (p.sheetName ?? '评分表').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return handZip([
    ['[Content_Types].xml', enc(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)],
    ['_rels/.rels', enc(`<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', enc(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', enc(p.rels ?? `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

/** Read, audit and annotate; the time it took. */
async function roundTrip(bytes: Uint8Array): Promise<{ ms: number; tables: number; setAside: string[]; copy: Uint8Array }> {
  const t0 = performance.now();
  const book = await readWorkbook(bytes, 'x.xlsx');
  const result = auditWorkbook(book);
  const copy = await writeAnnotatedCopy(bytes, result);
  return { ms: performance.now() - t0, tables: result.tables.length, setAside: book.sheets.flatMap((s) => s.setAside.map((a) => a.reason)), copy };
}

/** A hang guard on a noisy machine: each case takes milliseconds. */
const BUDGET_MS = 5_000;

describe('merged areas anywhere, of any size, overlapping or not', () => {
  it.each([
    ['A1:XFD1048576'],
    ['H1:H1048576'],
    ['A20:XFD20'],
    ['XFD1:XFD1048576'],
    ['A1048576:XFD1048576'],
    ['B3:C4 B3:C4'],
    ['A3:C5 B4:D6'],
    ['A1:G1 A1:A1048576'],
    ['C3:C3'],
  ])('%s', async (refs) => {
    const merges = refs.split(' ');
    const r = await roundTrip(workbook({ afterSheetData: `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` }));
    expect(r.ms).toBeLessThan(BUDGET_MS);
    expect(r.copy.length).toBeGreaterThan(0);
  });

  it('random merges (huge, overlapping, out of the grid) always read, audit and annotate quickly (property)', async () => {
    const ref = fc.tuple(fc.integer({ min: 1, max: 1_048_580 }), fc.integer({ min: 1, max: 16_390 }));
    const col = (n: number) => {
      let s = '';
      for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
      return s;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(ref, ref), { minLength: 1, maxLength: 12 }), async (pairs) => {
        const merges = pairs.map(([[r1, c1], [r2, c2]]) => `<mergeCell ref="${col(c1)}${r1}:${col(c2)}${r2}"/>`).join('');
        const r = await roundTrip(workbook({ afterSheetData: `<mergeCells>${merges}</mergeCells>` }));
        expect(r.ms).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('stray values at other positions', () => {
  it.each([['XFD1048576'], ['XFD2'], ['A1048576'], ['AAA500000'], ['ZZ65536'], ['XFC1048575']])('one value at %s', async (at) => {
    const r = await roundTrip(workbook({ sheetData: `${tableRows()}<row r="${at.replace(/[A-Z]+/, '')}"><c r="${at}"><v>0</v></c></row>` }));
    expect(r.ms).toBeLessThan(BUDGET_MS);
    expect(r.tables).toBe(1);
    const col = at.replace(/\d+/, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(at.replace(/[A-Z]+/, ''));
    expect(r.setAside.includes('far-from-data')).toBe(row * col > MAX_SCAN_CELLS);
  });
});

describe('unterminated tags of other lengths are refused in linear time', () => {
  it.each([
    ['<Relationship ', 1_000],
    ['<Relationship ', 100_000],
    ['<mergeCell ', 1_000],
    ['<mergeCell ', 300_000],
    ['<c r="A1" ', 100_000],
    ['<row ', 300_000],
    ['<!-- ', 100_000],
  ])('%j × %d', async (tag, n) => {
    const junk = tag.repeat(n);
    const bytes = tag === '<Relationship ' ? workbook({ rels: `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${junk}</Relationships>` }) : workbook({ afterSheetData: junk });
    const t0 = performance.now();
    await expect(readWorkbook(bytes, 'x.xlsx')).rejects.toBeInstanceOf(WorkbookReadError);
    expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
  });
});

describe('row numbers and encodings other writers produce', () => {
  it.each([['0'], ['-5'], ['x'], ['1048577'], ['4294967296'], ['1.5']])('a row numbered %j after the table', async (r) => {
    const book = await readWorkbook(workbook({ sheetData: `${tableRows()}<row r="${r}"><c><v>7</v></c></row>` }), 'x.xlsx');
    expect(auditWorkbook(book).tables).toHaveLength(1);
  });

  it.each([['gbk'], ['gb18030'], ['utf-16le'], ['utf-8 with a BOM']])('a sheet part encoded as %s', async (encoding) => {
    const xml = `<?xml version="1.0" encoding="${encoding.startsWith('utf-8') ? 'UTF-8' : encoding.toUpperCase()}"?><worksheet xmlns="${MAIN}"><sheetData>${tableRows()}</sheetData></worksheet>`;
    const bytes =
      encoding === 'utf-16le'
        ? new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, 'utf16le')])
        : encoding.startsWith('utf-8')
          ? new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(xml)])
          : new Uint8Array(new TextEncoderGbk().encode(xml));
    const book = await readWorkbook(workbook({ sheetBytes: bytes }), 'x.xlsx');
    expect(book.sheets[0].value(2, 5)).toBe('评分标准');
    expect(auditWorkbook(book).tables).toHaveLength(1);
    // The copy edits this part (F4 is flagged) and writes it as UTF-8, its declaration saying so.
    const again = await readWorkbook((await roundTrip(workbook({ sheetBytes: bytes }))).copy, 'copy.xlsx');
    expect([again.sheets[0].value(2, 5), again.sheets[0].value(4, 6)]).toEqual(['评分标准', 1.5]);
  });

  it.each([['评'], ['评'.repeat(31)], ['评'.repeat(40)], ["It's 评分表"], ['A&B <x> "y"'], ['x'.repeat(200)]])('a sheet named %j: read, and linked from 审核结果', async (name) => {
    const r = await roundTrip(workbook({ sheetName: name }));
    expect(r.tables).toBe(1);
    const zip = await JSZip.loadAsync(r.copy);
    const locations: string[] = [];
    for (const part of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(part)!.async('string');
      for (const m of xml.matchAll(/ location="([^"]*)"/g)) locations.push(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    }
    // The finding on F4 (1.5 under an all-or-nothing rule), its sheet quoted as Excel quotes it.
    expect(locations).toContain(`'${name.replace(/'/g, "''")}'!F4`);
  });
});

/** GBK bytes for the characters used here, from the decoder itself (Node has no GBK encoder). */
class TextEncoderGbk {
  private readonly table = new Map<string, number[]>();
  constructor() {
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !this.table.has(ch)) this.table.set(ch, [hi, lo]);
      }
  }
  encode(s: string): number[] {
    return [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : this.table.get(ch) ?? [0x3f]));
  }
}
