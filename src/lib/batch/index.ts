/** Batch screening: a CSV of households in, a CSV of results out (browser and CLI alike). */
export { templateColumns, columnFor, fieldHeaders } from './columns';
export { parseBatchCsv, type ParsedSheet, type ParsedRow, type RowProblem } from './parse';
export { sheetReason, type SheetReason } from './reasons';
export { screenSheet, resultsCsv, templateCsv, BOM, type ScreenedRow } from './screen';
