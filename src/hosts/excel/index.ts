export { ExcelHost, parseAreaList, FIRST_WINDOW_ROWS, type ExcelBatchRunner, type ExcelHostOptions, type RequirementChecker } from './excel-host';
export { cellValueFromOffice, isDateNumberFormat } from './cell-values';
export { jsonBytes, utf8Length, WEB_PAYLOAD_LIMIT_BYTES } from './payload';
export { bytesToBase64, openWorkbookInExcel } from './open-workbook';
export { officePlatform } from './platform';
