// The one vitest entry file of the conformance run (issue 4): every area registers its tests here, so all of them
// run concurrently in one worker and share one HTTP client — its pacing, its footprint journal, its request count.
// The CLI runs it through cli/run-suites.ts with the target configuration provided as `tep`.
import { afterAll } from "vitest";
import { registerAccountTests } from "./accounts.js";
import { registerAuthTests } from "./auth.js";
import { finishRunClient } from "./client.js";
import { registerCreateTests } from "./create.js";
import { registerDeleteTests } from "./delete.js";
import { registerErrorTests } from "./errors.js";
import { registerListTests } from "./list.js";
import { registerNewTests } from "./new.js";
import { registerRepresentationTests } from "./representation.js";
import { registerRobustnessTests } from "./robustness.js";
import { registerShowTests } from "./show.js";

registerListTests();
registerShowTests();
registerNewTests();
registerCreateTests();
registerDeleteTests();
registerAuthTests();
registerAccountTests();
registerRepresentationTests();
registerErrorTests();
registerRobustnessTests();

afterAll(async () => {
  await finishRunClient();
});
