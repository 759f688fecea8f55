export { ExcelHost, parseAreaList, charsToPoints, REQUEST_BUDGET_BYTES, type ExcelBatchRunner, type RequirementChecker } from './excel-host';
export { cellValueFromOffice, isDateNumberFormat } from './cell-values';
