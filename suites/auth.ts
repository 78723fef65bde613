// Authentication and permission (canvas-behavior.md §3): every operation answers 401 without credentials or with an
// invalid token (WWW-Authenticate: Bearer, Canvas's JSON bodies), 401/403 — current Canvas 403 — to a user without
// the temporary enrollment permissions, and a refused write changes nothing.
import type { ApiResponse } from "../client/types.js";
import type { Need } from "../spec/index.js";
import { OLDER_RELEASE, type Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { collectionPath, differences, idOf, itemPath, pairingOf, sameJson, shown } from "./pairings.js";
import { answerOf, appearedPairings, authFor, refusedCreates, refusedDeletes, refusedDeleteTarget, REFUSED_MARKER, type Credentials } from "./refusals.js";
import { memo, refusedShowId, send } from "./shared.js";
import { targetConfig } from "./config.js";

type AuthOperation = "list" | "show" | "new" | "create" | "delete";

/** The answer to `operation` sent with `credentials`; writes come from the shared refused requests (refusals.ts). */
export async function refusedAnswer(t: Check, credentials: Credentials, operation: AuthOperation): Promise<ApiResponse> {
  const accountId = targetConfig().accountId;
  if (operation === "create") return t.see(answerOf((await refusedCreates()).answers.get(credentials)));
  if (operation === "delete") {
    const deletes = await refusedDeletes();
    refusedDeleteTarget(t, deletes);
    return t.see(answerOf(deletes.answers.get(credentials)));
  }
  const path = operation === "list" ? collectionPath(accountId) : operation === "new" ? `${collectionPath(accountId)}/new` : itemPath(accountId, await refusedShowId());
  return t.see(await memo(JSON.stringify(["auth", credentials, operation]), () => send({ method: "GET", path, auth: authFor(credentials) })));
}

// Typed case tables next to their loops (style.md §8).
const CREDENTIAL_CASES: ReadonlyArray<{ readonly credentials: Credentials; readonly ids: readonly string[]; readonly label: string; readonly expects: string }> = [
  { credentials: "none", ids: ["TEP-AUTH-001", "TEP-AUTH-002", "TEP-AUTH-007"], label: "without credentials", expects: "401" },
  { credentials: "invalid", ids: ["TEP-AUTH-003", "TEP-AUTH-002", "TEP-AUTH-007"], label: "with an invalid token", expects: "401" },
  { credentials: "unprivileged", ids: ["TEP-AUTH-004", "TEP-AUTH-005"], label: "with a token lacking the permission", expects: "401 or 403" },
];

const OPERATION_CASES: ReadonlyArray<{ readonly operation: AuthOperation; readonly needs: readonly Need[] }> = [
  { operation: "list", needs: [] },
  { operation: "show", needs: [] },
  { operation: "new", needs: [] },
  { operation: "create", needs: ["write"] },
  { operation: "delete", needs: ["write"] },
];

// canvas-behavior.md §3.
const UNAUTHENTICATED_MESSAGE = "user authorization required";
const INVALID_TOKEN_MESSAGE = "Invalid access token.";
const UNAUTHORIZED_MESSAGE = "user not authorized to perform that action";

function firstMessage(response: ApiResponse): unknown {
  return (response.json as { errors?: Array<{ message?: unknown }> } | undefined)?.errors?.[0]?.message;
}

/** Without or with invalid credentials: 401, WWW-Authenticate Bearer, Canvas's body. */
function judgeUnauthenticated(t: Check, credentials: Credentials, ids: readonly string[], response: ApiResponse): void {
  if (!t.status(ids[0]!, response, 401)) return;
  const challenge = response.headers["www-authenticate"];
  t.check("TEP-AUTH-002", challenge !== undefined && /\bbearer\b/i.test(challenge), { code: "www-authenticate", expected: 'a WWW-Authenticate header naming Bearer (Bearer realm="canvas-lms")', actual: challenge === undefined ? "401 without WWW-Authenticate" : `WWW-Authenticate: ${challenge}` });
  const body = response.json as { status?: unknown } | undefined;
  if (credentials === "none") {
    t.check("TEP-AUTH-007", body?.status === "unauthenticated" && firstMessage(response) === UNAUTHENTICATED_MESSAGE, { code: "error-body", expected: `{"status":"unauthenticated","errors":[{"message":"${UNAUTHENTICATED_MESSAGE}"}]}`, actual: `401 with ${shown(response.json ?? response.text)}` });
  } else {
    t.check("TEP-AUTH-007", firstMessage(response) === INVALID_TOKEN_MESSAGE, { code: "error-body", expected: `{"errors":[{"message":"${INVALID_TOKEN_MESSAGE}"}]}`, actual: `401 with ${shown(response.json ?? response.text)}` });
  }
}

/** A signed-in user without the permission: 401 or 403, never 2xx; current Canvas 403 with its body. */
function judgeUnauthorized(t: Check, response: ApiResponse): void {
  t.status("TEP-AUTH-004", response, [401, 403], "401 or 403 (no permission)");
  if (!t.status("TEP-AUTH-005", response, 403, "403", response.status === 401 ? OLDER_RELEASE : undefined)) return;
  const body = response.json as { status?: unknown } | undefined;
  t.check("TEP-AUTH-005", body?.status === "unauthorized" && firstMessage(response) === UNAUTHORIZED_MESSAGE, { code: "error-body", expected: `{"status":"unauthorized","errors":[{"message":"${UNAUTHORIZED_MESSAGE}"}]}`, actual: `403 with ${shown(response.json ?? response.text)}` });
}

export function registerAuthTests(): void {
  for (const { credentials, ids, label, expects } of CREDENTIAL_CASES) {
    for (const { operation, needs } of OPERATION_CASES) {
      requirementTest(ids, `${operation} ${label} answers ${expects}`, async (t) => {
        const response = await refusedAnswer(t, credentials, operation);
        if (credentials === "unprivileged") judgeUnauthorized(t, response);
        else judgeUnauthenticated(t, credentials, ids, response);
      }, { needs });
    }
  }

  requirementTest(["TEP-AUTH-008"], "the token is also accepted as an access_token query parameter", async (t) => {
    const response = await t.api({ method: "GET", path: collectionPath(t.config.accountId), query: [["access_token", t.config.token]], auth: "none" });
    if (t.status("TEP-AUTH-008", response, 200, "200 with the list")) t.validate("TEP-AUTH-008", "pairingList", response);
  });
}

/**
 * TEP-AUTH-006: the first to ask for the refused creates and deletes (refusals.ts), three sequential round trips
 * each, so the entry file registers it among the first (issue 8).
 */
export function registerRefusedWritesTest(): void {
  requirementTest(["TEP-AUTH-006"], "refused creates and deletes change nothing", async (t) => {
    const [creates, deletes] = await Promise.all([refusedCreates(), refusedDeletes()]);
    const targetId = refusedDeleteTarget(t, deletes);
    const before = pairingOf(deletes.target.json, t.profile)!;
    const after = t.see(deletes.after!);
    // Only refusals are judged here: a delete the server carried out (2xx) is the failure of its auth or account
    // test, and explains the change by itself.
    const carriedOut = [...deletes.answers.values()].some((o) => "response" in o && o.response.status >= 200 && o.response.status < 300);
    if (!carriedOut && t.status("TEP-AUTH-006", after, 200, `200 with pairing ${targetId} after refused deletes`)) {
      const now = t.pairing("TEP-AUTH-006", after);
      if (now) t.check("TEP-AUTH-006", sameJson(now, before), { code: "changed", expected: `pairing ${targetId} unchanged by refused deletes`, actual: differences(now, before).join("; ") });
    }
    const appeared = await appearedPairings(t, creates.before, creates.after, REFUSED_MARKER);
    t.check("TEP-AUTH-006", appeared.length === 0, {
      code: "created",
      expected: "no pairing created by refused creates",
      actual: `${appeared.length} appeared (${appeared.slice(0, 3).map((p) => `id ${idOf(p)} workflow_state ${shown(p["workflow_state"])}`).join(", ")})`,
      response: null,
    });
  });
}
