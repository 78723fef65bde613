// TEP-LIST-010 and TEP-LIST-011: lists followed through Link rel="next" when a server paginates (lib/api.rb
// paginate and build_links, canvas-behavior.md §4). Canvas does not paginate this list; then there is one page and
// no Link header, and only termination and "each pairing once" are checked.
import type { ApiResponse } from "../client/types.js";
import type { Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { idSet, setDifference } from "./list-checks.js";
import { parseLinkHeader, type ListWalk } from "./paginate.js";
import { byId, pairingsOf } from "./pairings.js";
import { activePairing, DEFAULT_LIST, INCLUDE_DELETED_LIST, sharedWalk, stablePredicate, writesAllowed, type ListRequest } from "./shared.js";

// A small page size makes a paginating server paginate; Canvas ignores both (canvas-behavior.md §2).
export const SMALL_PAGES: ListRequest = { query: [["page", "1"], ["per_page", "2"]] };
const PAGINATION_CODES = new Set(["pagination-loop", "pagination-limit", "pagination-origin", "pagination-link", "pagination-no-next"]);

function walkProblems(t: Check, walk: ListWalk, label: string): boolean {
  const problem = walk.problem;
  if (!problem) return true;
  // A list that is not a list at all is TEP-LIST-001's failure; pagination cannot be judged on it.
  if (!PAGINATION_CODES.has(problem.code)) return t.inconclusive(`${label}: ${problem.actual}, expected ${problem.expected}`);
  return t.check("TEP-LIST-010", false, { code: problem.code, expected: problem.expected, actual: problem.actual, response: problem.response });
}

function expectEachOnce(t: Check, walk: ListWalk, label: string): void {
  const duplicates = [...byId(pairingsOf(walk.items, t.profile))].filter(([, list]) => list.length > 1).map(([id]) => id);
  t.check("TEP-LIST-010", duplicates.length === 0, {
    code: "duplicate",
    expected: `each pairing once in ${label}`,
    actual: `listed more than once: ${duplicates.slice(0, 5).join(", ")} (${walk.pages.length} pages)`,
    response: walk.pages[walk.pages.length - 1] ?? null,
  });
}

function linkProblems(page: ApiResponse, isLast: boolean, origin: string): string[] {
  const links = parseLinkHeader(page.headers["link"]);
  const rels = new Set(links.flatMap((l) => l.rels));
  const problems: string[] = [];
  for (const rel of ["current", "first"]) if (!rels.has(rel)) problems.push(`no rel="${rel}"`);
  if (!isLast && !rels.has("next")) problems.push('no rel="next"');
  for (const link of links) {
    let url: URL | undefined;
    try {
      url = /^[a-z][a-z0-9+.-]*:\/\//i.test(link.url) ? new URL(link.url) : undefined;
    } catch {
      url = undefined;
    }
    if (!url) problems.push(`rel="${link.rels.join(" ")}" is not an absolute URL (${link.url})`);
    else if (url.origin !== origin) problems.push(`rel="${link.rels.join(" ")}" is on ${url.origin}`);
  }
  return problems;
}

export function registerPaginationTests(): void {
  requirementTest(["TEP-LIST-010"], 'following Link rel="next" ends and yields every pairing exactly once', async (t) => {
    const active = writesAllowed() ? await activePairing(t) : undefined;
    const [plain, all, small] = await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk(INCLUDE_DELETED_LIST), sharedWalk(SMALL_PAGES)]);
    const labels = ["the default list", "the include_deleted=true list", "the list with page=1&per_page=2"];
    const clean = [plain, all, small].map((walk, i) => walkProblems(t, walk, labels[i]!));
    [plain, all, small].forEach((walk, i) => expectEachOnce(t, walk, labels[i]!));
    const expectIn = (walk: ListWalk, id: string, label: string) =>
      t.check("TEP-LIST-010", byId(pairingsOf(walk.items, t.profile)).has(id), { code: "missing", expected: `pairing ${id} on one of the pages of ${label}`, actual: `${walk.pages.length} pages without it`, response: walk.pages[0] ?? null });
    if (clean[0] && active) expectIn(plain, active.id, labels[0]!);
    if (clean[0] && clean[2]) {
      const stable = await stablePredicate();
      const diff = setDifference(idSet(pairingsOf(plain.items, t.profile), stable), idSet(pairingsOf(small.items, t.profile), stable));
      t.check("TEP-LIST-010", diff === "", { code: "different-list", expected: "the same pairings walked with page=1&per_page=2 as without", actual: diff, response: small.pages[0] ?? null });
    }
  });

  requirementTest(["TEP-LIST-011"], 'a paginated list links rel="current", "first" and "next" with absolute URLs on the server\'s origin', async (t) => {
    const walks = await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk(INCLUDE_DELETED_LIST), sharedWalk(SMALL_PAGES)]);
    const origin = new URL(t.config.baseUrl).origin;
    for (const walk of walks) {
      const paginated = walk.pages.length > 1 || walk.pages.some((p) => p.headers["link"] !== undefined);
      if (!paginated) continue;
      for (const [index, page] of walk.pages.entries()) {
        // The walk's last page is the list's last page unless rel="last" said otherwise (pagination-no-next).
        const isLast = index === walk.pages.length - 1 && walk.problem?.code !== "pagination-no-next";
        const problems = linkProblems(page, isLast, origin);
        const ok = t.check("TEP-LIST-011", problems.length === 0, { code: "link-header", expected: 'a Link header with rel="current", "first" and (but on the last page) "next", absolute URLs on the server\'s origin', actual: problems.join("; "), response: page });
        if (!ok) break;
      }
    }
  });
}
