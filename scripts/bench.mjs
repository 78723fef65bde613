#!/usr/bin/env node
// `npm run bench` (issue 8): the full conformance suite against the reference server with 0 ms and 50 ms of injected
// latency, through the compiled CLI as a child process (what a user runs), several runs each, medians of: wall time,
// request count, critical path (the longest chain of requests sent one after another, measured by the client from
// the suite's own structure: client/critical-path.ts, plus one step each for the CLI's preflight before the suites
// and its cleanup sweep after them; read from report.json) and efficiency = critical path × latency ÷ wall. It also
// times a bare `vitest run` of one trivial test file as the runner floor.
// Targets: (a) 50 ms: wall ≤ 2 × (critical path × 50 ms) + floor; (b) 0 ms: wall ≤ 2 × floor.
//
// Runs are interleaved (floor, 0 ms, 50 ms at each concurrency, then again) so that load from other processes on
// the machine falls on every configuration alike. Each run gets a fresh reference server, so no run sees another
// run's pairings. Env: BENCH_RUNS ("5,3": runs at 0 ms and at 50 ms; one number for both), BENCH_FLOOR_RUNS (5),
// BENCH_CONCURRENCY ("4,16,64": --concurrency values tried at 50 ms; the first should be the default, 4).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = join(ROOT, "dist", "cli", "main.js");
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");
const FLOOR_DIR = join(ROOT, "scripts", "bench");
const LATENCY = 50;

const [runsAt0, runsAt50] = parseRuns(process.env.BENCH_RUNS ?? "5,3");
const floorRuns = positiveInt(process.env.BENCH_FLOOR_RUNS ?? "5", "BENCH_FLOOR_RUNS");
const concurrencies = (process.env.BENCH_CONCURRENCY ?? "4,16,64").split(",").map((c) => positiveInt(c, "BENCH_CONCURRENCY"));

const { startReferenceServer } = await import(join(ROOT, "dist", "fixtures", "index.js"));

/** The configurations, each with its samples; the first 50 ms one uses the default concurrency. */
const configs = [
  { name: "0 ms", latencyMs: 0, concurrency: concurrencies[0], runs: runsAt0, samples: [] },
  ...concurrencies.map((concurrency) => ({ name: `50 ms c=${concurrency}`, latencyMs: LATENCY, concurrency, runs: runsAt50, samples: [] })),
];
const floorSamples = [];

const rounds = Math.max(floorRuns, ...configs.map((c) => c.runs));
for (let round = 1; round <= rounds; round++) {
  if (round <= floorRuns) floorSamples.push(await timeFloor());
  for (const config of configs) {
    if (round > config.runs) continue;
    const sample = await timeSuite(config);
    config.samples.push(sample);
    process.stderr.write(`bench: round ${round}/${rounds} ${config.name}: ${seconds(sample.wallMs)} s, ${sample.requests} requests, critical path ${sample.criticalPath ?? "?"}${sample.exitCode === 0 ? "" : ` (exit ${sample.exitCode})`}\n`);
  }
}

const floorMs = median(floorSamples);
const rows = configs.map((config) => summarize(config, floorMs));
printTable(rows, floorMs);

const [zero, ...fifties] = rows;
const best = fifties.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const fiftyFigures = fifties.map((r) => `c=${r.concurrency} ${seconds(r.wallMs)} s eff ${r.efficiency.toFixed(2)} ${verdict(r)}`).join(", ");
console.log(
  `bench summary: floor ${seconds(floorMs)} s · 0 ms: wall ${seconds(zero.wallMs)} s = ${(zero.wallMs / floorMs).toFixed(2)}× floor, ${zero.requests} requests, critical path ${zero.criticalPath}, target ≤ ${seconds(zero.limitMs)} s ${verdict(zero)}` +
    ` · 50 ms: ${best.requests} requests, critical path ${best.criticalPath}, target ≤ ${seconds(best.limitMs)} s: ${fiftyFigures}` +
    ` · targets: 0 ms ${zero.wallMs <= zero.limitMs ? "MET" : "MISSED"}, 50 ms ${fifties[0].wallMs <= fifties[0].limitMs ? "MET" : "MISSED"} at the default --concurrency ${fifties[0].concurrency}` +
    (best !== fifties[0] ? `, ${best.wallMs <= best.limitMs ? "MET" : "MISSED"} at --concurrency ${best.concurrency}` : "") +
    (rows.some((r) => r.failedRuns > 0) ? " · WARNING: some runs were not conformant, see above" : ""),
);

// ------------------------------------------------------------------------------------------------------- measuring

/** One bare `vitest run` of the trivial test file, as a child process: the runner's own floor. */
async function timeFloor() {
  const started = performance.now();
  const result = await run(process.execPath, [VITEST, "run", "--config", join(FLOOR_DIR, "vitest.config.mjs"), "--root", FLOOR_DIR], {});
  const wallMs = performance.now() - started;
  if (result.code !== 0) fail(`the runner floor (vitest run of scripts/bench/trivial.test.mjs) exited ${result.code}`, result);
  return wallMs;
}

/** One full-suite run through the compiled CLI against a fresh reference server with the given latency. */
async function timeSuite({ latencyMs, concurrency }) {
  const server = await startReferenceServer({ latencyMs });
  const reportDir = mkdtempSync(join(tmpdir(), "tep-bench-"));
  try {
    const args = [CLI, "--base-url", server.url, "--foreign-pairing-id", server.foreignPairingId, "--concurrency", String(concurrency), "--report-dir", reportDir, "--reporter", "json"];
    // The tokens go through the environment, never the command line (a process listing shows arguments).
    const env = { ...process.env, CANVAS_API_TOKEN: server.token, CANVAS_UNPRIVILEGED_TOKEN: server.unprivilegedToken, NO_COLOR: "1" };
    const started = performance.now();
    const result = await run(process.execPath, args, env);
    const wallMs = performance.now() - started;
    let report;
    try {
      report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8"));
    } catch {
      fail(`the CLI wrote no report.json (exit ${result.code})`, result);
    }
    if (report.exitCode === 3) fail(`the run could not complete: ${report.abortReason ?? "exit 3"}`, result);
    return { wallMs, exitCode: result.code, requests: report.requests.count, criticalPath: report.requests.criticalPath, runMs: report.durationMs, tests: report.summary };
  } finally {
    await server.close();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: Object.keys(env).length ? env : process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// ------------------------------------------------------------------------------------------------------- reporting

function summarize(config, floorMs) {
  const wallMs = median(config.samples.map((s) => s.wallMs));
  const requests = median(config.samples.map((s) => s.requests));
  const paths = config.samples.map((s) => s.criticalPath).filter((p) => typeof p === "number");
  if (paths.length === 0) fail("report.json has no requests.criticalPath: the suites do not pass the client's stats through yet");
  const criticalPath = median(paths);
  return {
    name: config.name,
    latencyMs: config.latencyMs,
    concurrency: config.concurrency,
    runs: config.samples.length,
    wallMs,
    runMs: median(config.samples.map((s) => s.runMs)),
    requests,
    criticalPath,
    efficiency: config.latencyMs === 0 ? 0 : (criticalPath * config.latencyMs) / wallMs,
    throughputBoundMs: (requests * config.latencyMs) / config.concurrency,
    limitMs: config.latencyMs === 0 ? 2 * floorMs : 2 * criticalPath * config.latencyMs + floorMs,
    failedRuns: config.samples.filter((s) => s.exitCode !== 0).length,
  };
}

function verdict(row) {
  return row.wallMs <= row.limitMs ? "met" : `missed by ${seconds(row.wallMs - row.limitMs)} s`;
}

function printTable(rows, floorMs) {
  const header = ["config", "runs", "wall s", "in-CLI s", "requests", "crit.path", "cp×lat s", "req×lat/c s", "efficiency", "÷ floor", "target s", "verdict"];
  const lines = rows.map((r) => [
    r.name,
    String(r.runs),
    seconds(r.wallMs),
    seconds(r.runMs),
    String(r.requests),
    String(r.criticalPath),
    seconds(r.criticalPath * r.latencyMs),
    seconds(r.throughputBoundMs),
    r.latencyMs === 0 ? "—" : r.efficiency.toFixed(2),
    (r.wallMs / floorMs).toFixed(2),
    seconds(r.limitMs),
    verdict(r),
  ]);
  lines.push(["runner floor", String(floorSamples.length), seconds(floorMs), "—", "—", "—", "—", "—", "—", "1.00", "—", "—"]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("wall: the CLI process from spawn to exit; in-CLI: report.json durationMs (after Node and module start-up).");
  console.log("requests and critical path: the whole run's — the preflight, the suites and the end-of-run cleanup sweep.");
  console.log("target: 2 × critical path × latency + floor at 50 ms, 2 × floor at 0 ms. req×lat/c: the throughput bound at");
  console.log("that --concurrency; where it exceeds the target, the target cannot be met at that concurrency.");
  for (const r of rows) if (r.failedRuns > 0) console.log(`WARNING: ${r.name}: ${r.failedRuns} run(s) were not conformant against the reference server`);
}

// ------------------------------------------------------------------------------------------------------- helpers

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}

function parseRuns(value) {
  const parts = value.split(",").map((p) => positiveInt(p, "BENCH_RUNS"));
  return [parts[0], parts[1] ?? parts[0]];
}

function positiveInt(value, name) {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || n > 100) fail(`${name} must be whole numbers from 1 to 100, not "${value}"`);
  return n;
}

function fail(message, result) {
  process.stderr.write(`bench: ${message}\n${result?.output ? `--- last output ---\n${result.output}\n` : ""}`);
  process.exit(1);
}
