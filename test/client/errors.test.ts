// The reporter adapter recognises client errors by name across the worker boundary (suites/meta.ts), so the names
// are part of the contract; and the create-answer parser must find ids in both representations.
import { describe, expect, it } from "vitest";
import { InconclusiveError, isInconclusive, isNoAnswer, NoAnswerError } from "../../client/errors.js";
import { createdPairing } from "../../client/http-client.js";
import { INCONCLUSIVE_ERROR_NAME, NO_ANSWER_ERROR_NAME } from "../../suites/meta.js";

describe("client errors", () => {
  it("carry the names the reporter adapter looks for, and their code", () => {
    const inconclusive = new InconclusiveError("throttled", "GET /x was throttled");
    const noAnswer = new NoAnswerError("timeout", "GET /x did not answer within 10 ms");
    expect([inconclusive.name, inconclusive.code]).toEqual([INCONCLUSIVE_ERROR_NAME, "throttled"]);
    expect([noAnswer.name, noAnswer.code]).toEqual([NO_ANSWER_ERROR_NAME, "timeout"]);
    expect(inconclusive).toBeInstanceOf(Error);
  });

  it("are recognised by name when a process boundary lost their class (vitest serialises name and message)", () => {
    const revived = Object.assign(new Error("GET /x was reset"), { name: NO_ANSWER_ERROR_NAME });
    expect(revived).not.toBeInstanceOf(NoAnswerError);
    expect(isNoAnswer(revived)).toBe(true);
    expect(isInconclusive(revived)).toBe(false);
  });
});

describe("createdPairing", () => {
  const cases: Array<{ given: unknown; want: ReturnType<typeof createdPairing> }> = [
    { given: { temporary_enrollment_pairing: { id: 7, workflow_state: "active" } }, want: { id: "7", workflowState: "active" } },
    { given: { id: "7", workflow_state: "deleted" }, want: { id: "7", workflowState: "deleted" } },
    { given: { id: 8 }, want: { id: "8" } },
    { given: { temporary_enrollment_pairing: { id: null } }, want: undefined },
    { given: [{ id: 1 }], want: undefined },
    { given: { id: "" }, want: undefined },
    { given: "7", want: undefined },
  ];
  for (const { given, want } of cases) {
    it(`${JSON.stringify(given)} → ${JSON.stringify(want)}`, () => expect(createdPairing(given)).toEqual(want));
  }
});
