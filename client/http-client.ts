// The HTTP client every suite and the CLI use (client/types.ts ApiClient; issue 4 "HTTP", issue 7).
// One undici Agent and one Pacer per client, so pacing, concurrency and request counting are shared by all tests
// of the worker. Redirects are not followed unless asked, and then only on the same origin: the token never goes
// to another origin. Created pairings are journaled the moment their id is known; DELETE is guarded.
import { setMaxListeners } from "node:events";
import { join } from "node:path";
import { isInconclusive, isNoAnswer, InconclusiveError, NoAnswerError } from "./errors.js";
import { requestEvidence, responseEvidence } from "./evidence.js";
import { createAgent, exchangeOnce, type Exchange, type RawAnswer } from "./exchange.js";
import { criticalPath, requestIssued } from "./critical-path.js";
import { pairingTarget, WriteGuard } from "./guard.js";
import { JOURNAL_FILE, openJournal, type Journal } from "./journal.js";
import { Pacer } from "./pacer.js";
import { redact } from "./redact.js";
import { buildBody, buildUrl, type BuiltBody } from "./request-builder.js";
import type { ApiClient, ApiRequest, ApiResponse, HttpMethod, TargetConfig } from "./types.js";

export { preflight, type PreflightResult } from "./preflight.js";

export const USER_AGENT = "tep-conformance";
const MAX_REDIRECTS = 5;
// Repeating these cannot change the server's state beyond the first time (RFC 9110 §9.2.2), so one retry after a
// reset is safe; a POST is never repeated — it may already have created a pairing.
const IDEMPOTENT = new Set<HttpMethod>(["GET", "HEAD", "DELETE", "PUT"]);

export interface ApiClientOptions {
  /** Defaults to footprint.jsonl in config.reportDir. */
  readonly journal?: Journal;
  /** Aborting it rejects in-flight and later requests with InconclusiveError("aborted"). */
  readonly signal?: AbortSignal;
}

export type JournaledApiClient = ApiClient & { readonly journal: Journal };

export function createApiClient(config: TargetConfig, options: ApiClientOptions = {}): JournaledApiClient {
  const journal = options.journal ?? openJournal(join(config.reportDir, JOURNAL_FILE));
  const agent = createAgent(config);
  const pacer = new Pacer({ concurrency: config.concurrency });
  const guard = new WriteGuard(journal, config.baseUrl, config.readOnly);
  const closing = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, closing.signal]) : closing.signal;
  // Every queued or in-flight request listens for the abort; dozens at once are expected, not a leak.
  setMaxListeners(0, signal);
  const limits = { timeoutMs: config.timeoutMs, maxResponseBytes: config.maxResponseBytes };
  const writesInFlight = new Set<Promise<unknown>>();

  /** The exchange, sent once more after a reset when repeating it is harmless. */
  async function exchangeWithRetry(exchange: Exchange): Promise<RawAnswer> {
    const throttledEvidence = (last: RawAnswer) => ({ request: exchange.evidence, response: responseEvidence(last.status, last.headers, last.text, config) });
    const once = () => pacer.run(() => exchangeOnce(agent, exchange, limits, signal), exchange.what, signal, throttledEvidence);
    try {
      return await once();
    } catch (error) {
      if (!(isNoAnswer(error) && error.code === "reset" && IDEMPOTENT.has(exchange.method))) throw error;
    }
    try {
      return await once();
    } catch (error) {
      if (isNoAnswer(error) && error.code === "reset") error.message += "; the same on the one retry";
      throw error;
    }
  }

  async function sendFollowing(request: ApiRequest): Promise<ApiResponse> {
    let url = buildUrl(config.baseUrl, request.path, request.query);
    let method = request.method;
    let body = request.body === undefined ? undefined : buildBody(request.body);
    const headers = requestHeaders(config, request, body);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const what = redact(`${method} ${url.pathname}${url.search}`, config);
      const evidenceRequest = requestEvidence(method, url, headers, body?.text, config);
      const refusal = guard.refusal(method, url, what);
      if (refusal) throw new InconclusiveError("guard", refusal, { evidence: { request: evidenceRequest } });
      const exchange: Exchange = { method, url, headers, evidence: evidenceRequest, what, ...(body ? { body: body.bytes } : {}) };
      const answer = await exchangeWithRetry(exchange);
      const evidence = { request: evidenceRequest, response: responseEvidence(answer.status, answer.headers, answer.text, config) };
      const location = answer.headers["location"];
      if (isRedirect(answer.status) && location !== undefined) {
        const next = new URL(location, url);
        const shownNext = redact(next.toString(), config);
        if (!config.followRedirects) {
          throw new NoAnswerError("redirect", `${what} answered ${answer.status} redirecting to ${shownNext}; redirects are not followed`, { evidence });
        }
        if (next.origin !== new URL(config.baseUrl).origin) {
          throw new NoAnswerError("redirect", `${what} answered ${answer.status} redirecting to another origin (${shownNext}); the token is never sent there`, { evidence });
        }
        // Fetch semantics (WHATWG fetch, "HTTP-redirect fetch"): 303, and 301/302 after POST, continue as GET.
        if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === "POST")) {
          method = method === "HEAD" ? "HEAD" : "GET";
          body = undefined;
          delete headers["content-type"];
        }
        url = next;
        continue;
      }
      const response: ApiResponse = { status: answer.status, headers: answer.headers, text: answer.text, json: parseJson(answer.text), durationMs: answer.durationMs, url: url.toString(), evidence };
      recordFootprint(request.method, method, url, response);
      return response;
    }
    throw new NoAnswerError("redirect", `${redact(`${request.method} ${request.path}`, config)} redirected more than ${MAX_REDIRECTS} times`);
  }

  /** Journal hooks: a created pairing the moment its id is known, a deletion once answered 2xx, show 404s as probes. */
  function recordFootprint(originalMethod: HttpMethod, method: HttpMethod, url: URL, response: ApiResponse): void {
    const target = pairingTarget(url);
    if (!target) return;
    const ok = response.status >= 200 && response.status < 300;
    if (originalMethod === "POST" && method === "POST" && target.id === undefined && ok) {
      const created = createdPairing(response.json);
      if (created) journal.recordCreated(created.id, { workflowState: created.workflowState, baseUrl: config.baseUrl, accountId: target.accountId });
    } else if (method === "DELETE" && target.id !== undefined && ok) {
      journal.recordDeleted(target.id);
    } else if (method === "GET" && target.id !== undefined && response.status === 404) {
      guard.noteAbsent(target.id);
    }
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    // Placed in the caller's chain of sequential requests when issued (client/critical-path.ts, issue 8).
    const answered = requestIssued();
    const pending = sendFollowing(request).finally(answered).catch((error: unknown) => {
      // Last line of defence: no message leaves the client with a secret in it.
      if (error instanceof Error && (isInconclusive(error) || isNoAnswer(error))) error.message = redact(error.message, config);
      throw error;
    });
    if (request.method === "POST") {
      const settled = pending.then(() => undefined, () => undefined);
      writesInFlight.add(settled);
      void settled.then(() => writesInFlight.delete(settled));
    }
    return pending;
  }

  async function settleWrites(): Promise<void> {
    // Bounded: each round waits for the writes in flight; new writes started meanwhile are picked up next round.
    for (let round = 0; round < 100 && writesInFlight.size > 0; round++) await Promise.all([...writesInFlight]);
  }

  return {
    config,
    journal,
    send,
    settleWrites,
    stats: () => ({ ...pacer.stats(), criticalPath: criticalPath() }),
    async close() {
      // A create in flight may already be saved on the server: aborting it would lose its id before the journal has
      // it, and the cleanup could not delete it (issue 7). A cancelled run closes the client while creates are in
      // flight, so they are answered (each bounded by the request timeout) and journaled first.
      await settleWrites();
      closing.abort();
      await agent.close().catch(() => agent.destroy());
    },
  };
}

function requestHeaders(config: TargetConfig, request: ApiRequest, body: BuiltBody | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json", "user-agent": USER_AGENT };
  if (body) headers["content-type"] = body.contentType;
  // The caller's headers win (a suite may send a deliberately odd Content-Type or Authorization).
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  const auth = request.auth ?? (headers["authorization"] !== undefined ? "none" : "token");
  if (auth === "token") headers["authorization"] = `Bearer ${config.token}`;
  else if (auth === "unprivileged") {
    if (!config.unprivilegedToken) throw new InconclusiveError("guard", `${request.method} ${request.path} needs the unprivileged token, and none was given`);
    headers["authorization"] = `Bearer ${config.unprivilegedToken}`;
  } else if (auth !== "none") headers["authorization"] = `Bearer ${auth.bearer}`;
  return headers;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The parsed body whenever it parses, whatever the Content-Type says (the suites judge the Content-Type apart). */
function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The id of a pairing in a create answer: wrapped (canvas-behavior.md §1) or flat (published page); number or string. */
export function createdPairing(json: unknown): { id: string; workflowState?: string } | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const wrapped = (json as Record<string, unknown>)["temporary_enrollment_pairing"];
  const pairing = (typeof wrapped === "object" && wrapped !== null ? wrapped : json) as Record<string, unknown>;
  const id = pairing["id"];
  if (!((typeof id === "number" && Number.isFinite(id)) || (typeof id === "string" && id !== ""))) return undefined;
  const state = pairing["workflow_state"];
  return { id: String(id), ...(typeof state === "string" ? { workflowState: state } : {}) };
}
