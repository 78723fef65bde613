import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../reporters/markdown.js";
import { expectGolden } from "./golden.js";
import { hostileRun } from "./hostile-run.js";
import { abortedRun, conformantRun, sampleRun } from "./sample-run.js";

/** Splits Markdown into prose lines and fenced-code lines, following CommonMark's closing-fence rule. */
function scan(markdown: string): { prose: string[]; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    if (fence === undefined) {
      const open = /^(`{3,})/.exec(line);
      if (open?.[1]) fence = open[1];
      else prose.push(line);
    } else if (new RegExp(`^\`{${fence.length},}\\s*$`).test(line)) {
      fence = undefined;
    } else {
      code.push(line);
    }
  }
  expect(fence, "every fenced block is closed").toBeUndefined();
  return { prose, code };
}

/** Table cells are separated by pipes that are not backslash-escaped. */
function cellCount(row: string): number {
  return row.split(/(?<!\\)\|/).length - 2;
}

describe("renderMarkdown", () => {
  it("matches the golden report.md of the sample run", () => {
    expectGolden("report.md", renderMarkdown(sampleRun()));
  });

  const headings = [
    { given: "not conformant", run: sampleRun, want: "# ❌ NOT CONFORMANT — tep-conformance 0.1.0" },
    { given: "conformant", run: conformantRun, want: "# ✅ CONFORMANT — tep-conformance 0.1.0" },
    { given: "aborted", run: abortedRun, want: "# ⚠️ COULD NOT COMPLETE — tep-conformance 0.1.0" },
  ];
  for (const { given, run, want } of headings) {
    it(`opens with the verdict heading of the ${given} run`, () => {
      expect(renderMarkdown(run()).split("\n")[0]).toBe(want);
    });
  }

  it("has a summary table by level and a requirement table per operation", () => {
    const md = renderMarkdown(sampleRun());
    expect(md).toContain("| **MUST** | 13 | 7 | 2 | 1 | 2 | 1 |");
    expect(md).toContain("| **All** | 18 | 9 | 4 | 1 | 2 | 2 |");
    for (const op of ["list", "show", "new", "create", "delete", "auth", "accounts", "representation", "robustness"]) expect(md).toContain(`\n### ${op}\n`);
    expect(md).toContain("| ❌ FAILED | **TEP-DEL-001** | MUST |");
    expect(md).toContain("| ⏭️ skipped | TEP-SHOW-005 | MUST | Show answers 404 for the id of a pairing that belongs to another root account. | needs --foreign-pairing-id |");
  });

  it("details each failure with request, response and curl in fenced blocks", () => {
    const md = renderMarkdown(sampleRun());
    const section = md.slice(md.indexOf("### ❌ TEP-DEL-001"), md.indexOf("### ⚠️ TEP-ACCT-001"));
    expect(section).toContain("- **Expected:** 200 with the pairing, workflow\\_state \"deleted\"");
    expect(section).toContain("```http\nDELETE https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings/1043\nAuthorization: Bearer $CANVAS_API_TOKEN");
    expect(section).toContain("```http\nHTTP 204 No Content\n");
    expect(section).toContain("```sh\ncurl -sS -X DELETE 'https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings/1043'");
  });

  it("keeps hostile text inert: no raw HTML, no broken tables, no escaped fences", () => {
    const { prose, code } = scan(renderMarkdown(hostileRun()));
    const text = prose.join("\n");
    expect(text).not.toMatch(/<(script|img|\/td|\/pre)/i);
    expect(text).toContain("&lt;script&gt;alert(\"x\")&lt;/script&gt;");
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(prose.concat(code).join("\n")).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
    for (const row of prose.filter((l) => l.startsWith("| ") && l.includes("TEP-"))) expect(cellCount(row)).toBe(5);
    // The response body holds ``` and ````` lines; both stay inside one code block.
    expect(code.some((l) => l.includes("after five backticks"))).toBe(true);
    expect(prose.some((l) => l.includes("after five backticks"))).toBe(false);
  });
});
