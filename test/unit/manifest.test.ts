/**
 * @jest-environment jsdom
 */
/*
 * Offline validation of manifest.xml (office-addin-manifest validate needs an online service):
 *  (a) XSD validation with xmllint-wasm against test/fixtures/schemas/addin-manifest (copied from the
 *      workplace's shared/schemas, attribution in its README, so a fresh clone validates alone);
 *  (b) structural checks the schemas cannot express: resource references, lengths, one https origin,
 *      the shared-runtime wiring, the PERF namespace, requirement sets, locales, icons.
 * jsdom (from jest-environment-jsdom) supplies DOMParser.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const REPO = path.resolve(__dirname, '../..');
const MANIFEST_PATH = path.join(REPO, 'manifest.xml');
const SCHEMA_DIR = path.resolve(__dirname, '../fixtures/schemas/addin-manifest');
const ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const DEV_ORIGIN = 'https://localhost:3000';

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource collection a resid on each element must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Runtime: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};
const MAX_LENGTH: Record<ResourceKind, number> = { Images: 2048, Urls: 2048, ShortStrings: 125, LongStrings: 250 };

const manifestText = readFileSync(MANIFEST_PATH, 'utf8');
const doc = new DOMParser().parseFromString(manifestText, 'application/xml');

function all(localName: string, root: Document | Element = doc): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}
function one(localName: string, root: Document | Element = doc): Element {
  const found = all(localName, root);
  if (found.length !== 1) throw new Error(`expected exactly one <${localName}>, found ${found.length}`);
  return found[0];
}
function xsiType(el: Element): string | null {
  return el.getAttributeNS(XSI, 'type');
}
function children(el: Element, localName?: string): Element[] {
  return Array.from(el.children).filter((c) => localName === undefined || c.localName === localName);
}
/** id → resource element, per collection (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings). */
function resources(): Map<string, { kind: ResourceKind; el: Element }> {
  const map = new Map<string, { kind: ResourceKind; el: Element }>();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as ResourceKind[]) {
    for (const collection of all(kind, one('Resources'))) {
      for (const el of children(collection)) {
        const id = el.getAttribute('id') ?? '';
        if (map.has(id)) throw new Error(`resource id "${id}" is defined twice`);
        map.set(id, { kind, el });
      }
    }
  }
  return map;
}
function residUses(): Element[] {
  return Array.from(doc.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid'));
}
/** DefaultValue plus every Override Value of a locale-aware element. */
function localeValues(el: Element): string[] {
  return [el.getAttribute('DefaultValue') ?? '', ...children(el, 'Override').map((o) => o.getAttribute('Value') ?? '')];
}
function overrideLocales(el: Element): string[] {
  return children(el, 'Override').map((o) => o.getAttribute('Locale') ?? '');
}
function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
/** The repo file a development URL serves (dist/ mirrors assets/ and the repo root for manifest assets). */
function devUrlToRepoFile(url: string): string {
  return path.join(REPO, new URL(url).pathname);
}

describe('manifest.xml: XML schema (offline, xmllint-wasm)', () => {
  it('is well-formed', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
  });

  it('validates against OfficeAppManifestV1_1.xsd and the schemas it imports', async () => {
    if (!existsSync(path.join(SCHEMA_DIR, ENTRY_SCHEMA))) {
      throw new Error(
        `Manifest schemas not found at ${SCHEMA_DIR}: they are part of the repository (test/fixtures/schemas/addin-manifest).`,
      );
    }
    const xsds = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
    const result = await validateXML({
      xml: { fileName: 'manifest.xml', contents: manifestText },
      schema: { fileName: ENTRY_SCHEMA, contents: readFileSync(path.join(SCHEMA_DIR, ENTRY_SCHEMA), 'utf8') },
      // xs:import schemaLocation="…" names these files; they must exist under the same names.
      preload: xsds
        .filter((f) => f !== ENTRY_SCHEMA)
        .map((f) => ({ fileName: f, contents: readFileSync(path.join(SCHEMA_DIR, f), 'utf8') })),
    });
    if (!result.valid) throw new Error(`manifest.xml does not validate:\n${result.rawOutput}`);
    expect(result.valid).toBe(true);
  });
});

describe('manifest.xml: structure', () => {
  const res = resources();

  it('has a GUID Id, the zh-CN default locale and en-US overrides for the display name and description', () => {
    expect(one('Id').textContent?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one('DefaultLocale').textContent?.trim()).toBe('zh-CN');
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
    for (const name of ['DisplayName', 'Description']) {
      const el = children(doc.documentElement, name)[0];
      expect(el).toBeDefined();
      expect(overrideLocales(el)).toContain('en-US');
      expect(el.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/); // the default is Chinese
    }
  });

  it('every resid resolves to a resource of the right kind, and every resource is used', () => {
    const used = new Set<string>();
    const problems: string[] = [];
    for (const el of residUses()) {
      const resid = el.getAttribute('resid') ?? '';
      used.add(resid);
      if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
      const target = res.get(resid);
      const expected = RESID_KIND[el.localName];
      if (!target) problems.push(`<${el.localName} resid="${resid}"> points at no resource`);
      else if (expected && target.kind !== expected) {
        problems.push(`<${el.localName} resid="${resid}"> must point into bt:${expected}, not bt:${target.kind}`);
      }
    }
    for (const id of res.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
    expect(problems).toEqual([]);
  });

  it('keeps ShortStrings within 125 characters and LongStrings within 250 (every locale)', () => {
    const problems: string[] = [];
    for (const [id, { kind, el }] of res) {
      for (const value of localeValues(el)) {
        if (value.length === 0) problems.push(`${id}: empty value`);
        if (value.length > MAX_LENGTH[kind]) problems.push(`${id}: ${value.length} > ${MAX_LENGTH[kind]} characters`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every display string an en-US override (except the PERF namespace)', () => {
    const missing = [...res]
      .filter(([id, { kind }]) => (kind === 'ShortStrings' || kind === 'LongStrings') && id !== 'Functions.Namespace')
      .filter(([, { el }]) => !overrideLocales(el).includes('en-US'))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('uses https URLs on one origin only', () => {
    const urls: string[] = [];
    for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) urls.push(...localeValues(one(name)));
    urls.push(...localeValues(one('SourceLocation', one('DefaultSettings'))));
    for (const { kind, el } of res.values()) if (kind === 'Urls' || kind === 'Images') urls.push(...localeValues(el));
    const domains = all('AppDomain').map((d) => d.textContent?.trim() ?? '');
    // Also every URL written anywhere in the text, apart from the XML namespace declarations.
    const textUrls = manifestText.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').match(/\bhttps?:\/\/[^\s"'<]+/g) ?? [];
    const origins = new Set([...urls, ...domains, ...textUrls].map((u) => new URL(u).origin));
    expect([...origins]).toEqual([DEV_ORIGIN]);
    for (const u of [...urls, ...domains, ...textUrls]) expect(new URL(u).protocol).toBe('https:');
  });

  it('wires the shared runtime: Runtime first in Host, the same resid for Page, FunctionFile and the pane', () => {
    const host = all('Host', one('VersionOverrides')).find((h) => xsiType(h) === 'Workbook');
    expect(host).toBeDefined();
    const first = host!.firstElementChild!;
    expect(first.localName).toBe('Runtimes');
    const runtimes = children(first, 'Runtime');
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0];
    expect(runtime.getAttribute('lifetime')).toBe('long');
    const resid = runtime.getAttribute('resid');
    expect(resid).toBe('Taskpane.Url');

    const customFunctions = all('ExtensionPoint', host!).filter((e) => xsiType(e) === 'CustomFunctions');
    expect(customFunctions).toHaveLength(1);
    expect(one('SourceLocation', one('Page', customFunctions[0])).getAttribute('resid')).toBe(resid);
    expect(one('FunctionFile', host!).getAttribute('resid')).toBe(resid);
    const showTaskpane = all('Action', host!).filter((a) => xsiType(a) === 'ShowTaskpane');
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const action of showTaskpane) expect(one('SourceLocation', action).getAttribute('resid')).toBe(resid);

    // Script → functions.js, Metadata → functions.json, Page → taskpane.html.
    const url = (id: string | null) => res.get(id ?? '')?.el.getAttribute('DefaultValue') ?? '';
    expect(url(one('SourceLocation', one('Script', customFunctions[0])).getAttribute('resid'))).toMatch(/\/functions\.js$/);
    expect(url(one('SourceLocation', one('Metadata', customFunctions[0])).getAttribute('resid'))).toMatch(/\/functions\.json$/);
    expect(url(resid)).toMatch(/\/taskpane\.html$/);
    expect(one('SourceLocation', one('DefaultSettings')).getAttribute('DefaultValue')).toBe(url(resid));
  });

  it('has no TaskpaneId and no Outlook leftovers', () => {
    expect(all('TaskpaneId')).toHaveLength(0);
    expect(manifestText).not.toMatch(/Mail(App|Host)|MessageRead|MessageCompose|Appointment|Outlook/);
    const topHosts = children(children(doc.documentElement, 'Hosts')[0], 'Host');
    expect(topHosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(all('Host', one('VersionOverrides')).map((h) => xsiType(h))).toEqual(['Workbook']);
  });

  it('names the custom-functions namespace PERF (not localized)', () => {
    const ns = one('Namespace');
    const target = res.get(ns.getAttribute('resid') ?? '');
    expect(target?.el.getAttribute('DefaultValue')).toBe('PERF');
    expect(localeValues(target!.el).every((v) => v === 'PERF')).toBe(true);
  });

  it('declares SharedRuntime 1.1 at the top level and CustomFunctionsRuntime ≥ 1.2, ExcelApi, SharedRuntime in VersionOverrides', () => {
    const top = children(doc.documentElement, 'Requirements')[0];
    expect(top).toBeDefined();
    const topSets = all('Set', top).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(topSets).toContainEqual(['SharedRuntime', '1.1']);

    const vo = children(one('VersionOverrides'), 'Requirements')[0];
    expect(vo).toBeDefined();
    const sets = new Map(Array.from(vo.getElementsByTagNameNS(BT, 'Set')).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion') ?? '']));
    expect(versionAtLeast(sets.get('CustomFunctionsRuntime') ?? '0', '1.2')).toBe(true);
    expect(sets.get('SharedRuntime')).toBe('1.1');
    // The lowest ExcelApi the pane needs to load; newer APIs are feature-detected at run time.
    expect(sets.get('ExcelApi')).toBe('1.7');
  });

  it('puts the ribbon button on the Home tab, in its own group, opening the pane', () => {
    const tab = one('OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const groups = children(tab, 'Group');
    expect(groups).toHaveLength(1);
    const buttons = children(groups[0], 'Control').filter((c) => xsiType(c) === 'Button');
    expect(buttons).toHaveLength(1);
    expect(xsiType(one('Action', buttons[0]))).toBe('ShowTaskpane');
  });

  it('points every icon at a PNG in assets/ of the declared size', () => {
    const problems: string[] = [];
    const check = (url: string, size: number) => {
      const file = devUrlToRepoFile(url);
      if (!existsSync(file)) return problems.push(`${url}: ${path.relative(REPO, file)} does not exist`);
      const { width, height } = pngSize(file);
      if (width !== size || height !== size) problems.push(`${url}: ${width}×${height}, expected ${size}×${size}`);
    };
    check(one('IconUrl').getAttribute('DefaultValue') ?? '', 32);
    check(one('HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', 64);
    for (const image of all('Icon').flatMap((icon) => children(icon, 'Image'))) {
      const target = res.get(image.getAttribute('resid') ?? '');
      if (target) check(target.el.getAttribute('DefaultValue') ?? '', Number(image.getAttribute('size')));
    }
    for (const size of [16, 32, 64, 80]) check(`${DEV_ORIGIN}/assets/icon-${size}.png`, size);
    expect(problems).toEqual([]);
  });

  it('points the support and learn-more URLs at files that exist', () => {
    const learnMore = res.get(one('LearnMoreUrl').getAttribute('resid') ?? '')?.el.getAttribute('DefaultValue') ?? '';
    for (const url of [one('SupportUrl').getAttribute('DefaultValue') ?? '', learnMore]) {
      expect(existsSync(devUrlToRepoFile(url))).toBe(true);
    }
  });
});
