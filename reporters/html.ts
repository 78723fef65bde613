// report.html: one self-contained page (issue 4) — inline CSS, no external assets, no JavaScript; evidence sits in
// <details> so it opens without scripts. Every value from the model is escaped, and a Content-Security-Policy
// forbids scripts and remote loads outright, so even an escaping mistake could not run a server's markup.
import { LEVELS, type Level } from "../spec/index.js";
import type { ConformanceRun, Evidence, RequirementResult, TestResult } from "./model.js";
import { HTML_STYLE } from "./html-style.js";
import { bodyExcerpt, formatDuration, maskTokenShapes, requestHeadersShown, statusLine, stripControlChars } from "./text.js";
import { STATUS_LABEL, explainingTests, failureAffectsVerdict, groupByOperation, problems, targetLabel, verdictOf } from "./views.js";

/** The page has room for more of a body than the console; the model's excerpt is a few KiB at most anyway. */
const BODY_EXCERPT_CHARS = 4000;

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return stripControlChars(maskTokenShapes(text))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const e = escapeHtml;

const LEVEL_NOTE: Readonly<Record<Level, string>> = { MUST: "breaks conformance", SHOULD: "warning unless --strict", MAY: "informational" };

function badge(status: RequirementResult["status"] | TestResult["status"]): string {
  return `<span class="badge ${status}">${e(STATUS_LABEL[status].toLowerCase())}</span>`;
}

function banner(run: ConformanceRun): string {
  const verdict = verdictOf(run);
  const facts: Array<[string, string]> = [
    ["Profile", `${run.profile}${run.strict ? " (strict)" : ""}`],
    ["Target", targetLabel(run)],
    ["Spec", run.spec.version],
    ["Started", run.startedAt],
    ["Duration", formatDuration(run.durationMs)],
    ["Exit code", String(run.exitCode)],
    ...(run.readOnly ? [["Mode", "read-only"] as [string, string]] : []),
  ];
  return `<header class="banner ${verdict.kind}"><div>
<p class="verdict">${e(verdict.label)}</p>
<p class="explanation">${e(verdict.explanation)}</p>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`).join("")}</dl>
</div></header>`;
}

function warnings(run: ConformanceRun): string {
  if (run.warnings.length === 0) return "";
  return `<section class="warnings" aria-label="Warnings"><strong>Warnings</strong><ul>${run.warnings.map((w) => `<li>${e(w)}</li>`).join("")}</ul></section>`;
}

function summaryCards(run: ConformanceRun): string {
  const card = (title: string, note: string, c: { passed: number; failed: number; errored: number; skipped: number; notApplicable: number }): string => {
    const applicable = c.passed + c.failed + c.errored + c.skipped;
    const chips = ([["failed", c.failed], ["errored", c.errored], ["skipped", c.skipped], ["not-applicable", c.notApplicable]] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `<span class="badge ${s}">${n} ${e(STATUS_LABEL[s].toLowerCase())}</span>`)
      .join("");
    return `<div class="card"><h3>${e(title)} <span class="note">${e(note)}</span></h3>
<p class="big">${c.passed}<small> / ${applicable} passed</small></p><div class="chips">${chips || '<span class="badge passed">all passed</span>'}</div></div>`;
  };
  const levelNote = (level: Level): string => (level === "SHOULD" && run.strict ? "counts (--strict)" : LEVEL_NOTE[level]);
  return `<section><h2>Summary</h2><div class="cards">${LEVELS.map((l) => card(l, levelNote(l), run.summary.byLevel[l])).join("")}${card("All", `${run.summary.total} requirements`, run.summary)}</div></section>`;
}

/** The at-a-glance matrix: one row per operation, one tile per requirement; problem tiles link to their details. */
function overview(run: ConformanceRun): string {
  const rows = groupByOperation(run.requirements).map((group) => {
    const tiles = group.requirements.map((r) => {
      const title = `${r.id} (${r.level}) ${STATUS_LABEL[r.status]}: ${r.statement}`;
      const label = e(r.id.replace(/^TEP-/, ""));
      return r.status === "failed" || r.status === "errored"
        ? `<a class="tile ${r.status}" href="#${e(r.id)}" title="${e(title)}">${label}</a>`
        : `<span class="tile ${r.status}" title="${e(title)}">${label}</span>`;
    });
    return `<div class="op">${e(group.operation)}</div><div class="tiles">${tiles.join("")}</div>`;
  });
  const legend = (["passed", "failed", "errored", "skipped", "not-applicable"] as const).map((s) => `<span class="tile ${s}">${e(STATUS_LABEL[s].toLowerCase())}</span>`).join("");
  return `<section><h2>Matrix</h2><div class="grid">${rows.join("\n")}\n<div class="op legend">Legend</div><div class="tiles">${legend}</div></div></section>`;
}

function requirementTable(run: ConformanceRun): string {
  const body = groupByOperation(run.requirements).map((group) => {
    const rows = group.requirements.map((r) => {
      const id = r.status === "failed" || r.status === "errored" ? `<a href="#${e(r.id)}">${e(r.id)}</a>` : e(r.id);
      return `<tr class="${r.status}"><td>${badge(r.status)}</td><td class="id">${id}</td><td><span class="level ${r.level}">${r.level}</span></td><td>${e(r.statement)}</td><td class="reason">${e(r.reason ?? "")}</td></tr>`;
    });
    return `<tr class="group"><th colspan="5">${e(group.operation)}</th></tr>\n${rows.join("\n")}`;
  });
  return `<section><h2>Requirements</h2><table class="matrix"><thead><tr><th>Status</th><th>Requirement</th><th>Level</th><th>Statement</th><th>Note</th></tr></thead>
<tbody>
${body.join("\n")}
</tbody></table></section>`;
}

function evidenceHtml(ev: Evidence): string {
  const request = [`${ev.request.method} ${ev.request.url}`, ...requestHeadersShown(ev.request.headers).map(([k, v]) => `${k}: ${v}`)];
  if (ev.request.body) request.push("", bodyExcerpt(ev.request.body, BODY_EXCERPT_CHARS));
  const response = !ev.response
    ? undefined
    : ev.response.error
      ? [`(no answer: ${ev.response.error})`]
      : // Every response header is shown (the page has room); the request shows the ones that matter for a replay.
        [`HTTP ${statusLine(ev.response.status)}`, ...Object.entries(ev.response.headers).map(([k, v]) => `${k}: ${v}`), "", bodyExcerpt(ev.response.body, BODY_EXCERPT_CHARS)];
  const outcome = !ev.response ? "" : ev.response.error ? ` → no answer (${ev.response.error})` : ` → ${statusLine(ev.response.status)}`;
  return `<details><summary>Request and response: ${e(`${ev.request.method} ${ev.request.url}${outcome}`)}</summary>
<div class="label">Request</div><pre>${e(request.join("\n"))}</pre>
${response ? `<div class="label">Response</div><pre>${e(response.join("\n"))}</pre>` : ""}
</details>`;
}

function testHtml(t: TestResult): string {
  const message = t.finding?.message ?? t.message;
  const rows: Array<[string, string, string]> = [["Test", `${t.title} (${formatDuration(t.durationMs)})`, ""]];
  if (message) rows.push([t.status === "errored" ? "Error" : "Finding", message, "message"]);
  if (t.finding) rows.push(["Expected", t.finding.expected, ""], ["Actual", t.finding.actual, ""]);
  const dl = `<dl>${rows.map(([k, v, cls]) => `<dt>${e(k)}</dt><dd${cls ? ` class="${cls}"` : ""}>${e(v)}</dd>`).join("")}</dl>`;
  const curl = t.curl ? `<div class="label">Reproduce</div><pre>${e(t.curl)}</pre>` : "";
  return `<div class="test">${dl}${t.evidence ? evidenceHtml(t.evidence) : ""}${curl}</div>`;
}

function failures(run: ConformanceRun): string {
  const list = problems(run);
  if (list.length === 0) return "";
  const articles = list.map((r) => {
    const weight = r.status === "errored" ? "could not check" : failureAffectsVerdict(run, r.level) ? "breaks conformance" : "does not affect the verdict";
    return `<article class="failure ${r.status}" id="${e(r.id)}">
<header>${badge(r.status)}<h3>${e(r.id)}</h3><span class="level ${r.level}">${r.level}</span><span class="meta">${e(weight)} · source ${e(r.source)}</span></header>
<p class="statement">${e(r.statement)}</p>${r.reason ? `<p class="meta">Reason: ${e(r.reason)}</p>` : ""}
${explainingTests(r).map(testHtml).join("\n")}
</article>`;
  });
  return `<section><h2>Failures and errors</h2>\n${articles.join("\n")}\n</section>`;
}

function footprint(run: ConformanceRun): string {
  const { created, deleted, leftActive } = run.footprint;
  // A long run creates hundreds of pairings: their ids fold away, the ones left active never do.
  const ids = (list: readonly string[]): string =>
    list.length === 0 ? "" : list.length <= 20 ? ` <code>${e(list.join(", "))}</code>` : ` <details><summary>ids</summary><code>${e(list.join(", "))}</code></details>`;
  const left = leftActive.length > 0 ? `<span class="left-active">${leftActive.length} left active</span> <code>${e(leftActive.join(", "))}</code>` : "0 left active";
  const cost = Number.isInteger(run.requests.cost) ? String(run.requests.cost) : run.requests.cost.toFixed(2);
  return `<section><h2>Footprint and requests</h2><dl class="footprint">
<dt>Pairings created</dt><dd>${created.length}${ids(created)}</dd>
<dt>Pairings deleted</dt><dd>${deleted.length}${ids(deleted)}</dd>
<dt>Left active</dt><dd>${left}</dd>
<dt>Requests</dt><dd>${run.requests.count} sent · ${run.requests.throttled} throttled · cost ${e(cost)}</dd>
</dl></section>`;
}

/** report.html for the run. */
export function renderHtml(run: ConformanceRun): string {
  const verdict = verdictOf(run);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(`${verdict.label} — ${run.tool.name} report for ${run.target.baseUrl}`)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${banner(run)}
<main>
${warnings(run)}
${summaryCards(run)}
${overview(run)}
${failures(run)}
${requirementTable(run)}
${footprint(run)}
</main>
<footer class="page">${e(`${run.tool.name} ${run.tool.version} · spec ${run.spec.version} (sha256 ${run.spec.sha256})`)}</footer>
</body>
</html>
`;
}
