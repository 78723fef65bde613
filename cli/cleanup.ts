// Footprint cleanup (issue 7): every pairing the run created and that is still active is deleted when the run ends
// — pass, fail, error, timeout or Ctrl-C — and `tep-conformance cleanup --journal PATH` finishes the job after a
// crash. Only journaled ids are ever deleted: the client's guard refuses any other DELETE.
import { existsSync, renameSync } from "node:fs";
import { createApiClient } from "../client/http-client.js";
import { itemPath } from "../client/paths.js";
import { openJournal, type Journal, type JournalEntry } from "../client/journal.js";
import type { RequestStats, TargetConfig } from "../client/types.js";

export interface SweepResult {
  readonly deleted: readonly string[];
  readonly failed: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  /** What the sweep sent (absent when nothing was active): counted in the run's requests (issue 8). */
  readonly requests?: RequestStats;
}

/** Deletes every journaled pairing that is still active. */
export async function sweepJournal(journal: Journal, config: TargetConfig): Promise<SweepResult> {
  const active = journal.active();
  if (active.length === 0) return { deleted: [], failed: [] };
  const client = createApiClient(config, { journal });
  const deleted: string[] = [];
  const failed: Array<{ id: string; reason: string }> = [];
  let requests: RequestStats | undefined;
  try {
    await Promise.all(
      active.map(async (id) => {
        try {
          const response = await client.send({ method: "DELETE", path: itemPath(config.accountId, id) });
          if (response.status >= 200 && response.status < 300) deleted.push(id);
          else if (response.status === 404) {
            journal.recordDeleted(id);
            deleted.push(id);
          } else failed.push({ id, reason: `DELETE answered ${response.status}` });
        } catch (error) {
          failed.push({ id, reason: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
    requests = client.stats();
  } finally {
    await client.close();
  }
  return { deleted: deleted.sort(compareIds), failed, ...(requests ? { requests } : {}) };
}

/**
 * Starts a fresh journal for a run. A journal left by an earlier run that still lists active pairings is kept
 * under a new name (nothing is lost) and reported, so `cleanup` can finish it.
 */
export function prepareJournal(path: string): { journal: Journal; previous?: { path: string; active: number } } {
  let previous: { path: string; active: number } | undefined;
  if (existsSync(path)) {
    const old = openJournal(path);
    const active = old.active().length;
    if (active > 0) {
      const kept = path.replace(/\.jsonl$/, `.previous-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`);
      renameSync(path, kept);
      previous = { path: kept, active };
    } else {
      renameSync(path, path + ".old");
    }
  }
  return { journal: openJournal(path), ...(previous ? { previous } : {}) };
}

/** The target a journal was written for (its first created entry), for `cleanup`. */
export function journalTarget(journal: Journal): { baseUrl?: string; accountId?: string } {
  const created = journal.entries().find((e): e is Extract<JournalEntry, { event: "created" }> => e.event === "created");
  return created ? { baseUrl: created.baseUrl, accountId: created.accountId } : {};
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
