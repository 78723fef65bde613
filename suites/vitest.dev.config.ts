// Development only: runs the conformance suites straight through vitest, without the CLI, against a server you
// started (e.g. `npx tsx cli/main.ts serve --port 0`). The CLI builds the same configuration in cli/run-suites.ts.
//   TEP_BASE_URL=http://127.0.0.1:PORT TEP_TOKEN=… [TEP_UNPRIVILEGED_TOKEN=…] [TEP_FOREIGN_ID=…] [TEP_PROFILE=documented]
//   [TEP_READ_ONLY=1] [TEP_ACCOUNT_ID=self] npx vitest run --config suites/vitest.dev.config.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import type { TargetConfig } from "../client/types.js";
import type { Operation } from "../spec/index.js";

const env = process.env;
const tep: TargetConfig = {
  baseUrl: env.TEP_BASE_URL ?? "http://127.0.0.1:0",
  token: env.TEP_TOKEN ?? "admin-token",
  accountId: env.TEP_ACCOUNT_ID ?? "self",
  profile: env.TEP_PROFILE === "documented" ? "documented" : "canvas",
  ...(env.TEP_UNPRIVILEGED_TOKEN ? { unprivilegedToken: env.TEP_UNPRIVILEGED_TOKEN } : {}),
  ...(env.TEP_FOREIGN_ID ? { foreignPairingId: env.TEP_FOREIGN_ID } : {}),
  readOnly: env.TEP_READ_ONLY === "1",
  strict: true,
  ...(env.TEP_ONLY ? { only: env.TEP_ONLY.split(",") as Operation[] } : {}),
  timeoutMs: Number(env.TEP_TIMEOUT_MS ?? 10_000),
  concurrency: 4,
  reportDir: env.TEP_REPORT_DIR ?? mkdtempSync(join(tmpdir(), "tep-dev-report-")),
  maxResponseBytes: 8 * 1024 * 1024,
  insecure: false,
  followRedirects: false,
};

export default defineConfig({
  test: {
    include: ["suites/conformance.suite.ts"],
    pool: "forks",
    maxWorkers: 1,
    isolate: false,
    sequence: { concurrent: true },
    maxConcurrency: 4,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    provide: { tep },
  },
});
