// Accounts in the path (canvas-behavior.md §2, lib/api.rb api_find): "self" is the caller's domain root account,
// an account id that names no account is 404 on every operation, and the root account's numeric id addresses the
// same pairings as "self" (pairings always belong to the domain root account).
import type { ApiResponse } from "../client/types.js";
import type { Need } from "../spec/index.js";
import type { Check } from "./check.js";
import { requirementTest, SKIP_READ_ONLY } from "./harness.js";
import { expectListed, idSet, setDifference } from "./list-checks.js";
import { collectionPath, differences, itemPath, pairingOf, sameJson, shown, UNKNOWN_ACCOUNT_ID } from "./pairings.js";
import { answerOf, refusedCreates, refusedDeletes, refusedDeleteTarget } from "./refusals.js";
import { activeCreate, activePairing, DEFAULT_LIST, deletedFixture, listChangingDelete, memo, refusedShowId, samplePairingId, send, sharedNew, sharedShow, sharedWalk, stablePredicate, usableCreate, writesAllowed } from "./shared.js";

type AccountOperation = "list" | "show" | "new" | "create" | "delete";

const OPERATION_CASES: ReadonlyArray<{ readonly operation: AccountOperation; readonly needs: readonly Need[] }> = [
  { operation: "list", needs: [] },
  { operation: "show", needs: [] },
  { operation: "new", needs: [] },
  { operation: "create", needs: ["write"] },
  { operation: "delete", needs: ["write"] },
];

/** Create and delete of a pairing under "self": the shared fixtures when the run's account is "self" already. */
async function selfWrites(t: Check): Promise<{ create: ApiResponse; del?: ApiResponse }> {
  if (t.config.accountId === "self") {
    const deleted = await deletedFixture();
    return { create: await activeCreate(), ...(deleted.del ? { del: deleted.del } : {}) };
  }
  return memo("self-writes", async () => {
    const create = await send({ method: "POST", path: collectionPath("self"), body: { json: {} } });
    const id = usableCreate(t, create, 'a pairing under "self"').id;
    return { create, del: await listChangingDelete(() => send({ method: "DELETE", path: itemPath("self", id) })) };
  });
}

async function judgeSelf(t: Check, operation: AccountOperation): Promise<void> {
  const ID = "TEP-ACCT-001";
  if (operation === "list") {
    const pairings = t.listed(ID, await sharedWalk({ accountId: "self" }));
    if (writesAllowed()) expectListed(t, ID, pairings, (await activePairing(t)).id, "the run's pairing");
  } else if (operation === "show") {
    const id = await samplePairingId();
    if (id === undefined) return t.skip(SKIP_READ_ONLY);
    const response = t.see(await sharedShow(id, { accountId: "self" }));
    if (!t.status(ID, response, 200, `200 with pairing ${id}`)) return;
    const pairing = t.pairing(ID, response);
    if (pairing && writesAllowed()) {
      const own = await activePairing(t);
      t.check(ID, sameJson(pairing, own.pairing), { code: "different", expected: `pairing ${id} as created`, actual: differences(pairing, own.pairing).join("; "), response });
    }
  } else if (operation === "new") {
    const response = t.see(await sharedNew({ accountId: "self" }));
    if (t.status(ID, response, 200, "200 with an unsaved pairing")) t.pairing(ID, response, "newPairing");
  } else {
    const writes = await selfWrites(t);
    // Addressing is judged, not the answer's shape (TEP-CREATE-001, TEP-DEL-001 judge that).
    const response = operation === "create" ? writes.create : writes.del;
    if (!response) return t.inconclusive(`could not create a pairing to delete: create answered ${writes.create.status}`);
    t.see(response);
    t.status(ID, response, "2xx", `2xx for ${operation} on account "self"`);
  }
}

async function unknownAccountAnswer(t: Check, operation: AccountOperation): Promise<ApiResponse> {
  if (operation === "create") return t.see(answerOf((await refusedCreates()).answers.get("unknown-account")));
  if (operation === "delete") {
    const deletes = await refusedDeletes();
    refusedDeleteTarget(t, deletes);
    return t.see(answerOf(deletes.answers.get("unknown-account")));
  }
  if (operation === "list") return t.see(await unknownAccountList());
  if (operation === "new") return t.see(await sharedNew({ accountId: UNKNOWN_ACCOUNT_ID }));
  return t.see(await sharedShow(await refusedShowId(), { accountId: UNKNOWN_ACCOUNT_ID }));
}

/** GET list on an account that does not exist (also judged by TEP-ERR-002). */
export function unknownAccountList(): Promise<ApiResponse> {
  return memo("unknown-account-list", () => send({ method: "GET", path: collectionPath(UNKNOWN_ACCOUNT_ID) }));
}

/** The root account's numeric id: root_account_id of the run's pairing, or of new's unsaved one when read-only. */
async function rootAccountId(t: Check): Promise<string> {
  const response = writesAllowed() ? (await activePairing(t)).response : t.see(await sharedNew());
  const root = pairingOf(response.json, t.profile)?.["root_account_id"];
  if (!(typeof root === "number" && Number.isInteger(root)) && !(typeof root === "string" && /^\d+$/.test(root))) {
    return t.inconclusive(`no numeric root_account_id to address the account by (${shown(root)})`);
  }
  return String(root);
}

export function registerAccountTests(): void {
  for (const { operation, needs } of OPERATION_CASES) {
    requirementTest(["TEP-ACCT-001"], `account "self" addresses the domain root account on ${operation}`, (t) => judgeSelf(t, operation), { needs });
    requirementTest(["TEP-ACCT-002"], `an account id that names no account answers 404 on ${operation}`, async (t) => {
      t.status("TEP-ACCT-002", await unknownAccountAnswer(t, operation), 404, "404 for an unknown account");
    }, { needs });
  }

  requirementTest(["TEP-ACCT-003"], "the root account's numeric id addresses the same pairings as \"self\"", async (t) => {
    const root = await rootAccountId(t);
    // Show by the numeric id does not depend on the lists: sent with them, not after (issue 8, critical path).
    // rootAccountId has read the run's pairing already when writes are allowed.
    const own = writesAllowed() ? await activePairing(t) : undefined;
    const ownShow = own ? sharedShow(own.id, { accountId: root }) : undefined;
    ownShow?.catch(() => undefined); // awaited below; this only keeps it handled if the lists throw first
    const [plain, numeric] = await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk({ accountId: root })]);
    const stable = await stablePredicate();
    const diff = setDifference(idSet(t.listed("TEP-ACCT-003", plain), stable), idSet(t.listed("TEP-ACCT-003", numeric), stable));
    t.check("TEP-ACCT-003", diff === "", { code: "different-list", expected: `the same pairings on account ${root} as on ${t.config.accountId}`, actual: diff, response: numeric.pages[0] ?? null });
    if (!own || !ownShow) return;
    const response = t.see(await ownShow);
    if (!t.status("TEP-ACCT-003", response, 200, `200 with pairing ${own.id}`)) return;
    const pairing = t.pairing("TEP-ACCT-003", response);
    if (pairing) t.check("TEP-ACCT-003", sameJson(pairing, own.pairing), { code: "different", expected: `pairing ${own.id} as created`, actual: differences(pairing, own.pairing).join("; ") });
  });
}
