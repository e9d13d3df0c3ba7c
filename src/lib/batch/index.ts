/** Batch screening: a CSV of households in, CSVs of results out (browser and CLI alike). */
export { templateColumns, columnFor, fieldHeaders } from './columns';
export { parseBatchCsv, SheetColumns, type ParsedSheet, type ParsedRow, type RowProblem } from './parse';
export {
  screenRow,
  resultsCsv,
  ResultWriter,
  headerLanguage,
  RESULT_HEADERS,
  SUMMARY_HEADERS,
  type Lang,
  type ScreenedRow,
} from './screen';
export { sheetReason, type SheetReason, type SheetText } from './reasons';
export { templateCsv, legendCsv } from './template';
export { BOM, csvLines, safeCell } from './csv';
export { CsvDecoder, LOSSY_REASON } from './decode';
export { recordsOf } from './records';
