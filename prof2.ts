import * as fs from 'fs';
import { PackageHost } from './src/hosts/xlsx-package/package-host';
(async () => {
  const bytes = new Uint8Array(fs.readFileSync(process.argv[2]));
  const t = performance.now();
  const h = PackageHost.open(bytes);
  await h.read();
  console.log('read', Math.round(performance.now() - t));
})();
