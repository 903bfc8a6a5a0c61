/**
 * @jest-environment jsdom
 *
 * The WPS add-in as `npm run build:wps` writes it (dist-wps/; `npm run build`, which `npm test`
 * runs first, builds it too). Outside CI a missing dist-wps/ skips these tests with a message; in
 * CI it fails. Checked structurally, as no WPS runs here: the XML files are well-formed and hold
 * what the documentation describes; every id and callback ribbon.xml names exists in main.js
 * (run in a VM with the fake WPS: the callbacks are globals, the PERF functions register, a
 * button opens the pane page and leaves its command); every file a page or an entry refers to is
 * in the folder; the bundles parse as ES2020, what WPS's embedded Chromium 87 parses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { PERF_IDS, PERF_NAMESPACE } from '../../../src/functions/metadata';
import { COMMAND_KEY } from '../../../src/wps/commands';
import { wpsFunctionsJson } from '../../../src/wps/functions-json';
import { ADDIN_NAME, addinFolder, jspluginsXml, onlineUrl, publishXml } from '../../../src/wps/package';
import { PANE_KEY, PANE_PAGE, RIBBON_BUTTONS, RIBBON_CALLBACKS } from '../../../src/wps/ribbon';
import { fakeWps } from './fake-wps';

const REPO = path.resolve(__dirname, '../../..');
const DIST = path.join(REPO, 'dist-wps');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const FOLDER_NAME = addinFolder(VERSION);
const FOLDER = path.join(DIST, FOLDER_NAME);
const CUSTOM_UI = 'http://schemas.microsoft.com/office/2006/01/customui';

function read(file: string): string {
  if (!existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing from the build`);
  return readFileSync(file, 'utf8');
}

function xml(file: string): Document {
  const doc = new DOMParser().parseFromString(read(file), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${path.relative(REPO, file)} is not well-formed XML: ${error.textContent}`);
  return doc;
}

function html(file: string): Document {
  return new DOMParser().parseFromString(read(file), 'text/html');
}

/** Attributes of customUI 2006 (MS-CUSTOMUI) allowed on the elements ribbon.xml uses. */
const CUSTOM_UI_ATTRIBUTES: Record<string, string[]> = {
  customUI: ['xmlns', 'onLoad'],
  ribbon: ['startFromScratch'],
  tabs: [],
  tab: ['id', 'label', 'keytip', 'visible', 'insertAfterMso', 'insertBeforeMso'],
  group: ['id', 'label', 'visible'],
  button: ['id', 'label', 'screentip', 'supertip', 'onAction', 'getImage', 'image', 'imageMso', 'size', 'enabled', 'getEnabled', 'visible', 'keytip'],
};
const CALLBACK_ATTRIBUTES = ['onLoad', 'onAction', 'getImage', 'getEnabled', 'getLabel', 'getVisible'];
/** ST_String of MS-CUSTOMUI: labels and tips of 1 to 1024 characters (ST_LongString for supertip: 4096). */
const MAX_LABEL = 1024;

const distPresent = existsSync(FOLDER);
if (!distPresent && process.env.CI) {
  describe('WPS add-in build (dist-wps/)', () => {
    it('exists', () => {
      throw new Error(`${FOLDER} does not exist: run \`npm run build:wps\` (\`npm test\` runs \`npm run build\`, which includes it).`);
    });
  });
} else if (!distPresent) {
  describe.skip(`WPS add-in build (dist-wps/): skipped, ${FOLDER} does not exist — run \`npm run build:wps\` first (CI fails instead)`, () => {
    it('is checked after npm run build:wps', () => undefined);
  });
} else {
  describe('WPS add-in build (dist-wps/)', () => {
    const ribbon = xml(path.join(FOLDER, 'ribbon.xml'));

    it('ribbon.xml is customUI 2006 with only the elements and attributes the format allows, unique ids, labels within bounds', () => {
      const rootEl = ribbon.documentElement;
      expect(rootEl.localName).toBe('customUI');
      expect(rootEl.namespaceURI).toBe(CUSTOM_UI);
      const all = [...ribbon.getElementsByTagName('*')];
      for (const el of all) {
        expect({ element: el.localName, known: el.localName in CUSTOM_UI_ATTRIBUTES }).toEqual({ element: el.localName, known: true });
        for (const attr of [...el.attributes]) expect({ element: el.localName, attr: attr.name, allowed: CUSTOM_UI_ATTRIBUTES[el.localName].includes(attr.name) }).toEqual({ element: el.localName, attr: attr.name, allowed: true });
        for (const name of ['label', 'screentip']) if (el.hasAttribute(name)) expect(el.getAttribute(name)!.length).toBeLessThanOrEqual(MAX_LABEL);
        if (el.localName === 'button') expect(['normal', 'large']).toContain(el.getAttribute('size') ?? 'normal');
      }
      const ids = all.map((e) => e.getAttribute('id')).filter((id): id is string => !!id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ribbon.getElementsByTagName('tab')[0].getAttribute('label')).toBe('评分审核');
    });

    it('ribbon.xml has the four buttons of the JS table, each with its callback', () => {
      const buttons = [...ribbon.getElementsByTagName('button')];
      expect(buttons.map((b) => [b.getAttribute('id'), b.getAttribute('label')])).toEqual([
        ['scoreAuditScan', '扫描'],
        ['scoreAuditHighlight', '标注'],
        ['scoreAuditClear', '清除标注'],
        ['scoreAuditReview', '插入复核列'],
      ]);
      expect(buttons.map((b) => b.getAttribute('id'))).toEqual(RIBBON_BUTTONS.map((b) => b.id));
      const callbacks = [...ribbon.getElementsByTagName('*')].flatMap((el) => CALLBACK_ATTRIBUTES.filter((a) => el.hasAttribute(a)).map((a) => el.getAttribute(a)!));
      expect([...new Set(callbacks)].sort()).toEqual([...RIBBON_CALLBACKS].sort());
      for (const b of RIBBON_BUTTONS) expect(existsSync(path.join(FOLDER, b.image))).toBe(true);
    });

    it('main.js, run as WPS runs it, makes every callback a global, registers the PERF functions and opens the pane on a button', () => {
      const { wps, app } = fakeWps(null);
      const alerts: string[] = [];
      const context = vm.createContext({ wps, Application: app, document: { location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/x/index.html' } }, alert: (m: string) => alerts.push(m), URL, console });
      vm.runInContext(read(path.join(FOLDER, 'main.js')), context);
      for (const name of RIBBON_CALLBACKS) expect(typeof context[name]).toBe('function');
      expect([...wps.functions.keys()].sort()).toEqual(PERF_IDS.map((id) => `${PERF_NAMESPACE}.${id}`).sort());
      expect(context.OnAddinLoad({})).toBe(true);
      for (const b of RIBBON_BUTTONS) {
        expect(context.GetImage({ Id: b.id })).toBe(b.image);
        context.OnAction({ Id: b.id });
        expect(wps.PluginStorage.getItem(COMMAND_KEY)).toBe(b.command);
      }
      expect(wps.panes.map((p) => [p.url, p.Visible])).toEqual([[`file:///home/u/.local/share/Kingsoft/wps/jsaddons/x/${PANE_PAGE}`, true]]);
      expect(wps.PluginStorage.getItem(PANE_KEY)).toBe(wps.panes[0].ID);
      expect(alerts).toEqual([]);
    });

    it('the pages load their bundles by bare names from the folder, and everything they name is there', () => {
      const index = html(path.join(FOLDER, 'index.html'));
      expect([...index.querySelectorAll('script')].map((s) => s.getAttribute('src'))).toEqual(['main.js']);
      const pane = html(path.join(FOLDER, PANE_PAGE));
      const scripts = [...pane.querySelectorAll('script')].map((s) => s.getAttribute('src')!);
      expect(scripts).toContain('taskpane.js');
      for (const src of scripts) {
        expect(src).toMatch(/^[\w.-]+\.js$/);
        expect(existsSync(path.join(FOLDER, src))).toBe(true);
      }
      expect(pane.getElementById('root')).not.toBeNull();
    });

    it('manifest.xml names the functions’ metadata file (present, from the function table) and the PERF namespace', () => {
      const manifest = xml(path.join(FOLDER, 'manifest.xml'));
      expect(manifest.documentElement.localName).toBe('JsPlugin');
      expect(manifest.getElementsByTagName('Name')[0].textContent).toBe(ADDIN_NAME);
      expect(manifest.getElementsByTagName('Namespace')[0].textContent).toBe(PERF_NAMESPACE);
      const uri = manifest.getElementsByTagName('Uri')[0].textContent!;
      expect(JSON.parse(read(path.join(FOLDER, uri.replace(/^\//, ''))))).toEqual(wpsFunctionsJson());
    });

    it('publish.xml registers the add-in folder beside it, as WPS’s installer writes the entry', () => {
      const doc = xml(path.join(DIST, 'publish.xml'));
      expect(doc.documentElement.localName).toBe('jsplugins');
      const entries = [...doc.getElementsByTagName('jsplugin')];
      expect(entries).toHaveLength(1);
      const e = entries[0];
      expect([e.getAttribute('name'), e.getAttribute('type'), e.getAttribute('url'), e.getAttribute('version'), e.getAttribute('enable')]).toEqual([ADDIN_NAME, 'et', FOLDER_NAME, VERSION, 'enable_dev']);
        expect(existsSync(path.join(DIST, e.getAttribute('url')!, 'ribbon.xml'))).toBe(true);
      expect(existsSync(path.join(DIST, e.getAttribute('url')!, 'index.html'))).toBe(true);
    });

    it('jsplugins.xml points WPS at the folder’s web address (online mode, WPS_ADDIN_URL)', () => {
      const doc = xml(path.join(DIST, 'jsplugins.xml'));
      expect(doc.documentElement.localName).toBe('jsplugins');
      const e = doc.getElementsByTagName('jspluginonline')[0];
      expect([e.getAttribute('name'), e.getAttribute('type'), e.getAttribute('url')]).toEqual([ADDIN_NAME, 'et', onlineUrl(process.env.WPS_ADDIN_URL)]);
      expect(e.getAttribute('url')).toMatch(/^https?:\/\/.+\/$/);
    });

    it('the bundles parse as ES2020 (WPS for Linux 11.1 embeds Chromium 87)', () => {
      const bundles = readdirSync(FOLDER).filter((f) => f.endsWith('.js'));
      expect(bundles).toEqual(expect.arrayContaining(['main.js', 'taskpane.js']));
      for (const b of bundles) expect(() => parse(read(path.join(FOLDER, b)), { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    });

    it('nothing of the dev-only spreadsheet engine is bundled', () => {
      for (const b of readdirSync(FOLDER).filter((f) => f.endsWith('.js'))) expect(read(path.join(FOLDER, b))).not.toMatch(/hyperformula/i);
    });
  });
}

describe('the package entries (src/wps/package.ts)', () => {
  test('WPS_ADDIN_URL: an http or https address, ending with a slash; anything else is refused with a sentence', () => {
    expect(onlineUrl(undefined)).toBe('https://score-audit.example.com/wps/');
    expect(onlineUrl('http://oa.example.internal/addins/score-audit')).toBe('http://oa.example.internal/addins/score-audit/');
    expect(() => onlineUrl('ftp://x/')).toThrow('必须是 http 或 https');
    expect(() => onlineUrl('not a url')).toThrow('不是有效的网址');
    expect(() => onlineUrl('https://x/?a=1')).toThrow('不能带查询或片段');
  });

  test('the entries escape what they carry', () => {
    expect(jspluginsXml('https://x/a&b/')).toContain('url="https://x/a&amp;b/"');
    expect(publishXml('1.0.0')).toContain(`url="${ADDIN_NAME}_1.0.0" version="1.0.0"`);
  });
});
