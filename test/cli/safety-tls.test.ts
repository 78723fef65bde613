// Issue 7 end to end, TLS: an HTTPS front with a self-signed certificate before the reference server. Without
// --ca the run ends at once (exit 3) with a one-line explanation naming the certificate and --ca; --ca FILE trusts
// it, as does NODE_EXTRA_CA_CERTS; --insecure skips verification only as an explicit opt-in, with a warning in the
// report and on the console.
import { describe, expect, test } from "vitest";
import { explain, runCli } from "./run-cli.js";
import { makeCertificate, startHttpsFront, withReferenceServer, type Certificate } from "./safety-servers.js";

// The certificate is made by the openssl CLI; made before any run is in flight (never blocking the event loop).
const certificate: Certificate | undefined = await makeCertificate();

// Each test has its own reference server: concurrent runs against one server would see each other's pairings.
async function throughHttpsFront<T>(body: (args: string[]) => Promise<T>): Promise<T> {
  return withReferenceServer({}, async (server) => {
    const front = await startHttpsFront(server.url, certificate!);
    try {
      return await body(["--base-url", front.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, "--foreign-pairing-id", server.foreignPairingId]);
    } finally {
      await front.close();
    }
  });
}

describe.skipIf(!certificate).concurrent("TLS (issue 7) (skipped when the openssl CLI cannot make a certificate)", { timeout: 90_000 }, () => {
  test("an untrusted certificate: exit 3 within seconds, one line naming the certificate and --ca", async () => {
    const result = await throughHttpsFront((args) => runCli(args, { timeoutMs: 30_000 }));
    expect(result.code, explain(result)).toBe(3);
    expect(result.durationMs).toBeLessThan(10_000);
    const reason = result.report?.abortReason ?? "";
    expect(reason).toMatch(/certificate/);
    expect(reason).toMatch(/--ca FILE/);
    expect(reason).not.toMatch(/\n/);
    expect(result.stdout).toMatch(/COULD NOT COMPLETE/);
    expect(result.stdout.split("\n").filter((line) => /certificate/.test(line) && /--ca/.test(line)).length).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test("--ca cert.pem trusts the private certificate: conformant", async () => {
    const result = await throughHttpsFront((args) => runCli([...args, "--ca", certificate!.certFile]));
    expect(result.code, explain(result)).toBe(0);
    expect(result.report!.insecure).toBe(false);
    expect(result.report!.warnings.filter((w) => /insecure/.test(w))).toEqual([]);
  });

  test("NODE_EXTRA_CA_CERTS trusts the private certificate too: conformant", async () => {
    const result = await throughHttpsFront((args) => runCli(args, { env: { NODE_EXTRA_CA_CERTS: certificate!.certFile } }));
    expect(result.code, explain(result)).toBe(0);
  });

  test("--insecure: conformant, with the opt-in recorded and warned about in the report and on the console", async () => {
    const result = await throughHttpsFront((args) => runCli([...args, "--insecure"]));
    expect(result.code, explain(result)).toBe(0);
    expect(result.report!.insecure).toBe(true);
    expect(result.report!.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/--insecure: TLS certificates were not verified/)]));
    expect(result.stdout).toMatch(/--insecure: TLS certificates were not verified/);
  });
});
