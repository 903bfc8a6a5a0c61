/* eslint-disable @typescript-eslint/no-this-alias -- the fake object model hands `this` to closures standing in for Office proxies */
/**
 * A small Excel object model for the adapter tests, built on office-addin-mock: read-side objects
 * (worksheets, ranges, protection, merged areas, settings items) are OfficeMockObjects, so a
 * property read without load + sync shows the mock's error string; collections the mock cannot
 * express (conditional formats, comments, worksheets, settings) are plain objects that behave like
 * the API. Every context.sync is counted; every load is recorded. Writes to a range's values,
 * formulas or numberFormat are applied at the next sync, like queued commands.
 *
 * Test files must mock office-addin-manifest (the shared stub lacks OfficeApp) before importing this.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetters, columnNumber, parseRangeA1, rangeA1, CellRange } from '../../../src/core/sheet/address';

export interface SheetSpec {
  name: string;
  /** Top-left of values[0][0] (default A1). */
  origin?: { row: number; col: number };
  values: unknown[][];
  formulas?: unknown[][];
  numberFormats?: unknown[][];
  merges?: string[];
  protected?: boolean;
  /** Extra used-range extent from formatting only (A1), beyond the values. */
  formattedTo?: string;
}

export interface FakeCf {
  id: string;
  sheet: string;
  address: string;
  type: string;
  custom: { rule: { formula: string }; format: { fill: { color?: string }; font: { color?: string } } };
  customOrNullObject: { isNullObject: boolean; rule: { formula: string }; format: unknown };
  delete(): void;
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
}

interface Cell {
  value: unknown;
  formula: unknown;
  format: unknown;
}

export interface LoadRecord {
  kind: string;
  address?: string;
  props: string[];
}

class FakeSheet {
  cells = new Map<string, Cell>();
  cfs: FakeCf[] = [];
  merges: string[];
  protected: boolean;
  visibility = 'Visible';
  formattedTo?: CellRange;
  constructor(
    public name: string,
    spec?: SheetSpec,
  ) {
    this.merges = spec?.merges ?? [];
    this.protected = spec?.protected ?? false;
    if (spec?.formattedTo) this.formattedTo = parseRangeA1(spec.formattedTo);
    const top = spec?.origin?.row ?? 1;
    const left = spec?.origin?.col ?? 1;
    spec?.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const f = spec.formulas?.[r]?.[c];
        const fmt = spec.numberFormats?.[r]?.[c];
        if ((v === '' || v === null || v === undefined) && !f && !fmt) return;
        this.cells.set(key(top + r, left + c), { value: v ?? '', formula: f ?? v ?? '', format: fmt ?? 'General' });
      }),
    );
  }
  get(row: number, col: number): Cell | undefined {
    return this.cells.get(key(row, col));
  }
  /** Extent of cells with content (valuesOnly) or content/format. */
  extent(valuesOnly: boolean, within?: CellRange): CellRange | undefined {
    let r: CellRange | undefined;
    for (const [k, cell] of this.cells) {
      const [row, col] = k.split(',').map(Number);
      if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
      if (valuesOnly && cell.value === '' && cell.formula === '') continue;
      r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) } : { top: row, left: col, bottom: row, right: col };
    }
    if (!valuesOnly && this.formattedTo && !within && r) {
      r = { top: Math.min(r.top, this.formattedTo.top), left: Math.min(r.left, this.formattedTo.left), bottom: Math.max(r.bottom, this.formattedTo.bottom), right: Math.max(r.right, this.formattedTo.right) };
    }
    return r;
  }
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

/** 'L:M', 'B2:C3', 'B2' */
export function parseAny(address: string): CellRange {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(bare);
  if (cols) return { top: 1, bottom: 1048576, left: columnNumber(cols[1]), right: columnNumber(cols[2]) };
  return parseRangeA1(bare);
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export class FakeExcel {
  syncs = 0;
  loads: LoadRecord[] = [];
  /** Errors thrown by the next syncs, in order. */
  failNextSyncs: unknown[] = [];
  /** Like Excel on the web: a sync whose response passes this many bytes is refused. */
  payloadLimitBytes = 5 * 1024 * 1024;
  /** Response bytes (UTF-8 JSON of the loaded values/formulas/numberFormat) of every sync Excel answered. */
  payloads: number[] = [];
  /** Syncs refused for their payload. */
  refusedPayloads: number[] = [];
  private pendingLoads: Array<{ data: Record<string, unknown>; props: string[] }> = [];
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  comments: FakeComment[] = [];
  activeSheet = '';
  private tracked: Array<{ mock: OfficeMockObject & Record<string, unknown>; onSync?: () => void; afterSync?: () => void }> = [];
  private nextId = 1;
  context: Excel.RequestContext;

  constructor(specs: SheetSpec[]) {
    this.sheets = specs.map((s) => new FakeSheet(s.name, s));
    this.activeSheet = specs[0]?.name ?? '';
    const self = this;
    const workbook = {
      worksheets: this.worksheetCollection(),
      comments: this.commentCollection(),
      settings: this.settingCollection(),
    };
    this.context = {
      workbook,
      sync: async () => {
        self.syncs++;
        if (self.failNextSyncs.length > 0) throw self.failNextSyncs.shift();
        const bytes = self.responseBytes();
        if (bytes > self.payloadLimitBytes) {
          self.refusedPayloads.push(bytes);
          throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
        }
        self.payloads.push(bytes);
        for (const t of self.tracked) t.onSync?.();
        for (const t of self.tracked) await t.mock.sync();
        await new Promise((r) => setImmediate(r));
        for (const t of self.tracked) t.afterSync?.();
      },
    } as unknown as Excel.RequestContext;
  }

  /** Bytes of the data loads queued since the last sync, as the JSON response would carry them. */
  private responseBytes(): number {
    let bytes = 0;
    for (const { data, props } of this.pendingLoads) {
      for (const p of props) if (p === 'values' || p === 'formulas' || p === 'numberFormat') bytes += Buffer.byteLength(JSON.stringify(data[p]));
    }
    this.pendingLoads = [];
    return bytes;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: 'ItemNotFound' });
    return s;
  }

  /** Every conditional format of every sheet, as plain data (for before/after comparisons). */
  snapshotCfs(): Array<{ sheet: string; address: string; type: string; formula: string; fill?: string }> {
    return this.sheets.flatMap((s) => s.cfs.map((c) => ({ sheet: s.name, address: c.address, type: c.type, formula: c.custom.rule.formula, fill: c.custom.format.fill.color })));
  }

  snapshotComments(): FakeComment[] {
    return this.comments.map((c) => ({ ...c }));
  }

  private track<T extends Record<string, unknown>>(
    kind: string,
    data: T,
    address?: string,
    onSync?: (m: OfficeMockObject & Record<string, unknown>) => void,
    afterSync?: (m: OfficeMockObject & Record<string, unknown>) => void,
  ) {
    const mock = new OfficeMockObject(data) as OfficeMockObject & Record<string, unknown>;
    const load = mock.load.bind(mock);
    mock.load = ((arg: string | string[]) => {
      const props = typeof arg === 'string' ? arg.split(',').map((p) => p.trim()) : Array.isArray(arg) ? arg : Object.keys(arg ?? {});
      this.loads.push({ kind, address, props });
      this.pendingLoads.push({ data, props });
      return load(arg);
    }) as typeof mock.load;
    this.tracked.push({ mock, onSync: onSync ? () => onSync(mock) : undefined, afterSync: afterSync ? () => afterSync(mock) : undefined });
    return mock;
  }

  private rangeMock(sheet: FakeSheet, r: CellRange, kind = 'range') {
    const rows = Math.min(r.bottom, 100000) - r.top + 1;
    const cols = r.right - r.left + 1;
    const grid = (pick: (c: Cell | undefined) => unknown) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => pick(sheet.get(r.top + i, r.left + j))));
    const address = `${sheet.name}!${rangeA1(r)}`;
    const full = r.bottom === 1048576 && r.top === 1;
    const self = this;
    const data = {
      address,
      rowCount: r.bottom - r.top + 1,
      columnCount: cols,
      values: full ? [] : grid((c) => c?.value ?? ''),
      formulas: full ? [] : grid((c) => c?.formula ?? ''),
      numberFormat: full ? [] : grid((c) => c?.format ?? 'General'),
      getMergedAreasOrNullObject: () => {
        const hits = sheet.merges.filter((m) => intersects(parseRangeA1(m), r));
        // Like Excel: more than 512 merged areas make the whole batch fail at sync.
        let fail = hits.length > 512;
        const m = this.track('mergedAreas', { address: hits.map((h) => `${sheet.name}!${h}`).join(', ') }, address, () => {
          if (fail) {
            fail = false;
            throw Object.assign(new Error('too many merged areas'), { code: 'GeneralException' });
          }
        });
        m.isNullObject = hits.length === 0;
        return m;
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => self.usedRange(sheet, Boolean(valuesOnly), r),
      insert: (dir: string) => self.insertColumns(sheet, r, dir),
      delete: (dir: string) => self.deleteColumns(sheet, r, dir),
      clear: () => {
        for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) sheet.cells.delete(key(i, j));
      },
    };
    // An assignment to values/formulas/numberFormat is a queued write: applied at the next sync.
    const props = ['values', 'formulas', 'numberFormat'] as const;
    const exposed: Record<string, unknown> = {};
    const remember = (m: Record<string, unknown>) => props.forEach((p) => (exposed[p] = m[p]));
    const mock = this.track(
      kind,
      data,
      address,
      (m) => props.forEach((p) => Array.isArray(m[p]) && m[p] !== exposed[p] && this.write(sheet, r, p, m[p] as unknown[][])),
      remember,
    );
    remember(mock);
    mock.isNullObject = false;
    mock.conditionalFormats = this.cfCollection(sheet, r);
    return mock;
  }

  private write(sheet: FakeSheet, r: CellRange, prop: 'values' | 'formulas' | 'numberFormat', grid: unknown[][]) {
    if (sheet.protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        const k = key(r.top + i, r.left + j);
        const cell = sheet.cells.get(k) ?? { value: '', formula: '', format: 'General' };
        if (prop === 'numberFormat') cell.format = v;
        else if (prop === 'values') {
          cell.value = v;
          cell.formula = v;
        } else {
          cell.formula = v;
          cell.value = typeof v === 'string' && v.startsWith('=') ? '#NAME?' : v;
        }
        sheet.cells.set(k, cell);
      }),
    );
  }

  private usedRange(sheet: FakeSheet, valuesOnly: boolean, within?: CellRange) {
    const whole = within && within.top === 1 && within.bottom === 1048576 && within.left === 1 && within.right === 16384;
    const full = whole ? undefined : within;
    const e = sheet.extent(valuesOnly, full);
    if (!e) {
      const m = this.track('usedRange', { address: '', rowCount: 0, columnCount: 0 });
      m.isNullObject = true;
      return m;
    }
    return this.rangeMock(sheet, e, valuesOnly ? 'usedRange(valuesOnly)' : 'usedRange');
  }

  private shift(sheet: FakeSheet, fromCol: number, by: number) {
    const moved = new Map<string, Cell>();
    for (const [k, cell] of sheet.cells) {
      const [row, col] = k.split(',').map(Number);
      if (by < 0 && col >= fromCol && col < fromCol - by) continue; // deleted
      moved.set(col >= fromCol ? key(row, col + by) : k, cell);
    }
    sheet.cells = moved;
  }

  private insertColumns(sheet: FakeSheet, r: CellRange, dir: string) {
    if (dir !== 'Right' || r.top !== 1) throw new Error('fake supports whole-column insert only');
    this.shift(sheet, r.left, r.right - r.left + 1);
  }

  private deleteColumns(sheet: FakeSheet, r: CellRange, dir: string) {
    if (dir !== 'Left' || r.top !== 1) throw new Error('fake supports whole-column delete only');
    this.shift(sheet, r.left, -(r.right - r.left + 1));
  }

  private cfCollection(sheet: FakeSheet, r: CellRange) {
    const self = this;
    return {
      get items() {
        return sheet.cfs.filter((c) => intersects(parseAny(c.address), r));
      },
      load(arg: string) {
        self.loads.push({ kind: 'conditionalFormats', address: rangeA1(r), props: arg.split(',') });
      },
      add(type: string): FakeCf {
        if (sheet.protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
        const custom = { rule: { formula: '' }, format: { fill: {}, font: {} } };
        const cf: FakeCf = {
          id: String(self.nextId++),
          sheet: sheet.name,
          address: rangeA1(r),
          type,
          custom,
          customOrNullObject: Object.assign(custom, { isNullObject: type !== 'Custom' }),
          delete: () => {
            sheet.cfs = sheet.cfs.filter((x) => x !== cf);
          },
        };
        sheet.cfs.push(cf);
        return cf;
      },
    };
  }

  /** A user's own conditional format, present before the add-in runs. */
  addUserCf(sheetName: string, address: string, type: string, formula = '') {
    const sheet = this.sheet(sheetName);
    const cf = this.cfCollection(sheet, parseAny(address)).add(type);
    cf.custom.rule.formula = formula;
    return cf;
  }

  private worksheetMock(sheet: FakeSheet) {
    const self = this;
    // visibility assignments are written through to the sheet at the next sync
    const m = this.track('worksheet', {
      name: sheet.name,
      visibility: sheet.visibility,
      protection: { protected: sheet.protected },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => self.usedRange(sheet, Boolean(valuesOnly)),
      getRange: (address?: string) => self.rangeMock(sheet, address ? parseAny(address) : { top: 1, left: 1, bottom: 1048576, right: 16384 }),
      delete: () => {
        self.sheets = self.sheets.filter((s) => s !== sheet);
      },
    }, undefined, (w) => {
      if (typeof w.visibility === 'string' && !w.visibility.startsWith('Error')) sheet.visibility = w.visibility;
    });
    return m;
  }

  private worksheetCollection() {
    const self = this;
    let loaded: Array<OfficeMockObject & Record<string, unknown>> = [];
    return {
      get items() {
        return loaded;
      },
      load(arg: string) {
        self.loads.push({ kind: 'worksheets', props: arg.split(',') });
        loaded = self.sheets.map((s) => {
          const m = self.worksheetMock(s);
          m.load('name');
          (m.protection as OfficeMockObject).load('protected');
          return m;
        });
      },
      getItem: (name: string) => self.worksheetMock(self.sheet(name)),
      getActiveWorksheet: () => self.worksheetMock(self.sheet(self.activeSheet)),
      add: (name: string) => {
        if (self.sheets.some((s) => s.name === name)) throw Object.assign(new Error('exists'), { code: 'ItemAlreadyExists' });
        const s = new FakeSheet(name);
        self.sheets.push(s);
        return self.worksheetMock(s);
      },
    };
  }

  private commentCollection() {
    const self = this;
    const wrap = (c: FakeComment) => ({
      get id() {
        return c.id;
      },
      load() {},
      delete: () => {
        self.comments = self.comments.filter((x) => x !== c);
      },
      getLocation: () => {
        const loc = self.track('commentLocation', { address: `${c.sheet}!${c.cell}` });
        return loc;
      },
    });
    return {
      get items() {
        return self.comments.map(wrap);
      },
      load(arg: string) {
        self.loads.push({ kind: 'comments', props: arg.split(',') });
      },
      add: (address: string, content: string) => {
        const bang = address.lastIndexOf('!');
        const sheetName = address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
        const cell = address.slice(bang + 1);
        if (self.sheet(sheetName).protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
        if (self.comments.some((c) => c.sheet === sheetName && c.cell === cell)) throw new Error('cell already has a comment');
        const c: FakeComment = { id: `c${self.nextId++}`, sheet: sheetName, cell, content };
        self.comments.push(c);
        return wrap(c);
      },
    };
  }

  private settingCollection() {
    const self = this;
    return {
      add: (k: string, v: unknown) => {
        self.settings.set(k, v);
      },
      getItem: (k: string) => ({
        delete: () => {
          self.settings.delete(k);
        },
      }),
      getItemOrNullObject: (k: string) => {
        const m = self.track('setting', { value: self.settings.get(k) ?? '' });
        m.isNullObject = !self.settings.has(k);
        return m;
      },
    };
  }
}

export { columnLetters };
