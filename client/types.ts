// The HTTP client's contract, shared by the suites (in the vitest worker) and the CLI (cleanup, preflight).
// Implemented in client/http-client.ts. One undici Agent per process (keep-alive), per-request timeout,
// response size cap, no redirect that carries the token to another origin, pacing from Canvas's throttle headers.
import type { Evidence } from "../reporters/model.js";
import type { Operation, Profile } from "../spec/index.js";

/** Everything a run needs to know about its target; handed from the CLI to the suites with vitest `provide`. */
export interface TargetConfig {
  /** Origin plus optional path prefix, no trailing slash: "https://canvas.example.edu". */
  readonly baseUrl: string;
  readonly token: string;
  /** "self" by default; a numeric id or "sis_account_id:…" also work. */
  readonly accountId: string;
  readonly profile: Profile;
  readonly unprivilegedToken?: string;
  /** The id of a pairing that belongs to another root account (TEP-SHOW-005). */
  readonly foreignPairingId?: string;
  readonly readOnly: boolean;
  readonly strict: boolean;
  /** Areas to run; undefined runs all. */
  readonly only?: readonly Operation[];
  /** Per-request timeout. */
  readonly timeoutMs: number;
  readonly concurrency: number;
  /** Where footprint.jsonl (the journal of created pairings) is appended. */
  readonly reportDir: string;
  readonly maxResponseBytes: number;
  /** PEM file of extra CA certificates. */
  readonly caFile?: string;
  readonly insecure: boolean;
  /** Follow same-origin redirects (never carrying Authorization across origins). */
  readonly followRedirects: boolean;
}

export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT" | "PATCH" | "HEAD";

export type RequestBody =
  | { readonly json: unknown }
  | { readonly form: Readonly<Record<string, string>> }
  | { readonly multipart: Readonly<Record<string, string>> }
  | { readonly raw: string; readonly contentType: string };

export interface ApiRequest {
  readonly method: HttpMethod;
  /** Path below baseUrl, starting with "/", e.g. "/api/v1/accounts/self/temporary_enrollment_pairings". */
  readonly path: string;
  /** Query parameters in order; pairs allow repeated names. */
  readonly query?: Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
  /** Which credentials: the main token (default), none, the unprivileged token, or an explicit bearer value. */
  readonly auth?: "token" | "none" | "unprivileged" | { readonly bearer: string };
}

export interface ApiResponse {
  readonly status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
  readonly durationMs: number;
  /** The absolute URL requested (after redirects, if followed). */
  readonly url: string;
  /** The redacted request and response, ready for reports. */
  readonly evidence: Evidence;
}

/** Errors thrown by the client. `InconclusiveError` means "we could not ask": the test is errored, not failed. */
export type InconclusiveCode = "throttled" | "unreachable" | "aborted" | "guard" | "tls";
/** `NoAnswerError` means the reachable server did not answer properly: the requirement being checked has failed. */
export type NoAnswerCode = "timeout" | "reset" | "too-large" | "redirect";

export interface RequestStats {
  readonly count: number;
  readonly throttled: number;
  readonly cost: number;
  /** The longest chain of round trips that had to happen one after another, in this process (client/critical-path.ts). */
  readonly criticalPath?: number;
}

export interface ApiClient {
  readonly config: TargetConfig;
  send(request: ApiRequest): Promise<ApiResponse>;
  /** Resolves once every POST sent so far has been answered and its created id journaled. */
  settleWrites(): Promise<void>;
  stats(): RequestStats;
  close(): Promise<void>;
}
