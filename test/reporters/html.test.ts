import { mkdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../reporters/html.js";
import { packageRoot } from "../../paths.js";
import { expectGolden } from "./golden.js";
import { chromiumMissingReason, renderWithoutJavaScript } from "./headless-chromium.js";
import { HOSTILE_STRIPPED, hostileRun } from "./hostile-run.js";
import { conformantRun, sampleRun } from "./sample-run.js";

/** Anything that would make the page fetch something: stylesheets, scripts, images, frames, fonts, imports. */
const EXTERNAL_ASSET = /<link\b|<script\b|<img\b[^>]*\bsrc\s*=\s*["']?https?:|<iframe\b|<object\b|<embed\b|@import|url\(\s*["']?https?:|\bsrc\s*=\s*["']?https?:/i;

describe("renderHtml", () => {
  it("matches the golden report.html of the sample run", () => {
    expectGolden("report.html", renderHtml(sampleRun()));
  });

  for (const [name, run] of Object.entries({ sample: sampleRun, conformant: conformantRun, hostile: hostileRun })) {
    it(`the ${name} report is one self-contained file: no external assets, no scripts, CSP forbids loading`, () => {
      const html = renderHtml(run());
      expect(html).not.toMatch(EXTERNAL_ASSET);
      expect(html).not.toMatch(/https?:\/\/[^"'\s<]*\.(css|js|png|svg|woff2?)\b/i);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
      expect(html.match(/<style>/g)).toHaveLength(1);
    });
  }

  it("the asset check itself catches external references", () => {
    for (const bad of ['<link rel="stylesheet" href="x.css">', '<script src="https://cdn.example/x.js"></script>', '<img src="https://x/y.png">', "<style>@import 'https://x/y.css';</style>"]) {
      expect(bad).toMatch(EXTERNAL_ASSET);
    }
  });

  it("escapes hostile text everywhere and strips control characters", () => {
    const html = renderHtml(hostileRun());
    expect(html).not.toMatch(/<script|<img|<\/td><\/pre>/i);
    expect(html).toContain("&lt;/td&gt;&lt;/pre&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; ]]&gt; &quot;double&quot; &#39;single&#39; &amp;");
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
  });

  it("links each failed or errored tile of the matrix to its details", () => {
    const html = renderHtml(sampleRun());
    for (const id of ["TEP-LIST-002", "TEP-DEL-001", "TEP-ACCT-001", "TEP-CREATE-007", "TEP-ROB-006"]) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toContain(`<article class="failure ${id === "TEP-ACCT-001" ? "errored" : "failed"}" id="${id}">`);
    }
  });
});

describe("report.html in headless Chromium with JavaScript disabled", () => {
  const missing = chromiumMissingReason();
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tep-html-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("really has scripts disabled (a page whose script would rewrite it stays as written)", async (ctx) => {
    if (missing) return ctx.skip(missing);
    const file = join(dir, "script.html");
    await writeFile(file, '<!doctype html><body><p id="p">static</p><script>document.getElementById("p").textContent = "JS" + " RAN"</script></body>');
    const { dom } = await renderWithoutJavaScript(file);
    expect(dom).toContain('<p id="p">static</p>');
    expect(dom).not.toContain("JS RAN");
  });

  it("renders the verdict, the failing requirements and their evidence; writes .tmp/report-screenshot.png", async (ctx) => {
    if (missing) return ctx.skip(missing);
    const file = join(dir, "report.html");
    await writeFile(file, renderHtml(sampleRun()));
    const screenshotDir = join(packageRoot(), ".tmp");
    mkdirSync(screenshotDir, { recursive: true });
    const { dom } = await renderWithoutJavaScript(file, { screenshotFile: join(screenshotDir, "report-screenshot.png") });
    expect(dom).toContain('<p class="verdict">NOT CONFORMANT</p>');
    expect(dom).toMatch(/<article class="failure failed" id="TEP-DEL-001">[\s\S]*<h3>TEP-DEL-001<\/h3>/);
    expect(dom).toContain("<summary>Request and response: DELETE https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings/1043 → 204 No Content</summary>");
    expect(dom).toContain("curl -sS -X DELETE");
  });

  it("shows hostile text as text: the browser builds no script or image element from it", async (ctx) => {
    if (missing) return ctx.skip(missing);
    const file = join(dir, "hostile.html");
    await writeFile(file, renderHtml(hostileRun()));
    const { dom } = await renderWithoutJavaScript(file);
    expect(dom).not.toMatch(/<script|<img/i);
    // The serialiser re-escapes text, so the statement shows up escaped exactly once: it stayed text.
    expect(dom).toContain(`No request is answered with a 5xx ${HOSTILE_STRIPPED.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`);
  });
});
