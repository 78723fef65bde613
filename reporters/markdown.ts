// report.md: GitHub-flavoured Markdown, also appended to $GITHUB_STEP_SUMMARY (issue 4). Verdict heading, counts
// by level, the requirement matrix grouped by operation, then each failure with its request, response and curl
// line in fenced blocks. Text from the model is escaped so a server cannot inject markup into a CI summary.
import { LEVELS, type Level } from "../spec/index.js";
import type { ConformanceRun, Evidence, RequirementResult, RequirementStatus, TestResult } from "./model.js";
import { bodyExcerpt, formatDuration, maskTokenShapes, oneLine, requestHeadersShown, responseHeadersShown, statusLine, stripControlChars } from "./text.js";
import { STATUS_LABEL, explainingTests, failureAffectsVerdict, groupByOperation, problems, targetLabel, verdictOf, type VerdictKind } from "./views.js";

/** A step summary is capped at 1 MiB by GitHub; bodies are excerpts so many failures still fit. */
const BODY_EXCERPT_CHARS = 600;

const VERDICT_ICON: Readonly<Record<VerdictKind, string>> = { conformant: "✅", "not-conformant": "❌", incomplete: "⚠️" };
const STATUS_ICON: Readonly<Record<RequirementStatus, string>> = { passed: "✅", failed: "❌", errored: "⚠️", skipped: "⏭️", "not-applicable": "➖" };

/** Inline text: HTML and Markdown punctuation escaped, one line, so it is shown literally (tables included). */
export function escapeMarkdown(text: string): string {
  return oneLine(stripControlChars(maskTokenShapes(text)))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~#!$]/g, (c) => `\\${c}`);
}

/** Text inside an HTML block (the <summary> line): raw HTML to CommonMark, so entities, not backslashes. */
function escapeHtmlLine(text: string): string {
  return oneLine(stripControlChars(maskTokenShapes(text))).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A fenced block that the content cannot close: the fence is longer than any backtick run inside. */
function fenced(text: string, info: string): string {
  const safe = stripControlChars(maskTokenShapes(text));
  const longest = Math.max(0, ...[...safe.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${safe}\n${fence}`;
}

function table(header: readonly string[], align: readonly ("l" | "r")[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `|${align.map((a) => (a === "r" ? "--:" : "---")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

function summaryTable(run: ConformanceRun): string[] {
  const row = (name: string, c: { passed: number; failed: number; errored: number; skipped: number; notApplicable: number }): string[] => {
    const total = c.passed + c.failed + c.errored + c.skipped + c.notApplicable;
    return [name, ...[total, c.passed, c.failed, c.errored, c.skipped, c.notApplicable].map(String)];
  };
  const note = (level: Level): string => (level === "MUST" ? "" : level === "SHOULD" ? (run.strict ? " (strict)" : " (warning)") : " (informational)");
  return table(
    ["Level", "Total", "✅ Passed", "❌ Failed", "⚠️ Errored", "⏭️ Skipped", "➖ N/A"],
    ["l", "r", "r", "r", "r", "r", "r"],
    [...LEVELS.map((level) => row(`**${level}**${note(level)}`, run.summary.byLevel[level])), row("**All**", run.summary)],
  );
}

function requirementTables(run: ConformanceRun): string[] {
  const lines: string[] = [];
  for (const group of groupByOperation(run.requirements)) {
    lines.push("", `### ${group.operation}`, "");
    const rows = group.requirements.map((r) => [
      `${STATUS_ICON[r.status]} ${STATUS_LABEL[r.status]}`,
      r.status === "failed" || r.status === "errored" ? `**${r.id}**` : r.id,
      r.level,
      escapeMarkdown(r.statement),
      r.reason ? escapeMarkdown(r.reason) : "",
    ]);
    lines.push(...table(["Status", "Requirement", "Level", "Statement", "Note"], ["l", "l", "l", "l", "l"], rows));
  }
  return lines;
}

function evidenceBlocks(e: Evidence): string[] {
  const request = [`${e.request.method} ${e.request.url}`, ...requestHeadersShown(e.request.headers).map(([k, v]) => `${k}: ${v}`)];
  if (e.request.body) request.push("", bodyExcerpt(e.request.body, BODY_EXCERPT_CHARS));
  const outcome = !e.response ? "" : e.response.error ? ` → no answer (${e.response.error})` : ` → ${statusLine(e.response.status)}`;
  // Folded like the HTML report's evidence, so a summary with many failures stays scannable; GitHub renders
  // Markdown inside <details> when blank lines surround it.
  const lines = ["", `<details><summary>Request and response: ${escapeHtmlLine(`${e.request.method} ${e.request.url}${outcome}`)}</summary>`, "", fenced(request.join("\n"), "http")];
  if (e.response) {
    const response = e.response.error
      ? [`(no answer: ${e.response.error})`]
      : [`HTTP ${statusLine(e.response.status)}`, ...responseHeadersShown(e.response.headers).map(([k, v]) => `${k}: ${v}`), "", bodyExcerpt(e.response.body, BODY_EXCERPT_CHARS)];
    lines.push("", fenced(response.join("\n"), "http"));
  }
  lines.push("", "</details>");
  return lines;
}

function testDetails(t: TestResult): string[] {
  const items = [`- **Test:** ${escapeMarkdown(t.title)} (${t.status}, ${formatDuration(t.durationMs)})`];
  const message = t.finding?.message ?? t.message;
  if (message) items.push(`- **${t.status === "errored" ? "Error" : "Finding"}:** ${escapeMarkdown(message)}`);
  if (t.finding) items.push(`- **Expected:** ${escapeMarkdown(t.finding.expected)}`, `- **Actual:** ${escapeMarkdown(t.finding.actual)}`);
  const lines = ["", ...items];
  if (t.evidence) lines.push(...evidenceBlocks(t.evidence));
  if (t.curl) lines.push("", "Reproduce:", "", fenced(t.curl, "sh"));
  return lines;
}

function failureSection(run: ConformanceRun, r: RequirementResult): string[] {
  const weight = r.status === "errored" ? "could not check" : failureAffectsVerdict(run, r.level) ? "breaks conformance" : "does not affect the verdict";
  const lines = ["", `### ${STATUS_ICON[r.status]} ${r.id}`, "", `**${r.level}** · ${STATUS_LABEL[r.status]} · ${weight} · source ${escapeMarkdown(r.source)}`, "", `> ${escapeMarkdown(r.statement)}`];
  if (r.reason) lines.push("", `**Reason:** ${escapeMarkdown(r.reason)}`);
  for (const t of explainingTests(r)) lines.push(...testDetails(t));
  return lines;
}

function footprint(run: ConformanceRun): string[] {
  const { created, deleted, leftActive } = run.footprint;
  const left = leftActive.length > 0 ? `**${leftActive.length} left active: ${leftActive.map(escapeMarkdown).join(", ")}**` : "0 left active";
  return [
    "",
    "## Footprint and requests",
    "",
    `- Pairings: ${created.length} created, ${deleted.length} deleted, ${left}`,
    `- Requests: ${run.requests.count} sent, ${run.requests.throttled} throttled, cost ${Number.isInteger(run.requests.cost) ? run.requests.cost : run.requests.cost.toFixed(2)}`,
  ];
}

/** report.md for the run. */
export function renderMarkdown(run: ConformanceRun): string {
  const verdict = verdictOf(run);
  const facts = [
    `**Profile** ${run.profile}${run.strict ? " (strict)" : ""}`,
    `**Target** ${escapeMarkdown(targetLabel(run))}`,
    `**Spec** ${escapeMarkdown(run.spec.version)}`,
    `**Started** ${escapeMarkdown(run.startedAt)}`,
    `**Duration** ${formatDuration(run.durationMs)}`,
    `**Exit code** ${run.exitCode}`,
    ...(run.readOnly ? ["**Read-only**"] : []),
  ];
  const lines = [
    `# ${VERDICT_ICON[verdict.kind]} ${verdict.label} — ${escapeMarkdown(run.tool.name)} ${escapeMarkdown(run.tool.version)}`,
    "",
    facts.join(" · "),
    "",
    escapeMarkdown(verdict.explanation),
  ];
  if (run.warnings.length > 0) lines.push("", "> [!WARNING]", ...run.warnings.map((w) => `> - ${escapeMarkdown(w)}`));
  lines.push("", "## Summary", "", ...summaryTable(run), "", "## Requirements", ...requirementTables(run));
  const list = problems(run);
  if (list.length > 0) {
    lines.push("", "## Failures and errors");
    for (const r of list) lines.push(...failureSection(run, r));
  }
  lines.push(...footprint(run));
  return lines.join("\n") + "\n";
}
