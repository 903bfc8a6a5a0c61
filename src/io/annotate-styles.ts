/**
 * Additions to the styles part: our fills, fonts, borders and cell formats are appended to the
 * collections already there (existing indices never move), each collection's count updated.
 */
import { childrenOf, insertionPoint, rootOf, XmlEdits } from './xml-edit';
import { escapeXml, XmlScanner } from './xml';

/** CT_Stylesheet's children in schema order. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Collection = 'fonts' | 'fills' | 'borders' | 'cellXfs';
const ITEM: Record<Collection, string> = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };

/** What a stylesheet needs when the package has none: the defaults Excel itself writes. */
export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** A collection the part lacks starts with the items Excel reserves (fill 1 is gray125, index 0 the default). */
const DEFAULT_ITEMS: Record<Collection, (p: string) => string[]> = {
  fonts: (p) => [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
  fills: (p) => [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
  borders: (p) => [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
  cellXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
};

interface CollectionState {
  /** Items already in the part. */
  existing: number;
  /** Raw XML of each existing item (cellXfs only: a flagged cell's format is cloned from it). */
  items: string[];
  added: string[];
  /** The reserved items written first when the part lacks the collection. */
  defaults?: string[];
  /** Where the collection's start tag is (to rewrite its count) and where new items go. */
  span?: { start: number; tagEnd: number; closeStart: number; empty: boolean };
}

export interface XfSpec {
  fontId?: number;
  fillId?: number;
  borderId?: number;
  numFmtId?: number;
  /** <alignment …/> attributes. */
  alignment?: Record<string, string>;
}

export class StyleSheetEditor {
  private readonly collections = {} as Record<Collection, CollectionState>;
  private readonly prefix: string;
  private readonly clones = new Map<string, number>();

  constructor(
    private readonly xml: string,
    private readonly part: string,
  ) {
    const root = rootOf(xml, part);
    this.prefix = root.prefix;
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs'] as const) {
      const child = root.children.find((c) => c.name === name);
      const items = child ? childrenOf(xml, part, child.start).filter((c) => c.name === ITEM[name]).map((i) => xml.slice(i.start, i.end)) : DEFAULT_ITEMS[name](root.prefix);
      this.collections[name] = { existing: items.length, items: name === 'cellXfs' ? items : [], added: [], span: child };
      if (!child) this.collections[name].defaults = items;
    }
    this.root = root;
  }

  private readonly root: ReturnType<typeof rootOf>;

  private add(collection: Collection, itemXml: string): number {
    const c = this.collections[collection];
    return c.existing + c.added.push(itemXml) - 1;
  }

  /** A solid fill of an ARGB colour ("FFFFC7CE"). */
  addSolidFill(argb: string): number {
    const p = this.prefix;
    return this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  addFont(spec: { bold?: boolean; underline?: boolean; argb?: string; size?: number }): number {
    const p = this.prefix;
    const parts = [spec.bold ? `<${p}b/>` : '', spec.underline ? `<${p}u/>` : '', `<${p}sz val="${spec.size ?? 11}"/>`, spec.argb ? `<${p}color rgb="${spec.argb}"/>` : '', `<${p}name val="等线"/>`, `<${p}family val="2"/>`, `<${p}charset val="134"/>`];
    return this.add('fonts', `<${p}font>${parts.join('')}</${p}font>`);
  }

  addThinBorder(): number {
    const p = this.prefix;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${s}>`;
    return this.add('borders', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
  }

  addXf(spec: XfSpec): number {
    const p = this.prefix;
    const attrs = [
      `numFmtId="${spec.numFmtId ?? 0}"`,
      `fontId="${spec.fontId ?? 0}"`,
      `fillId="${spec.fillId ?? 0}"`,
      `borderId="${spec.borderId ?? 0}"`,
      'xfId="0"',
      spec.numFmtId !== undefined ? 'applyNumberFormat="1"' : '',
      spec.fontId !== undefined ? 'applyFont="1"' : '',
      spec.fillId !== undefined ? 'applyFill="1"' : '',
      spec.borderId !== undefined ? 'applyBorder="1"' : '',
      spec.alignment ? 'applyAlignment="1"' : '',
    ].filter(Boolean);
    const alignment = spec.alignment ? `<${p}alignment ${Object.entries(spec.alignment).map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ')}/>` : '';
    return this.add('cellXfs', alignment ? `<${p}xf ${attrs.join(' ')}>${alignment}</${p}xf>` : `<${p}xf ${attrs.join(' ')}/>`);
  }

  /** The cell format `base` with its fill replaced: font, border, number format, alignment, protection kept. */
  withFill(base: number, fillId: number): number {
    const key = `${base}:${fillId}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    const xfs = this.collections.cellXfs;
    const source = xfs.items[base] ?? xfs.items[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const scan = new XmlScanner(source, this.part);
    scan.next();
    const edits = new XmlEdits();
    for (const [name, value] of [['fillId', String(fillId)], ['applyFill', '1']] as const) {
      const span = scan.attrSpan(name);
      if (span) edits.replace(span[0], span[1], value);
      else edits.insert(scan.kind === 'empty' ? scan.end - 2 : scan.end - 1, ` ${name}="${value}"`);
    }
    const index = this.add('cellXfs', edits.apply(source));
    this.clones.set(key, index);
    return index;
  }

  /** The styles part with every addition, or undefined when nothing was added. */
  toXml(): string | undefined {
    const edits = new XmlEdits();
    let any = false;
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs'] as const) {
      const c = this.collections[name];
      if (c.added.length === 0) continue;
      any = true;
      const count = c.existing + c.added.length;
      const p = this.prefix;
      if (!c.span) {
        edits.insert(insertionPoint(this.root, STYLESHEET_ORDER, name), `<${p}${name} count="${count}">${(c.defaults ?? []).join('')}${c.added.join('')}</${p}${name}>`);
        continue;
      }
      const scan = new XmlScanner(this.xml, this.part, c.span.start);
      scan.next();
      const countSpan = scan.attrSpan('count');
      if (c.span.empty) {
        edits.replace(c.span.start, c.span.tagEnd, `<${p}${name} count="${count}">${c.added.join('')}</${p}${name}>`);
        continue;
      }
      if (countSpan) edits.replace(countSpan[0], countSpan[1], String(count));
      else edits.insert(c.span.tagEnd - 1, ` count="${count}"`);
      edits.insert(c.span.closeStart, c.added.join(''));
    }
    return any ? edits.apply(this.xml) : undefined;
  }
}
