/* eslint-disable @typescript-eslint/no-this-alias -- the fake object model hands `this` to closures standing in for Office proxies */
/**
 * A small Excel object model for the adapter tests, built on office-addin-mock, that refuses what
 * Excel refuses. Read-side objects (worksheets, ranges, protection, merged areas, settings items,
 * notes, comment locations) are OfficeMockObjects, so a property read without load + sync shows the
 * mock's error string; collections the mock cannot express (conditional formats, comments,
 * worksheets, settings, notes) are plain objects that behave like the API.
 *
 * Like Office.js, every write is a queued command run in order at the next context.sync: property
 * assignments (values, formulas, numberFormat, visibility) and method calls (add, delete, insert,
 * clear). A command Excel would refuse fails the sync with Excel's error code, after the commands
 * before it have run (a batch is not atomic) and without the ones after it. Refused:
 *  - a request whose queued commands pass `payloadLimitBytes` (RequestPayloadSizeLimitExceeded,
 *    nothing runs) and a response that does (ResponsePayloadSizeLimitExceeded): Excel on the web;
 *  - every sync while the user edits a cell (`editMode`), unless the batch was started by
 *    `run({ delayForCellEdit: true }, …)`, which waits until the edit ends;
 *  - deleting a VeryHidden worksheet (InvalidOperation, as the Worksheet.delete reference says);
 *  - adding, deleting or hiding a worksheet while the workbook structure is protected;
 *  - writing to a protected worksheet; a threaded comment on a cell that has a comment or a note;
 *  - more than 512 merged areas in one getMergedAreasOrNullObject.
 * Inserted columns take the format of the column to their left, as Excel's insert does.
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
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
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

/** A legacy note (老式批注): ExcelApi 1.18 exposes them as workbook.notes. */
export interface FakeNote {
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

/** A queued write: its request size is measured when the sync sends it. */
interface Command {
  what: string;
  bytes: () => number;
  run: () => void;
}

/** Bytes of one action in a request besides its payload (object path, method, ids). */
export const ACTION_OVERHEAD_BYTES = 120;

type Mock = OfficeMockObject & Record<string, unknown>;

class FakeSheet {
  cells = new Map<string, Cell>();
  cfs: FakeCf[] = [];
  merges: string[];
  protected: boolean;
  visibility: string;
  formattedTo?: CellRange;
  constructor(
    public name: string,
    spec?: SheetSpec,
  ) {
    this.merges = spec?.merges ?? [];
    this.protected = spec?.protected ?? false;
    this.visibility = spec?.visibility ?? 'Visible';
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
  private parsed?: { from: string[]; list: Array<[string, CellRange]> };
  /** The merges with their ranges, parsed once per list. */
  parsedMerges(): Array<[string, CellRange]> {
    if (this.parsed?.from !== this.merges) this.parsed = { from: this.merges, list: this.merges.map((m) => [m, parseRangeA1(m)]) };
    return this.parsed.list;
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

/** "'My ''x'' sheet'!B2" → ["My 'x' sheet", "B2"] */
function splitSheetAddress(address: string): [string, string] {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  return [sheet, address.slice(bang + 1).replace(/\$/g, '')];
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

const bytesOf = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null));

export class FakeExcel {
  syncs = 0;
  loads: LoadRecord[] = [];
  /** Errors thrown by the next syncs, in order. */
  failNextSyncs: unknown[] = [];
  /** Like Excel on the web: a request or a response above this many bytes is refused. */
  payloadLimitBytes = 5 * 1024 * 1024;
  /** Range.getMergedAreasOrNullObject fails above this many merged areas (Excel: 512). */
  mergedAreaLimit = 512;
  /** Response bytes (UTF-8 JSON of the loaded values/formulas/numberFormat) of every sync Excel answered. */
  payloads: number[] = [];
  /** Request bytes (queued commands) of every sync Excel accepted. */
  requests: number[] = [];
  /** Syncs refused for their response size. */
  refusedPayloads: number[] = [];
  /** Syncs refused for their request size. */
  refusedRequests: number[] = [];
  /** The user is editing a cell: every sync fails with `editModeCode` (see run for delayForCellEdit). */
  editMode = false;
  /** The code Excel gives for a batch refused in cell-edit mode (the docs name both). */
  editModeCode: 'InvalidOperationInCellEditMode' | 'InvalidOperation' = 'InvalidOperationInCellEditMode';
  /** Review › Protect Workbook (structure): no sheet may be added, deleted or hidden. */
  workbookProtected = false;
  /** The workbook's file name (Workbook.name). */
  name = 'Book1.xlsx';
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  comments: FakeComment[] = [];
  notes: FakeNote[] = [];
  activeSheet = '';
  /** Cells selected through Range.select, in order. */
  selections: string[] = [];
  /** Options of every run(). */
  runs: Array<{ delayForCellEdit?: boolean }> = [];
  private queue: Command[] = [];
  private pendingLoads: Array<{ data: Record<string, unknown>; props: string[] }> = [];
  private tracked: Array<{ mock: Mock; afterSync?: () => void }> = [];
  private nextId = 1;
  private editEnded: Array<() => void> = [];
  context: Excel.RequestContext;

  constructor(specs: SheetSpec[]) {
    this.sheets = specs.map((s) => new FakeSheet(s.name, s));
    this.activeSheet = specs[0]?.name ?? '';
    this.context = this.newContext();
  }

  private newContext(): Excel.RequestContext {
    const self = this;
    // Shows the flag as it is at the sync that read it (tests set it after construction).
    const protection = this.track('workbookProtection', { protected: false }, undefined, (m) => {
      if (typeof m.protected === 'boolean') m.protected = self.workbookProtected;
    });
    const workbook = {
      get name() {
        return self.name;
      },
      load(props: string) {
        self.loads.push({ kind: 'workbook', props: props.split(',') });
      },
      protection,
      worksheets: this.worksheetCollection(),
      comments: this.commentCollection(),
      notes: this.noteCollection(),
      settings: this.settingCollection(),
    };
    return {
      workbook,
      sync: async () => {
        self.syncs++;
        if (self.failNextSyncs.length > 0) {
          self.queue = [];
          throw self.failNextSyncs.shift();
        }
        if (self.editMode) {
          self.queue = [];
          self.pendingLoads = [];
          throw officeError(self.editModeCode, 'The operation is not available while Excel is in cell edit mode.');
        }
        const request = self.queue.reduce((n, c) => n + ACTION_OVERHEAD_BYTES + c.bytes(), 0);
        if (request > self.payloadLimitBytes) {
          self.queue = [];
          self.pendingLoads = [];
          self.refusedRequests.push(request);
          throw officeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
        }
        const response = self.responseBytes();
        if (response > self.payloadLimitBytes) {
          self.queue = [];
          self.refusedPayloads.push(response);
          throw officeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
        }
        const commands = self.queue;
        self.queue = [];
        // In order; the first refused command fails the sync, the commands after it never run.
        for (const c of commands) c.run();
        self.requests.push(request);
        self.payloads.push(response);
        for (const t of self.tracked) await t.mock.sync();
        await new Promise((r) => setImmediate(r));
        for (const t of self.tracked) t.afterSync?.();
      },
    } as unknown as Excel.RequestContext;
  }

  /**
   * Excel.run: a fresh request context per run. With delayForCellEdit the batch waits until the
   * user leaves cell-edit mode (endEdit); without it, it runs and its syncs fail while editing.
   */
  run = async <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs.push(options);
    if (options.delayForCellEdit && this.editMode) await new Promise<void>((resolve) => this.editEnded.push(resolve));
    this.context = this.newContext();
    return batch(this.context);
  };

  /** The user commits or cancels the cell edit. */
  endEdit(): void {
    this.editMode = false;
    for (const resolve of this.editEnded.splice(0)) resolve();
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

  private enqueue(what: string, run: () => void, bytes: () => number = () => 0): void {
    this.queue.push({ what, run, bytes });
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw officeError('ItemNotFound', `ItemNotFound: ${name}`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }

  /** Every conditional format of every sheet, as plain data (for before/after comparisons). */
  snapshotCfs(): Array<{ sheet: string; address: string; type: string; formula: string; fill?: string }> {
    return this.sheets.flatMap((s) => s.cfs.map((c) => ({ sheet: s.name, address: c.address, type: c.type, formula: c.custom.rule.formula, fill: c.custom.format.fill.color })));
  }

  snapshotComments(): FakeComment[] {
    return this.comments.map((c) => ({ ...c }));
  }

  /**
   * A tracked read-side object. Assigning a property listed in `writes` queues the command it
   * returns (in call order with every other command); `afterSync` refreshes what the mock shows.
   */
  private track<T extends Record<string, unknown>>(
    kind: string,
    data: T,
    address?: string,
    afterSync?: (m: Mock) => void,
    writes: Record<string, (value: unknown) => Command> = {},
  ): Mock {
    const mock = new OfficeMockObject(data) as Mock;
    const load = mock.load.bind(mock);
    mock.load = ((arg: string | string[]) => {
      const props = typeof arg === 'string' ? arg.split(',').map((p) => p.trim()) : Array.isArray(arg) ? arg : Object.keys(arg ?? {});
      this.loads.push({ kind, address, props });
      this.pendingLoads.push({ data, props });
      return load(arg);
    }) as typeof mock.load;
    this.tracked.push({ mock, afterSync: afterSync ? () => afterSync(mock) : undefined });
    const self = this;
    // The mock's own methods run on the target; only the code under test goes through the proxy.
    return new Proxy(mock, {
      set(target, prop, value) {
        const write = typeof prop === 'string' ? writes[prop] : undefined;
        if (write) self.queue.push(write(value));
        return Reflect.set(target, prop, value);
      },
    });
  }

  private rangeMock(sheet: FakeSheet, r: CellRange, kind = 'range'): Mock {
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
        const hits = sheet.parsedMerges().filter(([, m]) => intersects(m, r)).map(([a]) => a);
        const m = this.track('mergedAreas', { address: hits.map((h) => `${sheet.name}!${h}`).join(', ') }, address);
        // Like Excel: more than 512 merged areas make the whole batch fail at sync.
        if (hits.length > self.mergedAreaLimit) self.enqueue('getMergedAreas', () => {
          throw officeError('GeneralException', 'too many merged areas');
        });
        m.isNullObject = hits.length === 0;
        return m;
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => self.usedRange(sheet, Boolean(valuesOnly), r),
      insert: (dir: string) => self.enqueue('insert', () => self.insertColumns(sheet, r, dir)),
      delete: (dir: string) => self.enqueue('delete', () => self.deleteColumns(sheet, r, dir)),
      clear: (what?: string) =>
        self.enqueue('clear', () => {
          self.refuseProtected(sheet);
          for (let i = r.top; i <= r.bottom; i++)
            for (let j = r.left; j <= r.right; j++) {
              const cell = sheet.cells.get(key(i, j));
              if (!cell) continue;
              if (what === 'Contents') Object.assign(cell, { value: '', formula: '' });
              else sheet.cells.delete(key(i, j));
            }
        }),
      select: () => self.enqueue('select', () => self.selections.push(address)),
    };
    const write = (prop: 'values' | 'formulas' | 'numberFormat') => (value: unknown): Command => ({
      what: `${prop} ${address}`,
      bytes: () => bytesOf(value),
      run: () => this.write(sheet, r, prop, value as unknown[][]),
    });
    const mock = this.track(kind, data, address, undefined, { values: write('values'), formulas: write('formulas'), numberFormat: write('numberFormat') });
    mock.isNullObject = false;
    mock.conditionalFormats = this.cfCollection(sheet, r);
    return mock;
  }

  private refuseProtected(sheet: FakeSheet): void {
    if (sheet.protected) throw officeError('AccessDenied', `The sheet ${sheet.name} is protected.`);
  }

  private write(sheet: FakeSheet, r: CellRange, prop: 'values' | 'formulas' | 'numberFormat', grid: unknown[][]) {
    this.refuseProtected(sheet);
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

  /** Whole columns inserted at r.left; like Excel, they take the format of the column on their left. */
  private insertColumns(sheet: FakeSheet, r: CellRange, dir: string) {
    if (dir !== 'Right' || r.top !== 1) throw new Error('fake supports whole-column insert only');
    this.refuseProtected(sheet);
    this.shift(sheet, r.left, r.right - r.left + 1);
    if (r.left <= 1) return;
    for (const [k, cell] of [...sheet.cells]) {
      const [row, col] = k.split(',').map(Number);
      if (col !== r.left - 1) continue;
      for (let c = r.left; c <= r.right; c++) sheet.cells.set(key(row, c), { value: '', formula: '', format: cell.format });
    }
  }

  private deleteColumns(sheet: FakeSheet, r: CellRange, dir: string) {
    if (dir !== 'Left' || r.top !== 1) throw new Error('fake supports whole-column delete only');
    this.refuseProtected(sheet);
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
        const custom = { rule: { formula: '' }, format: { fill: {}, font: {} } };
        const cf: FakeCf = {
          id: String(self.nextId++),
          sheet: sheet.name,
          address: rangeA1(r),
          type,
          custom,
          customOrNullObject: Object.assign(custom, { isNullObject: type !== 'Custom' }),
          delete: () =>
            self.enqueue('cf.delete', () => {
              sheet.cfs = sheet.cfs.filter((x) => x !== cf);
            }),
        };
        // add, rule formula, fill and font: four actions
        self.enqueue(
          'cf.add',
          () => {
            self.refuseProtected(sheet);
            sheet.cfs.push(cf);
          },
          () => 3 * ACTION_OVERHEAD_BYTES + bytesOf(custom),
        );
        return cf;
      },
    };
  }

  /** A user's own conditional format, present before the add-in runs. */
  addUserCf(sheetName: string, address: string, type: string, formula = '') {
    const sheet = this.sheet(sheetName);
    const custom = { rule: { formula }, format: { fill: {}, font: {} } };
    const cf: FakeCf = {
      id: String(this.nextId++),
      sheet: sheet.name,
      address: rangeA1(parseAny(address)),
      type,
      custom,
      customOrNullObject: Object.assign(custom, { isNullObject: type !== 'Custom' }),
      delete: () =>
        this.enqueue('cf.delete', () => {
          sheet.cfs = sheet.cfs.filter((x) => x !== cf);
        }),
    };
    sheet.cfs.push(cf);
    return cf;
  }

  private refuseStructure(what: string): void {
    if (this.workbookProtected) throw officeError('AccessDenied', `The workbook structure is protected: cannot ${what}.`);
  }

  private worksheetMock(sheet: FakeSheet): Mock {
    const self = this;
    const m = this.track(
      'worksheet',
      {
        name: sheet.name,
        visibility: sheet.visibility,
        protection: { protected: sheet.protected },
        getUsedRangeOrNullObject: (valuesOnly?: boolean) => self.usedRange(sheet, Boolean(valuesOnly)),
        getRange: (address?: string) => self.rangeMock(sheet, address ? parseAny(address) : { top: 1, left: 1, bottom: 1048576, right: 16384 }),
        activate: () =>
          self.enqueue('activate', () => {
            if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', `The sheet ${sheet.name} is hidden.`);
            self.activeSheet = sheet.name;
          }),
        delete: () =>
          self.enqueue('worksheet.delete', () => {
            self.refuseStructure('delete a sheet');
            // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation exception".
            if (sheet.visibility === 'VeryHidden') throw officeError('InvalidOperation', `Cannot delete the VeryHidden sheet ${sheet.name}.`);
            self.sheets = self.sheets.filter((s) => s !== sheet);
          }),
      },
      undefined,
      undefined,
      {
        visibility: (value) => ({
          what: `visibility ${sheet.name}`,
          bytes: () => bytesOf(value),
          run: () => {
            self.refuseStructure('hide or show a sheet');
            sheet.visibility = String(value);
          },
        }),
      },
    );
    return m;
  }

  private worksheetCollection() {
    const self = this;
    let loaded: Mock[] = [];
    return {
      get items() {
        return loaded;
      },
      load(arg: string) {
        self.loads.push({ kind: 'worksheets', props: arg.split(',') });
        loaded = self.sheets.map((s) => {
          const m = self.worksheetMock(s);
          m.load('name');
          if (arg.includes('visibility')) m.load('visibility');
          (m.protection as OfficeMockObject).load('protected');
          return m;
        });
      },
      getItem: (name: string) => self.worksheetMock(self.sheet(name)),
      getActiveWorksheet: () => self.worksheetMock(self.sheet(self.activeSheet)),
      add: (name: string) => {
        const s = new FakeSheet(name);
        self.enqueue('worksheets.add', () => {
          self.refuseStructure('add a sheet');
          if (self.sheets.some((x) => x.name === name)) throw officeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
          self.sheets.push(s);
        });
        return self.worksheetMock(s);
      },
    };
  }

  private hasNote(sheet: string, cell: string): boolean {
    return this.notes.some((n) => n.sheet === sheet && n.cell === cell);
  }

  private commentCollection() {
    const self = this;
    const wrap = (c: FakeComment) => ({
      get id() {
        return c.id;
      },
      get content() {
        return c.content;
      },
      load() {},
      delete: () =>
        self.enqueue('comment.delete', () => {
          self.comments = self.comments.filter((x) => x !== c);
        }),
      getLocation: () => self.track('commentLocation', { address: `${c.sheet}!${c.cell}` }),
    });
    return {
      get items() {
        return self.comments.map(wrap);
      },
      load(arg: string) {
        self.loads.push({ kind: 'comments', props: arg.split(',') });
      },
      add: (address: string, content: string) => {
        const [sheetName, cell] = splitSheetAddress(address);
        const c: FakeComment = { id: '', sheet: sheetName, cell, content };
        self.enqueue(
          'comments.add',
          () => {
            self.refuseProtected(self.sheet(sheetName));
            if (self.comments.some((x) => x.sheet === sheetName && x.cell === cell)) throw officeError('InvalidOperation', 'The cell already has a comment.');
            // Unverified in real Excel (review R4): the fake takes the strict view that a note blocks a threaded comment.
            if (self.hasNote(sheetName, cell)) throw officeError('InvalidOperation', 'The cell already has a note.');
            c.id = `c${self.nextId++}`;
            self.comments.push(c);
          },
          () => bytesOf(address) + bytesOf(content),
        );
        return {
          get id() {
            if (!c.id) throw officeError('PropertyNotLoaded', 'The comment id is not available before a successful sync.');
            return c.id;
          },
          load() {},
        };
      },
    };
  }

  private noteCollection() {
    const self = this;
    return {
      getItemOrNullObject: (address: string) => {
        const [sheet, cell] = splitSheetAddress(address);
        const m = self.track('note', { content: '' });
        m.isNullObject = !self.hasNote(sheet, cell);
        return m;
      },
    };
  }

  private settingCollection() {
    const self = this;
    return {
      add: (k: string, v: unknown) => self.enqueue('settings.add', () => self.settings.set(k, v), () => bytesOf(k) + bytesOf(v)),
      getItem: (k: string) => ({
        delete: () => self.enqueue('setting.delete', () => self.settings.delete(k)),
      }),
      getItemOrNullObject: (k: string) => {
        const m = self.track('setting', { value: self.settings.get(k) ?? '', delete: () => self.enqueue('setting.delete', () => self.settings.delete(k)) });
        m.isNullObject = !self.settings.has(k);
        return m;
      },
    };
  }
}

export { columnLetters };
