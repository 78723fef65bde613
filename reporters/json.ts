// report.json: the result model in the shape issue 4 fixes, with keys in a stable order so diffs between runs are
// readable. Described by reporters/report.schema.json (JSON Schema 2020-12), which the tests hold it to.
import { LEVELS } from "../spec/index.js";
import type { ConformanceRun, Evidence, RequirementResult, Summary, TestResult } from "./model.js";
import { maskTokenShapes } from "./text.js";

function evidenceJson(e: Evidence): object {
  return {
    request: { method: e.request.method, url: e.request.url, headers: e.request.headers, ...(e.request.body !== undefined ? { body: e.request.body } : {}) },
    ...(e.response
      ? {
          response: {
            status: e.response.status,
            headers: e.response.headers,
            ...(e.response.body !== undefined ? { body: e.response.body } : {}),
            ...(e.response.error !== undefined ? { error: e.response.error } : {}),
          },
        }
      : {}),
  };
}

function testJson(t: TestResult): object {
  return {
    title: t.title,
    status: t.status,
    durationMs: t.durationMs,
    ...(t.message !== undefined ? { message: t.message } : {}),
    ...(t.finding ? { finding: { requirementId: t.finding.requirementId, code: t.finding.code, expected: t.finding.expected, actual: t.finding.actual, message: t.finding.message } } : {}),
    ...(t.evidence ? { evidence: evidenceJson(t.evidence) } : {}),
    ...(t.curl !== undefined ? { curl: t.curl } : {}),
  };
}

function requirementJson(r: RequirementResult): object {
  return {
    id: r.id,
    level: r.level,
    operation: r.operation,
    statement: r.statement,
    source: r.source,
    status: r.status,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    tests: r.tests.map(testJson),
  };
}

function summaryJson(s: Summary): object {
  const counts = (c: Summary["byLevel"]["MUST"]) => ({ passed: c.passed, failed: c.failed, skipped: c.skipped, errored: c.errored, notApplicable: c.notApplicable });
  return { total: s.total, ...counts(s), byLevel: Object.fromEntries(LEVELS.map((level) => [level, counts(s.byLevel[level])])) };
}

/** The report as a plain object in the documented key order. */
export function reportObject(run: ConformanceRun): object {
  const { target } = run;
  return {
    tool: { name: run.tool.name, version: run.tool.version },
    spec: { version: run.spec.version, sha256: run.spec.sha256 },
    target: {
      baseUrl: target.baseUrl,
      accountId: target.accountId,
      ...(target.description !== undefined ? { description: target.description } : {}),
      ...(target.image ? { image: { name: target.image.name, id: target.image.id } } : {}),
    },
    profile: run.profile,
    strict: run.strict,
    readOnly: run.readOnly,
    insecure: run.insecure,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    conformant: run.conformant,
    exitCode: run.exitCode,
    ...(run.abortReason !== undefined ? { abortReason: run.abortReason } : {}),
    summary: summaryJson(run.summary),
    requirements: run.requirements.map(requirementJson),
    footprint: { created: run.footprint.created, deleted: run.footprint.deleted, leftActive: run.footprint.leftActive },
    requests: { count: run.requests.count, throttled: run.requests.throttled, cost: run.requests.cost, ...(run.requests.criticalPath !== undefined ? { criticalPath: run.requests.criticalPath } : {}) },
    warnings: run.warnings,
  };
}

/** report.json: pretty-printed with a trailing newline; token-shaped strings are masked as a last defence (issue 7). */
export function renderJson(run: ConformanceRun): string {
  return maskTokenShapes(JSON.stringify(reportObject(run), null, 2)) + "\n";
}
