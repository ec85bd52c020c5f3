/**
 * @module reports
 * The reports a center is asked for, each as data, CSV and PDF.
 */
export { type CsvValue, toCsv } from "./csv.js";
export { type Block, type PdfDocumentSpec, renderPdf, winAnsi } from "./pdf.js";
export { ratioCsvHeader, ratioReportCsv, ratioReportPdf } from "./ratio-formats.js";
export {
  buildRatioReport,
  loadRatioReportRows,
  type RatioReport,
  type RatioReportRows,
  type ReportRange,
  ratioReportSchema,
  reportRangeSchema,
} from "./ratio-report.js";
