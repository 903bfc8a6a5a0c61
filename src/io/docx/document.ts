/**
 * WordprocessingML body → its running paragraphs and its tables, in document order. A flat scan
 * of the tags (one linear regex, no nesting in it): paragraphs, runs' text, breaks and tabs; tables
 * with their rows and cells, `w:gridSpan` (cells spanning grid columns), `w:vMerge` (cells merged
 * down), `w:gridBefore` (rows starting to the right). A table inside a table cell adds its text to
 * that cell. Deleted revisions, field codes and the fallback copies of text boxes are not text.
 */

export interface WordCell {
  text: string;
  /** Zero-based grid column of the cell's left edge. */
  gridCol: number;
  span: number;
  /** 'restart' opens a vertical merge, 'continue' extends the one above. */
  vMerge?: 'restart' | 'continue';
}

export interface WordTable {
  /** The caption paragraph above the table ("表3-4 …"), if it has one. */
  caption?: string;
  rows: WordCell[][];
  /** How many body paragraphs come before the table (before its last part, for a table continued by 续表). */
  afterParagraph: number;
}

export interface WordDocument {
  /** Non-empty paragraphs outside tables, in order. */
  paragraphs: string[];
  tables: WordTable[];
}

/** Tags and the text between them, in one pass (a regex alternation rescans "<<<<…" quadratically). */
function* xmlTokens(xml: string): Generator<string> {
  let i = 0;
  while (i < xml.length) {
    if (xml[i] === '<') {
      const end = xml.indexOf('>', i + 1);
      // An unterminated tag: the rest is text, as a regex tokenizer would have left it.
      if (end < 0) {
        yield xml.slice(i + 1);
        return;
      }
      yield xml.slice(i, end + 1);
      i = end + 1;
    } else {
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      yield xml.slice(i, end);
      i = end;
    }
  }
}

/** A caption names a table: 表1, 表3-4, 表 2-1, 续表3-7, 附表1, 表一. */
const CAPTION = /^\s*(?:续|附)?表\s*[0-9０-９一二三四五六七八九十]+(?:[-－—–.．][0-9０-９]+)*/;
/** Without a number, a short line with no sentence punctuation right above a table is its title. */
const TITLE_MAX_CHARS = 50;
const SENTENCE_PUNCTUATION = /[。；;：:，,！？]/;

function captionOf(paragraph: string | undefined): string | undefined {
  if (paragraph === undefined) return undefined;
  const text = paragraph.trim();
  if (CAPTION.test(text)) return text;
  return text.length <= TITLE_MAX_CHARS && !SENTENCE_PUNCTUATION.test(text) ? text : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  const to = tag.indexOf('"', from);
  return to < 0 ? undefined : tag.slice(from, to);
}

/** The element name of a tag: "<w:tc>" → "w:tc", "</w:tc>" → "w:tc". */
function tagName(tag: string): string {
  const from = tag[1] === '/' ? 2 : 1;
  let i = from;
  for (; i < tag.length; i++) {
    const ch = tag.charCodeAt(i);
    if (ch === 0x20 || ch === 0x2f || ch === 0x3e || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
  }
  return tag.slice(from, i);
}

export function parseDocumentXml(xml: string): WordDocument {
  const doc: WordDocument = { paragraphs: [], tables: [] };
  let tableDepth = 0;
  let table: WordTable | undefined;
  let row: WordCell[] | undefined;
  let cell: (WordCell & { lines: string[] }) | undefined;
  let gridCol = 0;
  /** Open paragraphs: a text box inside a paragraph holds paragraphs of its own. */
  const paragraphs: string[][] = [];
  let inText = false;
  /** Depth inside elements whose text is not the document's (deleted text, field codes, fallbacks). */
  let skipDepth = 0;
  const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:del']);

  const endParagraph = () => {
    const parts = paragraphs.pop();
    if (!parts) return;
    const text = parts.join('');
    if (cell) cell.lines.push(text);
    else if (tableDepth === 0 && text.trim() !== '') doc.paragraphs.push(text);
  };

  for (const token of xmlTokens(xml)) {
    if (token[0] !== '<') {
      if (inText && skipDepth === 0) paragraphs[paragraphs.length - 1]?.push(unescape(token));
      continue;
    }
    if (token.startsWith('<?') || token.startsWith('<!')) continue;
    const closing = token[1] === '/';
    const selfClosing = token.endsWith('/>');
    const name = tagName(token);
    if (SKIPPED.has(name)) {
      if (closing) skipDepth = Math.max(0, skipDepth - 1);
      else if (!selfClosing) skipDepth++;
      continue;
    }
    switch (name) {
      case 'w:p':
        if (closing) endParagraph();
        else if (!selfClosing) paragraphs.push([]);
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing && skipDepth === 0 && !isTabStop(token)) paragraphs[paragraphs.length - 1]?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing && skipDepth === 0) paragraphs[paragraphs.length - 1]?.push('\n');
        break;
      case 'w:tbl':
        if (closing) {
          tableDepth--;
          if (tableDepth === 0 && table) {
            const previous = doc.tables[doc.tables.length - 1];
            if (previous && continues(previous, table, doc.paragraphs)) appendContinuation(previous, table);
            else doc.tables.push(table);
            table = undefined;
          }
        } else if (!selfClosing) {
          tableDepth++;
          if (tableDepth === 1) {
            // Only a paragraph between the previous table and this one can be its caption.
            const last = doc.tables[doc.tables.length - 1];
            const before = last && last.afterParagraph === doc.paragraphs.length ? undefined : doc.paragraphs[doc.paragraphs.length - 1];
            table = { rows: [], afterParagraph: doc.paragraphs.length, caption: captionOf(before) };
          }
        }
        break;
      case 'w:tr':
        if (tableDepth !== 1) break;
        if (closing) {
          if (row && table) table.rows.push(row);
          row = undefined;
        } else if (!selfClosing) {
          row = [];
          gridCol = 0;
        }
        break;
      case 'w:gridBefore':
        if (tableDepth === 1 && row && row.length === 0) gridCol += Number(attr(token, 'w:val') ?? 0) || 0;
        break;
      case 'w:tc':
        if (tableDepth !== 1) break;
        if (closing) {
          if (cell && row) {
            const { lines, ...rest } = cell;
            row.push({ ...rest, text: lines.join('\n') });
            gridCol += cell.span;
          }
          cell = undefined;
        } else if (!selfClosing) cell = { text: '', gridCol, span: 1, lines: [] };
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell) cell.span = Math.max(1, Math.min(Number(attr(token, 'w:val') ?? 1) || 1, MAX_GRID_SPAN));
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell) cell.vMerge = attr(token, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
    }
  }
  return doc;
}

const CONTINUATION = /^\s*续表/;

function gridWidth(t: WordTable): number {
  return t.rows.reduce((w, r) => Math.max(w, ...r.map((c) => c.gridCol + c.span)), 0);
}

const rowText = (r: WordCell[] | undefined) => (r ?? []).map((c) => c.text.trim()).join('\u0000');

/**
 * A table continues the one before it when nothing but a 续表 line stands between them and it has
 * the same grid: a table split by hand across pages. Its rows join the first part's sheet.
 */
function continues(previous: WordTable, next: WordTable, paragraphs: string[]): boolean {
  const between = paragraphs.slice(previous.afterParagraph, next.afterParagraph);
  const adjacent = between.length === 0 || (between.length === 1 && CONTINUATION.test(between[0]));
  return adjacent && next.rows.length > 0 && gridWidth(previous) === gridWidth(next);
}

/** The continuation's rows after the first part's; a header row repeated on top of it is dropped. */
function appendContinuation(previous: WordTable, next: WordTable): void {
  const rows = rowText(next.rows[0]) === rowText(previous.rows[0]) ? next.rows.slice(1) : next.rows;
  previous.rows.push(...rows);
  previous.afterParagraph = next.afterParagraph;
}

/** Word allows 63 grid columns; a larger span is a damaged file and is clipped. */
const MAX_GRID_SPAN = 64;

/** `<w:tab>` inside `<w:tabs>` (paragraph properties) is a tab stop, not a tab character: it has w:val. */
function isTabStop(tag: string): boolean {
  return attr(tag, 'w:val') !== undefined;
}
