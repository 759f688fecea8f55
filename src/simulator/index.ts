export {
  ExcelSimulator,
  LATEST_API_VERSION,
  WEB_PAYLOAD_LIMIT_BYTES,
  parseRangeAddress,
  type SimulatorOptions,
  type SimulatorStats,
  type SimulatedChart,
} from './excel-simulator';
export { SimulatorError, type SimulatorErrorCode } from './errors';
export { dateToSerial, type OfficeValue } from './cell-model';
export { EtSimulator, EtError, type EtSimulatorStats } from './et-simulator';
