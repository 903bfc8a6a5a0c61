/**
 * A linear XML scanner for the package parts we read and edit. Every step moves forward by
 * indexOf or one character at a time: no regular expression runs on the input, so no input can
 * make it backtrack. DTDs are refused (OPC forbids them in a package): no entity is ever expanded
 * beyond the five predefined ones and character references.
 */

/** A part that is not well-formed XML, or holds a DTD; the reader names the file around it. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'XmlSyntaxError';
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;
const BANG = 0x21;
const QUESTION = 0x3f;

const isSpace = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;

export type TagKind = 'open' | 'close' | 'empty';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the predefined entities and character references; anything else is a damaged part. */
export function unescapeXml(s: string, part = ''): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError(`${part} 中有未结束的实体引用`, `unterminated entity reference in ${part}`);
    const name = s.slice(amp + 1, semi);
    let text: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) text = String.fromCodePoint(code);
    } else text = NAMED_ENTITIES[name];
    if (text === undefined) throw new XmlSyntaxError(`${part} 中有未定义的实体 &${name};`, `undefined entity &${name}; in ${part}`);
    out += s.slice(from, amp) + text;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** Excel's escape of characters XML cannot hold (ST_Xstring): "_x000D_" is a carriage return. */
export function decodeXstring(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const hex = s.slice(at + 2, at + 6);
    if (s.charCodeAt(at + 6) === 0x5f /* _ */ && hex.length === 4 && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      out += s.slice(from, at) + String.fromCharCode(parseInt(hex, 16));
      from = at + 7;
    } else {
      out += s.slice(from, at + 2);
      from = at + 2;
    }
    at = s.indexOf('_x', from);
  }
  return out + s.slice(from);
}

/** Text for XML content or a double-quoted attribute; characters XML 1.0 cannot hold are written as _xHHHH_. */
export function escapeXml(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    let rep: string | undefined;
    if (ch === 0x26) rep = '&amp;';
    else if (ch === LT) rep = '&lt;';
    else if (ch === GT) rep = '&gt;';
    else if (ch === QUOTE) rep = '&quot;';
    else if ((ch < 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) || ch === 0xfffe || ch === 0xffff) rep = `_x${ch.toString(16).padStart(4, '0').toUpperCase()}_`;
    else if (ch === 0x5f && s.startsWith('_x', i) && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) rep = '_x005F_'; // a literal "_x0041_" stays literal
    if (rep !== undefined) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Element tags of a document in order. After next() returns true, `name` (local, without prefix),
 * `kind`, `start` (the '<') and `end` (after the '>') describe the tag, and attr() reads its
 * attributes.
 */
export class XmlScanner {
  name = '';
  kind: TagKind = 'open';
  start = 0;
  end = 0;
  private nameEnd = 0;

  constructor(
    readonly xml: string,
    readonly part: string,
    /** Start scanning here (to resume after an earlier scan). */
    private pos = 0,
  ) {}

  private broken(what: string, whatEn: string): Error {
    return new XmlSyntaxError(`${this.part} ${what}`, `${this.part}: ${whatEn}`);
  }

  /** Move to the next element tag; false at the end of the document. Comments, PIs and CDATA are skipped. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) return false;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === BANG) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      if (c1 === QUESTION) {
        const e = xml.indexOf('?>', lt + 2);
        if (e < 0) throw this.broken('有未结束的处理指令', 'unterminated processing instruction');
        this.pos = e + 2;
        continue;
      }
      let i = lt + 1;
      let quote = 0;
      for (; i < xml.length; i++) {
        const ch = xml.charCodeAt(i);
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === QUOTE || ch === APOS) quote = ch;
        else if (ch === GT) break;
      }
      if (i >= xml.length) throw this.broken('有未结束的标签', 'unterminated tag');
      this.start = lt;
      this.end = i + 1;
      this.pos = i + 1;
      const closing = c1 === SLASH;
      this.kind = closing ? 'close' : xml.charCodeAt(i - 1) === SLASH ? 'empty' : 'open';
      let n = closing ? lt + 2 : lt + 1;
      let colon = -1;
      const nameStart = n;
      for (; n < i; n++) {
        const ch = xml.charCodeAt(n);
        if (isSpace(ch) || ch === SLASH || ch === GT) break;
        if (ch === COLON) colon = n;
      }
      if (n === nameStart) throw this.broken('有无名标签', 'tag without a name');
      this.name = xml.slice(colon >= 0 ? colon + 1 : nameStart, n);
      this.nameEnd = n;
      return true;
    }
  }

  /** Skip <!-- -->, <![CDATA[ ]]>; refuse <!DOCTYPE and any other declaration. */
  private skipMarkup(lt: number): number {
    const xml = this.xml;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) throw this.broken('有未结束的注释', 'unterminated comment');
      return e + 3;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) throw this.broken('有未结束的 CDATA', 'unterminated CDATA');
      return e + 3;
    }
    throw new XmlSyntaxError(
      `${this.part} 含有 DTD 声明，Office 文件不允许，出于安全考虑不予读取`,
      `${this.part} contains a DTD declaration, which Office files do not allow; refused for safety`,
    );
  }

  /**
   * Find the attribute with this local name in the current tag: [start, end) of its raw value,
   * or undefined. No allocation: the reader asks for two or three attributes of every cell.
   */
  private findAttr(localName: string): [number, number] | undefined {
    const xml = this.xml;
    const stop = this.kind === 'empty' ? this.end - 2 : this.end - 1;
    let i = this.nameEnd;
    while (i < stop) {
      while (i < stop && isSpace(xml.charCodeAt(i))) i++;
      if (i >= stop) break;
      let localStart = i;
      while (i < stop && xml.charCodeAt(i) !== EQUALS && !isSpace(xml.charCodeAt(i))) {
        if (xml.charCodeAt(i) === COLON) localStart = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < stop && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQUALS) throw this.broken('有不完整的属性', 'malformed attribute');
      i++;
      while (i < stop && isSpace(xml.charCodeAt(i))) i++;
      const q = xml.charCodeAt(i);
      if (q !== QUOTE && q !== APOS) throw this.broken('有不完整的属性', 'malformed attribute');
      const close = xml.indexOf(q === QUOTE ? '"' : "'", i + 1);
      if (close < 0 || close > stop) throw this.broken('有不完整的属性', 'malformed attribute');
      if (nameEnd - localStart === localName.length && xml.startsWith(localName, localStart)) return [i + 1, close];
      i = close + 1;
    }
    return undefined;
  }

  /** The attribute with this local name (any prefix), unescaped; undefined if absent. */
  attr(localName: string): string | undefined {
    const at = this.findAttr(localName);
    return at === undefined ? undefined : unescapeXml(this.xml.slice(at[0], at[1]), this.part);
  }

  /** [start, end) of the attribute's raw (still escaped) value in the document, for minimal edits. */
  attrSpan(localName: string): [number, number] | undefined {
    return this.findAttr(localName);
  }

  /**
   * The text content of the element just opened, up to its closing tag (which is consumed):
   * text and CDATA joined, nested elements skipped. "" for an empty tag.
   */
  text(): string {
    if (this.kind !== 'open') return '';
    const xml = this.xml;
    // The common case, <v>12</v>: plain text, then the closing tag.
    const lt0 = xml.indexOf('<', this.pos);
    if (lt0 >= 0 && xml.charCodeAt(lt0 + 1) === SLASH) {
      const gt = xml.indexOf('>', lt0);
      if (gt < 0) throw this.broken('有未结束的标签', 'unterminated tag');
      const content = xml.slice(this.pos, lt0);
      this.start = lt0;
      this.end = gt + 1;
      this.pos = gt + 1;
      this.kind = 'close';
      return unescapeXml(content, this.part);
    }
    let out = '';
    let depth = 0;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) throw this.broken('有未结束的元素', 'unterminated element');
      if (depth === 0 && lt > this.pos) out += unescapeXml(xml.slice(this.pos, lt), this.part);
      if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) throw this.broken('有未结束的 CDATA', 'unterminated CDATA');
        if (depth === 0) out += xml.slice(lt + 9, e);
        this.pos = e + 3;
        continue;
      }
      if (xml.charCodeAt(lt + 1) === BANG || xml.charCodeAt(lt + 1) === QUESTION) {
        this.pos = xml.charCodeAt(lt + 1) === BANG ? this.skipMarkup(lt) : xml.indexOf('?>', lt) + 2;
        if (this.pos < 2) throw this.broken('有未结束的处理指令', 'unterminated processing instruction');
        continue;
      }
      this.pos = lt;
      this.next();
      if (this.kind === 'open') depth++;
      else if (this.kind === 'close') {
        if (depth === 0) return out;
        depth--;
      }
    }
  }

  /** Skip to the end of the element just opened (after its closing tag). */
  skipElement(): void {
    if (this.kind !== 'open') return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.kind === 'open') depth++;
      else if (this.kind === 'close') depth--;
    }
    if (depth > 0) throw this.broken('有未结束的元素', 'unterminated element');
  }

}

/**
 * Decode an XML part by its BOM or its declared encoding (UTF-8 by default; GBK, GB18030, UTF-16
 * as declared), line ends normalised to "\n" as XML requires (a CR written as &#13; or _x000D_ stays).
 */
export function decodeXml(bytes: Uint8Array, part: string): string {
  const xml = decodeBytes(bytes, part);
  return xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml;
}

function decodeBytes(bytes: Uint8Array, part: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const encoding = declaredEncoding(bytes);
  if (encoding === undefined || encoding === 'utf-8' || encoding === 'utf8') return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new XmlSyntaxError(`${part} 声明了无法识别的字符编码 ${encoding}`, `${part} declares an unknown encoding ${encoding}`);
  }
}

/** The encoding named in `<?xml … encoding="…"?>`, lower-cased. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (!(bytes[0] === LT && bytes[1] === QUESTION)) return undefined;
  let end = 2;
  while (end < bytes.length && end < 200 && bytes[end] !== GT) end++;
  const head = String.fromCharCode(...bytes.subarray(0, end));
  const at = head.indexOf('encoding');
  if (at < 0) return undefined;
  const open = head.slice(at + 8).search(/["']/);
  if (open < 0) return undefined;
  const rest = head.slice(at + 8 + open + 1);
  const close = rest.search(/["']/);
  return close < 0 ? undefined : rest.slice(0, close).trim().toLowerCase();
}
