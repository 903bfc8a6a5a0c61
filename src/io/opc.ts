/**
 * The package structure (Open Packaging Conventions) the reader and the writer share: parts by
 * relationship, the workbook part and its sheets.
 */
import { damaged, WorkbookReadError } from './errors';
import { decodeXml, XmlScanner, XmlSyntaxError } from './xml';
import { ZipPackage } from './zip';

export const REL_TYPE = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
  comments: '/comments',
  vmlDrawing: '/vmlDrawing',
  drawing: '/drawing',
  chart: '/chart',
  hyperlink: '/hyperlink',
} as const;

export interface Relationship {
  id: string;
  /** The relationship type URI (transitional or strict). */
  type: string;
  /** The target as written. */
  target: string;
  /** The target part name (no leading "/"), resolved against the source part; undefined when external. */
  part?: string;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.split('#')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded after all
  }
  const segments = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

/** "xl/worksheets/sheet1.xml" from "xl/workbook.xml": the relative target to write into a .rels part. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}

export const typeIs = (rel: Relationship, suffix: string): boolean => rel.type.endsWith(suffix);

/** Read a part as text, turning XML and encoding errors into a sentence naming the file. */
export async function readXmlPart(pkg: ZipPackage, part: string): Promise<string> {
  const bytes = await pkg.bytes(part);
  return parsing(pkg.source, () => decodeXml(bytes, part));
}

/** Run a parse over a part, with XML syntax errors reported as a damaged workbook. */
export function parsing<T>(source: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw damaged(source, err.messageZh, err.messageEn);
    throw err;
  }
}

export function parseRels(xml: string, sourcePart: string, relsPart: string): Relationship[] {
  const out: Relationship[] = [];
  const scan = new XmlScanner(xml, relsPart);
  while (scan.next()) {
    if (scan.kind === 'close' || scan.name !== 'Relationship') continue;
    const id = scan.attr('Id');
    const type = scan.attr('Type') ?? '';
    const target = scan.attr('Target');
    if (id === undefined || target === undefined) continue;
    const external = scan.attr('TargetMode') === 'External';
    out.push({ id, type, target, ...(external ? {} : { part: resolveTarget(sourcePart, target) }) });
  }
  return out;
}

/** The relationships of a part; none when it has no .rels part. */
export async function relationshipsOf(pkg: ZipPackage, part: string): Promise<Relationship[]> {
  const relsPart = relsPartOf(part);
  if (!pkg.has(relsPart)) return [];
  const xml = await readXmlPart(pkg, relsPart);
  return parsing(pkg.source, () => parseRels(xml, part, relsPart));
}

export interface SheetEntry {
  name: string;
  /** Relationship id in workbook.xml.rels. */
  rid: string;
  /** The worksheet part, when the relationship is a worksheet present in the package. */
  part?: string;
  /** 'worksheet', or the kind of sheet we do not read (chartsheet, dialogsheet, macrosheet). */
  kind: string;
}

export interface WorkbookPart {
  /** The workbook part name ("xl/workbook.xml" in every file Excel writes). */
  part: string;
  xml: string;
  rels: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
}

/** The workbook part through the package's officeDocument relationship, its sheets in order. */
export async function readWorkbookPart(pkg: ZipPackage): Promise<WorkbookPart> {
  const rootRels = await relationshipsOf(pkg, '');
  const part = rootRels.find((r) => typeIs(r, REL_TYPE.officeDocument) && r.part)?.part ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  if (part === undefined || !pkg.has(part)) {
    throw new WorkbookReadError(
      `${pkg.source} 不是 .xlsx 工作簿（包内没有工作簿部件 xl/workbook.xml）`,
      `${pkg.source} is not an .xlsx workbook (the package has no workbook part)`,
    );
  }
  const entry = pkg.entryName(part)!;
  const [xml, rels] = await Promise.all([readXmlPart(pkg, entry), relationshipsOf(pkg, entry)]);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parsing(pkg.source, () => {
    const scan = new XmlScanner(xml, entry);
    while (scan.next()) {
      if (scan.kind === 'close') continue;
      if (scan.name === 'workbookPr') {
        const d = scan.attr('date1904');
        date1904 = d === '1' || d === 'true';
      } else if (scan.name === 'sheet') {
        const name = scan.attr('name');
        const rid = scan.attr('id');
        if (name === undefined || rid === undefined) continue;
        const rel = byId.get(rid);
        const kind = rel ? rel.type.slice(rel.type.lastIndexOf('/') + 1) : 'missing';
        const present = rel?.part !== undefined && pkg.has(rel.part);
        sheets.push({ name, rid, kind, ...(kind === 'worksheet' && present ? { part: pkg.entryName(rel!.part!)! } : {}) });
      }
    }
  });
  return { part: entry, xml, rels, sheets, date1904 };
}

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export const REL_URI = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Additions to a part's relationships: new ids that no existing relationship uses ("rId7" after
 * "rId6"), written into the .rels part as it was, or into a new one.
 */
export class RelationshipsEditor {
  private readonly added: string[] = [];
  private readonly ids: Set<string>;
  private next: number;

  constructor(
    private readonly sourcePart: string,
    private readonly xml: string | undefined,
    existing: Relationship[],
  ) {
    this.ids = new Set(existing.map((r) => r.id));
    this.next = Math.max(0, ...existing.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  }

  /** Add a relationship to a part of the package; returns its id. */
  add(typeSuffix: string, targetPart: string): string {
    while (this.ids.has(`rId${this.next}`)) this.next++;
    const id = `rId${this.next++}`;
    this.ids.add(id);
    this.added.push(`<Relationship Id="${id}" Type="${REL_URI}${typeSuffix}" Target="${relativeTarget(this.sourcePart, targetPart)}"/>`);
    return id;
  }

  /** The .rels part with the additions; undefined when nothing was added. */
  toXml(): string | undefined {
    if (this.added.length === 0) return undefined;
    if (this.xml === undefined) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${this.added.join('')}</Relationships>`;
    }
    const close = this.xml.lastIndexOf('</');
    if (close >= 0 && this.xml.indexOf('Relationships', close) > 0) return this.xml.slice(0, close) + this.added.join('') + this.xml.slice(close);
    // <Relationships …/> with nothing in it: open it.
    const root = this.xml.indexOf('<Relationships');
    const end = root < 0 ? -1 : this.xml.indexOf('/>', root);
    if (end < 0) return this.xml;
    return `${this.xml.slice(0, end)}>${this.added.join('')}</Relationships>${this.xml.slice(end + 2)}`;
  }
}

const MACRO_ENABLED_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Additions to [Content_Types].xml: an Override per new part, a Default per new extension. */
export class ContentTypesEditor {
  private readonly defaults = new Set<string>();
  private readonly overrides = new Map<string, string>();
  private readonly added: string[] = [];

  constructor(private readonly xml: string) {
    const scan = new XmlScanner(xml, '[Content_Types].xml');
    while (scan.next()) {
      const kind = scan.kind;
      if (kind === 'close') continue;
      if (scan.name === 'Default') this.defaults.add((scan.attr('Extension') ?? '').toLowerCase());
      if (scan.name === 'Override') this.overrides.set((scan.attr('PartName') ?? '').toLowerCase(), scan.attr('ContentType') ?? '');
    }
  }

  /** The workbook part is macro-enabled (.xlsm): a copy must keep that extension or Excel refuses it. */
  macroEnabled(workbookPart: string): boolean {
    return this.overrides.get(`/${workbookPart}`.toLowerCase()) === MACRO_ENABLED_MAIN;
  }

  override(part: string, contentType: string): void {
    const name = `/${part}`;
    if (this.overrides.has(name.toLowerCase())) return;
    this.overrides.set(name.toLowerCase(), contentType);
    this.added.push(`<Override PartName="${name}" ContentType="${contentType}"/>`);
  }

  default(extension: string, contentType: string): void {
    if (this.defaults.has(extension)) return;
    this.defaults.add(extension);
    // Defaults come first in Excel's own files; any order is valid.
    this.added.unshift(`<Default Extension="${extension}" ContentType="${contentType}"/>`);
  }

  toXml(): string | undefined {
    if (this.added.length === 0) return undefined;
    const close = this.xml.lastIndexOf('</');
    return this.xml.slice(0, close) + this.added.join('') + this.xml.slice(close);
  }
}
