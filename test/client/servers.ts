// Real node:http servers on 127.0.0.1 for the client tests: each records what it received, so a test can assert
// what did (or did not) leave the client.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TargetConfig } from "../../client/types.js";

export const TOKEN = "7~SeCrEt/Token+With=Odd&Chars";
export const UNPRIVILEGED = "8~Unprivileged~Token";

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export interface TestServer {
  readonly url: string;
  readonly received: Received[];
  /** Most requests being handled at the same time. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, received: Received[]) => unknown;

export async function startServer(handler: Handler, server: Server | HttpsServer = createServer(), scheme: "http" | "https" = "http"): Promise<TestServer> {
  const received: Received[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      void Promise.resolve(handler(req, res, body, received)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    received,
    maxInFlight: () => maxInFlight,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export function configFor(baseUrl: string, overrides: Partial<TargetConfig> = {}): TargetConfig {
  return {
    baseUrl,
    token: TOKEN,
    unprivilegedToken: UNPRIVILEGED,
    accountId: "self",
    profile: "canvas",
    readOnly: false,
    strict: false,
    timeoutMs: 2_000,
    concurrency: 4,
    reportDir: mkdtempSync(join(tmpdir(), "tep-client-")),
    maxResponseBytes: 1024 * 1024,
    insecure: false,
    followRedirects: false,
    ...overrides,
  };
}

export const PAIRINGS = "/api/v1/accounts/self/temporary_enrollment_pairings";
