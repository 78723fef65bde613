// Public entry points of the tep-conformance package (issue 5).
export { runConformance } from "./cli/run.js";
export type { ConformanceOptions, ReportFormatName } from "./cli/options.js";
export type { ConformanceRun, RequirementResult, TestResult, Evidence, Finding, RequirementStatus } from "./reporters/model.js";
export { loadCatalog, validatorFor, type Requirement, type Catalog, type Profile, type Level, type Operation } from "./spec/index.js";
export { startReferenceServer, defects, type Defect, type ReferenceServerOptions, type RunningReferenceServer } from "./fixtures/index.js";
