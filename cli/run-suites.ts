// Runs the conformance suites in-process through vitest's Node API (startVitest), the same way for the CLI and
// for runConformance(). The target configuration goes to the worker with `provide` (read by suites/config.ts with
// `inject("tep")`). One worker, all areas in one entry file, tests concurrent up to --concurrency (issue 4): so the
// worker's single HTTP client shares pacing, the journal and request counts.
import { mkdtempSync, rmSync } from "node:fs";
import { Writable } from "node:stream";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { TargetConfig } from "../client/types.js";
import { packageRoot } from "../paths.js";
import { ConformanceAdapter, type RawTest, type RawTestError } from "../reporters/vitest-adapter.js";

export interface SuiteRunResult {
  readonly tests: readonly RawTest[];
  readonly unhandled: readonly RawTestError[];
  /** Set when the run was cancelled (signal, run timeout). */
  readonly cancelled?: string;
}

/** The entry file: compiled JS when this module is compiled, the TypeScript source under tsx. */
function suiteEntry(): string {
  const compiled = fileURLToPath(import.meta.url).endsWith(".js");
  const file = compiled ? join(packageRoot(), "dist", "suites", "conformance.suite.js") : join(packageRoot(), "suites", "conformance.suite.ts");
  return relative(packageRoot(), file);
}

export async function runSuites(config: TargetConfig, options: { onTest?: (t: RawTest) => void; signal?: AbortSignal; cancelReason?: () => string } = {}): Promise<SuiteRunResult> {
  const { createVitest } = await import("vitest/node");
  const adapter = new ConformanceAdapter({ onTest: options.onTest });
  // A request can take timeoutMs, be retried once, and be paced or backed off: leave room before vitest's own timeout.
  const testTimeout = Math.max(120_000, config.timeoutMs * 8);
  let cancelled: string | undefined;
  const cacheDir = mkdtempSync(join(tmpdir(), "tep-vite-"));
  const vitest = await createVitest(
    "test",
    {
      config: false,
      root: packageRoot(),
      include: [suiteEntry()],
      exclude: [],
      watch: false,
      reporters: [adapter],
      provide: { tep: config },
      pool: "forks",
      maxWorkers: 1,
      isolate: false,
      fileParallelism: false,
      sequence: { concurrent: true },
      maxConcurrency: config.concurrency,
      testTimeout,
      hookTimeout: testTimeout,
      passWithNoTests: false,
      silent: true,
    } as never,
    { cacheDir, logLevel: "silent", clearScreen: false },
    { stdout: devNull(), stderr: devNull() } as never,
  );
  const onAbort = () => {
    cancelled = options.cancelReason?.() ?? "aborted";
    void vitest.cancelCurrentRun("keyboard-input");
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  try {
    await vitest.start();
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    await vitest.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return { tests: adapter.tests, unhandled: adapter.unhandled, ...(cancelled ? { cancelled } : {}) };
}

/** A writable that drops everything: vitest's own banner and logs are not part of our console output. */
function devNull(): NodeJS.WritableStream {
  return new Writable({ write(_chunk, _enc, cb) { cb(); } });
}
