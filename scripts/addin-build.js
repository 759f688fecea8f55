/**
 * Build settings shared by webpack.config.js, the bundle-size check and the tests: the office.js URL and the
 * Content-Security-Policy derived from it, and the dev→production URL rewrite of the manifest.
 */
const fs = require('fs');
const path = require('path');

const URL_DEV = 'https://localhost:3000/';
const DEFAULT_OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEFAULT_URL_PROD = 'https://addin.example.gov.cn/allocation/';

/** The origin a script URL adds to the CSP, or null when it is served from the add-in's own origin. */
function externalOrigin(url) {
  if (!/^https?:\/\//i.test(url)) return null;
  return new URL(url).origin;
}

/** OFFICE_JS_URL must be https (or a path on the add-in's own server): Office refuses mixed content. */
function officeJsUrlFrom(env) {
  const url = env.OFFICE_JS_URL || DEFAULT_OFFICE_JS_URL;
  if (/^http:\/\//i.test(url)) throw new Error(`OFFICE_JS_URL must use https: ${url}`);
  if (!/^(https:\/\/|\/)/i.test(url)) throw new Error(`OFFICE_JS_URL must be an https URL or an absolute path: ${url}`);
  return url;
}

function urlProdFrom(env) {
  const url = env.ADDIN_URL_PROD || DEFAULT_URL_PROD;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) throw new Error(`ADDIN_URL_PROD must be an https URL ending in "/": ${url}`);
  return url;
}

/**
 * Only the add-in itself and the office.js origin may supply scripts; no eval. Styles need 'unsafe-inline'
 * because Fluent UI's Griffel engine inserts <style> elements at runtime. The dev server additionally needs
 * its websocket for live reload.
 */
function contentSecurityPolicy(officeOrigin, dev) {
  const office = officeOrigin ? ` ${officeOrigin}` : '';
  const devSocket = dev ? ' ws://localhost:* wss://localhost:*' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${office}`,
    "font-src 'self' data:",
    `connect-src 'self'${office}${devSocket}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * What the yo-office template does: every development URL in the manifest becomes the production one, and
 * the bare development origin (AppDomains) becomes the production origin.
 */
function manifestForProduction(xml, urlProd) {
  const devOrigin = new URL(URL_DEV).origin;
  return xml.split(URL_DEV).join(urlProd).split(devOrigin).join(new URL(urlProd).origin);
}

/**
 * The text the production build writes to dist/manifest.xml (webpack copies exactly this), so a test can
 * validate the built manifest without running webpack.
 */
function builtManifest(env = process.env, root = path.join(__dirname, '..')) {
  return manifestForProduction(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), urlProdFrom(env));
}

module.exports = {
  builtManifest,
  URL_DEV,
  DEFAULT_OFFICE_JS_URL,
  DEFAULT_URL_PROD,
  externalOrigin,
  officeJsUrlFrom,
  urlProdFrom,
  contentSecurityPolicy,
  manifestForProduction,
};
