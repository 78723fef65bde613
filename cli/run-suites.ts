// Runs the conformance suites in-process through vitest's Node API (createVitest + start), the same way for the CLI and
// for runConformance(). The target configuration goes to the worker with `provide` (read by suites/config.ts with
// `inject("tep")`). One worker, all areas in one entry file, tests concurrent up to --concurrency (issue 4): so the
// worker's single HTTP client shares pacing, the journal and request counts.
import { mkdtempSync, rmSync } from "node:fs";
import { Writable } from "node:stream";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
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

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;
// Ctrl-C in a terminal reaches the whole process group, the suite worker included. Killed mid-request, the worker
// would never journal a pairing the server was already creating, and cleanup could not delete it (issue 7). So the
// worker ignores SIGINT: the CLI cancels the run, the worker finishes its requests, and vitest's close() ends it
// with SIGTERM as usual.
const WORKER_IGNORES_SIGINT = ["--import", `data:text/javascript,${encodeURIComponent('process.on("SIGINT", () => {});')}`];

const compiled = fileURLToPath(import.meta.url).endsWith(".js");

let vitestNode: Promise<typeof import("vitest/node")> | undefined;

/**
 * Starts loading vitest's Node API (~0.1–0.2 s) without waiting for it: runConformance calls it before the preflight
 * request so the two overlap (issue 8). Idempotent; a failure surfaces in runSuites, where it is awaited.
 */
export function preloadSuiteRunner(): Promise<typeof import("vitest/node")> {
  if (!vitestNode) {
    vitestNode = import("vitest/node");
    vitestNode.catch(() => undefined);
  }
  return vitestNode;
}

/**
 * Compiled modules of this package that the worker loads with Node's own loader instead of vite's module runner
 * (issue 8): they are plain ESM JavaScript, so transforming them again only costs start-up (~0.3 s of the ~1 s run
 * on a 2-core machine). An installed package lives in node_modules and is external already; this makes a clone
 * behave the same. Under tsx the TypeScript sources must go through vite, so nothing is externalized there.
 */
function compiledModules(): RegExp[] {
  if (!compiled) return [];
  const dist = join(packageRoot(), "dist") + sep;
  return [new RegExp("^" + dist.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))];
}

/** The entry file: compiled JS when this module is compiled, the TypeScript source under tsx. */
function suiteEntry(): string {
  const file = compiled ? join(packageRoot(), "dist", "suites", "conformance.suite.js") : join(packageRoot(), "suites", "conformance.suite.ts");
  return relative(packageRoot(), file);
}

export async function runSuites(config: TargetConfig, options: { onTest?: (t: RawTest) => void; signal?: AbortSignal; cancelReason?: () => string } = {}): Promise<SuiteRunResult> {
  const { createVitest } = await preloadSuiteRunner();
  const adapter = new ConformanceAdapter({ onTest: options.onTest });
  // A request can take timeoutMs, be retried once, and be paced or backed off: leave room before vitest's own timeout.
  const testTimeout = Math.max(120_000, config.timeoutMs * 8);
  let cancelled: string | undefined;
  const cacheDir = mkdtempSync(join(tmpdir(), "tep-vite-"));
  const signalListenersBefore = new Map(STOP_SIGNALS.map((s) => [s, process.listeners(s)] as const));
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
      execArgv: WORKER_IGNORES_SIGINT,
      silent: true,
      server: { deps: { external: compiledModules() } },
    } as never,
    { cacheDir, logLevel: "silent", clearScreen: false },
    { stdout: devNull(), stderr: devNull() } as never,
  );
  // vitest's Logger adds SIGINT/SIGTERM listeners that exit the process a millisecond later (its own CLI's
  // behaviour). Here Ctrl-C belongs to the CLI (cli/main.ts): it must abort, clean up the footprint and write the
  // report (issue 7), so the listeners createVitest added are taken off again.
  for (const [signal, before] of signalListenersBefore) {
    for (const listener of process.listeners(signal)) if (!before.includes(listener)) process.off(signal, listener);
  }
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
