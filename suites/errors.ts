// Error bodies (canvas-behavior.md §3): every 4xx carries {"errors":[{"message":…}]}; an unknown account is Canvas's
// not-found body. The answers are the ones other tests provoke (shared, no request of their own).
import type { ApiResponse } from "../client/types.js";
import type { Need } from "../spec/index.js";
import { unknownAccountList } from "./accounts.js";
import { refusedAnswer } from "./auth.js";
import type { Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { shown } from "./pairings.js";
import { malformedCreate } from "./refusals.js";
import { sharedShow, unknownShow } from "./shared.js";

const ERROR_CASES: ReadonlyArray<{ readonly label: string; readonly needs: readonly Need[]; readonly answer: (t: Check) => Promise<ApiResponse> }> = [
  { label: "a 404 for an unknown pairing", needs: [], answer: () => unknownShow() },
  { label: "a 404 for a non-numeric pairing id", needs: [], answer: () => sharedShow("abc") },
  { label: "a 404 for an unknown account", needs: [], answer: () => unknownAccountList() },
  { label: "a 401 without credentials", needs: [], answer: (t) => refusedAnswer(t, "none", "list") },
  { label: "a 401 for an invalid token", needs: [], answer: (t) => refusedAnswer(t, "invalid", "list") },
  { label: "a 401 or 403 for a user without the permission", needs: ["unprivileged-token"], answer: (t) => refusedAnswer(t, "unprivileged", "list") },
  { label: "a 400 for a malformed JSON body", needs: ["write"], answer: async () => (await malformedCreate()).answer },
];

const NOT_FOUND = "The specified resource does not exist.";

export function registerErrorTests(): void {
  for (const { label, needs, answer } of ERROR_CASES) {
    requirementTest(["TEP-ERR-001"], `${label} carries an errors array of messages`, async (t) => {
      const response = t.see(await answer(t));
      // Only error answers are judged; a wrong status is the failure of the test that asked for the error.
      if (response.status < 400 || response.status >= 500) return;
      t.validate("TEP-ERR-001", "errors", response);
    }, { needs });
  }

  requirementTest(["TEP-ERR-002"], "an unknown account answers 404 with Canvas's not-found body", async (t) => {
    const response = t.see(await unknownAccountList());
    if (!t.status("TEP-ERR-002", response, 404, "404 with Canvas's not-found body")) return;
    const message = (response.json as { errors?: Array<{ message?: unknown }> } | undefined)?.errors?.[0]?.message;
    t.check("TEP-ERR-002", message === NOT_FOUND, { code: "error-body", expected: `{"errors":[{"message":"${NOT_FOUND}"}]}`, actual: `404 with ${shown(response.json ?? response.text)}` });
  });
}
