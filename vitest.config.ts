// The project's own tests (`npm test`): spec, fixtures, client, reporters, CLI and the self-validation runs.
// The conformance suites in suites/ are not run by this config; the CLI runs them (cli/run-suites.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Self-validation runs spawn the CLI (two processes each); three at once suits a 2-core machine.
    maxConcurrency: 3,
    reporters: ["default"],
  },
});
