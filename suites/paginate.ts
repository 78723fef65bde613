// Walks a list through Link rel="next" (lib/api.rb paginate, canvas-behavior.md §4), bounded so that a server that
// loops or never ends its pages yields a failure of TEP-LIST-010, not a hang: a URL seen twice or more than
// MAX_PAGES pages stop the walk with a problem.
import type { ApiRequest, ApiResponse } from "../client/types.js";
import { shown } from "./pairings.js";

export const MAX_PAGES = 1000;

export interface LinkRelation {
  readonly url: string;
  readonly rels: readonly string[];
}

/** A problem of a walk, as finding data (style.md §7). */
export interface WalkProblem {
  readonly code: string;
  readonly expected: string;
  readonly actual: string;
  readonly response: ApiResponse;
  readonly hint?: string;
}

export interface ListWalk {
  /** Every page fetched, in order. */
  readonly pages: readonly ApiResponse[];
  /** The items of every page that was a JSON array, in order. */
  readonly items: readonly unknown[];
  /** Why the walk is not a clean list; undefined when every page was a 200 JSON array and the walk ended. */
  readonly problem?: WalkProblem;
}

// canvas-behavior.md §5: older controllers rendered `null` for the list.
const OLDER_RELEASE = "this looks like an older Canvas release";

/** Parses an RFC 8288 Link header: `<url>; rel="next", <url>; rel="current first"`. */
export function parseLinkHeader(header: string | undefined): LinkRelation[] {
  if (!header) return [];
  const out: LinkRelation[] = [];
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]*)*)/g)) {
    const params = match[2] ?? "";
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? "").split(/\s+/).filter(Boolean).map((r) => r.toLowerCase());
    out.push({ url: match[1] ?? "", rels });
  }
  return out;
}

export function linkTo(response: ApiResponse, rel: string): string | undefined {
  return parseLinkHeader(response.headers["link"]).find((l) => l.rels.includes(rel))?.url;
}

/** The request for a next URL: relative to the base URL when below it, else the absolute same-origin URL. */
function nextRequest(first: ApiRequest, absolute: URL, baseUrl: string): ApiRequest {
  const base = baseUrl.replace(/\/+$/, "");
  const href = absolute.toString();
  const path = href.startsWith(`${base}/`) ? href.slice(base.length) : href;
  const { query: _query, ...rest } = first;
  return { ...rest, path };
}

function sameUrl(a: string, b: string, base: string): boolean {
  try {
    return new URL(a, base).toString() === new URL(b, base).toString();
  } catch {
    return a === b;
  }
}

export async function walkList(send: (request: ApiRequest) => Promise<ApiResponse>, first: ApiRequest, baseUrl: string): Promise<ListWalk> {
  const pages: ApiResponse[] = [];
  const items: unknown[] = [];
  const seen = new Set<string>();
  const origin = new URL(baseUrl).origin;
  let request: ApiRequest = first;
  for (;;) {
    const response = await send(request);
    pages.push(response);
    seen.add(new URL(response.url).toString());
    if (response.status !== 200) {
      const hint = response.status === 204 ? OLDER_RELEASE : undefined;
      return { pages, items, problem: { code: "status", expected: "200 with a JSON array of pairings", actual: String(response.status), response, ...(hint ? { hint } : {}) } };
    }
    if (!Array.isArray(response.json)) {
      const actual = response.json === undefined ? "200 with a body that is not JSON" : `200 with ${shown(response.json, 60)}`;
      const hint = response.json === null ? OLDER_RELEASE : undefined;
      return { pages, items, problem: { code: "not-array", expected: "200 with a JSON array of pairings", actual, response, ...(hint ? { hint } : {}) } };
    }
    items.push(...(response.json as unknown[]));
    const next = linkTo(response, "next");
    if (next === undefined) {
      // rel="last" naming another page than rel="current" says there are more pages the walk cannot reach.
      const last = linkTo(response, "last");
      const current = linkTo(response, "current");
      if (last !== undefined && current !== undefined && !sameUrl(last, current, response.url)) {
        return { pages, items, problem: { code: "pagination-no-next", expected: 'a Link rel="next" on every page but the last', actual: `no rel="next" although rel="last" is another page (${last})`, response } };
      }
      return { pages, items };
    }
    let absolute: URL;
    try {
      absolute = new URL(next, response.url);
    } catch {
      return { pages, items, problem: { code: "pagination-link", expected: 'a Link rel="next" that is a URL', actual: `rel="next" ${shown(next)}`, response } };
    }
    if (absolute.origin !== origin) {
      return { pages, items, problem: { code: "pagination-origin", expected: `a Link rel="next" on ${origin}`, actual: `rel="next" to ${absolute.origin}`, response } };
    }
    if (seen.has(absolute.toString())) {
      return { pages, items, problem: { code: "pagination-loop", expected: "pages that end", actual: `rel="next" back to a page already fetched (${absolute.pathname}${absolute.search})`, response } };
    }
    if (pages.length >= MAX_PAGES) {
      return { pages, items, problem: { code: "pagination-limit", expected: `at most ${MAX_PAGES} pages`, actual: `still a rel="next" after ${MAX_PAGES} pages`, response } };
    }
    request = nextRequest(first, absolute, baseUrl);
  }
}
