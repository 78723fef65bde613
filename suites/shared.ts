// Shared fixtures (issue 8, "read-only checks share fixtures instead of creating their own pairings"): memoized
// promises, each made at most once per run, the first time a test asks for it. Tests that need particular data
// create their own pairings; everything here is created by the run and never changed after it is settled, so
// concurrent tests can all look at it. Lists are walked once per distinct request.
import { forkChain, inheritDepth } from "../client/critical-path.js";
import { isNoAnswer } from "../client/errors.js";
import type { ApiRequest, ApiResponse } from "../client/types.js";
import type { Check } from "./check.js";
import { createdByRun, runClient } from "./client.js";
import { targetConfig } from "./config.js";
import { walkList, type ListWalk } from "./paginate.js";
import { collectionPath, idOf, itemPath, pairingOf, pairingsOf, UNKNOWN_PAIRING_ID, type Pairing } from "./pairings.js";

const memos = new Map<string, Promise<unknown>>();

/**
 * Walks and the run's own deletes take turns. A pairing the run deletes leaves the default list and moves every
 * later pairing one place forward, so a walk of a server that paginates by offset (lib/api.rb, canvas-behavior.md
 * §4) that is in progress at that moment skips one, and a correct server would fail a membership or comparison
 * check. Tests start in any order, concurrently (issue 8), so timing cannot be relied on: a delete waits until the
 * walks in progress have ended, and walks wait while a delete is waiting or in flight. Waiting sends nothing.
 */
class ListGate {
  private walks = 0;
  private deletes = 0;
  private readonly waiters: Array<() => void> = [];

  async walk<T>(fn: () => Promise<T>): Promise<T> {
    await this.until(() => this.deletes === 0);
    this.walks += 1;
    try {
      return await fn();
    } finally {
      this.walks -= 1;
      this.wake();
    }
  }

  async delete<T>(fn: () => Promise<T>): Promise<T> {
    this.deletes += 1; // from now on, new walks wait
    try {
      await this.until(() => this.walks === 0);
      return await fn();
    } finally {
      this.deletes -= 1;
      this.wake();
    }
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

const listGate = new ListGate();

/** A DELETE of an active pairing of the run's own (it changes the lists): sent when no walk is in progress. */
export function listChangingDelete<T>(send: () => Promise<T>): Promise<T> {
  return listGate.delete(send);
}

/**
 * The promise made by `make` the first time `key` is asked for. Its requests are counted in a chain forked from the
 * first asker, and every asker continues from the depth it completed at (client/critical-path.ts, issue 8).
 */
export function memo<T>(key: string, make: () => Promise<T>): Promise<T> {
  let promise = memos.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = forkChain(make);
    // A rejection is seen by every test that awaits the memo; this only keeps an unawaited one from being "unhandled".
    promise.catch(() => undefined);
    memos.set(key, promise);
  }
  return inheritDepth(promise);
}

export function send(request: ApiRequest): Promise<ApiResponse> {
  return runClient().send(request);
}

export function writesAllowed(): boolean {
  return !targetConfig().readOnly;
}

const account = () => targetConfig().accountId;

// ------------------------------------------------------------------------------------------------ created fixtures

/** One active pairing, created without parameters (so it also shows create's defaults). */
export function activeCreate(): Promise<ApiResponse> {
  return memo("fixture:active", () => send({ method: "POST", path: collectionPath(account()), body: { json: {} } }));
}

/** One pairing created without parameters and then deleted. */
export function deletedFixture(): Promise<{ readonly create: ApiResponse; readonly del?: ApiResponse }> {
  return memo("fixture:deleted", async () => {
    const create = await send({ method: "POST", path: collectionPath(account()), body: { json: {} } });
    const id = usableId(create);
    if (id === undefined) return { create };
    return { create, del: await listChangingDelete(() => send({ method: "DELETE", path: itemPath(account(), id) })) };
  });
}

/** One pairing created already deleted, with workflow_state "deleted" (canvas-behavior.md §2, create). */
export function bornDeletedCreate(): Promise<ApiResponse> {
  return memo("fixture:born-deleted", () => send({ method: "POST", path: collectionPath(account()), body: { json: { workflow_state: "deleted" } } }));
}

/** The created pairing's id when create answered 2xx with a pairing of the profile's shape. */
export function usableId(response: ApiResponse): string | undefined {
  if (response.status < 200 || response.status >= 300) return undefined;
  return idOf(pairingOf(response.json, targetConfig().profile));
}

export interface Created {
  readonly response: ApiResponse;
  readonly pairing: Pairing;
  readonly id: string;
}

/** A created pairing a test builds on; the test is errored (could not check), not failed, when there is none. */
export function usableCreate(t: Check, response: ApiResponse, what: string): Created {
  t.see(response);
  const pairing = pairingOf(response.json, t.profile);
  const id = idOf(pairing);
  if (response.status < 200 || response.status >= 300 || !pairing || id === undefined) {
    return t.inconclusive(`could not create ${what} to check: create answered ${response.status}${pairing ? "" : ` without a pairing in the ${t.profile} representation`}`);
  }
  return { response, pairing, id };
}

/**
 * A shared answer a test builds on but does not judge: when the server did not answer it (timeout, reset), the
 * test could not check its own requirement and is errored; the test that judges that request fails.
 */
export async function precondition<T>(t: Check, pending: Promise<T>, what: string): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (isNoAnswer(error)) return t.inconclusive(`could not ${what}: ${error.message}`);
    throw error;
  }
}

export async function activePairing(t: Check): Promise<Created> {
  return usableCreate(t, await precondition(t, activeCreate(), "create a pairing"), "an active pairing");
}

export async function bornDeletedPairing(t: Check): Promise<Created> {
  return usableCreate(t, await precondition(t, bornDeletedCreate(), "create a pairing"), 'a pairing with workflow_state "deleted"');
}

/** The deleted fixture, with its DELETE answer; errored when the server would not delete it. */
export async function deletedPairing(t: Check): Promise<Created & { readonly del: ApiResponse }> {
  const fixture = await precondition(t, deletedFixture(), "create and delete a pairing");
  const created = usableCreate(t, fixture.create, "a pairing to delete");
  const del = fixture.del;
  if (!del || del.status < 200 || del.status >= 300) return t.inconclusive(`could not delete a pairing to check: delete answered ${del?.status ?? "nothing"}`);
  return { ...created, del };
}

/** Resolves once every shared fixture is in its final state (whatever the server answered). */
export function fixturesSettled(): Promise<void> {
  if (!writesAllowed()) return Promise.resolve();
  return memo("fixtures:settled", async () => {
    await Promise.allSettled([activeCreate(), deletedFixture(), bornDeletedCreate()]);
  });
}

/** Ids of the shared fixtures (never changed once settled). */
export async function fixtureIds(): Promise<Set<string>> {
  await fixturesSettled();
  if (!writesAllowed()) return new Set();
  const settled = await Promise.allSettled([activeCreate(), deletedFixture().then((f) => f.create), bornDeletedCreate()]);
  return new Set(settled.map((s) => (s.status === "fulfilled" ? usableId(s.value) : undefined)).filter((id): id is string => id !== undefined));
}

// ------------------------------------------------------------------------------------------------ lists, show, new

export interface ListRequest {
  readonly query?: ReadonlyArray<readonly [string, string]>;
  readonly accountId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A list walked now (not shared): for before/after snapshots. */
export function freshWalk(request: ListRequest = {}): Promise<ListWalk> {
  const config = targetConfig();
  return listGate.walk(() => walkList(send, { method: "GET", path: collectionPath(request.accountId ?? config.accountId), query: request.query ?? [], ...(request.headers ? { headers: request.headers } : {}) }, config.baseUrl));
}

/** A list walked once per distinct request, after the shared fixtures are settled. */
export function sharedWalk(request: ListRequest = {}): Promise<ListWalk> {
  const key = JSON.stringify(["list", request.accountId ?? account(), request.query ?? [], request.headers ?? {}]);
  return memo(key, async () => {
    await fixturesSettled();
    return freshWalk(request);
  });
}

export const DEFAULT_LIST: ListRequest = {};
export const INCLUDE_DELETED_LIST: ListRequest = { query: [["include_deleted", "true"]] };

/** Show of an id, once per distinct request. */
export function sharedShow(id: string, options: { accountId?: string; headers?: Readonly<Record<string, string>> } = {}): Promise<ApiResponse> {
  const accountId = options.accountId ?? account();
  return memo(JSON.stringify(["show", accountId, id, options.headers ?? {}]), () => send({ method: "GET", path: itemPath(accountId, id), ...(options.headers ? { headers: options.headers } : {}) }));
}

/** GET …/new, once per distinct request. */
export function sharedNew(options: { accountId?: string; headers?: Readonly<Record<string, string>> } = {}): Promise<ApiResponse> {
  const accountId = options.accountId ?? account();
  return memo(JSON.stringify(["new", accountId, options.headers ?? {}]), () => send({ method: "GET", path: `${collectionPath(accountId)}/new`, ...(options.headers ? { headers: options.headers } : {}) }));
}

/** Show of an id that names no pairing (also the probe that lets the client send DELETE of that id). */
export function unknownShow(): Promise<ApiResponse> {
  return sharedShow(UNKNOWN_PAIRING_ID);
}

/**
 * A pairing to look at: the run's active fixture when writes are allowed, else the first pairing of the default
 * list (a read-only run may find none).
 */
export function samplePairingId(): Promise<string | undefined> {
  return memo("sample-id", async () => {
    if (writesAllowed()) return usableId(await activeCreate());
    const walk = await sharedWalk(DEFAULT_LIST);
    return pairingsOf(walk.items, targetConfig().profile).map(idOf).find((id) => id !== undefined);
  });
}

/** The pairing id refused shows are sent for: a pairing that exists when there is one, so a leak would show. */
export function refusedShowId(): Promise<string> {
  return memo("refused-show-id", async () => (await samplePairingId()) ?? UNKNOWN_PAIRING_ID);
}

/** The user the run acts as, when known: created_by_id of the run's active fixture. */
export async function ourUserId(): Promise<unknown> {
  if (!writesAllowed()) return undefined;
  const pairing = pairingOf((await activeCreate()).json, targetConfig().profile);
  const id = pairing?.["created_by_id"];
  return id === null ? undefined : id;
}

/**
 * A predicate for pairings whose representation cannot change while the run compares two lists: everything the
 * run did not create (tests never touch it) and the settled fixtures. Pairings of concurrent tests are left out.
 */
export async function stablePredicate(): Promise<(id: string) => boolean> {
  const [created, fixtures] = await Promise.all([createdByRun(), fixtureIds()]);
  return (id) => !created.has(id) || fixtures.has(id);
}
