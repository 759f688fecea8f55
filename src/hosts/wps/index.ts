export { WpsHost, DEFAULT_BLOCK_CELLS, type WpsHostOptions, type WpsProgress } from './wps-host';
export type { EtApplication } from './et-object-model';
export { bgrToHex, hexToBgr } from './et-object-model';
export { etApplicationIn } from './detect';
