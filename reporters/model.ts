// The plain result model every report format is a pure function of (style.md §5).
// Built once by reporters/vitest-adapter.ts from the runner's results; never mutated afterwards.
import type { Level, Operation, Profile } from "../spec/index.js";

export type RequirementStatus = "passed" | "failed" | "skipped" | "errored" | "not-applicable";
export type TestStatus = "passed" | "failed" | "skipped" | "errored";

/** One HTTP request as shown to people: the token is already replaced by `$CANVAS_API_TOKEN`. */
export interface EvidenceRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent, truncated to a few KiB. */
  readonly body?: string;
}

/** The answer to an EvidenceRequest; `body` is an excerpt (a few KiB at most). */
export interface EvidenceResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Set when no answer came: "timeout", "reset", "refused", "too-large", … */
  readonly error?: string;
}

export interface Evidence {
  readonly request: EvidenceRequest;
  readonly response?: EvidenceResponse;
}

/** A finding is data first (style.md §7): the message is built from it. */
export interface Finding {
  readonly requirementId: string;
  readonly code: string;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
}

export interface TestResult {
  readonly title: string;
  readonly status: TestStatus;
  readonly durationMs: number;
  /** Why it failed, errored or was skipped. */
  readonly message?: string;
  readonly finding?: Finding;
  readonly evidence?: Evidence;
  /** A shell line that reproduces `evidence.request`, with `$CANVAS_API_TOKEN` in place of the token. */
  readonly curl?: string;
}

export interface RequirementResult {
  readonly id: string;
  readonly level: Level;
  readonly operation: Operation;
  readonly statement: string;
  readonly source: string;
  readonly status: RequirementStatus;
  /** Why it was skipped, errored or not applicable. */
  readonly reason?: string;
  readonly tests: readonly TestResult[];
}

export interface Summary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errored: number;
  readonly notApplicable: number;
  readonly byLevel: Readonly<Record<Level, { readonly passed: number; readonly failed: number; readonly skipped: number; readonly errored: number; readonly notApplicable: number }>>;
}

export interface ConformanceRun {
  readonly tool: { readonly name: string; readonly version: string };
  readonly spec: { readonly version: string; readonly sha256: string };
  readonly target: {
    readonly baseUrl: string;
    readonly accountId: string;
    /** "embedded reference server", or the image name and id for --image runs. */
    readonly description?: string;
    readonly image?: { readonly name: string; readonly id: string };
  };
  readonly profile: Profile;
  readonly strict: boolean;
  readonly readOnly: boolean;
  readonly insecure: boolean;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Every applicable MUST passed (and with strict every SHOULD), and nothing applicable errored. */
  readonly conformant: boolean;
  /** 0 conformant, 1 not conformant, 3 could not complete. */
  readonly exitCode: 0 | 1 | 3;
  /** Why the run could not complete (exit 3): unreachable target, aborted, timed out. */
  readonly abortReason?: string;
  readonly summary: Summary;
  readonly requirements: readonly RequirementResult[];
  readonly footprint: { readonly created: readonly string[]; readonly deleted: readonly string[]; readonly leftActive: readonly string[] };
  /** criticalPath: the longest chain of requests sent one after another (client/critical-path.ts, issue 8). */
  readonly requests: { readonly count: number; readonly throttled: number; readonly cost: number; readonly criticalPath?: number };
  readonly warnings: readonly string[];
}
