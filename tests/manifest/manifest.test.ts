/**
 * The add-in manifest, checked offline (Microsoft's online validator is unreachable here): the structure
 * Office needs to load a task-pane add-in for Excel 2016+, bilingual strings, https everywhere, icons that
 * exist at the sizes declared, and no dangling or unused resource ids.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pngSize } from '../../scripts/png';
import { child, children, descendants, parseXml, type XmlElement } from './xml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/addin-build') as {
  URL_DEV: string;
  manifestForProduction(xml: string, urlProd: string): string;
  urlProdFrom(env: Record<string, string | undefined>): string;
};

const ROOT = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(xml);

/** The development URL of an asset → its file in the repository. */
function assetFile(url: string): string {
  expect(url.startsWith(build.URL_DEV)).toBe(true);
  return path.join(ROOT, url.slice(build.URL_DEV.length));
}

function defaultValue(el: XmlElement): string {
  const value = el.attributes.DefaultValue;
  expect(value).toBeTruthy();
  return value;
}

function overrides(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of [...children(el, 'Override'), ...children(el, 'bt:Override')]) out[o.attributes.Locale] = o.attributes.Value;
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

describe('manifest.xml', () => {
  test('is a Workbook task-pane add-in with a fixed id and a four-part version', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(child(manifest, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, 'Version').text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(manifest, 'ProviderName').text.trim()).not.toBe('');
    const hosts = children(child(manifest, 'Hosts'), 'Host').map((h) => h.attributes.Name);
    expect(hosts).toEqual(['Workbook']);
    expect(child(manifest, 'Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  test('the elements come in the order the schema requires', () => {
    const order = [
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
      'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
    ];
    expect(manifest.children.map((c) => c.name)).toEqual(order);
  });

  test('is zh-CN by default with en-US overrides for the name and description', () => {
    expect(child(manifest, 'DefaultLocale').text.trim()).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(manifest, name);
      expect(defaultValue(el)).toMatch(CJK);
      const en = overrides(el)['en-US'];
      expect(en).toBeTruthy();
      expect(en).not.toMatch(CJK);
    }
    // Store limits: display name ≤ 125, description ≤ 250 characters.
    expect(defaultValue(child(manifest, 'DisplayName')).length).toBeLessThanOrEqual(125);
    expect(defaultValue(child(manifest, 'Description')).length).toBeLessThanOrEqual(250);
  });

  test('requires only ExcelApi 1.1, so Office 2016 can load it', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets');
    const set = children(sets, 'Set');
    expect(set.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([['ExcelApi', '1.1']]);
  });

  test('opens the pane from the dev server and every URL is https', () => {
    expect(defaultValue(child(child(manifest, 'DefaultSettings'), 'SourceLocation'))).toBe('https://localhost:3000/taskpane.html');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    urls.push(...children(child(manifest, 'AppDomains'), 'AppDomain').map((d) => d.text.trim()));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test('the icons exist as PNGs of the declared sizes', () => {
    expect(pngSize(fs.readFileSync(assetFile(defaultValue(child(manifest, 'IconUrl')))))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fs.readFileSync(assetFile(defaultValue(child(manifest, 'HighResolutionIconUrl')))))).toEqual({
      width: 64,
      height: 64,
    });
    const images = descendants(manifest, (e) => e.name === 'bt:Image' && 'id' in e.attributes);
    expect(images.map((i) => i.attributes.id).sort()).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
    for (const image of images) {
      const size = Number(/(\d+)x\d+$/.exec(image.attributes.id)![1]);
      expect(pngSize(fs.readFileSync(assetFile(defaultValue(image))))).toEqual({ width: size, height: size });
    }
    // The ribbon asks for 16, 32 and 80 px; the store icon sizes (32, 64) are covered above.
    for (const use of descendants(manifest, (e) => e.name === 'bt:Image' && 'size' in e.attributes)) {
      expect(use.attributes.resid).toBe(`Icon.${use.attributes.size}x${use.attributes.size}`);
    }
  });

  test('a Home-tab group with a button that shows the task pane', () => {
    const overridesEl = child(manifest, 'VersionOverrides');
    expect(overridesEl.attributes['xsi:type']).toBe('VersionOverridesV1_0');
    const tab = descendants(overridesEl, (e) => e.name === 'OfficeTab');
    expect(tab.map((t) => t.attributes.id)).toEqual(['TabHome']);
    const group = child(tab[0], 'Group');
    const button = child(group, 'Control');
    expect(button.attributes['xsi:type']).toBe('Button');
    const action = child(button, 'Action');
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation').attributes.resid).toBe('Taskpane.Url');
    const ids = descendants(overridesEl, (e) => ['Group', 'Control'].includes(e.name)).map((e) => e.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every resource id used is defined, every one defined is used, and strings are bilingual', () => {
    const resources = child(child(manifest, 'VersionOverrides'), 'Resources');
    const defined = descendants(resources, (e) => 'id' in e.attributes);
    const definedIds = defined.map((e) => e.attributes.id);
    expect(new Set(definedIds).size).toBe(definedIds.length);
    const used = new Set(descendants(manifest, (e) => 'resid' in e.attributes).map((e) => e.attributes.resid));
    for (const id of used) expect(definedIds).toContain(id);
    for (const id of definedIds) expect(used.has(id)).toBe(true);

    const limits: Record<string, number> = { 'bt:ShortStrings': 125, 'bt:LongStrings': 250 };
    for (const [group, limit] of Object.entries(limits)) {
      for (const s of children(child(resources, group), 'bt:String')) {
        expect(defaultValue(s)).toMatch(CJK);
        expect(defaultValue(s).length).toBeLessThanOrEqual(limit);
        const en = overrides(s)['en-US'];
        expect(en).toBeTruthy();
        expect(en.length).toBeLessThanOrEqual(limit);
      }
    }
    const label = defined.find((e) => e.attributes.id === 'AllocationGroup.Label')!;
    expect(defaultValue(label)).toBe('任务分工助手');
  });

  test('the production manifest has every development URL replaced', () => {
    const urlProd = build.urlProdFrom({ ADDIN_URL_PROD: 'https://oa.example.gov.cn/addins/allocation/' });
    const prod = build.manifestForProduction(xml, urlProd);
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('https://oa.example.gov.cn/addins/allocation/taskpane.html');
    expect(parseXml(prod).children.length).toBe(manifest.children.length);
    expect(() => build.urlProdFrom({ ADDIN_URL_PROD: 'http://oa.example.gov.cn/' })).toThrow(/https/);
    expect(() => build.urlProdFrom({ ADDIN_URL_PROD: 'https://oa.example.gov.cn/addin' })).toThrow(/ending in/);
  });
});

describe('the icon generator', () => {
  test('the committed icons are exactly what scripts/make-icons.ts draws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ICON_SIZES, renderIcon } = require('../../scripts/make-icons') as typeof import('../../scripts/make-icons');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { encodePng } = require('../../scripts/png') as typeof import('../../scripts/png');
    for (const size of ICON_SIZES) {
      const committed = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(encodePng(size, size, renderIcon(size)).equals(committed)).toBe(true);
    }
  });
});
