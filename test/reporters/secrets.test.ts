// Issue 7, "Secrets": the token never appears in any report format. The model reaching the reporters is already
// redacted (the client replaces the token with $CANVAS_API_TOKEN); the formats must not undo that, and they mask
// any Canvas-token-shaped string that slipped through anyway (a server echoing the token in a body, say).
import { describe, expect, it } from "vitest";
import { renderConsoleSummary } from "../../reporters/console.js";
import { renderHtml } from "../../reporters/html.js";
import { renderJson } from "../../reporters/json.js";
import { renderJunit } from "../../reporters/junit.js";
import { renderMarkdown } from "../../reporters/markdown.js";
import type { ConformanceRun, RequirementResult } from "../../reporters/model.js";
import { SAMPLE_TOKEN, sampleRun } from "./sample-run.js";

const FORMATS: Record<string, (run: ConformanceRun) => string> = {
  console: (run) => renderConsoleSummary(run, { color: false }),
  "console (colour)": (run) => renderConsoleSummary(run, { color: true }),
  json: renderJson,
  junit: renderJunit,
  markdown: renderMarkdown,
  html: renderHtml,
};

/** A run where the token leaked past redaction into server-controlled and tool-side text. */
function leakyRun(): ConformanceRun {
  const base = sampleRun();
  const leak = (r: RequirementResult): RequirementResult => {
    if (r.id !== "TEP-DEL-001") return r;
    const [test] = r.tests;
    if (!test?.evidence) throw new Error("sample changed: TEP-DEL-001 should carry evidence");
    return {
      ...r,
      reason: `token ${SAMPLE_TOKEN}`,
      tests: [{
        ...test,
        message: `echoed ${SAMPLE_TOKEN}`,
        curl: `curl -H 'Authorization: Bearer ${SAMPLE_TOKEN}' '${test.evidence.request.url}?access_token=${SAMPLE_TOKEN}'`,
        evidence: {
          request: { ...test.evidence.request, headers: { Authorization: `Bearer ${SAMPLE_TOKEN}` } },
          // The token straddles the console's 600-character excerpt cut, where a cut-then-mask would leak its head.
          response: { status: 401, headers: { "x-echo": SAMPLE_TOKEN }, body: `${"x".repeat(590)} ${SAMPLE_TOKEN} Invalid access token` },
        },
      }],
    };
  };
  return sampleRun({ requirements: base.requirements.map(leak), warnings: [...base.warnings, `warning with ${SAMPLE_TOKEN}`] });
}

describe("no report format contains the token", () => {
  for (const [name, render] of Object.entries(FORMATS)) {
    it(`${name}: the redacted sample shows the placeholder and never the token`, () => {
      const output = render(sampleRun());
      expect(output).not.toContain(SAMPLE_TOKEN);
      expect(output).toContain("$CANVAS_API_TOKEN");
    });

    it(`${name}: a token that slipped past redaction is still masked`, () => {
      const run = leakyRun();
      expect(JSON.stringify(run)).toContain(SAMPLE_TOKEN);
      const output = render(run);
      expect(output).not.toContain(SAMPLE_TOKEN);
      // Not even a long piece of it (a masked prefix with the tail left over would still leak the secret).
      expect(output).not.toContain(SAMPLE_TOKEN.slice(0, 8));
    });
  }
});
