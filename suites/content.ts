// Content negotiation (canvas-behavior.md §1, §4): JSON answers are labelled application/json; with Accept
// application/json+canvas-string-ids every id is sent as a string (application_controller.rb stringify_json_ids?).
import type { ApiResponse } from "../client/types.js";
import type { Need } from "../spec/index.js";
import { refusedAnswer } from "./auth.js";
import type { Check } from "./check.js";
import { requirementTest, SKIP_READ_ONLY } from "./harness.js";
import { idOf, idProblems, pairingOf, pairingsOf, shown, type Pairing } from "./pairings.js";
import { malformedCreate } from "./refusals.js";
import { activeCreate, DEFAULT_LIST, deletedFixture, samplePairingId, sharedNew, sharedShow, sharedWalk, unknownShow } from "./shared.js";
import { unknownAccountList } from "./accounts.js";

const STRING_IDS = { accept: "application/json+canvas-string-ids" } as const;
const digitString = (v: unknown) => v === null || (typeof v === "string" && /^\d+$/.test(v));

/** Answers whose Content-Type TEP-REP-006 judges, each shared with the test that asks the question. */
const CONTENT_CASES: ReadonlyArray<{ readonly label: string; readonly needs: readonly Need[]; readonly answer: (t: Check) => Promise<ApiResponse | undefined> }> = [
  { label: "the list", needs: [], answer: async () => (await sharedWalk(DEFAULT_LIST)).pages[0] },
  { label: "show", needs: [], answer: async (t) => { const id = await samplePairingId(); if (id === undefined) return t.skip(SKIP_READ_ONLY); return sharedShow(id); } },
  { label: "new", needs: [], answer: () => sharedNew() },
  { label: "create", needs: ["write"], answer: () => activeCreate() },
  { label: "delete", needs: ["write"], answer: async () => (await deletedFixture()).del },
  { label: "a 404 for an unknown pairing", needs: [], answer: () => unknownShow() },
  { label: "a 404 for an unknown account", needs: [], answer: () => unknownAccountList() },
  { label: "a 401 without credentials", needs: [], answer: (t) => refusedAnswer(t, "none", "list") },
  { label: "a 400 for a malformed JSON body", needs: ["write"], answer: async () => (await malformedCreate()).answer },
];

function settledValue<T>(settled: PromiseSettledResult<T>): T {
  if (settled.status === "rejected") throw settled.reason;
  return settled.value;
}

function expectStringIds(t: Check, pairing: Pairing, response: ApiResponse): boolean {
  const problems = idProblems(pairing, digitString);
  return t.check("TEP-REP-005", problems.length === 0, { code: "id-type", expected: "id and every non-null *_id as strings of digits", actual: `pairing ${shown(pairing["id"])}: ${problems.join(", ")}`, response });
}

export function registerContentTests(): void {
  requirementTest(["TEP-REP-005"], "with Accept application/json+canvas-string-ids, id and every *_id are digit strings", async (t) => {
    // The three requests do not depend on one another: sent together (issue 8, critical path), judged in order,
    // an answer that did not come ending the test where it is judged.
    const sampleShow = samplePairingId().then(async (sample) => (sample === undefined ? undefined : { sample, response: await sharedShow(sample, { headers: STRING_IDS }) }));
    const [newAnswer, showAnswer, walkAnswer] = await Promise.allSettled([sharedNew({ headers: STRING_IDS }), sampleShow, sharedWalk({ headers: STRING_IDS })]);
    const fresh = t.see(settledValue(newAnswer));
    if (t.status("TEP-REP-005", fresh, 200) && t.validate("TEP-REP-005", "newPairing", fresh, { stringIds: true })) {
      const pairing = pairingOf(fresh.json, t.profile);
      if (pairing) expectStringIds(t, pairing, fresh);
    }
    const shownSample = settledValue(showAnswer);
    if (shownSample) {
      const { sample } = shownSample;
      const shownAnswer = t.see(shownSample.response);
      if (t.status("TEP-REP-005", shownAnswer, 200) && t.validate("TEP-REP-005", "pairing", shownAnswer, { stringIds: true })) {
        const pairing = pairingOf(shownAnswer.json, t.profile);
        if (pairing && expectStringIds(t, pairing, shownAnswer)) {
          t.check("TEP-REP-005", idOf(pairing) === sample, { code: "id", expected: `id "${sample}"`, actual: `id ${shown(pairing["id"])}`, response: shownAnswer });
        }
      }
    }
    for (const page of settledValue(walkAnswer).pages) {
      if (!t.status("TEP-REP-005", page, 200) || !t.validate("TEP-REP-005", "pairingList", page, { stringIds: true })) break;
      if (!pairingsOf(page.json as unknown[], t.profile).every((p) => expectStringIds(t, p, page))) break;
    }
  });

  for (const { label, needs, answer } of CONTENT_CASES) {
    requirementTest(["TEP-REP-006"], `${label} is labelled Content-Type application/json`, async (t) => {
      const response = await answer(t);
      if (!response) return t.inconclusive(`no answer for ${label}`);
      t.see(response);
      if (response.json === undefined) return; // no JSON body to label
      const type = response.headers["content-type"];
      t.check("TEP-REP-006", type !== undefined && /^application\/json\s*(;|$)/i.test(type), { code: "content-type", expected: "Content-Type application/json", actual: type === undefined ? "no Content-Type" : `Content-Type ${type}`, response });
    }, { needs });
  }
}
