export { XlsxHost, writeSpecsToWorkbook, type OpenOptions } from './xlsx-host';
