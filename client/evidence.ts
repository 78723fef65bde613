// Evidence is what reports show of an exchange (reporters/model.ts): redacted first, then cut to a few KiB, so a
// truncation can never leave half a token behind (issue 7, "Secrets").
import type { Evidence, EvidenceRequest, EvidenceResponse } from "../reporters/model.js";
import { redact, redactHeaders, type Secrets } from "./redact.js";

export const EVIDENCE_BODY_LIMIT = 4096;
// Session cookies are credentials too, and say nothing about the pairings API.
const HIDDEN_RESPONSE_HEADERS = new Set(["set-cookie"]);

export function truncate(text: string, limit = EVIDENCE_BODY_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… [truncated: ${text.length} characters in all]`;
}

export function requestEvidence(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  secrets: Secrets,
): EvidenceRequest {
  return {
    method,
    url: redact(url.toString(), secrets),
    headers: redactHeaders(headers, secrets),
    ...(body === undefined ? {} : { body: truncate(redact(body, secrets)) }),
  };
}

export function responseEvidence(
  status: number,
  headers: Readonly<Record<string, string>>,
  text: string,
  secrets: Secrets,
): EvidenceResponse {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!HIDDEN_RESPONSE_HEADERS.has(name)) shown[name] = value;
  return {
    status,
    headers: redactHeaders(shown, secrets),
    ...(text === "" ? {} : { body: truncate(redact(text, secrets)) }),
  };
}

/** Evidence for a request that got no answer: `error` says what happened instead ("timeout", "reset", …). */
export function noAnswerEvidence(request: EvidenceRequest, error: string): Evidence {
  return { request, response: { status: 0, headers: {}, error } };
}
