// Views of the result model that several formats share: the verdict, requirements grouped by operation, the tests
// that explain a failure, skip reasons. Pure functions of ConformanceRun (style.md §5).
import { LEVELS, OPERATIONS, type Level, type Operation } from "../spec/index.js";
import type { ConformanceRun, RequirementResult, RequirementStatus, TestResult } from "./model.js";

export type VerdictKind = "conformant" | "not-conformant" | "incomplete";

export interface Verdict {
  readonly kind: VerdictKind;
  /** "CONFORMANT", "NOT CONFORMANT" or "COULD NOT COMPLETE". */
  readonly label: string;
  /** One sentence saying what the verdict rests on. */
  readonly explanation: string;
}

/** The verdict follows the exit code, which already applies the rules of issue 7 ("Verdict rules"). */
export function verdictOf(run: ConformanceRun): Verdict {
  const strictNote = run.strict ? "every applicable MUST and SHOULD requirement" : "every applicable MUST requirement";
  if (run.exitCode === 0) return { kind: "conformant", label: "CONFORMANT", explanation: `The target satisfied ${strictNote}.` };
  if (run.exitCode === 1) {
    const levels = run.strict ? "MUST or SHOULD" : "MUST";
    return { kind: "not-conformant", label: "NOT CONFORMANT", explanation: `At least one applicable ${levels} requirement failed.` };
  }
  const why = run.abortReason ? `The run could not complete: ${run.abortReason}.` : "Some MUST requirements could not be checked (errored).";
  return { kind: "incomplete", label: "COULD NOT COMPLETE", explanation: why };
}

/** How the target is named in headings: the base URL, the account, and what it is when known. */
export function targetLabel(run: ConformanceRun): string {
  const what = run.target.image ? `image ${run.target.image.name}` : run.target.description;
  return `${run.target.baseUrl} (account ${run.target.accountId}${what ? `, ${what}` : ""})`;
}

export const STATUS_LABEL: Readonly<Record<RequirementStatus, string>> = {
  passed: "passed",
  failed: "FAILED",
  errored: "ERRORED",
  skipped: "skipped",
  "not-applicable": "n/a",
};

export interface OperationGroup {
  readonly operation: Operation;
  readonly requirements: readonly RequirementResult[];
}

/** Requirements grouped by operation in the catalog's operation order; requirement order is kept within a group. */
export function groupByOperation(requirements: readonly RequirementResult[]): OperationGroup[] {
  const known = OPERATIONS.map((operation) => ({ operation, requirements: requirements.filter((r) => r.operation === operation) }));
  const others = [...new Set(requirements.map((r) => r.operation).filter((op) => !OPERATIONS.includes(op)))].map((operation) => ({
    operation,
    requirements: requirements.filter((r) => r.operation === operation),
  }));
  return [...known, ...others].filter((g) => g.requirements.length > 0);
}

export function countByStatus(requirements: readonly RequirementResult[]): Record<RequirementStatus, number> {
  const counts: Record<RequirementStatus, number> = { passed: 0, failed: 0, errored: 0, skipped: 0, "not-applicable": 0 };
  for (const r of requirements) counts[r.status] += 1;
  return counts;
}

/** Failed and errored requirements, MUST first, then in catalog order: what a reader must look at. */
export function problems(run: ConformanceRun): RequirementResult[] {
  const rank = (level: Level): number => LEVELS.indexOf(level);
  return run.requirements
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.status === "failed" || r.status === "errored")
    .sort((a, b) => rank(a.r.level) - rank(b.r.level) || a.index - b.index)
    .map(({ r }) => r);
}

/**
 * The tests that explain why a requirement failed or errored. A test can prove several requirements and carry a
 * finding for only one of them (suites/meta.ts), so a test whose finding names another requirement is left out
 * unless nothing else explains this one.
 */
export function explainingTests(requirement: RequirementResult): TestResult[] {
  const bad = requirement.tests.filter((t) => t.status === "failed" || t.status === "errored");
  const own = bad.filter((t) => !t.finding || t.finding.requirementId === requirement.id);
  return own.length > 0 ? own : bad;
}

/** Whether a failure changes the verdict: MUST always, SHOULD with --strict, MAY never (style.md §3). */
export function failureAffectsVerdict(run: ConformanceRun, level: Level): boolean {
  return level === "MUST" || (level === "SHOULD" && run.strict);
}

/** Skipped and not-applicable requirements grouped by their reason, in first-seen order. */
export function skipReasons(run: ConformanceRun): Array<{ reason: string; ids: string[] }> {
  const byReason = new Map<string, string[]>();
  for (const r of run.requirements) {
    if (r.status !== "skipped" && r.status !== "not-applicable") continue;
    const reason = r.reason ?? (r.status === "skipped" ? "skipped" : "not applicable");
    byReason.set(reason, [...(byReason.get(reason) ?? []), r.id]);
  }
  return [...byReason].map(([reason, ids]) => ({ reason, ids }));
}
