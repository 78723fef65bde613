// Helpers of the end-to-end safety tests (issue 7): what the reference server holds (through include_deleted),
// the journal a running CLI writes, and small servers placed in front of the reference server — a header-stripping
// front, an HTTPS front, a redirecting front and a header-recording origin. Everything here is asynchronous: the
// reference server runs in the test process, so nothing may block its event loop while a CLI run is in flight.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, stat } from "node:fs/promises";
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startReferenceServer, type ReferenceServerOptions, type RunningReferenceServer } from "../../fixtures/index.js";
import type { ConformanceRun } from "../../reporters/model.js";
import { CLI, freshReportDir } from "./run-cli.js";

export async function withReferenceServer<T>(options: ReferenceServerOptions, body: (server: RunningReferenceServer) => Promise<T>): Promise<T> {
  const server = await startReferenceServer(options);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

/** The flags naming every input of a reference server, so no requirement is skipped for a missing input. */
export function targetArgs(server: RunningReferenceServer): string[] {
  return ["--base-url", server.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, "--foreign-pairing-id", server.foreignPairingId];
}

/** id → workflow_state of every pairing of the root account, deleted ones included (canvas-behavior.md §2, include_deleted). */
export async function pairingStates(server: RunningReferenceServer): Promise<Map<string, string>> {
  const response = await fetch(`${server.url}/api/v1/accounts/self/temporary_enrollment_pairings?include_deleted=true`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  if (response.status !== 200) throw new Error(`include_deleted list answered ${response.status}`);
  const items = (await response.json()) as Array<Record<string, unknown>>;
  const states = new Map<string, string>();
  for (const item of items) {
    // Canvas wraps each object in its root key (canvas-behavior.md §1).
    const pairing = (item["temporary_enrollment_pairing"] ?? item) as { id: number | string; workflow_state: string };
    states.set(String(pairing.id), pairing.workflow_state);
  }
  return states;
}

export interface JournalLines {
  readonly created: string[];
  readonly deleted: string[];
  /** Created active and not deleted since. */
  readonly active: string[];
}

/** The footprint journal as written so far; a missing file or a line cut short reads as nothing. */
export async function readJournal(path: string): Promise<JournalLines> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { created: [], deleted: [], active: [] };
  }
  const created: string[] = [];
  const deleted: string[] = [];
  const active = new Set<string>();
  for (const line of text.split("\n")) {
    let entry: { event?: string; id?: string; workflowState?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.event === "created" && entry.id) {
      created.push(entry.id);
      if (entry.workflowState !== "deleted") active.add(entry.id);
    } else if (entry.event === "deleted" && entry.id) {
      deleted.push(entry.id);
      active.delete(entry.id);
    }
  }
  return { created, deleted, active: [...active] };
}

/** Polls `check` every 10 ms until it holds; throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A 127.0.0.1 port nothing listens on (listened on, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Front {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(server: Server, scheme: "http" | "https"): Promise<Front> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Forwards a request to `targetUrl` (http), handing the answer's headers through `editHeaders`. */
function forward(targetUrl: string, editHeaders: (headers: IncomingHttpHeaders) => IncomingHttpHeaders = (h) => h) {
  const target = new URL(targetUrl);
  return (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, editHeaders(answer.headers));
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  };
}

/**
 * A front that removes X-Rate-Limit-Remaining and X-Request-Cost: a throttling proxy that does not announce its
 * bucket, so the client cannot pace ahead and must meet 403 Rate Limit Exceeded (canvas-behavior.md §4) and back off.
 */
export function startBucketHidingFront(targetUrl: string): Promise<Front> {
  const hide = (headers: IncomingHttpHeaders) => {
    const { "x-rate-limit-remaining": _remaining, "x-request-cost": _cost, ...rest } = headers;
    return rest;
  };
  return listen(createServer(forward(targetUrl, hide)), "http");
}

/** An HTTPS front with the given certificate, forwarding to the (http) reference server. */
export function startHttpsFront(targetUrl: string, certificate: { key: string; cert: string }): Promise<Front> {
  return listen(createHttpsServer({ key: certificate.key, cert: certificate.cert }, forward(targetUrl)) as unknown as Server, "https");
}

export interface RecordingOrigin extends Front {
  /** The headers of every request it received. */
  readonly received: IncomingHttpHeaders[];
}

/** Another origin that records every request's headers and forwards it to `targetUrl`, so following it would pass. */
export async function startRecordingOrigin(targetUrl: string): Promise<RecordingOrigin> {
  const received: IncomingHttpHeaders[] = [];
  const pass = forward(targetUrl);
  const front = await listen(createServer((req, res) => {
    received.push(req.headers);
    pass(req, res);
  }), "http");
  return { ...front, received };
}

/** A front that answers every request 302 with the same path and query on `otherOrigin`. */
export function startRedirectingFront(otherOrigin: string): Promise<Front> {
  return listen(createServer((req, res) => {
    res.writeHead(302, { location: `${otherOrigin}${req.url ?? "/"}`, "content-length": "0" });
    res.end();
  }), "http");
}

export interface Certificate {
  readonly key: string;
  readonly cert: string;
  readonly certFile: string;
}

/** A self-signed certificate for 127.0.0.1 made by the openssl CLI, or undefined when openssl is missing. */
export async function makeCertificate(): Promise<Certificate | undefined> {
  const dir = await mkdtemp(join(tmpdir(), "tep-tls-"));
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  try {
    await promisify(execFile)("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "2",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { timeout: 20_000 });
  } catch {
    return undefined;
  }
  return { key: await readFile(keyFile, "utf8"), cert: await readFile(certFile, "utf8"), certFile };
}

/** Every file under `dir` (recursively, hidden ones included) with its bytes as text. */
export async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path)));
    else out.push({ path, text: await readFile(path, "latin1") });
  }
  return out;
}

export interface InterruptedRun {
  readonly code: number | null;
  readonly stderr: string;
  readonly reportDir: string;
  readonly report?: ConformanceRun;
}

/**
 * Ctrl-C as a terminal sends it: SIGINT to the CLI's whole process group (the CLI and the suite worker it forked),
 * once `ready(reportDir)` holds. The CLI is started in a group of its own so the signal does not reach the tests.
 */
export async function runCliInterruptedLikeATerminal(args: readonly string[], ready: (reportDir: string) => Promise<boolean>): Promise<InterruptedRun> {
  const reportDir = freshReportDir();
  const child = spawn(process.execPath, [CLI, ...args, "--report-dir", reportDir], {
    detached: true,
    env: { ...process.env, NO_COLOR: "1", CANVAS_API_TOKEN: "", CANVAS_BASE_URL: "", CANVAS_UNPRIVILEGED_TOKEN: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 60_000);
  try {
    await waitFor("the run to be ready for Ctrl-C", () => ready(reportDir));
    process.kill(-child.pid!, "SIGINT");
    const code = await closed;
    let report: ConformanceRun | undefined;
    try {
      report = JSON.parse(await readFile(join(reportDir, "report.json"), "utf8")) as ConformanceRun;
    } catch {
      report = undefined;
    }
    return { code, stderr, reportDir, ...(report ? { report } : {}) };
  } finally {
    clearTimeout(killer);
  }
}
