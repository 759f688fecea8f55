/**
 * Lays out the WPS 加载项's two deployment forms around the built add-in (dist/wps/taskallocation, made by
 * `webpack --env wps`), as Kingsoft's deployment notes describe them:
 *   online   dist/wps/jsplugins.xml: the list an intranet server publishes; each client's oem.ini names it in
 *            [Server] JSPluginsServer=…, with [Support] JsApiPlugin=true. Its url is where the add-in folder is
 *            served (WPS_ADDIN_URL, with trailing slash).
 *   offline  dist/wps/offline/: the add-in folder as taskallocation_<version>/ for the user's
 *            kingsoft/wps/jsaddons directory, a zip of it, and a jsplugins.xml naming it by file:// URL
 *            (WPS_JSADDONS_DIR: that directory on the clients, default the Windows one under %APPDATA%).
 * Settings (environment): WPS_ADDIN_URL (default http://localhost:3889/taskallocation/), WPS_JSADDONS_DIR.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const NAME = 'taskallocation';
const VERSION = require(path.join(ROOT, 'package.json')).version;

function xmlAttr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The jsplugins.xml list with this one add-in: type "et" is WPS 表格. */
function jsPluginsXml(url) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" version="${xmlAttr(VERSION)}" enable="true" url="${xmlAttr(url)}"/>\n</jsplugins>\n`;
}

function addinUrlFrom(env) {
  const url = env.WPS_ADDIN_URL || `http://localhost:3889/${NAME}/`;
  if (!/^https?:\/\/.+\/$/i.test(url)) throw new Error(`WPS_ADDIN_URL must be an http(s) URL ending in /: ${url}`);
  return url;
}

function packageWps(env = process.env, distDir = path.join(ROOT, 'dist', 'wps')) {
  const built = path.join(distDir, NAME);
  if (!fs.existsSync(path.join(built, 'ribbon.xml'))) throw new Error(`No built add-in in ${built}: run webpack --env wps first`);
  fs.writeFileSync(path.join(distDir, 'jsplugins.xml'), jsPluginsXml(addinUrlFrom(env)));

  const offline = path.join(distDir, 'offline');
  const folder = `${NAME}_${VERSION}`;
  fs.rmSync(offline, { recursive: true, force: true });
  fs.mkdirSync(offline, { recursive: true });
  fs.cpSync(built, path.join(offline, folder), { recursive: true });
  const jsaddons = (env.WPS_JSADDONS_DIR || 'C:/Users/%USERNAME%/AppData/Roaming/kingsoft/wps/jsaddons').replace(/\\/g, '/').replace(/\/$/, '');
  fs.writeFileSync(path.join(offline, 'jsplugins.xml'), jsPluginsXml(`file:///${jsaddons.replace(/^\//, '')}/${folder}/`));
  try {
    execFileSync('zip', ['-qr', `${folder}.zip`, folder], { cwd: offline });
  } catch {
    console.warn('zip is not available: the offline folder is there, unzipped');
  }
  return { online: path.join(distDir, 'jsplugins.xml'), offline };
}

module.exports = { packageWps, jsPluginsXml, NAME };

if (require.main === module) {
  const out = packageWps();
  console.log(`WPS add-in: ${out.online} (online), ${out.offline} (offline)`);
}
