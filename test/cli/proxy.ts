// A recording HTTP proxy on 127.0.0.1 for CLI tests: forwards every request to a target and remembers the
// method and path of each, so a test can assert what left the process (e.g. --read-only sends GET only).
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordingProxy {
  readonly url: string;
  readonly seen: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const seen: Array<{ method: string; path: string }> = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? "?", path: req.url ?? "" });
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
