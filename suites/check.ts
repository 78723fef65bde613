// The check object a conformance test body receives (harness.ts): it sends through the shared client, remembers the
// last exchange as evidence, and records findings as data with a message built from that data (style.md §7):
//   DELETE /…/42 → 204, expected 200 with the pairing (TEP-DEL-001)
import type { ApiRequest, ApiResponse, TargetConfig } from "../client/types.js";
import type { Evidence, Finding } from "../reporters/model.js";
import { validatorFor, type Profile, type SchemaKind } from "../spec/index.js";
import { runClient } from "./client.js";
import { INCONCLUSIVE_ERROR_NAME, type TepTaskMeta } from "./meta.js";
import type { ListWalk } from "./paginate.js";
import { pairingOf, pairingsOf, shown, type Pairing } from "./pairings.js";

export interface FindingData {
  readonly code: string;
  readonly expected: string;
  readonly actual: string;
  /** The exchange the finding is about; default the test's last exchange; null when it is about no one exchange. */
  readonly response?: ApiResponse | null;
  /** Evidence of an exchange that got no answer (timeout, reset); used instead of `response`. */
  readonly evidence?: Evidence;
  /** Appended to the message, e.g. "this looks like an older Canvas release" (canvas-behavior.md §5). */
  readonly hint?: string;
}

/** A status, a class of statuses, or a set of statuses. */
export type StatusWant = number | "2xx" | "4xx" | readonly number[];

/** Thrown at the end of a test body that recorded findings, or by a failed `require…`. */
export class FindingsError extends Error {
  constructor(findings: readonly Finding[]) {
    super(findings.map((f) => f.message).join("\n"));
    this.name = "ConformanceFinding";
  }
}

/** "We could not check": the adapter reports every id of the test errored, not failed (style.md §4). */
export class PreconditionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = INCONCLUSIVE_ERROR_NAME;
  }
}

// The canvas schemas also pattern-check timestamp precision, which the catalog makes a SHOULD of its own
// (TEP-REP-007). Left in, a fractional second would fail every MUST that validates a pairing and turn that SHOULD
// into a MUST (style.md §3: levels are reported separately); so only TEP-REP-007 judges it.
const TIMESTAMP_REQUIREMENT = "TEP-REP-007";
const TIMESTAMP_PRECISION_PROBLEM = /\/(created_at|updated_at) must match pattern/;

export const OLDER_RELEASE = "this looks like an older Canvas release";

/** "GET /…/42?include_deleted=yes": the request of an exchange, short enough for a message. */
export function requestLine(evidence: Evidence | undefined, configAccount: string): string {
  if (!evidence) return "";
  let url: URL;
  try {
    url = new URL(evidence.request.url);
  } catch {
    return `${evidence.request.method} ${evidence.request.url}`;
  }
  const match = /\/api\/v1\/accounts\/([^/]+)\/temporary_enrollment_pairings(\/.*)?$/.exec(url.pathname);
  let path = url.pathname;
  if (match) {
    const account = decodeURIComponent(match[1] ?? "");
    const rest = match[2] ?? "";
    path = account === configAccount ? (rest ? `/…${rest}` : "/…/temporary_enrollment_pairings") : `/…/accounts/${match[1]}/temporary_enrollment_pairings${rest}`;
  }
  return `${evidence.request.method} ${path}${url.search}`;
}

export function statusMatches(status: number, want: StatusWant): boolean {
  if (want === "2xx") return status >= 200 && status < 300;
  if (want === "4xx") return status >= 400 && status < 500;
  if (typeof want === "number") return status === want;
  return want.includes(status);
}

function statusText(want: StatusWant): string {
  if (typeof want === "number" || typeof want === "string") return String(want);
  return want.join(" or ");
}

export class Check {
  readonly profile: Profile;

  constructor(
    readonly config: TargetConfig,
    private readonly meta: TepTaskMeta,
    /** Every id in the test's title before the profile filter: checks may only name these. */
    private readonly declared: ReadonlySet<string>,
    private readonly applicable: ReadonlySet<string>,
    private readonly skipTest: (reason: string) => never,
  ) {
    this.profile = config.profile;
  }

  /** The requirement applies to the active profile (the harness dropped the others from the title). */
  applies(id: string): boolean {
    return this.applicable.has(id);
  }

  /** Sends through the worker's shared client; the exchange becomes the test's last evidence. */
  async api(request: ApiRequest): Promise<ApiResponse> {
    try {
      return this.see(await runClient().send(request));
    } catch (error) {
      const evidence = (error as { evidence?: Evidence }).evidence;
      if (evidence) this.meta.lastEvidence = evidence;
      throw error;
    }
  }

  /** Marks a response obtained elsewhere (a shared fixture) as the exchange this test looks at. */
  see<T extends ApiResponse>(response: T): T {
    this.meta.lastEvidence = response.evidence;
    return response;
  }

  /** A soft check: when `ok` is false, records a finding for `id` and lets the test go on. */
  check(id: string, ok: boolean, data: FindingData): boolean {
    if (!this.declared.has(id)) throw new Error(`suite bug: a check names ${id}, which is not in the test's title`);
    if (ok || !this.applicable.has(id)) return true;
    const evidence = data.evidence ?? (data.response === null ? undefined : (data.response?.evidence ?? this.meta.lastEvidence));
    const request = requestLine(evidence, this.config.accountId);
    const message = `${request ? `${request} → ` : ""}${data.actual}, expected ${data.expected} (${id})${data.hint ? `; ${data.hint}` : ""}`;
    this.meta.findings.push({ requirementId: id, code: data.code, expected: data.expected, actual: data.actual, message });
    this.meta.findingEvidence.push(evidence ?? null);
    return false;
  }

  /** A hard check: records the finding and ends the test. */
  require(id: string, ok: boolean, data: FindingData): asserts ok {
    if (!this.check(id, ok, data)) throw new FindingsError(this.meta.findings);
  }

  /** Skips the test with one of the harness's reasons (an input of the run is missing). */
  skip(reason: string): never {
    return this.skipTest(reason);
  }

  /** Ends the test as errored: what it needed could not be obtained (a fixture the server would not create). */
  inconclusive(message: string): never {
    throw new PreconditionError(message);
  }

  status(id: string, response: ApiResponse, want: StatusWant, expected?: string, hint?: string): boolean {
    return this.check(id, statusMatches(response.status, want), {
      code: "status",
      expected: expected ?? statusText(want),
      actual: String(response.status),
      response,
      ...(hint ? { hint } : {}),
    });
  }

  requireStatus(id: string, response: ApiResponse, want: StatusWant, expected?: string, hint?: string): void {
    if (!this.status(id, response, want, expected, hint)) throw new FindingsError(this.meta.findings);
  }

  /** Validates the body against the active profile's schema of `kind`; the first three problems become the finding. */
  validate(id: string, kind: SchemaKind, response: ApiResponse, options: { stringIds?: boolean; body?: unknown } = {}): boolean {
    const body = "body" in options ? options.body : response.json;
    const what = `${kind === "pairingList" ? "a list of pairings" : kind === "errors" ? "an errors body" : kind === "newPairing" ? "an unsaved pairing" : "a pairing"} in the ${this.profile} representation${options.stringIds ? " with string ids" : ""}`;
    if (body === undefined) return this.check(id, false, { code: "schema", expected: what, actual: `${response.status} with a body that is not JSON`, response });
    const problems = validatorFor(kind, this.profile, options.stringIds ? { stringIds: true } : {})(body).filter((p) => id === TIMESTAMP_REQUIREMENT || !TIMESTAMP_PRECISION_PROBLEM.test(p));
    return this.check(id, problems.length === 0, { code: "schema", expected: what, actual: problems.slice(0, 3).join("; "), response });
  }

  /** The pairing of a single-pairing answer, validated; undefined (with a finding) when it is not one. */
  pairing(id: string, response: ApiResponse, kind: "pairing" | "newPairing" = "pairing"): Pairing | undefined {
    this.validate(id, kind, response);
    const pairing = pairingOf(response.json, this.profile);
    this.check(id, pairing !== undefined, { code: "not-a-pairing", expected: `a pairing object (${this.profile} representation)`, actual: `${response.status} with ${shown(response.json, 80)}`, response });
    return pairing;
  }

  requirePairing(id: string, response: ApiResponse, kind: "pairing" | "newPairing" = "pairing"): Pairing {
    const pairing = this.pairing(id, response, kind);
    if (!pairing) throw new FindingsError(this.meta.findings);
    return pairing;
  }

  /**
   * The pairings of a walked list; every page is validated as a list of pairings. A page that is not a 200 array is
   * a finding for `id` and ends the test. Broken pagination (a loop, a missing rel="next") is TEP-LIST-010's
   * failure: the test is errored, because the list could not be read whole — unless `firstPageOnly`, for checks
   * about the pages themselves.
   */
  listed(id: string, walk: ListWalk, options: { firstPageOnly?: boolean } = {}): Pairing[] {
    const last = walk.pages[walk.pages.length - 1];
    if (last) this.see(last);
    const problem = walk.problem;
    if (problem?.code.startsWith("pagination-")) {
      if (!options.firstPageOnly) return this.inconclusive(`the list could not be walked to its end (TEP-LIST-010): ${problem.actual}, expected ${problem.expected}`);
    } else if (problem) {
      this.require(id, false, { code: problem.code, expected: problem.expected, actual: problem.actual, response: problem.response, ...(problem.hint ? { hint: problem.hint } : {}) });
    }
    for (const page of walk.pages) if (!this.validate(id, "pairingList", page)) break;
    return pairingsOf(walk.items, this.profile);
  }
}
