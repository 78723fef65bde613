// Runs the compiled CLI (dist/cli/main.js — the same code path users run) as a child process and reads its report.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConformanceRun } from "../../reporters/model.js";

export const CLI = join(import.meta.dirname, "..", "..", "dist", "cli", "main.js");

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly reportDir: string;
  readonly report?: ConformanceRun;
  readonly durationMs: number;
}

export interface CliRunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly reportDir?: string;
  readonly timeoutMs?: number;
  readonly cwd?: string;
  /** Called with the child once it started (to send signals). */
  readonly onSpawn?: (child: import("node:child_process").ChildProcess) => void;
}

export function freshReportDir(prefix = "tep-report-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `tep-conformance ARGS --report-dir DIR`; the report dir is fresh unless given. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const reportDir = options.reportDir ?? freshReportDir();
  const started = Date.now();
  const withDir = args[0] === "serve" || args[0] === "cleanup" || args.includes("--help") || args.includes("--version") || args.includes("--report-dir") ? [...args] : [...args, "--report-dir", reportDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...withDir], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NO_COLOR: "1", CANVAS_API_TOKEN: "", CANVAS_BASE_URL: "", CANVAS_UNPRIVILEGED_TOKEN: "", ...options.env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    options.onSpawn?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 180_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const file = join(reportDir, "report.json");
      const report = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ConformanceRun) : undefined;
      resolve({ code, signal, stdout, stderr, reportDir, durationMs: Date.now() - started, ...(report ? { report } : {}) });
    });
  });
}

/** Ids of requirements with the given status in a report. */
export function idsWithStatus(report: ConformanceRun | undefined, status: string): string[] {
  return (report?.requirements ?? []).filter((r) => r.status === status).map((r) => r.id);
}

/** A compact explanation of a report's problems, for assertion messages. */
export function explain(result: CliResult): string {
  const r = result.report;
  if (!r) return `exit ${result.code}, no report\nstdout: ${result.stdout.slice(-2000)}\nstderr: ${result.stderr.slice(-2000)}`;
  const bad = r.requirements.filter((q) => q.status === "failed" || q.status === "errored" || (q.status === "skipped" && !q.reason));
  return [`exit ${result.code}; ${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.errored} errored, ${r.summary.skipped} skipped`, ...r.warnings.map((w) => `warning: ${w}`), ...bad.map((q) => `${q.id} ${q.status}: ${q.tests.find((t) => t.status !== "passed")?.message ?? q.reason ?? ""}`.slice(0, 400)), result.stderr.slice(-800)].join("\n");
}
