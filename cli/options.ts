// The options of a conformance run: the same for the CLI flags and for runConformance() (issue 5).
import type { TargetConfig } from "../client/types.js";
import type { Operation, Profile } from "../spec/index.js";
import type { RawTest } from "../reporters/vitest-adapter.js";

export const REPORT_FORMATS = ["console", "json", "junit", "markdown", "html"] as const;
export type ReportFormatName = (typeof REPORT_FORMATS)[number];

export interface ConformanceOptions {
  /** Server to test; without it (and without image) the embedded reference server is started and tested. */
  baseUrl?: string;
  token?: string;
  accountId?: string;
  profile?: Profile;
  unprivilegedToken?: string;
  foreignPairingId?: string;
  strict?: boolean;
  readOnly?: boolean;
  only?: Operation[];
  reportDir?: string;
  /** Report formats to write; "console" is printed by the CLI only. Default: all. */
  reporters?: ReportFormatName[];
  timeoutMs?: number;
  runTimeoutMs?: number;
  concurrency?: number;
  caFile?: string;
  insecure?: boolean;
  followRedirects?: boolean;
  image?: string;
  containerPort?: number;
  containerEnv?: Record<string, string>;
  waitPath?: string;
  containerStartupTimeoutMs?: number;
  /** Abort the run (Ctrl-C): cleanup and reports still happen; the run ends with exit code 3. */
  signal?: AbortSignal;
  /** Live progress: each finished test. */
  onTest?: (test: RawTest) => void;
  /** One-line notices for the console (the embedded server's URL, cleanup, warnings). */
  onNotice?: (line: string) => void;
}

export const DEFAULTS = {
  accountId: "self",
  profile: "canvas" as Profile,
  reportDir: "conformance-report",
  timeoutMs: 10_000,
  runTimeoutMs: 600_000,
  concurrency: 4,
  maxResponseBytes: 8 * 1024 * 1024,
  containerPort: 3000,
  containerStartupTimeoutMs: 60_000,
};

/** Where the requests go and with which credentials; the rest of a TargetConfig comes from the options. */
export interface TargetEndpoint {
  readonly baseUrl: string;
  readonly token: string;
  readonly unprivilegedToken?: string;
  readonly foreignPairingId?: string;
}

/** The TargetConfig for options and an endpoint, defaults filled in one place for the run and for `cleanup`. */
export function targetConfig(options: ConformanceOptions, endpoint: TargetEndpoint, reportDir: string): TargetConfig {
  return {
    baseUrl: endpoint.baseUrl.replace(/\/+$/, ""),
    token: endpoint.token,
    accountId: options.accountId ?? DEFAULTS.accountId,
    profile: options.profile ?? DEFAULTS.profile,
    ...(endpoint.unprivilegedToken ? { unprivilegedToken: endpoint.unprivilegedToken } : {}),
    ...(endpoint.foreignPairingId ? { foreignPairingId: endpoint.foreignPairingId } : {}),
    readOnly: options.readOnly ?? false,
    strict: options.strict ?? false,
    ...(options.only ? { only: options.only } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    reportDir,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    ...(options.caFile ? { caFile: options.caFile } : {}),
    insecure: options.insecure ?? false,
    followRedirects: options.followRedirects ?? false,
  };
}
