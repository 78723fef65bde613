// A run whose server-controlled text (and a few tool-side strings) tries to break out of every format: HTML and
// XML markup, a CDATA terminator, both quote kinds, Markdown table pipes and code fences, terminal escape
// sequences, NUL and other control characters, and a bidirectional override.
import type { ConformanceRun, Evidence, RequirementResult } from "../../reporters/model.js";
import { sampleRun, summarize } from "./sample-run.js";

export const MARKUP = `</td></pre><script>alert("x")</script><img src=x onerror=alert(1)>`;
export const CONTROL = "\u0000\u0007\u001b[31mRED\u001b[0m\u0008\u000b\u000c\u007f\u202e";
export const HOSTILE = `${MARKUP} ]]> "double" 'single' & | pipe \`\`\` fence *star* _under_ $x$ ${CONTROL}`;
/** HOSTILE as formats that strip control characters (XML, HTML, Markdown) must show it. */
export const HOSTILE_STRIPPED = HOSTILE.replace(CONTROL, "[31mRED[0m");

const evidence: Evidence = {
  request: {
    method: "POST",
    url: `https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings?q=${encodeURIComponent(MARKUP)}`,
    headers: { Authorization: "Bearer $CANVAS_API_TOKEN", "Content-Type": "application/json", "X-Hostile": HOSTILE },
    body: JSON.stringify({ workflow_state: HOSTILE }),
  },
  response: {
    status: 500,
    headers: { "content-type": `text/html; ${HOSTILE}`, link: HOSTILE },
    body: `<html><body>HOSTILE-BODY ${HOSTILE}\n\`\`\`\`\`\nafter five backticks ${MARKUP}</body></html>`,
  },
};

const hostileRequirement: RequirementResult = {
  id: "TEP-ROB-004", level: "MUST", operation: "robustness", source: `CANVAS:${HOSTILE}`,
  statement: `No request is answered with a 5xx ${HOSTILE}`,
  status: "failed",
  tests: [{
    title: `[TEP-ROB-004] odd encodings ${HOSTILE}`, status: "failed", durationMs: 5,
    message: `message ${HOSTILE}`,
    finding: { requirementId: "TEP-ROB-004", code: `server-error ${HOSTILE}`, expected: `expected ${HOSTILE}`, actual: `actual ${HOSTILE}`, message: `finding ${HOSTILE}` },
    evidence, curl: `curl -sS -X POST '${evidence.request.url}' --data-raw '${HOSTILE}'`,
  }],
};

const skippedHostile: RequirementResult = {
  id: "TEP-ERR-001", level: "SHOULD", operation: "errors", source: "PUB#x", statement: `Errors carry JSON ${HOSTILE}`,
  status: "skipped", reason: `reason ${HOSTILE}`, tests: [],
};

export function hostileRun(): ConformanceRun {
  const base = sampleRun();
  const requirements = [...base.requirements, hostileRequirement, skippedHostile];
  return sampleRun({
    requirements, summary: summarize(requirements),
    target: { baseUrl: "https://canvas.example.edu", accountId: `self${HOSTILE}`, description: `described ${HOSTILE}` },
    warnings: [...base.warnings, `warning ${HOSTILE}`],
    footprint: { created: ["1", `2${HOSTILE}`], deleted: ["1"], leftActive: [`2${HOSTILE}`] },
  });
}
