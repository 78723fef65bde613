// TEP-CREATE-015 (SHOULD): create records its creator (created_by: @current_user), the domain root account, and
// equal created_at and updated_at (one insert) — canvas-behavior.md §1–2.
import { requirementTest } from "./harness.js";
import { pairingOf, shown } from "./pairings.js";
import { activePairing, bornDeletedCreate, deletedFixture, sharedNew, usableId } from "./shared.js";

const ID = "TEP-CREATE-015";

export function registerCreateDetailTests(): void {
  requirementTest([ID], "a created pairing records its creator, its root account and equal created_at and updated_at", async (t) => {
    const active = await activePairing(t);
    const creator = active.pairing["created_by_id"];
    t.check(ID, Number.isInteger(creator), { code: "created-by", expected: "created_by_id of the caller (an integer)", actual: `created_by_id ${shown(creator)}` });
    t.check(ID, active.pairing["created_at"] === active.pairing["updated_at"], {
      code: "timestamps",
      expected: "created_at equal to updated_at on create",
      actual: `created_at ${shown(active.pairing["created_at"])}, updated_at ${shown(active.pairing["updated_at"])}`,
    });
    // The same caller created the other shared pairings: the same creator must be recorded.
    const settled = await Promise.allSettled([deletedFixture().then((f) => f.create), bornDeletedCreate()]);
    const others = settled.flatMap((s) => (s.status === "fulfilled" && usableId(s.value) !== undefined ? [s.value] : []));
    for (const response of others) {
      const other = pairingOf(response.json, t.profile)!;
      t.check(ID, other["created_by_id"] === creator, { code: "created-by", expected: `created_by_id ${shown(creator)}, as on the caller's other pairings`, actual: `created_by_id ${shown(other["created_by_id"])}`, response });
    }
    const root = active.pairing["root_account_id"];
    t.check(ID, Number.isInteger(root), { code: "root-account", expected: "root_account_id of the domain root account (an integer)", actual: `root_account_id ${shown(root)}`, response: active.response });
    const answer = await sharedNew();
    const newRoot = answer.status === 200 ? pairingOf(answer.json, t.profile)?.["root_account_id"] : undefined;
    if (Number.isInteger(newRoot)) {
      t.check(ID, root === newRoot, { code: "root-account", expected: `root_account_id ${shown(newRoot)}, as new reports for this account`, actual: `root_account_id ${shown(root)}`, response: active.response });
    }
  });
}
