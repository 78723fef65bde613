// One HTTP exchange over the process's undici Agent, bounded in time and size, with every way it can go wrong
// turned into the verdict rules of issue 7: no answer from a reachable server (timeout, reset, flood) is a
// NoAnswerError — the requirement failed; not being able to ask (refused, DNS, TLS, aborted) is an
// InconclusiveError — the check errored.
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { Agent, request } from "undici";
import type { EvidenceRequest } from "../reporters/model.js";
import { InconclusiveError, NoAnswerError, TLS_ADVICE } from "./errors.js";
import { noAnswerEvidence } from "./evidence.js";
import type { PacedAnswer } from "./pacer.js";
import { abortedError } from "./pacer.js";
import type { HttpMethod, TargetConfig } from "./types.js";

export interface Exchange {
  readonly method: HttpMethod;
  readonly url: URL;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** The redacted request, for errors. */
  readonly evidence: EvidenceRequest;
  /** "GET /api/v1/…" (redacted), the subject of every message. */
  readonly what: string;
}

export interface RawAnswer extends PacedAnswer {
  readonly durationMs: number;
}

export interface ExchangeLimits {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/** The one Agent of a client: keep-alive, a connection per concurrent request, the run's TLS trust. */
export function createAgent(config: TargetConfig): Agent {
  return new Agent({
    connections: Math.max(1, config.concurrency),
    keepAliveTimeout: 4_000,
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    connect: {
      rejectUnauthorized: !config.insecure,
      // A connection that cannot be opened is "unreachable" (errored), so it must give up before the request
      // deadline turns it into a "timeout" (failed).
      timeout: Math.max(1, Math.min(10_000, Math.floor(config.timeoutMs * 0.9))),
      ...(config.caFile ? { ca: trustedCertificates(config.caFile) } : {}),
    },
  });
}

/** An explicit `ca` replaces Node's trust store, so the public roots and NODE_EXTRA_CA_CERTS are added back. */
function trustedCertificates(caFile: string): string[] {
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  return [...rootCertificates, readFileSync(caFile, "utf8"), ...(extra ? [readFileSync(extra, "utf8")] : [])];
}

export async function exchangeOnce(agent: Agent, exchange: Exchange, limits: ExchangeLimits, signal: AbortSignal): Promise<RawAnswer> {
  if (signal.aborted) throw abortedError(exchange.what);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  const started = performance.now();
  try {
    const response = await request(exchange.url, {
      dispatcher: agent,
      method: exchange.method,
      headers: exchange.headers,
      body: exchange.body ?? null,
      signal: AbortSignal.any([signal, deadline.signal]),
    });
    const headers = flattenHeaders(response.headers);
    const text = await readCapped(response.body, headers["content-length"], exchange, limits);
    return { status: response.statusCode, headers, text, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    throw classifyFailure(error, exchange, limits, { aborted: signal.aborted, timedOut: deadline.signal.aborted });
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, refusing more than maxResponseBytes: a flooding server must not exhaust the runner. */
async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  contentLength: string | undefined,
  exchange: Exchange,
  limits: ExchangeLimits,
): Promise<string> {
  // Deterministic wording (no byte counts that depend on chunking): messages end up in compared reports.
  const tooLarge = (declared: string) => {
    body.destroy();
    return new NoAnswerError("too-large", `${exchange.what} answered with more than the ${limits.maxResponseBytes}-byte response cap${declared}`,
      { evidence: noAnswerEvidence(exchange.evidence, "too-large") });
  };
  if (contentLength !== undefined && Number(contentLength) > limits.maxResponseBytes) throw tooLarge(` (Content-Length: ${contentLength})`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > limits.maxResponseBytes) throw tooLarge("");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Lower-case names; repeated headers joined with ", " (client/types.ts ApiResponse.headers). */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "EADDRNOTAVAIL", "UND_ERR_CONNECT_TIMEOUT"]);
const RESET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"]);
const TIMEOUT = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

export function classifyFailure(
  error: unknown,
  exchange: Exchange,
  limits: ExchangeLimits,
  state: { aborted: boolean; timedOut: boolean },
): InconclusiveError | NoAnswerError {
  if (error instanceof InconclusiveError || error instanceof NoAnswerError) return error;
  const { what } = exchange;
  const origin = exchange.url.origin;
  if (state.aborted) return abortedError(what);
  const { code, message } = rootCause(error);
  const evidence = (kind: string) => noAnswerEvidence(exchange.evidence, kind);
  if (state.timedOut || TIMEOUT.has(code)) {
    return new NoAnswerError("timeout", `${what} did not answer within ${limits.timeoutMs} ms`, { evidence: evidence("timeout"), cause: error });
  }
  if (UNREACHABLE.has(code)) {
    return new InconclusiveError("unreachable", `${what} could not reach ${origin} (${code}: ${message})`, { evidence: evidence("unreachable"), cause: error });
  }
  if (isTlsFailure(code, message)) {
    const advice = /CERT|certificate/i.test(`${code} ${message}`) ? TLS_ADVICE : "is the URL's scheme (https/http) right?";
    return new InconclusiveError("tls", `${what}: TLS handshake with ${origin} failed (${code}: ${message}); ${advice}`, { evidence: evidence("tls"), cause: error });
  }
  const why = RESET.has(code) ? "reset the connection" : "answered with a broken HTTP message";
  return new NoAnswerError("reset", `${what}: the server ${why} instead of answering (${code}: ${message})`, { evidence: evidence("reset"), cause: error });
}

function isTlsFailure(code: string, message: string): boolean {
  return /CERT|^ERR_TLS|^ERR_SSL|^EPROTO$|^ERR_OSSL/.test(code) || /certificate|SSL routines|TLS/i.test(message);
}

/** The innermost error's code and one-line message; undici and net wrap the interesting one in `cause`. */
function rootCause(error: unknown): { code: string; message: string } {
  let current: unknown = error;
  let code = "";
  let message = "";
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const errorCode = (current as { code?: unknown }).code;
    if (typeof errorCode === "string" && errorCode) code = errorCode;
    if (current.message) message = current.message;
    if (current instanceof AggregateError && current.errors[0] instanceof Error) current = current.errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return { code: code || "UNKNOWN", message: concise(message) };
}

/** OpenSSL's "805C…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…/ssl3_record.c:350:" → "wrong version number". */
function concise(message: string): string {
  const line = message.split("\n")[0] ?? "";
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(line);
  return openssl?.[1] ?? line;
}
