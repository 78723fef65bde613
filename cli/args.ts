// Command-line parsing: flags beat environment variables beat defaults (style.md §11). Every usage error is one
// line saying what is wrong and the fix; main.ts prints it and exits 2.
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { OPERATIONS, PROFILES, type Operation, type Profile } from "../spec/index.js";
import type { ConformanceOptions, ReportFormatName } from "./options.js";
import { REPORT_FORMATS } from "./options.js";

export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(what: string, readonly fix: string) {
    super(`${what} — ${fix}`);
  }
}

export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "serve"; readonly argv: string[] }
  | { readonly kind: "cleanup"; readonly journal: string; readonly options: ConformanceOptions }
  | { readonly kind: "run"; readonly options: ConformanceOptions; readonly color: boolean };

/** Flags people reach for that are spelled differently here: the error names the right one. */
const RENAMED: Record<string, string> = {
  "--url": "--base-url", "--baseUrl": "--base-url", "--base_url": "--base-url", "--host": "--base-url",
  "--access-token": "--token", "--api-token": "--token", "--account": "--account-id",
  "--reporters": "--reporter", "--format": "--reporter", "--output": "--report-dir", "--out": "--report-dir",
  "--readonly": "--read-only", "--timeout-ms": "--timeout", "--cacert": "--ca", "-k": "--insecure",
};

const FLAGS = {
  "base-url": { type: "string" }, token: { type: "string" }, "account-id": { type: "string" },
  profile: { type: "string" }, "unprivileged-token": { type: "string" }, "foreign-pairing-id": { type: "string" },
  strict: { type: "boolean" }, "read-only": { type: "boolean" }, only: { type: "string" },
  "report-dir": { type: "string" }, reporter: { type: "string" }, timeout: { type: "string" },
  "run-timeout": { type: "string" }, concurrency: { type: "string" }, ca: { type: "string" },
  insecure: { type: "boolean" }, "follow-redirects": { type: "boolean" }, "no-color": { type: "boolean" },
  image: { type: "string" }, "container-port": { type: "string" }, env: { type: "string", multiple: true },
  "wait-path": { type: "string" }, "container-startup-timeout": { type: "string" }, journal: { type: "string" },
  help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" },
} as const;

export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  if (argv[0] === "serve") return { kind: "serve", argv: argv.slice(1) };
  const isCleanup = argv[0] === "cleanup";
  const rest = isCleanup ? argv.slice(1) : [...argv];
  for (const arg of rest) {
    const flag = arg.split("=")[0]!;
    if (RENAMED[flag]) throw new UsageError(`unknown option ${flag}`, `did you mean ${RENAMED[flag]}? (tep-conformance --help)`);
  }
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: FLAGS, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new UsageError(describeParseError(error), "run tep-conformance --help for the options");
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, "commands are serve and cleanup; options start with --");
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const options = optionsFrom(values, env);
  if (isCleanup) {
    const journal = values.journal as string | undefined;
    if (!journal) throw new UsageError("cleanup needs --journal PATH", "pass the footprint.jsonl of the run to clean up");
    if (!existsSync(journal)) throw new UsageError(`no journal at ${journal}`, "pass the footprint.jsonl from the run's report directory");
    return { kind: "cleanup", journal, options };
  }
  if (values.journal) throw new UsageError("--journal belongs to the cleanup command", "run tep-conformance cleanup --journal PATH");
  const color = !values["no-color"] && !env.NO_COLOR && Boolean(process.stdout.isTTY);
  return { kind: "run", options, color };
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return `option ${missing[1]!.replace(/^-\w, /, "")} needs a value`;
  return message.split("\n")[0]!.replace(/\.$/, "");
}

function optionsFrom(v: Record<string, string | boolean | string[] | undefined>, env: NodeJS.ProcessEnv): ConformanceOptions {
  const str = (name: string) => v[name] as string | undefined;
  const baseUrl = str("base-url") ?? (env.CANVAS_BASE_URL || undefined);
  const token = str("token") ?? (env.CANVAS_API_TOKEN || undefined);
  if (baseUrl !== undefined) checkBaseUrl(baseUrl);
  if (str("image") && baseUrl) throw new UsageError("--image and --base-url both name a target", "pass one of them");
  if ((baseUrl || str("image")) && !token) throw new UsageError("no API token", "pass --token TOKEN or set CANVAS_API_TOKEN");
  const profile = str("profile");
  if (profile !== undefined && !PROFILES.includes(profile as Profile)) throw new UsageError(`unknown profile "${profile}"`, `use --profile ${PROFILES.join(" or --profile ")}`);
  const only = list(str("only"), "--only", OPERATIONS) as Operation[] | undefined;
  const reporters = list(str("reporter"), "--reporter", REPORT_FORMATS) as ReportFormatName[] | undefined;
  const caFile = str("ca");
  if (caFile && !existsSync(caFile)) throw new UsageError(`no CA file at ${caFile}`, "pass a PEM file with --ca");
  const unprivilegedToken = str("unprivileged-token") ?? (env.CANVAS_UNPRIVILEGED_TOKEN || undefined);
  const o: ConformanceOptions = {
    ...(baseUrl ? { baseUrl } : {}),
    ...(token ? { token } : {}),
    ...(str("account-id") ? { accountId: str("account-id") } : {}),
    ...(profile ? { profile: profile as Profile } : {}),
    ...(unprivilegedToken ? { unprivilegedToken } : {}),
    ...(str("foreign-pairing-id") ? { foreignPairingId: str("foreign-pairing-id") } : {}),
    strict: Boolean(v.strict),
    readOnly: Boolean(v["read-only"]),
    ...(only ? { only } : {}),
    ...(str("report-dir") ? { reportDir: str("report-dir") } : {}),
    ...(reporters ? { reporters } : {}),
    ...(str("timeout") ? { timeoutMs: positive(str("timeout")!, "--timeout") } : {}),
    ...(str("run-timeout") ? { runTimeoutMs: positive(str("run-timeout")!, "--run-timeout") } : {}),
    ...(str("concurrency") ? { concurrency: positive(str("concurrency")!, "--concurrency", 64) } : {}),
    ...(caFile ? { caFile } : {}),
    insecure: Boolean(v.insecure),
    followRedirects: Boolean(v["follow-redirects"]),
    ...(str("image") ? { image: str("image") } : {}),
    ...(str("container-port") ? { containerPort: positive(str("container-port")!, "--container-port", 65535) } : {}),
    ...(v.env ? { containerEnv: envPairs(v.env as string[]) } : {}),
    ...(str("wait-path") ? { waitPath: str("wait-path") } : {}),
    ...(str("container-startup-timeout") ? { containerStartupTimeoutMs: positive(str("container-startup-timeout")!, "--container-startup-timeout") } : {}),
  };
  return o;
}

function checkBaseUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url "${value}" is not a URL`, "pass the instance's origin, e.g. --base-url https://canvas.example.edu");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--base-url must be http or https, not ${url.protocol}`, "pass e.g. --base-url https://canvas.example.edu");
  if (url.search || url.hash) throw new UsageError("--base-url must not carry a query or fragment", "pass only the origin (and a path prefix, if any)");
  if (/\/api\/v1/.test(url.pathname)) throw new UsageError("--base-url must not include /api/v1", "pass only the origin, e.g. --base-url https://canvas.example.edu");
}

function list(value: string | undefined, flag: string, allowed: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} is empty`, `pass some of ${allowed.join(",")}`);
  for (const item of items) if (!allowed.includes(item)) throw new UsageError(`${flag} has unknown value "${item}"`, `use some of ${allowed.join(",")}`);
  return [...new Set(items)];
}

function positive(value: string, flag: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`${flag} must be a whole number from 1 to ${max}, not "${value}"`, `e.g. ${flag} ${flag === "--concurrency" ? 4 : 10000}`);
  return Number(value);
}

function envPairs(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq < 1) throw new UsageError(`--env "${item}" is not KEY=VALUE`, "pass e.g. --env TEP_TOKEN=admin-token");
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
