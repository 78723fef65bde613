// The client's refusal rules (issue 7, "Footprint and cleanup" and "--read-only"): the tool cannot delete what it
// did not create, writes only to the pairings API, and a read-only run sends GET (and HEAD) only. A refused request is never sent; it ends as
// InconclusiveError("guard") — the check could not be asked, it did not fail.
//
// One exception lets the suites prove "DELETE of an absent id → 404": an id that this client just saw answered 404
// by show (GET …/temporary_enrollment_pairings/:id) is a "probe id" for PROBE_WINDOW_MS. Deleting it cannot harm
// anything the server had a moment ago, and Canvas scopes show and destroy to the same domain root account
// (canvas-behavior.md §2), so a 404 on show means destroy finds nothing either.
import type { Journal } from "./journal.js";
import type { HttpMethod } from "./types.js";

export const PROBE_WINDOW_MS = 60_000;

// …/api/v1/accounts/:account_id/temporary_enrollment_pairings[/:id] below any base path prefix.
const PAIRINGS_PATH = /\/api\/v1\/accounts\/([^/]+)\/temporary_enrollment_pairings(?:\/([^/]+))?\/?$/;

export interface PairingTarget {
  readonly accountId: string;
  /** The id segment, decoded; undefined for the collection. */
  readonly id?: string;
}

/** What a URL addresses in the pairings API, or undefined when it is not a pairings URL. */
export function pairingTarget(url: URL): PairingTarget | undefined {
  const match = PAIRINGS_PATH.exec(url.pathname);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { accountId: decode(match[1]) } : { accountId: decode(match[1]), id: decode(match[2]) };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class WriteGuard {
  private readonly probes = new Map<string, number>();

  constructor(
    private readonly journal: Journal,
    private readonly baseUrl: string,
    private readonly readOnly: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Show answered 404 for this id: deleting it within the probe window is allowed. */
  noteAbsent(id: string): void {
    this.probes.set(id, this.now());
  }

  /** Why `method url` must not be sent, or undefined when it may. `what` names the request in the message. */
  refusal(method: HttpMethod, url: URL, what: string): string | undefined {
    if (method === "GET" || method === "HEAD") return undefined;
    if (this.readOnly) return `${what} not sent: the run is read-only (GET only)`;
    const target = pairingTarget(url);
    // The tool is pointed at production instances: it writes to the pairings API and nowhere else.
    if (!target) return `${what} not sent: only the temporary enrollment pairings API is written to`;
    if (method !== "DELETE") return undefined;
    if (target?.id === undefined) return `${what} not sent: DELETE is only sent to a pairing this tool created`;
    if (this.journal.has(target.id, this.baseUrl)) return undefined;
    const probedAt = this.probes.get(target.id);
    if (probedAt !== undefined && this.now() - probedAt <= PROBE_WINDOW_MS) return undefined;
    return `${what} not sent: pairing ${target.id} was not created by this tool (not in ${this.journal.path}) and was not shown absent (404) in the last ${PROBE_WINDOW_MS / 1000} s`;
  }
}
