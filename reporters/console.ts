// The console format: one line per finished test while running, then the final summary — verdict, matrix by
// operation × requirement, counts by level, the details of every failure with a curl line, footprint, requests
// and warnings. Pure functions returning strings; the CLI prints them and decides on colour (NO_COLOR, TTY).
import { LEVELS, type Level } from "../spec/index.js";
import type { ConformanceRun, Evidence, RequirementResult, RequirementStatus, TestResult, TestStatus } from "./model.js";
import {
  bodyExcerpt, escapeForTerminal, formatDuration, maskTokenShapes, oneLine, requestHeadersShown, responseHeadersShown, statusLine, truncate,
} from "./text.js";
import { STATUS_LABEL, explainingTests, groupByOperation, problems, skipReasons, targetLabel, verdictOf, type VerdictKind } from "./views.js";

/** Lines are kept to this many columns where the content allows (curl lines and body lines are never cut). */
export const CONSOLE_WIDTH = 100;
/** How much of a body a failure shows (issue 4: "response excerpt"), so one failure fits on a screen. */
const BODY_EXCERPT_CHARS = 600;
const BODY_EXCERPT_LINES = 16;

const ANSI = { reset: "\u001b[0m", bold: "\u001b[1m", dim: "\u001b[2m", red: "\u001b[31m", green: "\u001b[32m", yellow: "\u001b[33m", cyan: "\u001b[36m" } as const;
type Style = Exclude<keyof typeof ANSI, "reset">;

interface Paint {
  (text: string, ...styles: Style[]): string;
}

function painter(color: boolean): Paint {
  return (text, ...styles) => (color && styles.length > 0 ? styles.map((s) => ANSI[s]).join("") + text + ANSI.reset : text);
}

const SYMBOL: Readonly<Record<RequirementStatus, string>> = { passed: "✓", failed: "✗", errored: "!", skipped: "-", "not-applicable": "○" };
const STATUS_STYLE: Readonly<Record<RequirementStatus, Style[]>> = {
  passed: ["green"], failed: ["red", "bold"], errored: ["yellow", "bold"], skipped: ["dim"], "not-applicable": ["dim"],
};
const VERDICT_STYLE: Readonly<Record<VerdictKind, Style[]>> = { conformant: ["green", "bold"], "not-conformant": ["red", "bold"], incomplete: ["yellow", "bold"] };
const LEVEL_NOTE: Readonly<Record<Level, string>> = {
  MUST: "failures break conformance",
  SHOULD: "warnings; fail only with --strict",
  MAY: "informational",
};

/** Text from the model is made safe for a terminal and checked for token shapes before it is printed. */
function safe(text: string): string {
  return escapeForTerminal(maskTokenShapes(text));
}

/** One short line per finished test, for live progress: `  ✓ [TEP-LIST-001] GET list answers 200 … 12ms`. */
export function formatTestLine(title: string, status: TestStatus, durationMs: number, color: boolean): string {
  const paint = painter(color);
  const duration = formatDuration(durationMs);
  const room = CONSOLE_WIDTH - 4 - duration.length - 1;
  return `  ${paint(SYMBOL[status], ...STATUS_STYLE[status])} ${truncate(oneLine(safe(title)), room)} ${paint(duration, "dim")}`;
}

/** Word-wraps `text` to the console width after `prefix`, continuing lines under `indent` spaces. */
function wrap(text: string, prefix: string, indent: number): string[] {
  const lines: string[] = [];
  let line = prefix;
  let empty = true;
  for (const word of oneLine(text).split(" ")) {
    if (!empty && [...`${line} ${word}`].length > CONSOLE_WIDTH) {
      lines.push(line);
      line = " ".repeat(indent) + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function matrixRow(r: RequirementResult, paint: Paint): string {
  const style = STATUS_STYLE[r.status];
  const cells = (symbol: string, label: string): string => `  ${symbol} ${safe(r.id).padEnd(14)}  ${r.level.padEnd(6)}  ${label}  `;
  const plainWidth = [...cells(SYMBOL[r.status], STATUS_LABEL[r.status].padEnd(7))].length;
  const statement = truncate(oneLine(safe(r.statement)), CONSOLE_WIDTH - plainWidth);
  const quiet = r.status === "skipped" || r.status === "not-applicable";
  return cells(paint(SYMBOL[r.status], ...style), paint(STATUS_LABEL[r.status].padEnd(7), ...style)) + (quiet ? paint(statement, "dim") : statement);
}

function matrix(run: ConformanceRun, paint: Paint): string[] {
  const lines: string[] = [];
  for (const group of groupByOperation(run.requirements)) {
    const counts = (["passed", "failed", "errored", "skipped", "not-applicable"] as const)
      .map((s) => [s, group.requirements.filter((r) => r.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${STATUS_LABEL[s].toLowerCase()}`)
      .join(" · ");
    lines.push("", `${paint(group.operation, "bold")} ${paint(`(${counts})`, "dim")}`);
    for (const r of group.requirements) lines.push(matrixRow(r, paint));
  }
  return lines;
}

function countsByLevel(run: ConformanceRun, paint: Paint): string[] {
  const columns = ["total", "passed", "failed", "errored", "skipped", "n/a"];
  const row = (name: string, c: { passed: number; failed: number; errored: number; skipped: number; notApplicable: number }, note: string): string => {
    const total = c.passed + c.failed + c.errored + c.skipped + c.notApplicable;
    const cells = [total, c.passed, c.failed, c.errored, c.skipped, c.notApplicable].map((n, i) => String(n).padStart((columns[i] ?? "").length + 2));
    return `  ${name.padEnd(8)}${cells.join("")}${note ? "   " + paint(note, "dim") : ""}`;
  };
  return [
    "",
    paint("Requirements by level", "bold"),
    `  ${"".padEnd(8)}${columns.map((c) => c.padStart(c.length + 2)).join("")}`,
    ...LEVELS.map((level) => row(level, run.summary.byLevel[level], LEVEL_NOTE[level] + (level === "SHOULD" && run.strict ? " (--strict is on)" : ""))),
    row("all", run.summary, ""),
  ];
}

function skipped(run: ConformanceRun, paint: Paint): string[] {
  const reasons = skipReasons(run);
  if (reasons.length === 0) return [];
  return ["", paint("Skipped and not applicable", "bold"), ...reasons.flatMap(({ reason, ids }) => wrap(`${safe(reason)}: ${ids.join(", ")}`, "  - ", 4))];
}

const LABEL_WIDTH = 12;

function labelled(label: string, value: string, paint: Paint): string[] {
  const lines = value.split("\n");
  return lines.map((line, i) => "    " + (i === 0 ? paint(label.padEnd(LABEL_WIDTH), "dim") : " ".repeat(LABEL_WIDTH)) + line);
}

/** Wraps `text` after `prefix`, then swaps in `styledPrefix` (the same text with colour codes) on the first line. */
function wrapAfter(text: string, prefix: string, styledPrefix: string, indent: number): string[] {
  return wrap(text, prefix, indent).map((line, i) => (i === 0 ? styledPrefix + line.slice(prefix.length) : line));
}

function labelledWrapped(label: string, value: string, paint: Paint): string[] {
  return wrapAfter(safe(value), "    " + label.padEnd(LABEL_WIDTH), "    " + paint(label.padEnd(LABEL_WIDTH), "dim"), 4 + LABEL_WIDTH);
}

function evidenceLines(evidence: Evidence, paint: Paint): string[] {
  const { request, response } = evidence;
  const requestText = [
    `${request.method} ${request.url}`,
    ...requestHeadersShown(request.headers).map(([k, v]) => `${k}: ${v}`),
    ...(request.body ? [bodyExcerpt(request.body, BODY_EXCERPT_CHARS, BODY_EXCERPT_LINES)] : []),
  ].join("\n");
  const lines = labelled("request", safe(requestText), paint);
  if (!response) return lines;
  const responseText = response.error
    ? `no answer: ${response.error}`
    : [statusLine(response.status), ...responseHeadersShown(response.headers).map(([k, v]) => `${k}: ${v}`), bodyExcerpt(response.body, BODY_EXCERPT_CHARS, BODY_EXCERPT_LINES)].join("\n");
  return [...lines, ...labelled("response", safe(responseText), paint)];
}

function testDetails(test: TestResult, paint: Paint): string[] {
  const lines = labelledWrapped("test", `${test.title} (${formatDuration(test.durationMs)})`, paint);
  const message = test.finding?.message ?? test.message;
  if (message) lines.push(...labelledWrapped(test.status === "errored" ? "error" : "finding", message, paint));
  if (test.finding) {
    lines.push(...labelledWrapped("expected", test.finding.expected, paint));
    lines.push(...labelledWrapped("actual", test.finding.actual, paint));
  }
  if (test.evidence) lines.push(...evidenceLines(test.evidence, paint));
  if (test.curl) lines.push(...labelled("reproduce", paint(safe(test.curl), "cyan"), paint));
  return lines;
}

function failureDetails(run: ConformanceRun, paint: Paint): string[] {
  const list = problems(run);
  if (list.length === 0) return [];
  const failed = list.filter((r) => r.status === "failed").length;
  const errored = list.length - failed;
  const title = [failed > 0 ? `failures (${failed})` : "", errored > 0 ? `errors (${errored}, could not check)` : ""].filter(Boolean).join(" and ");
  const lines = ["", paint(title.charAt(0).toUpperCase() + title.slice(1), "bold")];
  for (const r of list) {
    const head = `${SYMBOL[r.status]} ${r.id} [${r.level}] `;
    lines.push("", ...wrapAfter(safe(r.statement), head, paint(head, ...STATUS_STYLE[r.status]), 4));
    if (r.reason) lines.push(...labelledWrapped("reason", r.reason, paint));
    for (const test of explainingTests(r)) lines.push(...testDetails(test, paint));
  }
  return lines;
}

function formatCost(cost: number): string {
  return Number.isInteger(cost) ? String(cost) : cost.toFixed(2);
}

function footer(run: ConformanceRun, paint: Paint): string[] {
  const { created, deleted, leftActive } = run.footprint;
  const left = leftActive.length > 0 ? paint(`${leftActive.length} left active: ${safe(leftActive.join(", "))}`, "yellow", "bold") : "0 left active";
  const lines = [
    "",
    `${paint("Footprint".padEnd(LABEL_WIDTH), "bold")}${created.length} pairings created · ${deleted.length} deleted · ${left}`,
    `${paint("Requests".padEnd(LABEL_WIDTH), "bold")}${run.requests.count} sent · ${run.requests.throttled} throttled · cost ${formatCost(run.requests.cost)}`,
  ];
  if (run.warnings.length > 0) {
    lines.push("", paint("Warnings", "bold", "yellow"));
    for (const w of run.warnings) lines.push(...wrapAfter(safe(w), "  ! ", `  ${paint("!", "yellow")} `, 4));
  }
  return lines;
}

function verdictLine(run: ConformanceRun, paint: Paint): string {
  const verdict = verdictOf(run);
  return `${paint(verdict.label, ...VERDICT_STYLE[verdict.kind])}  profile ${run.profile}${run.strict ? " (strict)" : ""} · ${safe(targetLabel(run))}`;
}

/** The final console output of a run. */
export function renderConsoleSummary(run: ConformanceRun, options: { color: boolean }): string {
  const paint = painter(options.color);
  const verdict = verdictOf(run);
  const mode = [run.readOnly ? "read-only" : "", run.insecure ? "insecure TLS" : ""].filter(Boolean).join(", ");
  const lines = [
    verdictLine(run, paint),
    paint(`${run.tool.name} ${run.tool.version} · spec ${run.spec.version} · started ${run.startedAt}${mode ? ` · ${mode}` : ""}`, "dim"),
    ...wrap(safe(verdict.explanation), "", 0),
    ...matrix(run, paint),
    ...countsByLevel(run, paint),
    ...skipped(run, paint),
    ...failureDetails(run, paint),
    ...footer(run, paint),
    "",
    `${paint(verdict.label, ...VERDICT_STYLE[verdict.kind])} · exit ${run.exitCode} · ${formatDuration(run.durationMs)}`,
  ];
  return lines.join("\n") + "\n";
}
