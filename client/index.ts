// The HTTP client's public surface, for the suites and the CLI (client/types.ts is the contract).
export type * from "./types.js";
export { createApiClient, createdPairing, USER_AGENT, type ApiClientOptions, type JournaledApiClient } from "./http-client.js";
export { preflight, type PreflightResult } from "./preflight.js";
export { InconclusiveError, NoAnswerError, isInconclusive, isNoAnswer, TLS_ADVICE } from "./errors.js";
export { openJournal, readEntries, JOURNAL_FILE, type Journal, type JournalEntry, type CreatedInfo } from "./journal.js";
export { redact, redactHeaders, containsSecret, TOKEN_PLACEHOLDER, UNPRIVILEGED_TOKEN_PLACEHOLDER, type Secrets } from "./redact.js";
export { curlFor, shellWord } from "./curl.js";
export { Pacer, isThrottled, retryAfterMs, type PacerOptions } from "./pacer.js";
export { pairingTarget, PROBE_WINDOW_MS, type PairingTarget } from "./guard.js";
export { EVIDENCE_BODY_LIMIT } from "./evidence.js";
export { runWithDepth, forkChain, inheritDepth, criticalPath, resetCriticalPath } from "./critical-path.js";
