// The runner floor of `npm run bench` (issue 8): one trivial test, so a bare `vitest run` of this file measures
// vitest's own start-up, worker and shut-down cost and nothing of ours.
import { expect, test } from "vitest";

test("one plus one", () => {
  expect(1 + 1).toBe(2);
});
