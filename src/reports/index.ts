/**
 * @module reports
 * The reports a center is asked for, each as data, CSV and PDF.
 */
export { type CsvValue, csvField, csvRecord, toCsv } from "./csv.js";
export { drillCsvHeader, drillLogCsv, drillLogPdf, mmss } from "./drill-formats.js";
export {
  buildDrillReport,
  type DrillLog,
  type DrillReport,
  type DrillReportRows,
  drillLogSchema,
  drillReportSchema,
  loadDrillLog,
  loadDrillReportRows,
} from "./drill-report.js";
export { mealCsvHeader, mealReportCsv, mealReportPdf } from "./meal-formats.js";
export {
  buildMealReport,
  loadMealReportRows,
  type MealReport,
  type MealReportRows,
  type MealService,
  mealReportSchema,
  mealServiceLabel,
  mealServices,
  serviceOf,
} from "./meal-report.js";
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
export {
  parseSubsidyCsv,
  type SubsidyAuthorization,
  subsidyAuthorizationSchema,
  subsidyImportSchema,
  validateSubsidyImport,
} from "./subsidy-authorizations.js";
export { subsidyCsvHeader, subsidyReportCsv, subsidyReportPdf } from "./subsidy-formats.js";
export { importSubsidyAuthorizations } from "./subsidy-import.js";
export {
  buildSubsidyReport,
  loadSubsidyReportRows,
  monthBounds,
  monthSchema,
  type SubsidyLine,
  type SubsidyReport,
  type SubsidyReportRows,
  subsidyReportSchema,
} from "./subsidy-report.js";
