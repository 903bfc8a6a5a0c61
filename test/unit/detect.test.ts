import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectWorkbook } from '../../src/core/layout/detect';
import { tableToJSON, TableJSON } from '../../src/core/layout/json';
import { WorkbookModel } from '../../src/core/sheet/model';
import { readWorkbook } from '../../src/io/reader';
import { CATALOG, CatalogEntry } from '../fixtures/catalog';

const root = join(__dirname, '..', '..');
const files = [...new Set(CATALOG.map((e) => e.file))];
const books = new Map<string, WorkbookModel>();

beforeAll(async () => {
  for (const f of files) books.set(f, await readWorkbook(readFileSync(join(root, f)), f));
});

function detected(entry: CatalogEntry): TableJSON | undefined {
  const tables = detectWorkbook(books.get(entry.file)!).map(tableToJSON);
  return tables.find((t) => t.sheet === entry.sheet && t.range.split(':')[0] === entry.range.split(':')[0]);
}

/** Detection on the committed seed fixtures (the catalog is written by the code that placed each table). */
describe.each(CATALOG.map((e) => [`${e.file} ${e.sheet} ${e.id}`, e] as const))('%s', (_n, entry) => {
  it('is found with its kind, extent and header', () => {
    const t = detected(entry);
    expect(t).toBeDefined();
    // The catalog names the first row of the header block; a detected table's headerRow is its last (the role words).
    expect({ kind: t!.kind, range: t!.range, headerTop: t!.headerRow - t!.headerRows + 1, headerRows: t!.headerRows }).toEqual({
      kind: entry.kind,
      range: entry.range,
      headerTop: entry.headerRow,
      headerRows: entry.headerRows,
    });
  });

  it('has the role columns and total rows', () => {
    const t = detected(entry)!;
    expect(t.columns).toEqual(entry.columns);
    // Labels are reported without the spaces of "合  计".
    expect(t.totals.map((x) => ({ row: x.row, label: x.label, scope: x.scope }))).toEqual(entry.totals.map((x) => ({ row: x.row, label: x.label.replace(/\s+/g, ''), scope: x.scope })));
  });

  if (entry.indicators) {
    it('has the indicator rows with their hierarchy paths, weights and scores', () => {
      const t = detected(entry)!;
      expect(t.indicatorCount).toBe(entry.indicatorCount);
      // Names are reported trimmed (the seed has "民营经济税收收入增长率　" with an ideographic space).
      expect(t.indicators).toEqual(entry.indicators!.map((i) => ({ ...i, path: i.path.map((p) => p.trim()) })));
    });
  }
});

test('every table the detector finds in the fixtures is in the catalog', () => {
  for (const f of files) {
    const found = detectWorkbook(books.get(f)!).map((t) => `${t.sheet}!${tableToJSON(t).range}`);
    const known = CATALOG.filter((e) => e.file === f).map((e) => `${e.sheet}!${e.range}`);
    expect({ file: f, found: found.filter((x) => !known.includes(x)) }).toEqual({ file: f, found: [] });
  }
});
