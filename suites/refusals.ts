// Requests the server must refuse, sent once and shared by the tests that judge them (auth, accounts, errors,
// robustness), with what is needed to prove that a refusal changed nothing (TEP-AUTH-006, TEP-ROB-002): a list
// before and after refused creates, and a pairing of the run's own that refused deletes must leave active.
import { isNoAnswer } from "../client/errors.js";
import type { ApiRequest, ApiResponse } from "../client/types.js";
import type { Check } from "./check.js";
import { createdByRun } from "./client.js";
import { targetConfig } from "./config.js";
import type { ListWalk } from "./paginate.js";
import { collectionPath, idOf, itemPath, pairingsOf, UNKNOWN_ACCOUNT_ID, type Pairing } from "./pairings.js";
import { freshWalk, memo, ourUserId, send, usableId } from "./shared.js";

export type Credentials = "none" | "invalid" | "unprivileged";

/** The include_deleted=true list: every pairing, for before-and-after comparisons. */
const ALL = { query: [["include_deleted", "true"]] as const };

/** A bearer value no server issued. */
export const INVALID_TOKEN = "tep-conformance-invalid-token";

export function authFor(credentials: Credentials): ApiRequest["auth"] {
  if (credentials === "none") return "none";
  if (credentials === "invalid") return { bearer: INVALID_TOKEN };
  return "unprivileged";
}

/** Who is refused: a credential kind, or the main token on an account that does not exist. */
export type Refused = Credentials | "unknown-account";

function refusedKinds(): Refused[] {
  return ["none", "invalid", ...(targetConfig().unprivilegedToken ? (["unprivileged"] as const) : []), "unknown-account"];
}

function refusedRequest(kind: Refused, base: Omit<ApiRequest, "path">, id?: string): ApiRequest {
  const accountId = kind === "unknown-account" ? UNKNOWN_ACCOUNT_ID : targetConfig().accountId;
  const path = id === undefined ? collectionPath(accountId) : itemPath(accountId, id);
  return { ...base, path, ...(kind === "unknown-account" ? {} : { auth: authFor(kind) }) };
}

/** A value, or the error that came instead (each test deals with its own). */
export type Settled<T> = { readonly value: T } | { readonly error: unknown };

export async function settle<T>(pending: Promise<T>): Promise<Settled<T>> {
  try {
    return { value: await pending };
  } catch (error) {
    return { error };
  }
}

/** The answer, or the error the client threw (each test rethrows its own). */
export type Outcome = { readonly response: ApiResponse } | { readonly error: unknown };

export function answerOf(outcome: Outcome | undefined): ApiResponse {
  if (!outcome) throw new Error("suite bug: no refused request of that kind was sent");
  if ("error" in outcome) throw outcome.error;
  return outcome.response;
}

async function outcomes(kinds: readonly Refused[], make: (kind: Refused) => ApiRequest): Promise<Map<Refused, Outcome>> {
  const settled = await Promise.allSettled(kinds.map((kind) => send(make(kind))));
  return new Map(kinds.map((kind, i) => {
    const s = settled[i]!;
    return [kind, s.status === "fulfilled" ? { response: s.value } : { error: s.reason as unknown }];
  }));
}

// A workflow_state no pairing has: Canvas stores workflow_state as given (canvas-behavior.md §2), so a create the
// server wrongly carried out is recognisable in the list whoever it was attributed to.
export const REFUSED_MARKER = "tep-conformance-refused-create";

export interface RefusedCreates {
  readonly before: Settled<ListWalk>;
  readonly answers: ReadonlyMap<Refused, Outcome>;
  readonly after: Settled<ListWalk>;
}

/** Creates without credentials, with an invalid token, without permission and on an unknown account. */
export function refusedCreates(): Promise<RefusedCreates> {
  return memo("refused-creates", async () => {
    const before = await settle(freshWalk(ALL));
    const answers = await outcomes(refusedKinds(), (kind) => refusedRequest(kind, { method: "POST", body: { json: { workflow_state: REFUSED_MARKER } } }));
    const after = await settle(freshWalk(ALL));
    return { before, answers, after };
  });
}

export interface RefusedDeletes {
  readonly target: ApiResponse;
  readonly answers: ReadonlyMap<Refused, Outcome>;
  /** Show of the target after the refused deletes. */
  readonly after?: ApiResponse;
}

/** Deletes of a pairing of the run's own, without credentials, with an invalid token, without permission, on an unknown account. */
export function refusedDeletes(): Promise<RefusedDeletes> {
  return memo("refused-deletes", async () => {
    const config = targetConfig();
    const target = await send({ method: "POST", path: collectionPath(config.accountId), body: { json: {} } });
    const id = usableId(target);
    if (id === undefined) return { target, answers: new Map() };
    const answers = await outcomes(refusedKinds(), (kind) => refusedRequest(kind, { method: "DELETE" }, id));
    const after = await send({ method: "GET", path: itemPath(config.accountId, id) });
    return { target, answers, after };
  });
}

/** The refused delete target, or errored when the server would not create it. */
export function refusedDeleteTarget(t: Check, deletes: RefusedDeletes): string {
  const id = usableId(t.see(deletes.target));
  if (id === undefined) return t.inconclusive(`could not create a pairing to send refused deletes to: create answered ${deletes.target.status}`);
  return id;
}

export interface MalformedCreate {
  readonly before: Settled<ListWalk>;
  readonly answer: ApiResponse;
  readonly after: Settled<ListWalk>;
}

/** A create whose JSON body does not parse (TEP-ROB-002, TEP-ROB-003). */
export function malformedCreate(): Promise<MalformedCreate> {
  return memo("malformed-create", async () => {
    const before = await settle(freshWalk(ALL));
    const answer = await send({ method: "POST", path: collectionPath(targetConfig().accountId), body: { raw: '{"ending_enrollment_state": "completed",', contentType: "application/json" } });
    const after = await settle(freshWalk(ALL));
    return { before, answer, after };
  });
}

/**
 * Pairings in `after` that were not in `before`, that the run did not create (after its writes in flight were
 * answered), and that the requests between can be blamed for: their workflow_state is `marker`, or their
 * created_by_id is ours, null or absent. A pairing another user made meanwhile on a real instance is not blamed.
 */
export async function appearedPairings(t: Check, beforeWalk: Settled<ListWalk>, afterWalk: Settled<ListWalk>, marker?: string): Promise<Pairing[]> {
  const walked = (s: Settled<ListWalk>): ListWalk => {
    if ("error" in s) {
      if (isNoAnswer(s.error)) return t.inconclusive(`could not list pairings to compare before and after: ${s.error.message}`);
      throw s.error;
    }
    const problem = s.value.problem;
    if (problem) return t.inconclusive(`could not list pairings to compare before and after: ${problem.actual}, expected ${problem.expected}`);
    return s.value;
  };
  const [before, after] = [walked(beforeWalk), walked(afterWalk)];
  const [created, ours] = await Promise.all([createdByRun(), ourUserId()]);
  const known = new Set(pairingsOf(before.items, t.profile).map(idOf));
  return pairingsOf(after.items, t.profile).filter((p) => {
    const id = idOf(p);
    if (id === undefined || known.has(id) || created.has(id)) return false;
    if (marker !== undefined && p["workflow_state"] === marker) return true;
    const creator = p["created_by_id"];
    return creator === undefined || creator === null || ours === undefined || creator === ours;
  });
}
