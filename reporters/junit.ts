// junit.xml in the shape standard consumers read (the Ant/Jenkins JUnit schema that GitLab, GitHub actions,
// Jenkins and Azure parse): <testsuites> → one <testsuite> per operation → one <testcase> per requirement.
// A failed requirement is <failure>, an errored one (we could not ask) is <error>, skipped and not-applicable are
// <skipped> — style.md §4: failed and errored are different states with different counts.
import type { ConformanceRun, Evidence, RequirementResult, TestResult } from "./model.js";
import { bodyExcerpt, maskTokenShapes, oneLine, requestHeadersShown, responseHeadersShown, statusLine, stripControlChars } from "./text.js";
import { countByStatus, explainingTests, failureAffectsVerdict, groupByOperation, targetLabel, verdictOf } from "./views.js";

/** How much of a body goes into a failure's text. */
const BODY_EXCERPT_CHARS = 600;

/** Text XML 1.0 can carry: forbidden characters removed, not escaped; token shapes masked (issue 7). */
function xmlSafe(text: string): string {
  return stripControlChars(maskTokenShapes(text));
}

/** Escapes element content: `&`, `<` and `>` (the last so that `]]>` can never appear). */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes an attribute value, which also must not contain its quotes. Values are made one line: XML turns
 * newlines in attributes into spaces anyway (attribute-value normalisation).
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(oneLine(xmlSafe(text))).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function attr(name: string, value: string | number): string {
  return `${name}="${escapeXmlAttribute(String(value))}"`;
}

/** Continuation lines of a labelled block line up under the value column. */
function indented(text: string): string {
  return text.split("\n").join("\n          ");
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function evidenceText(e: Evidence): string {
  const lines = [`request:  ${e.request.method} ${e.request.url}`, ...requestHeadersShown(e.request.headers).map(([k, v]) => `          ${k}: ${v}`)];
  if (e.request.body) lines.push(`          ${indented(bodyExcerpt(e.request.body, BODY_EXCERPT_CHARS))}`);
  if (e.response?.error) lines.push(`response: no answer (${e.response.error})`);
  else if (e.response) {
    lines.push(`response: ${statusLine(e.response.status)}`, ...responseHeadersShown(e.response.headers).map(([k, v]) => `          ${k}: ${v}`));
    lines.push(`          ${indented(bodyExcerpt(e.response.body, BODY_EXCERPT_CHARS))}`);
  }
  return lines.join("\n");
}

function testText(t: TestResult): string {
  const parts = [`test:     ${t.title} (${t.status}, ${t.durationMs}ms)`];
  const message = t.finding?.message ?? t.message;
  if (message) parts.push(`message:  ${message}`);
  if (t.finding) parts.push(`expected: ${t.finding.expected}`, `actual:   ${t.finding.actual}`);
  if (t.evidence) parts.push(evidenceText(t.evidence));
  if (t.curl) parts.push(`curl:     ${t.curl}`);
  return parts.join("\n");
}

/** The first message that explains a failed or errored requirement: the finding's, the test's, or the reason. */
function headline(r: RequirementResult): string {
  const test = explainingTests(r)[0];
  return test?.finding?.message ?? test?.message ?? r.reason ?? r.status;
}

function testcase(run: ConformanceRun, r: RequirementResult): string {
  const time = r.tests.reduce((sum, t) => sum + t.durationMs, 0);
  const testcaseAttrs = `${attr("classname", `tep.${r.operation}`)} ${attr("name", `[${r.id}] ${r.statement}`)} ${attr("time", seconds(time))}`;
  const open = `    <testcase ${testcaseAttrs}>`;
  const details = [`${r.level} requirement ${r.id} (source: ${r.source})`, ...(r.reason ? [`reason:   ${r.reason}`] : []), ...explainingTests(r).map(testText)].join("\n\n");
  switch (r.status) {
    case "passed":
      return `    <testcase ${testcaseAttrs}/>`;
    case "failed": {
      // The level goes first in the message: a SHOULD failure without --strict does not break conformance.
      const weight = failureAffectsVerdict(run, r.level) ? r.level : `${r.level}, does not affect the verdict`;
      const type = explainingTests(r)[0]?.finding?.code ?? "assertion";
      return `${open}\n      <failure ${attr("message", `[${weight}] ${headline(r)}`)} ${attr("type", type)}>${escapeXmlText(details)}</failure>\n    </testcase>`;
    }
    case "errored":
      return `${open}\n      <error ${attr("message", `[${r.level}] could not check: ${headline(r)}`)} ${attr("type", "inconclusive")}>${escapeXmlText(details)}</error>\n    </testcase>`;
    case "skipped":
      return `${open}\n      <skipped ${attr("message", r.reason ?? "skipped")}/>\n    </testcase>`;
    case "not-applicable":
      return `${open}\n      <skipped ${attr("message", `not applicable: ${r.reason ?? `not part of profile ${run.profile}`}`)}/>\n    </testcase>`;
  }
}

function properties(run: ConformanceRun): string {
  const entries: Array<[string, string]> = [
    ["verdict", verdictOf(run).label],
    ["exitCode", String(run.exitCode)],
    ["profile", run.profile],
    ["target", targetLabel(run)],
    ["baseUrl", run.target.baseUrl],
    ["accountId", run.target.accountId],
    ["strict", String(run.strict)],
    ["readOnly", String(run.readOnly)],
    ["insecure", String(run.insecure)],
    ["specVersion", run.spec.version],
    ["specSha256", run.spec.sha256],
    ["tool", `${run.tool.name} ${run.tool.version}`],
    ["requests", String(run.requests.count)],
    ["throttled", String(run.requests.throttled)],
    ["pairingsCreated", String(run.footprint.created.length)],
    ["pairingsDeleted", String(run.footprint.deleted.length)],
    ["pairingsLeftActive", run.footprint.leftActive.join(",")],
    ...(run.abortReason ? [["abortReason", run.abortReason] as [string, string]] : []),
    ...run.warnings.map((w): [string, string] => ["warning", w]),
  ];
  return ["    <properties>", ...entries.map(([k, v]) => `      <property ${attr("name", k)} ${attr("value", v)}/>`), "    </properties>"].join("\n");
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function counts(requirements: readonly RequirementResult[]): Counts {
  const c = countByStatus(requirements);
  return { tests: requirements.length, failures: c.failed, errors: c.errored, skipped: c.skipped + c["not-applicable"] };
}

function countAttrs(c: Counts): string {
  return `${attr("tests", c.tests)} ${attr("failures", c.failures)} ${attr("errors", c.errors)} ${attr("skipped", c.skipped)}`;
}

/** junit.xml for the run. */
export function renderJunit(run: ConformanceRun): string {
  const timestamp = run.startedAt.replace(/\.\d+Z$|Z$/, "");
  const suites = groupByOperation(run.requirements).map((group) => {
    const time = group.requirements.reduce((sum, r) => sum + r.tests.reduce((s, t) => s + t.durationMs, 0), 0);
    return [
      `  <testsuite ${attr("name", group.operation)} ${countAttrs(counts(group.requirements))} ${attr("time", seconds(time))} ${attr("timestamp", timestamp)}>`,
      properties(run),
      ...group.requirements.map((r) => testcase(run, r)),
      "  </testsuite>",
    ].join("\n");
  });
  const head = `<testsuites ${attr("name", `${run.tool.name} ${run.tool.version}: ${verdictOf(run).label}`)} ${countAttrs(counts(run.requirements))} ${attr("time", seconds(run.durationMs))} ${attr("timestamp", timestamp)}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, "</testsuites>", ""].join("\n");
}
