// The inline stylesheet of report.html. The report is one self-contained file (issue 4): no fonts, images or
// scripts are fetched, and the page's Content-Security-Policy forbids them, so everything visual lives here.
export const HTML_STYLE = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --err: #9a6700; --err-bg: #fff8c5; --skip: #59636e; --skip-bg: #eff2f5;
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1180px; margin: 0 auto; padding: 0 24px 48px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0; }
code, pre { font: 13px/1.45 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 6px 0 12px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: inherit; }

.banner { color: #fff; padding: 28px 24px 22px; }
.banner > div { max-width: 1180px; margin: 0 auto; }
.banner.conformant { background: linear-gradient(135deg, #1a7f37, #2da44e); }
.banner.not-conformant { background: linear-gradient(135deg, #a40e26, #cf222e); }
.banner.incomplete { background: linear-gradient(135deg, #7d4e00, #bf8700); }
.verdict { font-size: 40px; font-weight: 800; letter-spacing: 0.02em; margin: 0; }
.explanation { font-size: 17px; margin: 4px 0 14px; opacity: 0.95; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; font-size: 14px; }
.facts div { display: flex; gap: 6px; }
.facts dt { opacity: 0.8; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }

.warnings { margin: 20px 0 0; padding: 12px 16px; border: 1px solid #d4a72c; background: var(--err-bg); border-radius: 6px; }
.warnings ul { margin: 4px 0 0; padding-left: 20px; }

.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: var(--bg); }
.card h3 { display: flex; justify-content: space-between; align-items: baseline; }
.card .note { font-size: 12px; font-weight: 400; color: var(--muted); }
.card .big { font-size: 30px; font-weight: 700; margin: 4px 0; }
.card .big small { font-size: 15px; color: var(--muted); font-weight: 400; }
.card .chips { display: flex; flex-wrap: wrap; gap: 6px; }

.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.passed { color: var(--pass); background: var(--pass-bg); }
.badge.failed { color: var(--fail); background: var(--fail-bg); }
.badge.errored { color: var(--err); background: var(--err-bg); }
.badge.skipped, .badge.not-applicable { color: var(--skip); background: var(--skip-bg); }
.level { font: 600 11px/1 ui-monospace, monospace; border: 1px solid var(--line); border-radius: 4px; padding: 3px 5px; color: var(--muted); }
.level.MUST { color: var(--fg); border-color: #8c959f; }

.grid { display: grid; grid-template-columns: 150px 1fr; gap: 8px 12px; align-items: center; }
.grid .op { font-weight: 600; }
.grid .op.legend { font-weight: 400; color: var(--muted); font-size: 13px; margin-top: 6px; }
.tiles { display: flex; flex-wrap: wrap; gap: 5px; }
.tile { font: 600 12px/1 ui-monospace, monospace; padding: 6px 7px; border-radius: 5px; text-decoration: none; border: 1px solid transparent; }
.tile.passed { background: var(--pass-bg); color: var(--pass); }
.tile.failed { background: var(--fail); color: #fff; }
.tile.errored { background: #d4a72c; color: #fff; }
.tile.skipped, .tile.not-applicable { background: var(--skip-bg); color: var(--skip); border-style: dashed; border-color: #afb8c1; }

table.matrix { width: 100%; border-collapse: collapse; font-size: 14px; }
.matrix th, .matrix td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.matrix thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.matrix tr.group th { background: var(--panel); font-size: 14px; padding-top: 10px; }
.matrix td.id { font-family: ui-monospace, monospace; white-space: nowrap; }
.matrix td.reason { color: var(--muted); font-size: 13px; }
.matrix tr.failed td { background: #fff8f7; }
.matrix tr.errored td { background: #fffdf0; }

.failure { border: 1px solid var(--line); border-left: 5px solid var(--fail); border-radius: 6px; padding: 14px 18px; margin: 0 0 18px; }
.failure.errored { border-left-color: #d4a72c; }
.failure header { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.failure .statement { margin: 8px 0; font-size: 15px; }
.failure .meta { color: var(--muted); font-size: 13px; }
.test { margin-top: 12px; border-top: 1px dashed var(--line); padding-top: 10px; }
.test dl { display: grid; grid-template-columns: 90px 1fr; gap: 4px 12px; margin: 6px 0; }
.test dt { color: var(--muted); font-size: 13px; }
.test dd { margin: 0; overflow-wrap: anywhere; }
.test dd.message { font-weight: 600; }
details { margin: 6px 0; }
summary { cursor: pointer; color: var(--muted); font-size: 13px; }
.label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; margin-top: 8px; }

.footprint { display: grid; grid-template-columns: 150px 1fr; gap: 4px 12px; margin: 0; }
.footprint dt { color: var(--muted); }
.footprint dd { margin: 0; }
.left-active { color: var(--fail); font-weight: 700; }
footer.page { max-width: 1180px; margin: 0 auto; padding: 16px 24px 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
@media (max-width: 800px) { .cards { grid-template-columns: 1fr 1fr; } .grid { grid-template-columns: 1fr; } }
`;
