export { type EvalRun, type EvalRunOptions, main, REPORTS_DIR, runEval } from "./cli.js";
export { compareReports, readReport, regressions } from "./compare.js";
export { DatasetError, loadJsonl, parseJsonl, toJsonl } from "./dataset.js";
export { anthropicPricing, estimateCost, type ModelPrice, type PricingTable } from "./pricing.js";
export { discoverSuites, SUITES_DIR } from "./registry.js";
export { buildReport, renderMarkdown, writeReports } from "./report.js";
export { failsRun, type ProgressListener, runSuite } from "./run.js";
export * from "./types.js";
