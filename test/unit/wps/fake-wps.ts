/**
 * An in-house stand-in for WPS 表格's JavaScript object model (VBA's), for the adapter tests. It
 * behaves as the documentation describes the model and refuses what WPS (and VBA) refuse:
 *  - every call is synchronous; collections are 1-based (Item(0) and past Count fail), sheets
 *    are found by index or name;
 *  - Value2 / Formula give a scalar for one cell and a 2-D array (rows of columns) for several;
 *    an empty cell's Value2 is undefined and its Formula ""; a constant's Formula is its text;
 *    an error cell's Value2 is CVErr's number (or its text, `errors: 'text'`) and its Text the code;
 *  - NumberFormat of several cells is null when they differ; MergeCells is true, false or null
 *    (some cells merged); MergeArea is the merged area of the first cell;
 *  - UsedRange spans every cell with a value, a formula or a format (and `formattedTo`);
 *  - Range addresses longer than 255 characters fail;
 *  - refused: writing to, commenting on, formatting, inserting into or deleting from a protected
 *    sheet; a comment on a cell that has one; writing part of a merged area; selecting a cell on
 *    a sheet that is not active; activating a hidden sheet; a custom document property that
 *    exists, is missing (Item) or holds a string longer than 255 characters; inserting columns
 *    that would push cells past column XFD.
 * Inserting whole columns shifts cells, merges (a merge across the insertion point grows),
 * comments, conditional formats and the references in formulas, as Excel's insert does;
 * deleting shifts them back (a reference into deleted columns becomes #REF!).
 * `calls` counts the object-model calls that touch cells, so tests can bound the work.
 */
import { CellRange, columnLetters, columnNumber, rangeA1 } from '../../../src/core/sheet/address';
import { isCellError, type WorkbookModel } from '../../../src/core/sheet/model';
import { ERROR_BASE, ERROR_NUMBERS } from '../../../src/wps/cells';
import { MAX_ADDRESS_CHARS, MAX_PROPERTY_CHARS, MSO_PROPERTY_TYPE_STRING, XL_EXPRESSION, XL_SHEET_VISIBLE, XL_SHIFT_TO_LEFT, XL_SHIFT_TO_RIGHT } from '../../../src/wps/facade';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FakeWpsError';
  }
}

/** What one cell holds: a constant, or a formula with its cached result; its number format. */
export interface FakeCell {
  value?: number | string | boolean | { error: string };
  formula?: string;
  numberFormat?: string;
}

export interface FakeOptions {
  /** How an error cell's Value2 comes back (default 'number', CVErr's code). */
  errors?: 'number' | 'text';
  /** The General format's name in NumberFormat (WPS in Chinese: "G/通用格式"). */
  general?: string;
}

const CODE_OF_ERROR: Record<string, number> = Object.fromEntries(Object.entries(ERROR_NUMBERS).map(([n, text]) => [text, Number(n)]));

function parseCellRef(ref: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref.trim());
  if (!m || (!m[1] && !m[2])) throw new FakeWpsError(`无效的引用：${ref}`);
  return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** "A1", "$A$1:B2", "L:M", "3:5"; several areas separated by commas. */
export function parseAddress(address: string): CellRange[] {
  if (address.length > MAX_ADDRESS_CHARS) throw new FakeWpsError(`引用超过 ${MAX_ADDRESS_CHARS} 个字符`);
  return address.split(',').map((part) => {
    const [x, y = x] = part.split(':');
    const s = parseCellRef(x);
    const e = parseCellRef(y);
    if ((s.row === undefined) !== (e.row === undefined) || (s.col === undefined) !== (e.col === undefined)) throw new FakeWpsError(`无效的引用：${part}`);
    const r: CellRange = {
      top: Math.min(s.row ?? 1, e.row ?? 1),
      bottom: s.row === undefined ? MAX_ROW : Math.max(s.row, e.row!),
      left: Math.min(s.col ?? 1, e.col ?? 1),
      right: s.col === undefined ? MAX_COL : Math.max(s.col, e.col!),
    };
    if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROW || r.right > MAX_COL) throw new FakeWpsError(`引用超出工作表：${part}`);
    return r;
  });
}

const intersects = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const cellsOf = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

export class FakeComment {
  constructor(
    readonly sheet: FakeWorksheet,
    public row: number,
    public col: number,
    readonly text: string,
  ) {}
  Text(): string {
    return this.text;
  }
  Delete(): void {
    this.sheet.guardWrite('删除批注');
    this.sheet.comments = this.sheet.comments.filter((c) => c !== this);
  }
}

export class FakeFormatCondition {
  readonly Interior = { Color: 0 };
  readonly Font = { Color: 0 };
  constructor(
    readonly sheet: FakeWorksheet,
    public areas: CellRange[],
    readonly Type: number,
    readonly Formula1: string,
  ) {}
  Delete(): void {
    this.sheet.guardWrite('删除条件格式');
    this.sheet.cfs = this.sheet.cfs.filter((c) => c !== this);
  }
  get address(): string {
    return this.areas.map(rangeA1).join(',');
  }
}

class FakeFormatConditions {
  constructor(
    private readonly sheet: FakeWorksheet,
    private readonly range: FakeRange,
  ) {}
  private list(): FakeFormatCondition[] {
    return this.sheet.cfs.filter((cf) => cf.areas.some((a) => this.range.areas.some((b) => intersects(a, b))));
  }
  get Count(): number {
    return this.list().length;
  }
  Item(index: number): FakeFormatCondition {
    const cf = this.list()[index - 1];
    if (!cf || !Number.isInteger(index)) throw new FakeWpsError(`条件格式下标越界：${index}`);
    return cf;
  }
  Add(type: number, _operator?: unknown, formula1?: string): FakeFormatCondition {
    this.sheet.guardWrite('添加条件格式');
    if (type !== XL_EXPRESSION || typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new FakeWpsError('条件格式的公式无效');
    const cf = new FakeFormatCondition(this.sheet, this.range.areas.map((a) => ({ ...a })), type, formula1);
    this.sheet.cfs.push(cf);
    return cf;
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeWorksheet,
    readonly areas: CellRange[],
  ) {}
  private get first(): CellRange {
    return this.areas[0];
  }
  get Row(): number {
    return this.first.top;
  }
  get Column(): number {
    return this.first.left;
  }
  get Rows(): { Count: number } {
    return { Count: this.first.bottom - this.first.top + 1 };
  }
  get Columns(): { Count: number } {
    return { Count: this.first.right - this.first.left + 1 };
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const cell = (row: number, col: number) => `${columnAbsolute ? '$' : ''}${columnLetters(col)}${rowAbsolute ? '$' : ''}${row}`;
    return this.areas.map((r) => (r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`)).join(',');
  }
  private grid<T>(get: (cell: FakeCell | undefined) => T): T | T[][] {
    this.sheet.workbook.calls++;
    const r = this.first;
    if (cellsOf(r) > 20_000_000) throw new FakeWpsError('内存不足');
    if (r.top === r.bottom && r.left === r.right) return get(this.sheet.cell(r.top, r.left));
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(get(this.sheet.cell(row, col)));
      out.push(line);
    }
    return out;
  }
  get Value2(): unknown {
    return this.grid((c) => this.sheet.workbook.valueOf(c));
  }
  set Value2(v: unknown) {
    this.write(v, (cell, x) => {
      if (x === undefined || x === null || x === '') return {};
      return { value: x as FakeCell['value'], numberFormat: cell?.numberFormat };
    });
  }
  get Formula(): unknown {
    return this.grid((c) => formulaOf(c));
  }
  set Formula(v: unknown) {
    this.write(v, (cell, x) => {
      if (x === undefined || x === null || x === '') return { numberFormat: cell?.numberFormat };
      const s = String(x);
      if (s.startsWith('=')) return { formula: s, numberFormat: cell?.numberFormat };
      const n = Number(s);
      return { value: s.trim() !== '' && Number.isFinite(n) ? n : s, numberFormat: cell?.numberFormat };
    });
  }
  get NumberFormat(): unknown {
    const general = this.sheet.workbook.options.general ?? 'General';
    const seen = new Set<string>();
    this.sheet.workbook.calls++;
    for (const r of this.areas)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          seen.add(this.sheet.cell(row, col)?.numberFormat ?? general);
          if (seen.size > 1) return null;
        }
    return [...seen][0] ?? general;
  }
  set NumberFormat(v: unknown) {
    this.write(v, (cell) => ({ ...cell, numberFormat: String(v) }));
  }
  get MergeCells(): boolean | null {
    this.sheet.workbook.calls++;
    let merged = 0;
    let total = 0;
    for (const r of this.areas) {
      total += cellsOf(r);
      for (const m of this.sheet.merges) {
        if (!intersects(m, r)) continue;
        const i = { top: Math.max(m.top, r.top), left: Math.max(m.left, r.left), bottom: Math.min(m.bottom, r.bottom), right: Math.min(m.right, r.right) };
        merged += cellsOf(i);
      }
    }
    return merged === 0 ? false : merged === total ? true : null;
  }
  get MergeArea(): FakeRange {
    this.sheet.workbook.calls++;
    const { top, left } = this.first;
    const m = this.sheet.merges.find((x) => inside(x, top, left));
    return new FakeRange(this.sheet, [m ? { ...m } : { top, left, bottom: top, right: left }]);
  }
  get Text(): unknown {
    this.sheet.workbook.calls++;
    const c = this.sheet.cell(this.first.top, this.first.left);
    const v = c?.value;
    if (v === undefined) return '';
    if (typeof v === 'object') return v.error;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }
  get Comment(): FakeComment | null {
    return this.sheet.comments.find((c) => c.row === this.first.top && c.col === this.first.left) ?? null;
  }
  AddComment(text: string): FakeComment {
    this.sheet.guardWrite('添加批注');
    if (this.Comment) throw new FakeWpsError('该单元格已有批注');
    const c = new FakeComment(this.sheet, this.first.top, this.first.left, text);
    this.sheet.comments.push(c);
    return c;
  }
  get FormatConditions(): FakeFormatConditions {
    return new FakeFormatConditions(this.sheet, this);
  }
  Insert(shift?: number): void {
    this.sheet.guardWrite('插入');
    const { left, right, top, bottom } = this.first;
    if (top !== 1 || bottom !== MAX_ROW || shift !== XL_SHIFT_TO_RIGHT) throw new FakeWpsError('只支持插入整列（向右移动）');
    this.sheet.shiftColumns(left, right - left + 1);
  }
  Delete(shift?: number): void {
    this.sheet.guardWrite('删除');
    const { left, right, top, bottom } = this.first;
    if (top !== 1 || bottom !== MAX_ROW || shift !== XL_SHIFT_TO_LEFT) throw new FakeWpsError('只支持删除整列（向左移动）');
    this.sheet.deleteColumns(left, right);
  }
  ClearContents(): void {
    this.write(undefined, (cell) => ({ numberFormat: cell?.numberFormat }));
  }
  Select(): void {
    if (this.sheet.workbook.activeSheet !== this.sheet) throw new FakeWpsError('只能选中活动工作表上的单元格');
    this.sheet.workbook.selection = `${this.sheet.Name}!${this.Address(false, false)}`;
  }
  /** Write every cell of the first area: `v` a scalar for all, or a 2-D array of the area's shape. */
  private write(v: unknown, make: (cell: FakeCell | undefined, x: unknown) => FakeCell): void {
    this.sheet.guardWrite('写入');
    const r = this.first;
    for (const m of this.sheet.merges) {
      if (intersects(m, r) && !(m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right)) throw new FakeWpsError('不能对合并单元格作部分修改');
    }
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (Array.isArray(v) && (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols))) throw new FakeWpsError('数组大小与区域不符');
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const x = Array.isArray(v) ? (v as unknown[][])[row - r.top][col - r.left] : v;
        this.sheet.setCell(row, col, make(this.sheet.cell(row, col), x));
      }
  }
}

function formulaOf(c: FakeCell | undefined): string {
  if (!c) return '';
  if (c.formula) return c.formula;
  const v = c.value;
  if (v === undefined) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

class FakeComments {
  constructor(private readonly sheet: FakeWorksheet) {}
  private sorted(): FakeComment[] {
    return [...this.sheet.comments].sort((a, b) => a.row - b.row || a.col - b.col);
  }
  get Count(): number {
    return this.sheet.comments.length;
  }
  Item(index: number): FakeComment {
    const c = this.sorted()[index - 1];
    if (!c || !Number.isInteger(index)) throw new FakeWpsError(`批注下标越界：${index}`);
    return c;
  }
}

/**
 * A formula after columns moved: `move` gives a column's new number, or undefined where the column
 * was deleted (#REF!). Only references without a sheet name, outside quotes, are moved.
 */
function moveReferences(formula: string, move: (col: number) => number | undefined): string {
  return formula.replace(/("[^"]*")|([(,:=+\-*/&<>^ ])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z])/g, (all, quoted, before, d1, letters, d2, row) => {
    if (quoted) return all;
    const col = move(columnNumber(letters));
    return col === undefined ? `${before}#REF!` : `${before}${d1}${columnLetters(col)}${d2}${row}`;
  });
}

export class FakeWorksheet {
  /** Cells by row, then column. */
  rows = new Map<number, Map<number, FakeCell>>();
  merges: CellRange[] = [];
  comments: FakeComment[] = [];
  cfs: FakeFormatCondition[] = [];
  ProtectContents = false;
  Visible = XL_SHEET_VISIBLE;
  /** A cell the used range reaches by formatting alone. */
  formattedTo?: { row: number; col: number };

  constructor(
    readonly workbook: FakeWorkbook,
    public Name: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.rows.get(row)?.get(col);
  }
  setCell(row: number, col: number, cell: FakeCell): void {
    const empty = cell.value === undefined && cell.formula === undefined && cell.numberFormat === undefined;
    let line = this.rows.get(row);
    if (empty) {
      line?.delete(col);
      return;
    }
    if (!line) this.rows.set(row, (line = new Map()));
    line.set(col, cell);
  }
  guardWrite(what: string): void {
    if (this.ProtectContents) throw new FakeWpsError(`工作表“${this.Name}”受保护，不能${what}`);
  }
  get UsedRange(): FakeRange {
    let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
    const take = (row: number, col: number) => {
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    };
    for (const [row, line] of this.rows) for (const col of line.keys()) take(row, col);
    for (const m of this.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
    if (this.formattedTo) take(this.formattedTo.row, this.formattedTo.col);
    if (bottom === 0) return new FakeRange(this, [{ top: 1, left: 1, bottom: 1, right: 1 }]);
    return new FakeRange(this, [{ top, left, bottom, right }]);
  }
  Range(address: string): FakeRange {
    this.workbook.calls++;
    return new FakeRange(this, parseAddress(address));
  }
  get Cells(): FakeRange {
    return new FakeRange(this, [{ top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL }]);
  }
  get Comments(): FakeComments {
    return new FakeComments(this);
  }
  Activate(): void {
    if (this.Visible !== XL_SHEET_VISIBLE) throw new FakeWpsError('不能激活隐藏的工作表');
    this.workbook.activeSheet = this;
  }

  /** Insert `count` columns at `at`: everything from `at` on moves right. */
  shiftColumns(at: number, count: number): void {
    let last = 0;
    for (const line of this.rows.values()) for (const col of line.keys()) last = Math.max(last, col);
    if (last + count > MAX_COL) throw new FakeWpsError('插入后单元格将超出工作表');
    const move = (col: number) => (col >= at ? col + count : col);
    for (const [row, line] of this.rows) this.rows.set(row, new Map([...line].map(([col, c]) => [move(col), c.formula ? { ...c, formula: moveReferences(c.formula, move) } : c])));
    this.merges = this.merges.map((m) => (m.left < at && m.right >= at ? { ...m, right: m.right + count } : { ...m, left: move(m.left), right: move(m.right) }));
    for (const c of this.comments) c.col = move(c.col);
    for (const cf of this.cfs) cf.areas = cf.areas.map((a) => (a.left < at && a.right >= at ? { ...a, right: a.right + count } : { ...a, left: move(a.left), right: move(a.right) }));
  }

  /** Delete columns from..to: what was right of them moves left. */
  deleteColumns(from: number, to: number): void {
    const count = to - from + 1;
    const move = (col: number) => (col > to ? col - count : col);
    const moveRef = (col: number) => (col >= from && col <= to ? undefined : move(col));
    for (const [row, line] of this.rows)
      this.rows.set(row, new Map([...line].filter(([col]) => col < from || col > to).map(([col, c]) => [move(col), c.formula ? { ...c, formula: moveReferences(c.formula, moveRef) } : c])));
    const squeeze = (r: CellRange): CellRange | undefined => {
      const left = r.left > to ? r.left - count : r.left >= from ? from : r.left;
      const right = r.right < from ? r.right : r.right > to ? r.right - count : from - 1;
      return right >= left ? { ...r, left, right } : undefined;
    };
    this.merges = this.merges.map(squeeze).filter((m): m is CellRange => !!m && cellsOf(m) > 1);
    this.comments = this.comments.filter((c) => c.col < from || c.col > to);
    for (const c of this.comments) c.col = move(c.col);
    this.cfs = this.cfs.flatMap((cf) => {
      cf.areas = cf.areas.map(squeeze).filter((a): a is CellRange => !!a);
      return cf.areas.length > 0 ? [cf] : [];
    });
  }
}

class FakeSheets {
  constructor(private readonly workbook: FakeWorkbook) {}
  get Count(): number {
    return this.workbook.sheets.length;
  }
  Item(index: number | string): FakeWorksheet {
    const ws = typeof index === 'number' ? (Number.isInteger(index) ? this.workbook.sheets[index - 1] : undefined) : this.workbook.sheets.find((s) => s.Name === index);
    if (!ws) throw new FakeWpsError(`下标越界：${index}`);
    return ws;
  }
}

export class FakeDocProperty {
  constructor(
    private readonly owner: FakeDocProperties,
    readonly Name: string,
    readonly Value: unknown,
  ) {}
  Delete(): void {
    this.owner.items = this.owner.items.filter((p) => p !== this);
  }
}

export class FakeDocProperties {
  items: FakeDocProperty[] = [];
  get Count(): number {
    return this.items.length;
  }
  Item(index: number | string): FakeDocProperty {
    const p = typeof index === 'number' ? this.items[index - 1] : this.items.find((x) => x.Name === index);
    if (!p) throw new FakeWpsError(`没有这个文档属性：${index}`);
    return p;
  }
  Add(name: string, linkToContent: boolean, type: number, value: unknown): FakeDocProperty {
    if (linkToContent) throw new FakeWpsError('不支持链接到内容的属性');
    if (this.items.some((p) => p.Name === name)) throw new FakeWpsError(`文档属性已存在：${name}`);
    if (type === MSO_PROPERTY_TYPE_STRING && String(value).length > MAX_PROPERTY_CHARS) throw new FakeWpsError(`文档属性的值超过 ${MAX_PROPERTY_CHARS} 个字符`);
    const p = new FakeDocProperty(this, name, type === MSO_PROPERTY_TYPE_STRING ? String(value) : value);
    this.items.push(p);
    return p;
  }
}

export class FakeWorkbook {
  sheets: FakeWorksheet[] = [];
  activeSheet: FakeWorksheet | null = null;
  selection = '';
  calls = 0;
  readonly props = new FakeDocProperties();
  constructor(
    public Name: string,
    readonly options: FakeOptions = {},
  ) {}
  get Worksheets(): FakeSheets {
    return new FakeSheets(this);
  }
  get ActiveSheet(): FakeWorksheet | null {
    return this.activeSheet;
  }
  get CustomDocumentProperties(): FakeDocProperties {
    return this.props;
  }
  addSheet(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this, name);
    this.sheets.push(ws);
    this.activeSheet ??= ws;
    return ws;
  }
  sheet(name: string): FakeWorksheet {
    return this.Worksheets.Item(name);
  }
  /** A cell's Value2 as WPS gives it. */
  valueOf(c: FakeCell | undefined): unknown {
    const v = c?.value;
    if (v === undefined || typeof v !== 'object') return v;
    const code = CODE_OF_ERROR[v.error];
    return this.options.errors === 'text' || code === undefined ? v.error : ERROR_BASE + code;
  }
}

export class FakePluginStorage {
  readonly items = new Map<string, unknown>();
  setItem(key: string, value: string | number | boolean): void {
    this.items.set(key, value);
  }
  getItem(key: string): unknown {
    return this.items.get(key);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export class FakeTaskPane {
  Visible = false;
  DockPosition = 0;
  constructor(
    readonly ID: number,
    readonly url: string,
    readonly title: string | undefined,
  ) {}
}

export class FakeApplication {
  constructor(
    public ActiveWorkbook: FakeWorkbook | null,
    readonly Build = '12.1.0.20540',
  ) {}
  get ActiveSheet(): FakeWorksheet | null {
    return this.ActiveWorkbook?.ActiveSheet ?? null;
  }
}

export class FakeWps {
  readonly PluginStorage = new FakePluginStorage();
  readonly panes: FakeTaskPane[] = [];
  readonly functions = new Map<string, (...args: unknown[]) => unknown>();
  /** Present as in WPS 12.1.0.20540 and later; `delete` it for an older build. */
  AddCustomFunction?: (namespace: string, name: string, fn: (...args: unknown[]) => unknown) => void = (namespace, name, fn) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FakeWpsError(`函数名不符合规范：${name}`);
    this.functions.set(`${namespace}.${name}`, fn);
  };
  constructor(readonly app: FakeApplication) {}
  EtApplication(): FakeApplication {
    return this.app;
  }
  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    const pane = new FakeTaskPane(this.panes.length + 1, url, title);
    this.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: number): FakeTaskPane | null {
    return this.panes.find((p) => p.ID === id) ?? null;
  }
}

/** A workbook in the fake holding what the project's reader read from a file. */
export function fakeFromModel(model: WorkbookModel, options: FakeOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(model.source, options);
  for (const sheet of model.sheets) {
    const ws = wb.addSheet(sheet.name);
    ws.ProtectContents = sheet.protected;
    ws.merges = sheet.merges.map((m) => ({ ...m }));
    for (let row = 1; row <= sheet.rowCount; row++)
      for (let col = 1; col <= sheet.colCount; col++) {
        const c = sheet.cell(row, col);
        if (!c) continue;
        const value = c.value === null ? undefined : isCellError(c.value) ? { error: c.value.error } : c.value;
        ws.setCell(row, col, { value, formula: c.formula ? `=${c.formula}` : undefined, numberFormat: c.numFmt });
      }
  }
  return wb;
}

/** The `wps` global and Application of a WPS with this workbook open. */
export function fakeWps(workbook: FakeWorkbook | null, build?: string): { wps: FakeWps; app: FakeApplication } {
  const app = new FakeApplication(workbook, build);
  return { wps: new FakeWps(app), app };
}


