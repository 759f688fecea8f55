#!/usr/bin/env node
/**
 * Serves the built files (dist/) on http://localhost for the browser preview and the end-to-end test.
 * Static files only, bound to the loopback interface, GET/HEAD only, no directory listings, and no path may
 * leave dist/. Plain http is enough: the preview does not run inside Office.
 *
 *   node scripts/preview-server.js [--port 3000] [--root dist]
 */
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolves a URL path inside root, or null when it would escape it. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return target === root || target.startsWith(root + path.sep) ? target : null;
}

/**
 * @param {{ root?: string, port?: number, host?: string }} options port 0 picks a free port
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
function startPreviewServer(options = {}) {
  const root = path.resolve(options.root || path.join(__dirname, '..', 'dist'));
  const host = options.host || '127.0.0.1';
  if (!fs.existsSync(path.join(root, 'preview.html'))) {
    return Promise.reject(new Error(`${root}/preview.html not found: run "npx webpack --mode production" first`));
  }
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = req.url === '/' || !req.url ? '/preview.html' : req.url;
    const file = resolveInside(root, urlPath);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => {
      const { port } = server.address();
      resolve({
        url: `http://localhost:${port}/`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { startPreviewServer, resolveInside };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  startPreviewServer({ port: Number(option('--port') || process.env.PORT || 3000), root: option('--root') })
    .then(({ url }) => {
      console.log(`任务分工助手 preview: ${url}preview.html`);
      console.log('Press Ctrl+C to stop.');
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(2);
    });
}
