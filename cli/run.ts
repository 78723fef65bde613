// runConformance(): one conformance run from options to result model — start or reach the target, preflight it,
// run the suites, clean up what the run created, build verdicts, write reports. The CLI is a thin shell around it.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { preflight } from "../client/http-client.js";
import { curlFor } from "../client/curl.js";
import { redact, type Secrets } from "../client/redact.js";
import type { RequestStats, TargetConfig } from "../client/types.js";
import { toolVersion } from "../paths.js";
import { buildRun } from "../reporters/build-run.js";
import type { ConformanceRun } from "../reporters/model.js";
import { writeReports } from "../reporters/write.js";
import type { RawTest } from "../reporters/vitest-adapter.js";
import { loadCatalog } from "../spec/index.js";
import { compareIds, prepareJournal, sweepJournal } from "./cleanup.js";
import { DEFAULTS, REPORT_FORMATS, targetConfig, type ConformanceOptions } from "./options.js";
import { preloadSuiteRunner, runSuites } from "./run-suites.js";
import { startTarget, type StartedTarget } from "./target.js";

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceRun> {
  const startedAt = new Date();
  const notice = options.onNotice ?? (() => {});
  const reportDir = resolve(options.reportDir ?? DEFAULTS.reportDir);
  mkdirSync(reportDir, { recursive: true });
  const warnings: string[] = [];
  const profile = options.profile ?? DEFAULTS.profile;

  let target: StartedTarget | undefined;
  let abortReason: string | undefined;
  let tests: readonly RawTest[] = [];
  let config: TargetConfig | undefined;
  let footprint: ConformanceRun["footprint"] = { created: [], deleted: [], leftActive: [] };
  const requests: { count: number; throttled: number; cost: number; criticalPath?: number } = { count: 0, throttled: 0, cost: 0 };
  try {
    try {
      target = await startTarget(options, profile, notice);
    } catch (error) {
      abortReason = error instanceof Error ? error.message : String(error);
    }
    if (target) {
      config = targetConfig(options, target, reportDir);
      if (config.insecure) warnings.push("--insecure: TLS certificates were not verified");
      if (config.baseUrl.startsWith("http://") && !/^http:\/\/(127\.|localhost|\[::1\])/.test(config.baseUrl)) {
        warnings.push("the token was sent over plain http to a non-loopback host");
      }
      const { journal, previous } = prepareJournal(join(reportDir, "footprint.jsonl"));
      if (previous) {
        const line = `an earlier run left ${previous.active} active pairing(s) in ${previous.path}; finish it with tep-conformance cleanup --journal ${previous.path}`;
        warnings.push(line);
        notice(line);
      }
      // Unreachable or TLS failure ends the run within seconds (exit 3); a server that is reachable but slow
      // is tested, and its timeouts become failures of the requirements being checked (issue 7).
      void preloadSuiteRunner(); // loading vitest overlaps the preflight round trip (issue 8)
      const check = await preflight(config);
      // Its one GET (retries after throttling aside) comes before every suite request: one step of the critical path.
      addSequentialStep(requests, { count: 1, throttled: 0, cost: 0, criticalPath: 1 });
      if (!check.ok && check.code !== "timeout") abortReason = check.message;
      else {
        const runTimeout = new AbortController();
        const timer = setTimeout(() => runTimeout.abort(), options.runTimeoutMs ?? DEFAULTS.runTimeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, runTimeout.signal]) : runTimeout.signal;
        try {
          const result = await runSuites(config, {
            ...(options.onTest ? { onTest: options.onTest } : {}),
            signal,
            cancelReason: () => (runTimeout.signal.aborted ? `the run exceeded --run-timeout ${options.runTimeoutMs ?? DEFAULTS.runTimeoutMs} ms` : "the run was interrupted"),
          });
          tests = result.tests;
          if (result.cancelled) abortReason = result.cancelled;
          for (const e of result.unhandled) warnings.push(`unhandled error in the suite: ${e.name}: ${e.message.split("\n")[0]}`);
        } finally {
          clearTimeout(timer);
        }
        addSequentialStep(requests, readSuiteStats(reportDir));
      }
      const sweep = await sweepJournal(journal, config);
      // The sweep's deletes are sent together, after the suites: one more step when it sent any.
      addSequentialStep(requests, sweep.requests && { ...sweep.requests, criticalPath: Math.min(1, sweep.requests.count) });
      if (sweep.deleted.length) notice(`cleanup: deleted ${sweep.deleted.length} pairing(s) the run left active`);
      for (const f of sweep.failed) warnings.push(`cleanup could not delete pairing ${f.id}: ${f.reason}; run tep-conformance cleanup --journal ${journal.path}`);
      footprint = { created: [...journal.created()].sort(compareIds), deleted: [...journal.deleted()].sort(compareIds), leftActive: [...journal.active()].sort(compareIds) };
    }
  } finally {
    await target?.stop().catch((error: unknown) => warnings.push(`could not stop the target: ${String(error)}`));
  }

  const catalog = loadCatalog();
  const secrets = [
    { token: options.token, unprivilegedToken: options.unprivilegedToken },
    { token: config?.token, unprivilegedToken: config?.unprivilegedToken },
  ];
  const built = buildRun(tests, {
    catalog,
    tool: { name: "tep-conformance", version: toolVersion() },
    target: {
      baseUrl: target?.baseUrl ?? options.baseUrl ?? "",
      accountId: options.accountId ?? DEFAULTS.accountId,
      ...(target?.description ? { description: target.description } : {}),
      ...(target?.image ? { image: target.image } : {}),
    },
    profile,
    strict: options.strict ?? false,
    readOnly: options.readOnly ?? false,
    insecure: options.insecure ?? false,
    ...(options.only ? { only: options.only } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    ...(abortReason ? { abortReason } : {}),
    footprint,
    requests,
    warnings,
    curlFor: (e) => curlFor(e.request),
  });
  const run = redactDeep(built, secrets);
  const formats = (options.reporters ?? [...REPORT_FORMATS]).filter((f) => f !== "console");
  await writeReports(run, reportDir, formats);
  return run;
}

function readSuiteStats(reportDir: string): RequestStats | undefined {
  const file = join(reportDir, ".tep-requests.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as RequestStats;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Adds the requests of one stage of the run — preflight, suites, cleanup sweep — which run one after another, so
 * their critical paths add up: the run's is the preflight's step, the suites' longest chain and the sweep's step
 * (issue 8: the figure counts every request the run sends, not only the suites').
 */
function addSequentialStep(into: { count: number; throttled: number; cost: number; criticalPath?: number }, stats: RequestStats | undefined): void {
  if (!stats) return;
  into.count += stats.count;
  into.throttled += stats.throttled;
  into.cost += stats.cost;
  if (stats.criticalPath !== undefined) into.criticalPath = (into.criticalPath ?? 0) + stats.criticalPath;
}

/** Last line of defence: no string in the model may carry a token (the client already redacts evidence). */
function redactDeep<T>(value: T, secrets: readonly Secrets[]): T {
  if (typeof value === "string") return secrets.reduce((text, s) => redact(text, s), value as string) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  }
  return value;
}
