/**
 * Minimal edits of an XML part: insertions and replacements at positions found by the scanner,
 * applied in one pass. Everything not edited stays byte for byte (well, character for character
 * of the decoded text) as it was.
 */
import { XmlScanner, XmlSyntaxError } from './xml';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
} as const;

interface Edit {
  start: number;
  end: number;
  text: string;
  seq: number;
}

export class XmlEdits {
  private readonly edits: Edit[] = [];

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text, seq: this.edits.length });
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  get size(): number {
    return this.edits.length;
  }

  /** The text with every edit applied; insertions at one position keep the order they were made in. */
  apply(xml: string): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.seq - b.seq);
    let out = '';
    let from = 0;
    for (const e of sorted) {
      if (e.start < from) throw new Error(`overlapping XML edits at ${e.start}`);
      out += xml.slice(from, e.start) + e.text;
      from = e.end;
    }
    return out + xml.slice(from);
  }
}

export interface ElementSpan {
  /** Local name. */
  name: string;
  /** Index of its '<'. */
  start: number;
  /** End of its start tag (after '>'). */
  tagEnd: number;
  /** After its end tag (== tagEnd for an empty element). */
  end: number;
  /** Start of its end tag (== tagEnd for an empty element). */
  closeStart: number;
  empty: boolean;
}

export interface RootInfo extends ElementSpan {
  /** "x:" when the root is written <x:worksheet>, else "": new elements of the part use the same. */
  prefix: string;
  /** Prefix bound to the relationships namespace on the root ("r"), if any. */
  relPrefix?: string;
  /** Direct children of the root, in order. */
  children: ElementSpan[];
}

/** The root element of a part, its prefix and namespace declarations, and its direct children. */
export function rootOf(xml: string, part: string): RootInfo {
  const scan = new XmlScanner(xml, part);
  const found = scan.next();
  const rootKind = scan.kind; // a local: TypeScript would keep scan.kind narrowed across scan.next()
  if (!found || rootKind === 'close') throw new XmlSyntaxError(`${part} 没有根元素`, `${part} has no root element`);
  const qname = xml.slice(scan.start + 1, scan.start + 1 + xml.slice(scan.start + 1).search(/[\s/>]/));
  const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':') + 1) : '';
  const tag = xml.slice(scan.start, scan.end);
  let relPrefix: string | undefined;
  for (const m of tag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) if (m[2] === NS.rel) relPrefix = m[1];
  const root = { name: scan.name, start: scan.start, tagEnd: scan.end, empty: rootKind === 'empty' };
  const children: ElementSpan[] = [];
  if (root.empty) return { ...root, end: scan.end, closeStart: scan.end, prefix, relPrefix, children };
  for (;;) {
    if (!scan.next()) throw new XmlSyntaxError(`${part} 的根元素未结束`, `${part}: root element not closed`);
    const kind = scan.kind;
    if (kind === 'close') return { ...root, end: scan.end, closeStart: scan.start, prefix, relPrefix, children };
    const child = { name: scan.name, start: scan.start, tagEnd: scan.end };
    if (kind === 'empty') children.push({ ...child, end: scan.end, closeStart: scan.end, empty: true });
    else {
      scan.skipElement();
      children.push({ ...child, end: scan.end, closeStart: scan.start, empty: false });
    }
  }
}

/** Where a new child goes so that the schema's order of children is kept: before the first later one present. */
export function insertionPoint(root: RootInfo, order: readonly string[], name: string): number {
  const rank = order.indexOf(name);
  const later = root.children.find((c) => {
    const r = order.indexOf(c.name);
    return r > rank || (r < 0 && c.name === 'extLst');
  });
  return later ? later.start : root.closeStart;
}

/** A relationships-namespace attribute for a new element: the part's own prefix, or a local declaration. */
export function relAttr(root: RootInfo, local: string, value: string): string {
  return root.relPrefix ? `${root.relPrefix}:${local}="${value}"` : `xmlns:r="${NS.rel}" r:${local}="${value}"`;
}

/** Children of an element found by the scanner at `start` (an open element), as spans. */
export function childrenOf(xml: string, part: string, start: number): ElementSpan[] {
  const scan = new XmlScanner(xml, part, start);
  scan.next();
  const out: ElementSpan[] = [];
  const parentKind = scan.kind;
  if (parentKind !== 'open') return out;
  for (;;) {
    if (!scan.next()) throw new XmlSyntaxError(`${part} 中有未结束的元素`, `${part}: unterminated element`);
    const kind = scan.kind;
    if (kind === 'close') return out;
    const child = { name: scan.name, start: scan.start, tagEnd: scan.end };
    if (kind === 'empty') out.push({ ...child, end: scan.end, closeStart: scan.end, empty: true });
    else {
      scan.skipElement();
      out.push({ ...child, end: scan.end, closeStart: scan.start, empty: false });
    }
  }
}

/**
 * Add `content` at the end of the root's child `name`: into it when present (opening it when it is
 * empty), else as a new child where the schema's order puts it.
 */
export function appendToChild(edits: XmlEdits, root: RootInfo, order: readonly string[], name: string, content: string): void {
  const p = root.prefix;
  const child = root.children.find((c) => c.name === name);
  if (!child) edits.insert(insertionPoint(root, order, name), `<${p}${name}>${content}</${p}${name}>`);
  else if (child.empty) edits.replace(child.start, child.end, `<${p}${name}>${content}</${p}${name}>`);
  else edits.insert(child.closeStart, content);
}

/**
 * An edited part is written as UTF-8: a declaration naming another encoding (GBK, UTF-16) is
 * changed to say so, the rest of the text left as it is.
 */
export function declareUtf8(xml: string): string {
  if (!xml.startsWith('<?xml')) return xml;
  const end = xml.indexOf('?>');
  const head = xml.slice(0, end);
  const at = head.indexOf('encoding=');
  if (end < 0 || at < 0) return xml;
  const quote = head[at + 9];
  const close = head.indexOf(quote, at + 10);
  if (close < 0 || /^utf-?8$/i.test(head.slice(at + 10, close))) return xml;
  return `${head.slice(0, at + 10)}UTF-8${xml.slice(close)}`;
}

/** Set (replace or add) an attribute on the start tag spanning [start, tagEnd). */
export function setAttribute(edits: XmlEdits, scan: XmlScanner, name: string, value: string): void {
  const span = scan.attrSpan(name);
  if (span) edits.replace(span[0], span[1], value);
  else edits.insert(scan.kind === 'empty' ? scan.end - 2 : scan.end - 1, ` ${name}="${value}"`);
}
