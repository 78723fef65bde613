// The one vitest entry file of the conformance run (issue 4): every area registers its tests here, so all of them
// run concurrently in one worker and share one HTTP client — its pacing, its footprint journal, its request count.
// The CLI runs it through cli/run-suites.ts with the target configuration provided as `tep`.
//
// Start order (issue 8): the tests are registered at the top level, without describe blocks (vitest would run at
// most --concurrency blocks at once and start a block's tests only when an earlier block ended), and vitest starts
// them in the order they are registered, at most --concurrency at a time. So the scenarios that take several
// sequential round trips of their own come first — started late, they would be the run's tail — then the areas
// whose tests send requests of their own, and last the tests that only judge answers other tests asked for, which
// by the time they start are mostly in.
import { afterAll } from "vitest";
import { registerAccountTests } from "./accounts.js";
import { registerAuthTests, registerRefusedWritesTest } from "./auth.js";
import { finishRunClient } from "./client.js";
import { registerCreateTests } from "./create.js";
import { registerDeleteTests } from "./delete.js";
import { registerErrorTests } from "./errors.js";
import { registerLifecycleTest } from "./lifecycle.js";
import { registerListOrderTest } from "./list-order.js";
import { registerListTests } from "./list.js";
import { registerNewPersistenceTest, registerNewTests } from "./new.js";
import { registerRepresentationTests } from "./representation.js";
import { registerRobustnessTests } from "./robustness.js";
import { registerShowTests } from "./show.js";

// Chains of their own: create → read → delete → read; list → refused writes → list (and create → refused
// deletes → show); list → new → list; create → create in a later second → list.
registerLifecycleTest();
registerRefusedWritesTest();
registerNewPersistenceTest();
registerListOrderTest();
// Areas whose tests mostly send requests of their own.
registerRobustnessTests();
registerCreateTests();
registerAuthTests();
registerAccountTests();
registerListTests();
registerShowTests();
registerDeleteTests();
registerNewTests();
// Judges of shared answers only.
registerRepresentationTests();
registerErrorTests();

afterAll(async () => {
  await finishRunClient();
});
