// The one HTTP client of the worker: every test sends through it, so pacing, the footprint journal and request
// counting are shared by all suites (issue 4, "All suites run in one worker process").
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApiClient, type JournaledApiClient } from "../client/http-client.js";
import type { RequestStats } from "../client/types.js";
import { targetConfig } from "./config.js";

let client: JournaledApiClient | undefined;

export function runClient(): JournaledApiClient {
  client ??= createApiClient(targetConfig());
  return client;
}

/** Pairing ids this run created (from the journal, after the writes in flight have been answered). */
export async function createdByRun(): Promise<ReadonlySet<string>> {
  const c = runClient();
  await c.settleWrites();
  return new Set(c.journal.created());
}

/** The file in the report directory where the worker leaves its request statistics for the CLI. */
export const REQUESTS_FILE = ".tep-requests.json";

/**
 * Closes the client (if it was opened) and writes its RequestStats — `{count, throttled, cost, criticalPath}` — to
 * REQUESTS_FILE in the report directory, where the CLI reads them (issue 7 request counts, issue 8 critical path).
 */
export async function finishRunClient(): Promise<void> {
  const stats: RequestStats = client?.stats() ?? { count: 0, throttled: 0, cost: 0 };
  await client?.close();
  client = undefined;
  const dir = targetConfig().reportDir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, REQUESTS_FILE), JSON.stringify(stats) + "\n", "utf8");
}
