// Turns an ApiRequest into what goes on the wire: the absolute URL, the body bytes and their Content-Type.
// Canvas accepts parameters in the query string and in JSON, urlencoded and multipart bodies alike
// (canvas-behavior.md §2, "Parameters"), so the suites send all four and the encodings must be exact.
import { randomBytes } from "node:crypto";
import { InconclusiveError } from "./errors.js";
import type { ApiRequest, RequestBody } from "./types.js";

export interface BuiltBody {
  readonly bytes: string | Buffer;
  readonly contentType: string;
  /** The body as text, for evidence. */
  readonly text: string;
}

/**
 * baseUrl + path + query. `path` may carry its own query ("…?page=2"); the extra parameters are appended with "&".
 * An absolute URL (a Link `rel="next"` the server sent) is accepted only on the base URL's origin, because the
 * token goes with it.
 */
export function buildUrl(baseUrl: string, path: string, query?: ApiRequest["query"]): URL {
  const base = new URL(baseUrl);
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    url = new URL(path);
    if (url.origin !== base.origin) {
      throw new InconclusiveError("guard", `refused to send the token to ${url.origin}: only ${base.origin} is under test`);
    }
  } else {
    const relative = path.startsWith("/") ? path : `/${path}`;
    url = new URL(baseUrl.replace(/\/+$/, "") + relative);
  }
  const pairs: ReadonlyArray<readonly [string, string]> = query === undefined ? [] : Array.isArray(query) ? query : Object.entries(query);
  if (pairs.length > 0) {
    const encoded = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
    url.search = url.search ? `${url.search.slice(1)}&${encoded}` : encoded;
  }
  return url;
}

export function buildBody(body: RequestBody): BuiltBody {
  if ("json" in body) {
    const text = JSON.stringify(body.json) ?? "null";
    return { bytes: text, contentType: "application/json", text };
  }
  if ("form" in body) {
    const text = new URLSearchParams(Object.entries(body.form)).toString();
    return { bytes: text, contentType: "application/x-www-form-urlencoded", text };
  }
  if ("multipart" in body) return multipartBody(body.multipart);
  return { bytes: body.raw, contentType: body.contentType, text: body.raw };
}

/**
 * A multipart/form-data body (RFC 7578) built by hand, so the bytes are known and shown in evidence.
 * Field names are escaped as the HTML standard does for form submission: `"` → %22, CR → %0D, LF → %0A.
 */
export function multipartBody(fields: Readonly<Record<string, string>>, boundary = freshBoundary(fields)): BuiltBody {
  const escapeName = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  let text = "";
  for (const [name, value] of Object.entries(fields)) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`;
  }
  text += `--${boundary}--\r\n`;
  return { bytes: Buffer.from(text, "utf8"), contentType: `multipart/form-data; boundary=${boundary}`, text };
}

function freshBoundary(fields: Readonly<Record<string, string>>): string {
  const all = Object.entries(fields).flat().join("\n");
  // 96 random bits make a collision with the content practically impossible; the loop is bounded anyway.
  for (let tries = 0; tries < 8; tries++) {
    const boundary = `----tep-conformance-${randomBytes(12).toString("hex")}`;
    if (!all.includes(boundary)) return boundary;
  }
  throw new Error("could not find a multipart boundary absent from the field values");
}
