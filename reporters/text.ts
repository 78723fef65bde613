// Small text helpers shared by the report formats: truncation, control characters, secret shapes, body excerpts.
// Everything here is pure; the formats decide which helper applies to which output (terminal, XML, HTML, Markdown).

/** The placeholder every redacted token is shown as (issue 7, "Secrets"). */
export const TOKEN_PLACEHOLDER = "$CANVAS_API_TOKEN";

/**
 * Canvas access tokens look like `<shard id>~<64 alphanumerics>` (canvas-lms app/models/access_token.rb builds
 * `full_token` as "#{global_id prefix}~#{token}"). The model is redacted before it reaches a reporter; this is the
 * last line of defence, so a token that slipped through (say, echoed inside a response body) is still masked.
 */
const CANVAS_TOKEN_SHAPE = /\b\d{1,10}~[A-Za-z0-9]{32,}\b/g;

export function maskTokenShapes(text: string): string {
  return text.replace(CANVAS_TOKEN_SHAPE, TOKEN_PLACEHOLDER);
}

/** Shortens `text` to at most `max` characters, ending with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return "";
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

/** Collapses newlines and runs of whitespace, for one-line cells (tables, matrix rows, XML attributes). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Characters that are not allowed in XML 1.0 (https://www.w3.org/TR/xml/#charsets) or that HTML parsers treat as
 * parse errors: C0 controls except tab, newline and carriage return, DEL, the C1 block, U+FFFE/U+FFFF, and lone
 * surrogates; plus bidirectional overrides, which would let text display in an order other than the one it has
 * ("Trojan Source", CVE-2021-42574). A hostile server controls response bodies, so these are removed before
 * anything is rendered.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripControlChars(text: string): string {
  return text.replace(UNSAFE_CHARS, "");
}

/**
 * For terminals: control characters (an ESC could recolour or rewrite the screen) and bidirectional overrides
 * ("Trojan Source", CVE-2021-42574) are shown as visible escapes instead of being interpreted or silently dropped.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * A response or request body as shown to people: JSON pretty-printed when it parses, then cut to `maxChars`
 * characters and `maxLines` lines, saying how much was left out.
 */
export function bodyExcerpt(body: string | undefined, maxChars: number, maxLines = Number.POSITIVE_INFINITY): string {
  if (body === undefined || body === "") return "(empty body)";
  // Masked before it is cut: a token split by the cut would no longer have a token's shape.
  const masked = maskTokenShapes(body);
  let shown = masked;
  try {
    shown = JSON.stringify(JSON.parse(masked), null, 2);
  } catch {
    // Not JSON (or an excerpt cut mid-document): shown as sent.
  }
  const chars = [...shown];
  let kept = chars.slice(0, maxChars).join("");
  const lines = kept.split("\n");
  if (lines.length > maxLines) kept = lines.slice(0, maxLines).join("\n");
  const left = chars.length - [...kept].length;
  return left > 0 ? `${kept}… (${left} more characters)` : shown;
}

/** Request headers worth showing in a failure: how the request was authenticated and encoded. */
const REQUEST_HEADERS = ["authorization", "content-type", "accept"];
/** Response headers worth showing: the ones the requirements talk about. */
const RESPONSE_HEADERS = ["content-type", "location", "link", "www-authenticate", "retry-after", "x-rate-limit-remaining", "x-request-cost"];

function pickHeaders(headers: Readonly<Record<string, string>>, names: readonly string[]): Array<[string, string]> {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [k, v] as [string, string]]));
  return names.flatMap((name) => {
    const found = lower.get(name);
    return found ? [found] : [];
  });
}

export function requestHeadersShown(headers: Readonly<Record<string, string>>): Array<[string, string]> {
  return pickHeaders(headers, REQUEST_HEADERS);
}

export function responseHeadersShown(headers: Readonly<Record<string, string>>): Array<[string, string]> {
  return pickHeaders(headers, RESPONSE_HEADERS);
}

/** "12ms", "4.2s", "2m 05s": short and stable. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

/** Standard reason phrases for the statuses this API and its failures use. */
const REASON_PHRASES: Readonly<Record<number, string>> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 307: "Temporary Redirect",
  308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
  405: "Method Not Allowed", 409: "Conflict", 415: "Unsupported Media Type", 422: "Unprocessable Entity",
  429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

export function statusLine(status: number): string {
  const phrase = REASON_PHRASES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}
