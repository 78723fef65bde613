// The report formats: each a pure function of the result model (style.md §5), plus the one module that writes files.
export type * from "./model.js";
export { renderConsoleSummary, formatTestLine, CONSOLE_WIDTH } from "./console.js";
export { renderJson, reportObject } from "./json.js";
export { renderJunit, escapeXmlText, escapeXmlAttribute } from "./junit.js";
export { renderMarkdown, escapeMarkdown } from "./markdown.js";
export { renderHtml, escapeHtml } from "./html.js";
export { writeReports, REPORT_FORMATS, REPORT_FILES, type ReportFormat, type WriteOptions } from "./write.js";
export { verdictOf, type Verdict, type VerdictKind } from "./views.js";
export { TOKEN_PLACEHOLDER, maskTokenShapes } from "./text.js";
