// `tep-conformance cleanup --journal PATH`: delete what a crashed (SIGKILLed) run left active (issue 7).
import { openJournal } from "../client/journal.js";
import { DEFAULTS, type ConformanceOptions } from "./options.js";
import { journalTarget, sweepJournal } from "./cleanup.js";

export async function cleanupCommand(journalPath: string, options: ConformanceOptions): Promise<number> {
  const recorded = journalTarget(journalPath);
  const baseUrl = options.baseUrl ?? recorded.baseUrl;
  const journal = openJournal(journalPath);
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
  const result = await sweepJournal(journal, {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    token: options.token,
    accountId: options.accountId ?? recorded.accountId ?? DEFAULTS.accountId,
    profile: options.profile ?? DEFAULTS.profile,
    readOnly: false,
    strict: false,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    reportDir: ".",
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    ...(options.caFile ? { caFile: options.caFile } : {}),
    insecure: options.insecure ?? false,
    followRedirects: false,
  });
  process.stdout.write(`tep-conformance cleanup: deleted ${result.deleted.length} of ${active.length} active pairing(s)${result.deleted.length ? ": " + result.deleted.join(", ") : ""}\n`);
  for (const f of result.failed) process.stderr.write(`tep-conformance cleanup: pairing ${f.id} not deleted: ${f.reason}\n`);
  return result.failed.length ? 3 : 0;
}
