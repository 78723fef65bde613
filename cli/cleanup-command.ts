// `tep-conformance cleanup --journal PATH`: delete what a crashed (SIGKILLed) run left active (issue 7).
import { openJournal } from "../client/journal.js";
import { DEFAULTS, targetConfig, type ConformanceOptions } from "./options.js";
import { journalTarget, sweepJournal } from "./cleanup.js";

export async function cleanupCommand(journalPath: string, options: ConformanceOptions): Promise<number> {
  const journal = openJournal(journalPath);
  const recorded = journalTarget(journal);
  const baseUrl = options.baseUrl ?? recorded.baseUrl;
  const active = journal.active();
  if (active.length === 0) {
    process.stdout.write(`tep-conformance cleanup: nothing to do — no active pairing in ${journalPath}\n`);
    return 0;
  }
  if (!baseUrl) {
    process.stderr.write("tep-conformance cleanup: the journal names no server — pass --base-url\n");
    return 2;
  }
  if (!options.token) {
    process.stderr.write("tep-conformance cleanup: no API token — pass --token TOKEN or set CANVAS_API_TOKEN\n");
    return 2;
  }
  // Cleanup must be able to delete, and never follows a redirect, whatever else the flags say.
  const config = targetConfig(
    { ...options, accountId: options.accountId ?? recorded.accountId ?? DEFAULTS.accountId, readOnly: false, followRedirects: false },
    { baseUrl, token: options.token },
    ".",
  );
  const result = await sweepJournal(journal, config);
  process.stdout.write(`tep-conformance cleanup: deleted ${result.deleted.length} of ${active.length} active pairing(s)${result.deleted.length ? ": " + result.deleted.join(", ") : ""}\n`);
  for (const f of result.failed) process.stderr.write(`tep-conformance cleanup: pairing ${f.id} not deleted: ${f.reason}\n`);
  return result.failed.length ? 3 : 0;
}
