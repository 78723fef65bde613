// TLS (issue 7): a certificate problem is InconclusiveError "tls" with a one-line explanation; --ca FILE trusts a
// private CA; --insecure skips verification. The certificate is made here with the openssl CLI.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../client/http-client.js";
import { preflight } from "../../client/preflight.js";
import { configFor, json, PAIRINGS, startServer, type TestServer } from "./servers.js";

function makeCertificate(): { key: string; cert: string; certFile: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), "tep-tls-"));
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "2",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore", timeout: 30_000 });
  } catch {
    return undefined;
  }
  return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), certFile };
}

const certificate = makeCertificate();

describe.skipIf(!certificate)("TLS (skipped: the openssl CLI could not make a certificate)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, []), createServer({ key: certificate?.key, cert: certificate?.cert }), "https");
  });
  afterAll(() => server.close());

  it("an untrusted self-signed certificate is InconclusiveError \"tls\" with advice", async () => {
    const client = createApiClient(configFor(server.url));
    const error = await client.send({ method: "GET", path: PAIRINGS }).then(() => undefined, (e: unknown) => e as Error & { code: string });
    await client.close();
    expect(error?.name).toBe("InconclusiveError");
    expect(error?.code).toBe("tls");
    expect(error?.message).toMatch(/--ca FILE or NODE_EXTRA_CA_CERTS.*--insecure/);
    expect(error?.message).not.toContain("\n");
    expect(await preflight(configFor(server.url))).toMatchObject({ ok: false, code: "tls" });
  });

  it("caFile trusts it", async () => {
    const client = createApiClient(configFor(server.url, { caFile: certificate?.certFile }));
    expect((await client.send({ method: "GET", path: PAIRINGS })).status).toBe(200);
    await client.close();
  });

  it("insecure skips verification", async () => {
    const client = createApiClient(configFor(server.url, { insecure: true }));
    expect((await client.send({ method: "GET", path: PAIRINGS })).status).toBe(200);
    await client.close();
  });

  it("an https URL pointing at a plain-HTTP server is InconclusiveError \"tls\"", async () => {
    const plain = await startServer((_req, res) => json(res, 200, []));
    const client = createApiClient(configFor(plain.url.replace("http:", "https:")));
    const error = await client.send({ method: "GET", path: PAIRINGS }).then(() => undefined, (e: unknown) => e as Error & { code: string });
    await client.close();
    await plain.close();
    expect(error?.code).toBe("tls");
  });
});
