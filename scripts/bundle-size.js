#!/usr/bin/env node
/**
 * The pane's initial JavaScript, gzip-compressed: every script taskpane.html loads from the add-in itself
 * (office.js comes from its own server and is not ours to count). Lazily loaded chunks are not included —
 * that is the point of loading them lazily. Deterministic (gzip level 9 of fixed bytes), so tests assert it.
 *
 *   node scripts/bundle-size.js [distDir]    exits 1 when over the budget
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// The panels after 检查 and the workflows are lazy chunks; what a new tab or feature adds to the first download
// goes into a lazy chunk too, not into a larger budget.
const BUDGET_GZIP_BYTES = 200 * 1024;

/** Local script sources of an HTML page, in document order. */
function localScripts(html) {
  const sources = [];
  // Minified HTML drops attribute quotes: src="x", src='x' and src=x are all read.
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
    const src = match[1] ?? match[2] ?? match[3];
    if (!/^(https?:)?\/\//i.test(src)) sources.push(src.replace(/^\.?\//, '').split('?')[0]);
  }
  return sources;
}

function initialBundleSize(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'taskpane.html'), 'utf8');
  const files = localScripts(html).map((file) => {
    const bytes = fs.readFileSync(path.join(distDir, file));
    return { file, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), budgetBytes: BUDGET_GZIP_BYTES };
}

module.exports = { BUDGET_GZIP_BYTES, initialBundleSize, localScripts };

if (require.main === module) {
  const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist'));
  const size = initialBundleSize(dist);
  for (const f of size.files) console.log(`${f.file}: ${(f.bytes / 1024).toFixed(1)} KB, gzip ${(f.gzipBytes / 1024).toFixed(1)} KB`);
  const verdict = size.gzipBytes <= BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(`initial JS gzip: ${(size.gzipBytes / 1024).toFixed(1)} KB — ${verdict} the ${BUDGET_GZIP_BYTES / 1024} KB budget`);
  process.exit(size.gzipBytes <= BUDGET_GZIP_BYTES ? 0 : 1);
}
