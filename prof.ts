import * as fs from 'fs';
import * as path from 'path';
import { benchWorkbook } from './bench/generate';
import { PackageHost } from './src/hosts/xlsx-package/package-host';
import { runHighlight } from './src/workflows/highlight';
import { runCheck } from './src/workflows/check';
(async () => {
  const file = await benchWorkbook(100_000, path.join(__dirname, 'bench/tmp'));
  const bytes = new Uint8Array(fs.readFileSync(file));
  let t = performance.now();
  const lap = (l: string) => { const n = performance.now(); console.log(l, Math.round(n - t), 'ms', Math.round(process.memoryUsage().rss / 1e6), 'MB'); t = n; };
  const h = PackageHost.open(bytes); lap('open');
  const s = await h.read(); lap('read');
  await runCheck(h, { currentYear: 2022 }); lap('check (re-read cached)');
  await runHighlight(h, { asOf: '2022-09-15' }); lap('highlight');
  const out = h.toBytes(); lap('toBytes');
  console.log(s.grid!.values.length, out.length, bytes.length);
})();
