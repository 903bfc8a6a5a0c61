/**
 * What the annotated copy may change in a package, checked part by part against the original
 * with plain string surgery (independent of the writer's own XML code): every part the copy does
 * not need is identical, and each part it edits becomes the original again once our additions are
 * taken out. Shared by the fidelity tests.
 */
import JSZip from 'jszip';

export interface PackageDiff {
  /** Parts present in both and identical. */
  same: string[];
  /** Parts edited by the copy (each checked to be the original plus our additions). */
  edited: string[];
  /** Parts only in the copy. */
  added: string[];
  /** Parts of the original missing from the copy (must be none). */
  lost: string[];
  /** Edited parts that differ from the original by more than our additions. */
  problems: string[];
}

const OUR_SHEETS = ['审核报告', '审核结果', '审核图例'];
const ADDED_PART = /^(xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|xl\/drawings\/drawing\d+\.xml|xl\/drawings\/_rels\/drawing\d+\.xml\.rels|xl\/charts\/chart\d+\.xml)$/;

async function texts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('uint8array'));
  return out;
}

const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Relationship and content-type lists: the copy's entries minus those the original lacks must be the original. */
function withoutAddedEntries(copy: string, original: string, element: string, key: string): string {
  const known = new Set([...original.matchAll(new RegExp(`<${element}\\b[^>]*\\b${key}="([^"]*)"`, 'g'))].map((m) => m[1]));
  return copy.replace(new RegExp(`<${element}\\b[^>]*\\b${key}="([^"]*)"[^>]*/>`, 'g'), (m, k: string) => (known.has(k) ? m : ''));
}

function workbookWithoutOurs(copy: string, original: string): string {
  const sheets = (original.match(/<sheet\b/g) ?? []).length;
  let x = copy.replace(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\/>/g, (m, name: string) => (OUR_SHEETS.some((s) => name.startsWith(s)) && !original.includes(`name="${name}"`) ? '' : m));
  x = x.replace(/<definedName name="_xlnm\.(?:_FilterDatabase|Print_Titles)" localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g, (m, id: string) => (Number(id) >= sheets ? '' : m));
  if (!/<definedNames\b/.test(original)) x = x.replace('<definedNames></definedNames>', '');
  if (original.includes('<definedNames/>')) x = x.replace('<definedNames></definedNames>', '<definedNames/>');
  return x;
}

function stylesWithoutOurs(copy: string, original: string): string {
  let x = copy;
  for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) {
    const re = new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}>`);
    const mine = re.exec(original)?.[0];
    const theirs = re.exec(x)?.[0];
    if (!theirs) continue;
    if (!mine) {
      x = x.replace(theirs, '');
      continue;
    }
    const inner = (s: string) => s.slice(s.indexOf('>') + 1, s.lastIndexOf('</'));
    if (!inner(theirs).startsWith(inner(mine))) return `${name}: existing items changed`;
    x = x.replace(theirs, mine);
  }
  return x;
}

/** A worksheet without cell formats, empty cells and rows, and an added <legacyDrawing>. */
function sheetCore(xml: string, original: string): string {
  let x = xml.replace(/(<c\b[^>]*?) s="\d+"/g, '$1').replace(/<c r="[A-Z]+\d+"\/>/g, '').replace(/<row r="\d+"><\/row>/g, '');
  if (!/<legacyDrawing\b/.test(original)) x = x.replace(/<legacyDrawing\b[^>]*\/>/, '');
  return x;
}

function commentsKept(copy: string, original: string): boolean {
  const comments = [...original.matchAll(/<comment\b[\s\S]*?<\/comment>/g)].map((m) => m[0]);
  const authors = /<authors>([\s\S]*?)<\/authors>/.exec(original)?.[1] ?? '';
  return comments.every((c) => copy.includes(c.slice(0, c.lastIndexOf('</text>')))) && copy.includes(`<authors>${authors}`);
}

function vmlKept(copy: string, original: string): boolean {
  return [...original.matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)].every((m) => copy.includes(m[0]));
}

/** Compare an original package and its annotated copy. */
export async function diffPackages(originalBytes: Uint8Array, copyBytes: Uint8Array): Promise<PackageDiff> {
  const original = await texts(originalBytes);
  const copy = await texts(copyBytes);
  const diff: PackageDiff = { same: [], edited: [], added: [], lost: [], problems: [] };
  for (const [name, bytes] of original) {
    const other = copy.get(name);
    if (!other) {
      diff.lost.push(name);
      continue;
    }
    if (equalBytes(bytes, other)) {
      diff.same.push(name);
      continue;
    }
    diff.edited.push(name);
    const [a, b] = [utf8(bytes), utf8(other)];
    let ok: boolean;
    if (name === '[Content_Types].xml') ok = withoutAddedEntries(withoutAddedEntries(b, a, 'Override', 'PartName'), a, 'Default', 'Extension') === a;
    else if (name.endsWith('.rels')) ok = withoutAddedEntries(b, a, 'Relationship', 'Id') === a;
    else if (/^xl\/workbook\.xml$/.test(name)) ok = workbookWithoutOurs(b, a) === a;
    else if (/^xl\/styles\.xml$/.test(name)) ok = stylesWithoutOurs(b, a) === a;
    else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) ok = sheetCore(b, a) === sheetCore(a, a);
    else if (/^xl\/comments\d+\.xml$/.test(name)) ok = commentsKept(b, a);
    else if (/\.vml$/.test(name)) ok = vmlKept(b, a);
    else ok = false;
    if (!ok) diff.problems.push(name);
  }
  for (const name of copy.keys()) {
    if (original.has(name)) continue;
    diff.added.push(name);
    if (!ADDED_PART.test(name)) diff.problems.push(`unexpected new part ${name}`);
  }
  return diff;
}
