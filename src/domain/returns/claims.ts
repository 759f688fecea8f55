/**
 * Who a returned copy says it is, against what its file name says. The identity inside a copy names its
 * unit; nothing stops a unit from editing it (it is not signed). A file sent back as 司法局.xlsx whose
 * identity claims 办公室 is flagged, so the clerk looks before trusting it; the returns log shows the claim.
 */
import { makeFinding } from '../findings';
import type { Finding } from '../types';
import type { UnitDirectory } from '../units';

/** The file's own name, without folders and the .xlsx ending. */
function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, '');
}

/** The directory's units named in the file name (longest names first; a name inside a longer one is not counted). */
export function unitsNamedIn(file: string, directory: UnitDirectory): string[] {
  const stem = fileStem(file);
  const names = directory.data.units
    .flatMap((u) => [u.name, ...u.aliases].map((n) => ({ unit: u.name, n })))
    .filter((x) => x.n.length >= 2)
    .sort((a, b) => b.n.length - a.n.length);
  const found: string[] = [];
  let rest = stem;
  for (const { unit, n } of names) {
    if (!rest.includes(n)) continue;
    rest = rest.split(n).join('\u0000');
    if (!found.includes(unit)) found.push(unit);
  }
  return found;
}

/**
 * A warning when the file name names other units of the directory but not the one the copy claims to be; none
 * when it names no unit (a file the clerk renamed 回收1.xlsx says nothing) or names the claimed one.
 */
export function claimMismatch(file: string, claimed: string, directory: UnitDirectory): Finding | null {
  const named = unitsNamedIn(file, directory);
  const claimedUnits = directory.expand(claimed);
  if (!named.length || named.some((u) => u === claimed || claimedUnits.includes(u))) return null;
  return makeFinding('return.claim_mismatch', null, null, { named, claimed });
}
