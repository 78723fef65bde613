// Verdicts, as a pure function of the raw test records and the catalog (style.md §5).
// Rules (suites/meta.ts, issue 7): a throttled or unreachable answer is errored, never failed; a reachable server
// that does not answer has failed; exit 1 if any applicable MUST failed (with --strict: or SHOULD), otherwise 3 if
// the run could not complete or an applicable MUST (with --strict: or SHOULD) errored, otherwise 0.
import type { Catalog, Level, Operation, Profile, Requirement } from "../spec/index.js";
import { INCONCLUSIVE_ERROR_NAME, idsOfTitle } from "../suites/meta.js";
import type { ConformanceRun, Evidence, RequirementResult, RequirementStatus, Summary, TestResult, TestStatus } from "./model.js";
import type { RawTest } from "./vitest-adapter.js";

export interface RunContext {
  readonly catalog: Catalog;
  readonly tool: ConformanceRun["tool"];
  readonly target: ConformanceRun["target"];
  readonly profile: Profile;
  readonly strict: boolean;
  readonly readOnly: boolean;
  readonly insecure: boolean;
  readonly only?: readonly Operation[];
  readonly startedAt: string;
  readonly durationMs: number;
  /** Why the run could not complete, if it could not. */
  readonly abortReason?: string;
  readonly footprint: ConformanceRun["footprint"];
  readonly requests: ConformanceRun["requests"];
  readonly warnings: readonly string[];
  /** Builds a reproducing shell line from evidence (client/curl.ts). */
  readonly curlFor?: (evidence: Evidence) => string;
}

export function buildRun(tests: readonly RawTest[], ctx: RunContext): ConformanceRun {
  const byId = new Map<string, TestResult[]>();
  for (const test of tests) {
    for (const id of idsOfTitle(test.title)) {
      const list = byId.get(id) ?? [];
      list.push(testResultFor(test, id, ctx));
      byId.set(id, list);
    }
  }
  const requirements = ctx.catalog.requirements.map((r) => requirementResult(r, byId.get(r.id) ?? [], ctx));
  // A title naming an id the catalog does not have is a suite bug; say so rather than drop it (issue 5).
  const unknown = [...byId.keys()].filter((id) => !ctx.catalog.byId.has(id));
  const untitled = tests.filter((t) => idsOfTitle(t.title).length === 0).map((t) => t.title);
  const warnings = [
    ...ctx.warnings,
    ...unknown.map((id) => `a test names ${id}, which is not in the requirement catalog`),
    ...untitled.map((title) => `a test names no requirement: "${title}"`),
  ];
  const summary = summarise(requirements);
  const exitCode = exitCodeFor(requirements, ctx);
  return {
    tool: ctx.tool,
    spec: { version: ctx.catalog.specVersion, sha256: ctx.catalog.sha256 },
    target: ctx.target,
    profile: ctx.profile,
    strict: ctx.strict,
    readOnly: ctx.readOnly,
    insecure: ctx.insecure,
    startedAt: ctx.startedAt,
    durationMs: ctx.durationMs,
    conformant: exitCode === 0,
    exitCode,
    ...(ctx.abortReason ? { abortReason: ctx.abortReason } : {}),
    summary,
    requirements,
    footprint: ctx.footprint,
    requests: ctx.requests,
    warnings,
  };
}

/** What one test says about one of the requirement ids in its title. */
function testResultFor(test: RawTest, id: string, ctx: RunContext): TestResult {
  const base = { title: test.title, durationMs: test.durationMs };
  if (test.state === "skipped") return { ...base, status: "skipped", message: test.note ?? "skipped" };
  if (test.state === "passed") return { ...base, status: "passed" };
  const thrown = test.errors[0];
  if (thrown?.name === INCONCLUSIVE_ERROR_NAME) return withEvidence({ ...base, status: "errored", message: thrown.message }, test.meta?.lastEvidence, ctx);
  const meta = test.meta;
  const index = meta?.findings.findIndex((f) => f.requirementId === id) ?? -1;
  if (meta && index >= 0) {
    const finding = meta.findings[index]!;
    return withEvidence({ ...base, status: "failed", message: finding.message, finding }, meta.findingEvidence[index] ?? meta.lastEvidence, ctx);
  }
  if (meta?.completed && meta.findings.length > 0) return { ...base, status: "passed" };
  return withEvidence({ ...base, status: "failed", message: firstLine(thrown?.message ?? "the test failed without a message") }, meta?.lastEvidence, ctx);
}

function withEvidence(result: TestResult, evidence: Evidence | undefined | null, ctx: RunContext): TestResult {
  if (!evidence) return result;
  return { ...result, evidence, ...(ctx.curlFor ? { curl: ctx.curlFor(evidence) } : {}) };
}

function firstLine(message: string): string {
  const lines = message.split("\n").filter((l) => l.trim() !== "");
  return lines.slice(0, 6).join("\n");
}

function requirementResult(r: Requirement, tests: TestResult[], ctx: RunContext): RequirementResult {
  const base = { id: r.id, level: r.level, operation: r.operation, statement: r.statement, source: r.source };
  if (!r.profiles.includes(ctx.profile)) {
    return { ...base, status: "not-applicable", reason: `applies to the ${r.profiles.join(" and ")} profile, not ${ctx.profile}`, tests: [] };
  }
  const status = combine(tests.map((t) => t.status));
  if (status) {
    const reason = status === "skipped" ? tests.find((t) => t.message)?.message : status === "errored" ? tests.find((t) => t.status === "errored")?.message : undefined;
    return { ...base, status, ...(reason ? { reason } : {}), tests };
  }
  return { ...base, status: ctx.abortReason ? "errored" : "skipped", reason: missingReason(r, ctx), tests };
}

function combine(statuses: TestStatus[]): RequirementStatus | undefined {
  for (const s of ["failed", "errored", "passed", "skipped"] as const) if (statuses.includes(s)) return s;
  return undefined;
}

function missingReason(r: Requirement, ctx: RunContext): string {
  if (ctx.abortReason) return `not checked: ${ctx.abortReason}`;
  if (ctx.only && !ctx.only.includes(r.operation)) return "not selected by --only";
  return "no test for this requirement ran";
}

function summarise(requirements: readonly RequirementResult[]): Summary {
  const empty = () => ({ passed: 0, failed: 0, skipped: 0, errored: 0, notApplicable: 0 });
  const byLevel: Record<Level, ReturnType<typeof empty>> = { MUST: empty(), SHOULD: empty(), MAY: empty() };
  const total = empty();
  for (const r of requirements) {
    const key = r.status === "not-applicable" ? "notApplicable" : r.status;
    total[key] += 1;
    byLevel[r.level][key] += 1;
  }
  return { total: requirements.length, ...total, byLevel };
}

function exitCodeFor(requirements: readonly RequirementResult[], ctx: RunContext): 0 | 1 | 3 {
  const gating = (r: RequirementResult) => r.level === "MUST" || (ctx.strict && r.level === "SHOULD");
  if (requirements.some((r) => gating(r) && r.status === "failed")) return 1;
  if (ctx.abortReason) return 3;
  if (requirements.some((r) => gating(r) && r.status === "errored")) return 3;
  return 0;
}
