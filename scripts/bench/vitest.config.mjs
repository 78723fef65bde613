// The runner floor's vitest config (scripts/bench.mjs): only the trivial test, in a forks worker like the suites.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["trivial.test.mjs"],
    pool: "forks",
    reporters: ["dot"],
    watch: false,
  },
});
