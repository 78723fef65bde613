// The first request of a run (issue 7, "Verdict rules"): an unreachable target — connection refused, DNS, TLS —
// must end the run within seconds with exit 3, not after every test has timed out. Any HTTP answer at all
// (even 401, 404 or a throttled 403) means the target is reachable; the suites judge the rest.
import { isInconclusive, isNoAnswer } from "./errors.js";
import { createApiClient } from "./http-client.js";
import type { Journal } from "./journal.js";
import type { TargetConfig } from "./types.js";
import { collectionPath } from "./paths.js";

export type PreflightResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: "unreachable" | "tls" | "timeout"; readonly message: string };

// Preflight sends one GET: it never writes, so it needs no journal on disk.
const NO_JOURNAL: Journal = {
  path: "(preflight)",
  recordCreated: () => undefined,
  recordDeleted: () => undefined,
  created: () => [],
  deleted: () => [],
  active: () => [],
  has: () => false,
  entries: () => [],
};

/** One GET of the list endpoint, classified. The message is one line with the token redacted. */
export async function preflight(config: TargetConfig): Promise<PreflightResult> {
  const client = createApiClient({ ...config, concurrency: 1, readOnly: true }, { journal: NO_JOURNAL });
  try {
    await client.send({ method: "GET", path: collectionPath(config.accountId) });
    return { ok: true };
  } catch (error) {
    if (isInconclusive(error) && (error.code === "unreachable" || error.code === "tls")) {
      return { ok: false, code: error.code, message: error.message };
    }
    if (isNoAnswer(error) && error.code === "timeout") return { ok: false, code: "timeout", message: error.message };
    // Throttled, reset, redirected, too large: the target answered something; the suites will report it.
    return { ok: true };
  } finally {
    await client.close();
  }
}
