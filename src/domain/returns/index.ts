/** 下发 and 回收: splitting a 任务分工 table into one copy per unit, checking returned copies, merging answers. */
export * from './columns';
export * from './identity';
export * from './merge';
export * from './return-copy';
export * from './returns-log';
export * from './split-plan';
export * from './validate';
export * from './claims';
