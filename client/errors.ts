// The two ways a request can end without an answer to judge (issue 7, "Verdict rules"; style.md §4):
//   InconclusiveError — we could not ask (throttled, unreachable, TLS, aborted, refused by our own guard):
//                       the check is errored, never failed.
//   NoAnswerError     — the reachable server did not answer properly (timeout, reset, flood, redirect):
//                       a conformant server answers, so the requirement being checked has failed.
// The reporter adapter tells them apart by `name` across the worker boundary (suites/meta.ts
// INCONCLUSIVE_ERROR_NAME / NO_ANSWER_ERROR_NAME), so the names below must not change.
import type { Evidence } from "../reporters/model.js";
import type { InconclusiveCode, NoAnswerCode } from "./types.js";

export class InconclusiveError extends Error {
  readonly code: InconclusiveCode;
  /** The redacted request (and partial answer, if any) that could not be completed. */
  readonly evidence?: Evidence;

  constructor(code: InconclusiveCode, message: string, options?: { evidence?: Evidence; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "InconclusiveError";
    this.code = code;
    if (options?.evidence) this.evidence = options.evidence;
  }
}

export class NoAnswerError extends Error {
  readonly code: NoAnswerCode;
  /** The redacted request, with `response.error` saying what happened instead of an answer. */
  readonly evidence?: Evidence;

  constructor(code: NoAnswerCode, message: string, options?: { evidence?: Evidence; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NoAnswerError";
    this.code = code;
    if (options?.evidence) this.evidence = options.evidence;
  }
}

/** True for errors of either kind, also when they crossed a process boundary and lost their prototype. */
export function isInconclusive(error: unknown): error is InconclusiveError {
  return error instanceof Error && error.name === "InconclusiveError";
}

export function isNoAnswer(error: unknown): error is NoAnswerError {
  return error instanceof Error && error.name === "NoAnswerError";
}

/** The one-line explanation for a certificate problem (issue 7, "TLS"). */
export const TLS_ADVICE =
  "certificate problem: for a private CA use --ca FILE or NODE_EXTRA_CA_CERTS, or opt out of verification with --insecure";
