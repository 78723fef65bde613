// Secrets never leave the process in clear (issue 7, "Secrets"): every string shown to people — evidence, curl
// lines, error messages, reports, the journal — goes through redact() first. The token may appear raw (headers),
// percent-encoded (query strings, `application/x-www-form-urlencoded` bodies, where `~` of Canvas tokens like
// "1~abc" becomes %7E) or JSON-escaped, so each secret is replaced in all those spellings.

export const TOKEN_PLACEHOLDER = "$CANVAS_API_TOKEN";
export const UNPRIVILEGED_TOKEN_PLACEHOLDER = "$CANVAS_UNPRIVILEGED_TOKEN";
const PLACEHOLDERS = [TOKEN_PLACEHOLDER, UNPRIVILEGED_TOKEN_PLACEHOLDER];

/** The secrets of a run; a TargetConfig fits this shape, so `redact(text, config)` works. */
export interface Secrets {
  readonly token?: string;
  readonly unprivilegedToken?: string;
}

interface Replacement {
  readonly spelling: string;
  readonly placeholder: string;
}

// redact() runs on every header, URL and body of every exchange: the spellings of a pair of secrets are worked out
// once (issue 8, a profile of the worker showed them recomputed for each call). A run has one or two pairs.
const replacementCache = new Map<string, readonly Replacement[]>();
const REPLACEMENT_CACHE_LIMIT = 16;

/** Every spelling of every secret, longest first so a longer spelling is not half-replaced by a shorter one. */
function replacementsFor(secrets: Secrets): readonly Replacement[] {
  const key = `${secrets.token ?? ""}\u0000${secrets.unprivilegedToken ?? ""}`;
  let replacements = replacementCache.get(key);
  if (!replacements) {
    if (replacementCache.size >= REPLACEMENT_CACHE_LIMIT) replacementCache.clear();
    replacements = computeReplacements(secrets);
    replacementCache.set(key, replacements);
  }
  return replacements;
}

function computeReplacements(secrets: Secrets): Replacement[] {
  const pairs: Array<[string | undefined, string]> = [
    [secrets.token, TOKEN_PLACEHOLDER],
    [secrets.unprivilegedToken, UNPRIVILEGED_TOKEN_PLACEHOLDER],
  ];
  const seen = new Set<string>();
  const out: Replacement[] = [];
  for (const [secret, placeholder] of pairs) {
    if (!secret) continue;
    for (const spelling of spellingsOf(secret)) {
      if (spelling && !seen.has(spelling)) {
        seen.add(spelling);
        out.push({ spelling, placeholder });
      }
    }
  }
  return out.sort((a, b) => b.spelling.length - a.spelling.length);
}

function spellingsOf(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  return [secret, uri, form, lowerHex(uri), lowerHex(form), json];
}

// `access_token=VALUE` in query strings and form bodies, `"access_token": "VALUE"` in JSON (canvas-behavior.md §4:
// an access_token parameter authenticates like the header does).
// A placeholder already there is matched whole, so text right after it (": …" in messages) is not swallowed.
const ACCESS_TOKEN_PARAM = /(access_token=)(\$CANVAS_API_TOKEN|\$CANVAS_UNPRIVILEGED_TOKEN|[^&\s"'#]+)/g;
const ACCESS_TOKEN_JSON = /("access_token"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;

/** `text` with every secret replaced by its placeholder ($CANVAS_API_TOKEN or $CANVAS_UNPRIVILEGED_TOKEN). */
export function redact(text: string, secrets: Secrets): string {
  let out = text;
  for (const { spelling, placeholder } of replacementsFor(secrets)) out = out.split(spelling).join(placeholder);
  const keepPlaceholder = (value: string) => PLACEHOLDERS.some((p) => value === p || value === encodeURIComponent(p));
  out = out.replace(ACCESS_TOKEN_PARAM, (_m, key: string, value: string) => key + (keepPlaceholder(value) ? value : TOKEN_PLACEHOLDER));
  out = out.replace(ACCESS_TOKEN_JSON, (_m, open: string, value: string, close: string) =>
    open + (keepPlaceholder(value) ? value : TOKEN_PLACEHOLDER) + close);
  return out;
}

/** Headers with lower-case names and redacted values. */
export function redactHeaders(headers: Readonly<Record<string, string>>, secrets: Secrets): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = redact(value, secrets);
  return out;
}

/** True when `text` contains a secret in any spelling; for tests and last-line-of-defence checks. */
export function containsSecret(text: string, secrets: Secrets): boolean {
  return replacementsFor(secrets).some(({ spelling }) => text.includes(spelling));
}
