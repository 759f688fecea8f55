/**
 * The WPS 加载项 package: ribbon.xml is well-formed CustomUI (saxes, a conforming parser; xmllint as a second
 * reader where installed) with the 任务分工助手 tab and group and its 打开助手 button, whose callbacks main.js
 * defines; 打开助手 opens taskpane.html with CreateTaskPane and shows it, once; the jsplugins.xml lists are
 * well-formed and name the add-in as a WPS 表格 (et) one.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import ExcelJS from 'exceljs';
import { EtSimulator } from '../../../src/simulator';
import { child, children, parseXml, type XmlElement } from '../../manifest/xml';

const ADDIN = path.resolve(__dirname, '../../../src/hosts/wps/addin');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsPluginsXml, packageWps } = require('../../../scripts/wps-package.js') as {
  jsPluginsXml(url: string): string;
  packageWps(env: Record<string, string>, distDir: string): { online: string; offline: string };
};

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

describe('ribbon.xml', () => {
  const xml = fs.readFileSync(path.join(ADDIN, 'ribbon.xml'), 'utf8');

  it('is well-formed CustomUI with the 任务分工助手 tab, group and 打开助手 button', () => {
    const root = parseXml(xml);
    expect(root.name).toBe('customUI');
    expect(root.attributes.xmlns).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    const tab = child(child(child(root, 'ribbon'), 'tabs'), 'tab');
    expect(tab.attributes.label).toBe('任务分工助手');
    const group = child(tab, 'group');
    expect(group.attributes.label).toBe('任务分工助手');
    const [button] = children(group, 'button');
    expect([button.attributes.id, button.attributes.label, button.attributes.onAction]).toEqual(['btnOpenAssistant', '打开助手', 'OnAction']);
  });

  it('is refused when broken: the parser is a real one', () => {
    expect(() => parseXml(xml.replace('</group>', ''))).toThrow();
  });

  (hasXmllint() ? it : it.skip)('is well-formed for xmllint too', () => {
    expect(() => execFileSync('xmllint', ['--noout', path.join(ADDIN, 'ribbon.xml')], { stdio: 'pipe' })).not.toThrow();
  });

  it('names only callbacks main.js defines, and 打开助手 opens the pane once', () => {
    const root = parseXml(xml);
    const named = [root, ...all(root, 'button')].flatMap((el) => ['onLoad', 'onAction', 'getImage'].map((a) => el.attributes[a]).filter(Boolean));
    const sim = new EtSimulator(new ExcelJS.Workbook());
    const stored = new Map<string, string>();
    let nextId = 1;
    const app = Object.assign(sim.Application, {
      PluginStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) },
      GetTaskPane: (id: number) => sim.taskPanes.find((p) => (p.pane as unknown as { ID: number }).ID === Number(id))?.pane ?? null,
    });
    const create = app.CreateTaskPane!.bind(app);
    app.CreateTaskPane = (url: string, title?: string) => Object.assign(create(url, title), { ID: nextId++ });
    const scope: Record<string, unknown> = { window: { Application: app }, document: { location: { href: 'http://intranet/wps/taskallocation/index.html' } } };
    vm.runInNewContext(fs.readFileSync(path.join(ADDIN, 'main.js'), 'utf8'), scope);
    for (const name of named) expect(typeof scope[name]).toBe('function');
    (scope.OnAddinLoad as (ui: unknown) => boolean)({});
    const onAction = scope.OnAction as (control: { Id: string }) => void;
    onAction({ Id: 'btnOpenAssistant' });
    expect(sim.taskPanes.map((p) => [p.url, p.pane.Visible])).toEqual([['http://intranet/wps/taskallocation/taskpane.html', true]]);
    sim.taskPanes[0].pane.Visible = false;
    onAction({ Id: 'btnOpenAssistant' });
    expect(sim.taskPanes.map((p) => p.pane.Visible)).toEqual([true]);
  });
});

describe('the deployment lists', () => {
  it('jsplugins.xml is well-formed and lists the add-in as a WPS 表格 one at the given URL', () => {
    const root = parseXml(jsPluginsXml('http://intranet/wps/taskallocation/?a=1&b=2'));
    const plugin = child(root, 'jsplugin');
    expect(plugin.attributes).toMatchObject({ name: 'taskallocation', type: 'et', enable: 'true', url: 'http://intranet/wps/taskallocation/?a=1&b=2' });
  });

  it('the package script writes the online list and the offline folder beside a built add-in', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-package-'));
    fs.mkdirSync(path.join(dist, 'taskallocation'));
    for (const f of ['ribbon.xml', 'main.js', 'index.html']) fs.copyFileSync(path.join(ADDIN, f), path.join(dist, 'taskallocation', f));
    const out = packageWps({ WPS_ADDIN_URL: 'http://intranet/wps/taskallocation/', WPS_JSADDONS_DIR: '/home/clerk/.local/share/Kingsoft/wps/jsaddons' }, dist);
    expect(child(parseXml(fs.readFileSync(out.online, 'utf8')), 'jsplugin').attributes.url).toBe('http://intranet/wps/taskallocation/');
    const offline = child(parseXml(fs.readFileSync(path.join(out.offline, 'jsplugins.xml'), 'utf8')), 'jsplugin');
    expect(offline.attributes.url).toMatch(/^file:\/\/\/home\/clerk\/.local\/share\/Kingsoft\/wps\/jsaddons\/taskallocation_\d+\.\d+\.\d+\/$/);
    const folder = fs.readdirSync(out.offline).find((f) => /^taskallocation_/.test(f) && !f.endsWith('.zip'))!;
    expect(fs.readdirSync(path.join(out.offline, folder)).sort()).toEqual(['index.html', 'main.js', 'ribbon.xml']);
    expect(() => packageWps({ WPS_ADDIN_URL: 'intranet/wps' }, dist)).toThrow(/WPS_ADDIN_URL/);
  });
});
