/**
 * Notes (legacy comments) on flagged cells: a comments part and the VML shapes Excel draws them
 * with. A sheet that already has notes keeps them: ours are appended to the same parts, and on a
 * cell that has a note of its own our text follows the user's.
 */
import { a1 } from '../core/sheet/address';
import { escapeXml, XmlScanner } from './xml';
import { appendToChild, childrenOf, rootOf, XmlEdits } from './xml-edit';

/** CT_Comments's children in schema order. */
const COMMENTS_ORDER = ['authors', 'commentList', 'extLst'] as const;

export const NOTE_AUTHOR = '评分审核';
/** Shape ids of one VML drawing come in blocks of 1024 (the <o:idmap data> numbers). */
const SHAPES_PER_BLOCK = 1024;

export interface Note {
  row: number;
  col: number;
  /** Heading in bold ("【评分审核】错误"), then the text. */
  heading: string;
  text: string;
}

function runs(note: Note, prefix: string, separator: string): string {
  const p = prefix;
  const rPr = (bold: boolean) => `<${p}rPr>${bold ? `<${p}b/>` : ''}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>`;
  return (
    `<${p}r>${rPr(true)}<${p}t xml:space="preserve">${escapeXml(separator + note.heading)}</${p}t></${p}r>` +
    `<${p}r>${rPr(false)}<${p}t xml:space="preserve">${escapeXml('\n' + note.text)}</${p}t></${p}r>`
  );
}

const COMMENTS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A new comments part holding only our notes. */
export function newCommentsXml(notes: Note[]): string {
  const list = notes.map((n) => `<comment ref="${a1(n.row, n.col)}" authorId="0"><text>${runs(n, '', '')}</text></comment>`).join('');
  return `${COMMENTS_HEAD}<authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * The existing comments part with our notes added: appended to the user's note on the same cell,
 * or as new comments by a 评分审核 author. Returns the part and the notes that need a new shape.
 */
export function mergeCommentsXml(xml: string, part: string, notes: Note[]): { xml: string; newShapes: Note[] } {
  const root = rootOf(xml, part);
  const p = root.prefix;
  const edits = new XmlEdits();
  const authors = root.children.find((c) => c.name === 'authors');
  const list = root.children.find((c) => c.name === 'commentList');
  const authorNames = authors ? childrenOf(xml, part, authors.start).filter((c) => c.name === 'author') : [];
  let authorId = authorNames.findIndex((a) => xml.slice(a.tagEnd, a.closeStart) === NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authorNames.length;
    appendToChild(edits, root, COMMENTS_ORDER, 'authors', `<${p}author>${NOTE_AUTHOR}</${p}author>`);
  }
  const byRef = new Map(notes.map((n) => [a1(n.row, n.col), n]));
  const appended = new Set<string>();
  if (list && !list.empty) {
    const scan = new XmlScanner(xml, part, list.tagEnd);
    let current: Note | undefined;
    while (scan.next() && scan.start < list.closeStart) {
      const kind = scan.kind;
      const name = scan.name;
      if (name === 'comment' && kind !== 'close') current = byRef.get((scan.attr('ref') ?? '').toUpperCase());
      else if (name === 'text' && kind === 'close' && current) {
        edits.insert(scan.start, runs(current, p, '\n\n'));
        appended.add(a1(current.row, current.col));
        current = undefined;
      }
    }
  }
  const fresh = notes.filter((n) => !appended.has(a1(n.row, n.col)));
  const comments = fresh.map((n) => `<${p}comment ref="${a1(n.row, n.col)}" authorId="${authorId}"><${p}text>${runs(n, p, '')}</${p}text></${p}comment>`).join('');
  if (comments) appendToChild(edits, root, COMMENTS_ORDER, 'commentList', comments);
  return { xml: edits.apply(xml), newShapes: fresh };
}

/**
 * The start tags named `name` in a text ("<o:idmap v:ext=… data=…>"), found by indexOf: VML is
 * edited by landmarks, and a regex over unterminated tags would rescan to the end from each one.
 */
function* startTags(text: string, name: string): Generator<{ start: number; end: number; tag: string }> {
  for (let at = text.indexOf(`<${name}`); at >= 0; at = text.indexOf(`<${name}`, at + 1)) {
    const after = text.charCodeAt(at + name.length + 1);
    if (!(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x2f || after === 0x3e)) continue;
    const end = text.indexOf('>', at);
    if (end < 0) return;
    yield { start: at, end: end + 1, tag: text.slice(at, end + 1) };
    at = end;
  }
}

/** The value of a double-quoted attribute in one start tag. */
function attrIn(tag: string, name: string): { value: string; at: number } | undefined {
  for (let at = tag.indexOf(` ${name}="`); at >= 0; at = tag.indexOf(` ${name}="`, at + 1)) {
    const from = at + name.length + 3;
    const to = tag.indexOf('"', from);
    if (to >= 0) return { value: tag.slice(from, to), at: from };
  }
  return undefined;
}

/** Shape-id blocks used by the VML drawings of the package ("data" of every <o:idmap>). */
export function usedShapeBlocks(vmlParts: string[]): Set<number> {
  const used = new Set<number>();
  for (const vml of vmlParts) {
    for (const { tag } of startTags(vml, 'o:idmap')) for (const n of (attrIn(tag, 'data')?.value ?? '').split(',')) if (/^\d+$/.test(n.trim())) used.add(Number(n));
  }
  return used;
}

/** Blocks for `count` more shapes, none of them used yet. */
export function allocateBlocks(used: Set<number>, count: number): number[] {
  const blocks: number[] = [];
  for (let b = 1; blocks.length < Math.ceil((count + 1) / SHAPES_PER_BLOCK); b++) {
    if (used.has(b)) continue;
    blocks.push(b);
    used.add(b);
  }
  return blocks;
}

function shapeXml(note: Note, id: number): string {
  // Anchor: left column, offset, top row, offset, right column, offset, bottom row, offset (0-based).
  const c = note.col;
  const r = Math.max(0, note.row - 2);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:110pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c}, 15, ${r}, 2, ${c + 4}, 15, ${r + 8}, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${note.row - 1}</x:Row><x:Column>${note.col - 1}</x:Column></x:ClientData>` +
    '</v:shape>'
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapes(notes: Note[], blocks: number[]): string {
  return notes.map((n, k) => shapeXml(n, blocks[Math.floor((k + 1) / SHAPES_PER_BLOCK)] * SHAPES_PER_BLOCK + ((k + 1) % SHAPES_PER_BLOCK))).join('');
}

export function newVmlXml(notes: Note[], blocks: number[]): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>${SHAPETYPE}${shapes(notes, blocks)}</xml>`
  );
}

/**
 * The sheet's existing VML drawing with shapes for our new notes: their ids in blocks no other
 * drawing uses, added to its idmap. VML is not always well-formed XML (Excel writes <br>), so it
 * is edited by its known landmarks only.
 */
export function mergeVmlXml(vml: string, notes: Note[], blocks: number[]): string {
  const end = vml.lastIndexOf('</xml>');
  if (end < 0) return newVmlXml(notes, blocks);
  let out = vml.slice(0, end);
  const idmap = startTags(out, 'o:idmap').next().value;
  const data = idmap && attrIn(idmap.tag, 'data');
  if (idmap && data) {
    const at = idmap.start + data.at;
    out = out.slice(0, at) + [data.value, ...blocks].filter(Boolean).join(',') + out.slice(at + data.value.length);
  }
  const typed = [...startTags(out, 'v:shapetype')].some(({ tag }) => attrIn(tag, 'id')?.value === '_x0000_t202') ? '' : SHAPETYPE;
  return `${out}${typed}${shapes(notes, blocks)}${vml.slice(end)}`;
}
