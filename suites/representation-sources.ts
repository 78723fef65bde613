// The answers the representation checks look at, all shared with other tests (no request of their own): the
// create, show and delete of the run's pairings, new, and the lists.
import { isNoAnswer } from "../client/errors.js";
import type { ApiResponse } from "../client/types.js";
import type { Check } from "./check.js";
import { SKIP_READ_ONLY } from "./harness.js";
import { pairingOf, pairingsOf, type Pairing } from "./pairings.js";
import { activeCreate, DEFAULT_LIST, deletedFixture, INCLUDE_DELETED_LIST, samplePairingId, sharedNew, sharedShow, sharedWalk, writesAllowed } from "./shared.js";

export type SingleSource = "create" | "show" | "delete" | "new";

/** The answer of `source`; a test of a source the run cannot produce is skipped or errored. */
export async function singleAnswer(t: Check, source: SingleSource): Promise<ApiResponse> {
  let response: ApiResponse | undefined;
  if (source === "create") response = await activeCreate();
  else if (source === "delete") {
    const fixture = await deletedFixture();
    if (!fixture.del) return t.inconclusive(`could not create a pairing to delete: create answered ${fixture.create.status}`);
    response = fixture.del;
  } else if (source === "new") response = await sharedNew();
  else {
    const id = await samplePairingId();
    if (id === undefined) return t.skip(SKIP_READ_ONLY);
    response = await sharedShow(id);
  }
  t.see(response);
  const ok = source === "create" ? response.status >= 200 && response.status < 300 : response.status === 200;
  if (!ok) return t.inconclusive(`${source} answered ${response.status}, so its representation cannot be judged`);
  return response;
}

/** The value, or undefined when the server did not answer it (that request's own test fails; this one looks elsewhere). */
async function ifAnswered<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (isNoAnswer(error)) return undefined;
    throw error;
  }
}

/** Pairings from every shared answer available to this run, each with the answer it came in. */
export async function allPairings(t: Check): Promise<Array<{ pairing: Pairing; response: ApiResponse }>> {
  const out: Array<{ pairing: Pairing; response: ApiResponse }> = [];
  const sample = await ifAnswered(samplePairingId());
  const single = await Promise.all([
    ifAnswered(sharedNew()),
    sample === undefined ? undefined : ifAnswered(sharedShow(sample)),
    writesAllowed() ? ifAnswered(activeCreate()) : undefined,
    writesAllowed() ? ifAnswered(deletedFixture()).then((f) => f?.del) : undefined,
  ]);
  for (const response of single) {
    const pairing = response && response.status < 300 ? pairingOf(response.json, t.profile) : undefined;
    if (pairing && response) out.push({ pairing, response });
  }
  for (const walk of await Promise.all([ifAnswered(sharedWalk(DEFAULT_LIST)), ifAnswered(sharedWalk(INCLUDE_DELETED_LIST))])) {
    for (const page of walk?.pages ?? []) {
      if (Array.isArray(page.json)) for (const pairing of pairingsOf(page.json, t.profile)) out.push({ pairing, response: page });
    }
  }
  return out;
}
