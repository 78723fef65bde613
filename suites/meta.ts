// What a conformance test hands to the reporter adapter through vitest's task meta (serialised from the worker).
// The adapter (reporters/vitest-adapter.ts) turns it into per-requirement verdicts:
//   - test passed                                   → every applicable id in the title passed
//   - test skipped with ctx.skip(reason)            → every id skipped, with the reason
//   - test failed, thrown error named InconclusiveError → every id errored (we could not ask; style.md §4)
//   - test failed with findings                     → ids with a finding failed; the other ids passed if
//                                                     `completed` is true, else failed with the thrown message
//   - test failed otherwise (assertion, NoAnswerError) → every id failed with the thrown message
import type { Evidence, Finding } from "../reporters/model.js";

export interface TepTaskMeta {
  /** Soft-check failures recorded during the test, in order. */
  findings: Finding[];
  /** Evidence for each finding, same index (may be undefined when the finding is not about one exchange). */
  findingEvidence: Array<Evidence | null>;
  /** The last exchange the test made, for failures without a finding. */
  lastEvidence?: Evidence;
  /** The test body ran to its end (failures are only soft findings). */
  completed: boolean;
}

// vitest re-exports TaskMeta from @vitest/runner; the reporter API (TestCase.meta()) reads the runner's type.
declare module "@vitest/runner" {
  interface TaskMeta {
    tep?: TepTaskMeta;
  }
}

/** Titles start with one or more bracketed requirement ids: "[TEP-DEL-002] DELETE keeps …" or "[TEP-LIST-002][TEP-LIST-008] …". */
export const TITLE_IDS = /^((?:\[TEP-[A-Z]+-\d{3}\])+)\s/;

export function idsOfTitle(title: string): string[] {
  const m = TITLE_IDS.exec(title);
  return m?.[1] ? [...m[1].matchAll(/TEP-[A-Z]+-\d{3}/g)].map((x) => x[0]) : [];
}

/** The name every "we could not ask" error carries, so the adapter can tell errored from failed across processes. */
export const INCONCLUSIVE_ERROR_NAME = "InconclusiveError";
/** The name of "the reachable server did not answer" errors (timeout, reset, flood): a failure (issue 7). */
export const NO_ANSWER_ERROR_NAME = "NoAnswerError";
