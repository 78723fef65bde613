// Delete: DELETE /api/v1/accounts/:account_id/temporary_enrollment_pairings/:id (PUB#method.temporary_enrollment_pairings_api.destroy,
// canvas-behavior.md §2): a soft delete answering 200 with the pairing in its deleted state; 404 for unknown ids.
// (Deleting twice, TEP-DEL-004, is the last step of the lifecycle scenario in lifecycle.ts.)
import { OLDER_RELEASE } from "./check.js";
import { requirementTest } from "./harness.js";
import { expectNotListed } from "./list-checks.js";
import { epochSecond, itemPath, pairingOf, shown, UNKNOWN_PAIRING_ID } from "./pairings.js";
import { DEFAULT_LIST, deletedFixture, deletedPairing, sharedWalk, unknownShow, usableCreate } from "./shared.js";

export function registerDeleteTests(): void {
  requirementTest(["TEP-DEL-001"], 'DELETE answers 200 with the pairing, workflow_state "deleted"', async (t) => {
    const fixture = await deletedFixture();
    const created = usableCreate(t, fixture.create, "a pairing to delete");
    const del = t.see(fixture.del!);
    // canvas-behavior.md §5: older releases answered 204 with no body.
    if (!t.status("TEP-DEL-001", del, 200, "200 with the pairing", del.status === 204 ? OLDER_RELEASE : undefined)) return;
    const pairing = t.pairing("TEP-DEL-001", del);
    if (!pairing) return;
    t.check("TEP-DEL-001", pairing["id"] === created.pairing["id"], { code: "id", expected: `the deleted pairing, id ${shown(created.pairing["id"])}`, actual: `id ${shown(pairing["id"])}` });
    t.check("TEP-DEL-001", pairing["workflow_state"] === "deleted", { code: "workflow-state", expected: 'workflow_state "deleted"', actual: `workflow_state ${shown(pairing["workflow_state"])}` });
  });

  requirementTest(["TEP-DEL-002"], "after DELETE the pairing is no longer in the default list", async (t) => {
    const deleted = await deletedPairing(t);
    expectNotListed(t, "TEP-DEL-002", t.listed("TEP-DEL-002", await sharedWalk(DEFAULT_LIST)), deleted.id, "deleted pairing");
  });

  requirementTest(["TEP-DEL-005"], "DELETE of a numeric id that names no pairing answers 404", async (t) => {
    // The client sends DELETE only to pairings the run created, or to an id show has just answered 404 for.
    const probe = t.see(await unknownShow());
    if (probe.status !== 404) return t.inconclusive(`show of pairing ${UNKNOWN_PAIRING_ID} answered ${probe.status}, so DELETE of it is not sent (only ids shown absent are)`);
    const response = await t.api({ method: "DELETE", path: itemPath(t.config.accountId, UNKNOWN_PAIRING_ID) });
    t.status("TEP-DEL-005", response, 404, "404 for an unknown pairing");
  });

  requirementTest(["TEP-DEL-006"], "DELETE records the deleting user in deleted_by_id and moves updated_at no earlier than created_at", async (t) => {
    const deleted = await deletedPairing(t);
    const pairing = pairingOf(deleted.del.json, t.profile);
    if (!pairing) return t.inconclusive(`delete answered ${deleted.del.status} without a pairing (TEP-DEL-001)`);
    t.see(deleted.del);
    // The run both created and deleted this pairing, so the deleter is the recorded creator.
    const creator = deleted.pairing["created_by_id"];
    t.check("TEP-DEL-006", Number.isInteger(pairing["deleted_by_id"]) && pairing["deleted_by_id"] === creator, {
      code: "deleted-by",
      expected: `deleted_by_id of the caller (${shown(creator)}, who also created it)`,
      actual: `deleted_by_id ${shown(pairing["deleted_by_id"])}`,
    });
    const created = epochSecond(pairing["created_at"]);
    const updated = epochSecond(pairing["updated_at"]);
    const updatedOnCreate = epochSecond(deleted.pairing["updated_at"]);
    t.check("TEP-DEL-006", created !== undefined && updated !== undefined && updated >= created && (updatedOnCreate === undefined || updated >= updatedOnCreate), {
      code: "updated-at",
      expected: "updated_at no earlier than created_at and than updated_at before the delete",
      actual: `created_at ${shown(pairing["created_at"])}, updated_at ${shown(pairing["updated_at"])} (was ${shown(deleted.pairing["updated_at"])})`,
    });
  });
}
