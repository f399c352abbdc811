export { openStore, firstLine, sqlString, type Store, type StoreOptions } from "./openStore";
export { loadSource } from "./loadSource";
export { columnRuleChecks } from "./columnRules";
export { duckdbReason } from "./duckdbReason";
export { csvSourceSql, parquetSourceSql, formatOf, sqlName, type SourceFormat } from "./sourceSql";
export { loadFolder } from "./loadFolder";
export { buildPanelInStore, createPanelTable, type StorePanelOptions } from "./buildPanelInStore";
export { panelSql, panelMethodFor, maxAggregateSnapshots, type PanelMethod } from "./panelSql";
export { readBatches, type RowBatch } from "./readBatches";
