// Show: GET /api/v1/accounts/:account_id/temporary_enrollment_pairings/:id (PUB#method.temporary_enrollment_pairings_api.show,
// canvas-behavior.md §2): deleted pairings are shown too; unknown, non-numeric and other-root-account ids are 404.
import type { ApiResponse } from "../client/types.js";
import type { Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { differences, sameJson, shown } from "./pairings.js";
import { activePairing, deletedPairing, sharedShow, unknownShow } from "./shared.js";

// Not numeric and not the literal "new" (routes are case-sensitive, config/routes.rb).
const NON_NUMERIC_IDS: readonly string[] = ["abc", "NEW"];

const CANVAS_NOT_FOUND = "The specified resource does not exist.";

function expect404(t: Check, id: string, response: ApiResponse, what: string): void {
  t.status(id, t.see(response), 404, `404 for ${what}`);
}

export function registerShowTests(): void {
  requirementTest(["TEP-SHOW-001", "TEP-CREATE-013"], "show answers 200 with the pairing create returned", async (t) => {
    const active = await activePairing(t);
    const response = t.see(await sharedShow(active.id));
    for (const id of ["TEP-SHOW-001", "TEP-CREATE-013"]) {
      if (!t.status(id, response, 200, "200 with the pairing")) continue;
      const shownPairing = t.pairing(id, response);
      if (!shownPairing) continue;
      t.check(id, sameJson(shownPairing, active.pairing), { code: "different", expected: `pairing ${active.id} as create returned it`, actual: differences(shownPairing, active.pairing).join("; ") });
    }
  });

  requirementTest(["TEP-SHOW-002", "TEP-DEL-003"], 'show answers 200 with a deleted pairing, workflow_state "deleted"', async (t) => {
    const deleted = await deletedPairing(t);
    const response = t.see(await sharedShow(deleted.id));
    for (const id of ["TEP-SHOW-002", "TEP-DEL-003"]) {
      if (!t.status(id, response, 200, "200 with the deleted pairing")) continue;
      const pairing = t.pairing(id, response);
      if (!pairing) continue;
      t.check(id, pairing["id"] === deleted.pairing["id"], { code: "id", expected: `id ${shown(deleted.pairing["id"])}`, actual: `id ${shown(pairing["id"])}` });
      t.check(id, pairing["workflow_state"] === "deleted", { code: "workflow-state", expected: 'workflow_state "deleted"', actual: `workflow_state ${shown(pairing["workflow_state"])}` });
    }
  });

  requirementTest(["TEP-SHOW-003"], "show of a numeric id that names no pairing answers 404", async (t) => {
    expect404(t, "TEP-SHOW-003", await unknownShow(), "an unknown pairing");
  });

  for (const value of NON_NUMERIC_IDS) {
    requirementTest(["TEP-SHOW-004"], `show of the non-numeric id "${value}" answers 404`, async (t) => {
      expect404(t, "TEP-SHOW-004", await sharedShow(value), "a non-numeric id");
    });
  }

  requirementTest(["TEP-SHOW-005"], "show of a pairing of another root account answers 404", async (t) => {
    expect404(t, "TEP-SHOW-005", await sharedShow(t.config.foreignPairingId ?? ""), "a pairing of another root account");
  });

  requirementTest(["TEP-SHOW-006"], "a 404 for an unknown pairing carries Canvas's not-found body", async (t) => {
    const response = t.see(await unknownShow());
    if (response.status !== 404) return t.inconclusive(`show of an unknown pairing answered ${response.status}, not 404 (TEP-SHOW-003)`);
    const body = response.json as { errors?: Array<{ message?: unknown }> } | undefined;
    t.check("TEP-SHOW-006", body?.errors?.[0]?.message === CANVAS_NOT_FOUND, {
      code: "error-body",
      expected: `{"errors":[{"message":"${CANVAS_NOT_FOUND}"}]}`,
      actual: `404 with ${shown(response.json ?? response.text)}`,
    });
  });
}
