/**
 * Fuzzing the .xls/.et and .docx readers as the .xlsx reader is fuzzed: mutated real files never
 * make them throw anything but a WorkbookReadError (a sentence for the user), never loop, and
 * finish within a guard far above their usual milliseconds.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocumentXml } from '../../src/io/docx/document';
import { readAnyWorkbook } from '../../src/io/read-any';
import { WorkbookReadError } from '../../src/io/reader';
import { buildReportDocx, SEED003_REPORT } from '../fixtures/docx/build';

const XLS = join(__dirname, '../fixtures/xls');
const SEEDS = ['seed003-scoring.xls', 'formulas.xls', 'seed003-summary.et'].map((f) => new Uint8Array(readFileSync(join(XLS, f))));
/** A guard against a hang, not a benchmark: a file reads in a few milliseconds. */
const GUARD_MS = 2_000;
const SECTOR = 512;

type Edit = { kind: 'byte'; at: number; value: number } | { kind: 'u32'; at: number; value: number } | { kind: 'truncate'; at: number } | { kind: 'copy'; from: number; to: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  // Sector numbers, sizes and offsets are 32-bit: the values that make chains loop or point away.
  fc.record({ kind: fc.constant('u32' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 2, 3, 0xfffffffe, 0xffffffff, 0xfffffffd, 0x7fffffff, 0x10000, 4096) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat(), length: fc.integer({ min: 1, max: 600 }) }),
);

function mutate(original: Uint8Array, edits: Edit[], headerBias: boolean): Uint8Array {
  let bytes = original.slice();
  for (const e of edits) {
    // Half of the edits land in the header, the FAT and the directory, where one byte matters most.
    const span = headerBias ? Math.min(bytes.length, SECTOR * 4) : bytes.length;
    if (span === 0) break;
    if (e.kind === 'byte') bytes[e.at % span] = e.value;
    else if (e.kind === 'u32') {
      if (span < 4) continue;
      const at = (e.at % Math.max(1, span - 4)) & ~3;
      new DataView(bytes.buffer).setUint32(at, e.value >>> 0, true);
    } else if (e.kind === 'truncate') bytes = bytes.slice(0, e.at % (bytes.length + 1));
    else {
      const from = e.from % bytes.length;
      bytes.copyWithin(e.to % bytes.length, from, Math.min(bytes.length, from + e.length));
    }
  }
  return bytes;
}

async function readsOrRefuses(bytes: Uint8Array, name: string): Promise<void> {
  const started = Date.now();
  try {
    const { workbook } = await readAnyWorkbook(bytes, name);
    for (const s of workbook.sheets) expect(s.rowCount).toBeGreaterThanOrEqual(0);
  } catch (err) {
    if (!(err instanceof WorkbookReadError)) throw err;
    expect(err.messageZh.length).toBeGreaterThan(0);
  }
  expect(Date.now() - started).toBeLessThan(GUARD_MS);
}

describe('.xls/.et reader on mutated files', () => {
  test('reads or refuses with a sentence, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SEEDS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), async (seed, edits, headerBias) => {
        await readsOrRefuses(mutate(SEEDS[seed], edits, headerBias), 'fuzz.xls');
      }),
      { numRuns: 600 },
    );
  });

  test('random bytes behind the compound-file signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (tail) => {
        const bytes = new Uint8Array(8 + tail.length);
        bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        bytes.set(tail, 8);
        await readsOrRefuses(bytes, 'fuzz.xls');
      }),
      { numRuns: 300 },
    );
  });
});

describe('.docx reader on mutated reports', () => {
  let documentXml = '';
  /** The report's summary and completion tables and their prose: every construct, a fifth of the size. */
  const SMALL_REPORT = { ...SEED003_REPORT, blocks: SEED003_REPORT.blocks.slice(0, 14) };
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await buildReportDocx(SMALL_REPORT));
    documentXml = await zip.file('word/document.xml')!.async('string');
  });

  test('the body parser never throws on cut, spliced or re-tagged XML', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', '<w:tbl>', '</w:tbl>', '<w:tc>', '</w:tr>', '<w:vMerge/>', '<w:gridSpan w:val="999999"/>', '<w:p>', '&#xFFFFFF;', '<', '>')), { minLength: 1, maxLength: 8 }),
        (edits) => {
          let xml = documentXml;
          for (const [a, b, insert] of edits) {
            const i = a % (xml.length + 1);
            const j = Math.min(xml.length, i + (b % 200));
            xml = xml.slice(0, i) + insert + xml.slice(j);
          }
          const doc = parseDocumentXml(xml);
          for (const t of doc.tables) for (const row of t.rows) for (const c of row) expect(c.span).toBeLessThanOrEqual(64);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('mutated packages read or refuse with a sentence, in bounded time', async () => {
    const original = await buildReportDocx(SMALL_REPORT);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        await readsOrRefuses(mutate(original, edits, false), 'fuzz.docx');
      }),
      { numRuns: 200 },
    );
  });
});
