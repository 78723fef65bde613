// A one-line shell command that reproduces a request shown in a report (issue 4, console reporter). The request is
// already redacted, so the token appears as $CANVAS_API_TOKEN: those placeholders are left outside single quotes so
// the shell expands them from the user's environment, everything else is quoted literally.
import type { EvidenceRequest } from "../reporters/model.js";
import { TOKEN_PLACEHOLDER, UNPRIVILEGED_TOKEN_PLACEHOLDER } from "./redact.js";

const PLACEHOLDER = new RegExp(`(\\${TOKEN_PLACEHOLDER}|\\${UNPRIVILEGED_TOKEN_PLACEHOLDER})`);
// Headers curl computes itself from the URL and the body.
const HEADERS_CURL_SETS = new Set(["host", "content-length", "connection", "transfer-encoding"]);

/** `curl …` for the request, on one line; bodies with line breaks use $'…' quoting to stay on that line. */
export function curlFor(request: EvidenceRequest): string {
  const parts = ["curl", "-sS", "-i", "--globoff"];
  const method = request.method.toUpperCase();
  if (method === "HEAD") parts.push("--head");
  else if (method !== "GET" || request.body !== undefined) parts.push("-X", method);
  parts.push(shellWord(request.url));
  for (const [name, value] of Object.entries(request.headers)) {
    if (HEADERS_CURL_SETS.has(name.toLowerCase())) continue;
    parts.push("-H", shellWord(`${displayName(name)}: ${value}`));
  }
  if (request.body !== undefined) parts.push("--data-raw", shellWord(request.body));
  return parts.join(" ");
}

function displayName(name: string): string {
  return name.toLowerCase() === "authorization" ? "Authorization" : name;
}

/**
 * One shell word for `text`. Placeholders stay expandable: a word that only needs them is double-quoted
 * ("Authorization: Bearer $CANVAS_API_TOKEN"); otherwise literal pieces are single-quoted and joined to "$VAR".
 */
export function shellWord(text: string): string {
  const pieces = text.split(PLACEHOLDER);
  const hasPlaceholder = pieces.length > 1;
  if (!hasPlaceholder && /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(text)) return text;
  const literalsAreDoubleQuotable = pieces.every((piece, i) => i % 2 === 1 || /^[^"\\$`!\p{Cc}]*$/u.test(piece));
  if (hasPlaceholder && literalsAreDoubleQuotable) return `"${text}"`;
  return pieces
    .map((piece, i) => (i % 2 === 1 ? `"${piece}"` : quoteLiteral(piece)))
    .filter((word) => word !== "")
    .join("");
}

function quoteLiteral(piece: string): string {
  if (piece === "") return "";
  // Control characters (CR, LF of multipart bodies) would break the line: ANSI-C quoting spells them as escapes.
  if (/\p{Cc}/u.test(piece)) {
    const escaped = piece.replace(/[\\']|\p{Cc}/gu, (c) => {
      if (c === "\\") return "\\\\";
      if (c === "'") return "\\'";
      if (c === "\n") return "\\n";
      if (c === "\r") return "\\r";
      if (c === "\t") return "\\t";
      const code = c.charCodeAt(0);
      return code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    });
    return `$'${escaped}'`;
  }
  return `'${piece.replace(/'/g, `'\\''`)}'`;
}
