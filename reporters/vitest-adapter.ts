// The thin adapter between vitest and the result model (style.md §5): it copies what each finished test case
// reports — title, state, skip note, error names and messages, and the `tep` task meta — into plain records.
// Verdicts are decided later, by the pure function in build-run.ts.
import type { Reporter, TestCase } from "vitest/node";
import type { TepTaskMeta } from "../suites/meta.js";

export interface RawTestError {
  readonly name: string;
  readonly message: string;
}

/** One finished conformance test, as plain data. */
export interface RawTest {
  readonly title: string;
  readonly state: "passed" | "failed" | "skipped";
  readonly durationMs: number;
  readonly note?: string;
  readonly errors: readonly RawTestError[];
  readonly meta?: TepTaskMeta;
}

export interface AdapterHooks {
  /** Called as each test finishes (live progress). */
  onTest?: (test: RawTest) => void;
}

export class ConformanceAdapter implements Reporter {
  readonly tests: RawTest[] = [];
  readonly unhandled: RawTestError[] = [];

  constructor(private readonly hooks: AdapterHooks = {}) {}

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    if (result.state === "pending") return;
    const raw: RawTest = {
      title: testCase.name,
      state: result.state,
      durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
      ...(result.state === "skipped" && result.note ? { note: result.note } : {}),
      errors: (result.errors ?? []).map((e) => ({ name: e.name ?? "Error", message: e.message ?? String(e) })),
      ...(testCase.meta().tep ? { meta: testCase.meta().tep } : {}),
    };
    this.tests.push(raw);
    this.hooks.onTest?.(raw);
  }

  onTestRunEnd(_modules: unknown, unhandledErrors: ReadonlyArray<{ name?: string; message?: string }>): void {
    for (const e of unhandledErrors) this.unhandled.push({ name: e.name ?? "Error", message: e.message ?? "unknown error" });
  }
}
