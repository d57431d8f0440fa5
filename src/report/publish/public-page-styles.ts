/**
 * The public page's one stylesheet, inlined (the page is self-contained: no fonts, images or scripts to fetch).
 * Colours meet WCAG 2.2 AA contrast in light and dark schemes; forced colours (Windows high contrast) take over
 * with system colours, since nothing here paints with backgrounds that carry meaning. Focus is a thick, visible
 * outline. Long tables scroll inside their own focusable region at narrow widths (reflow at 320 CSS px), and
 * print gets black on white, no contents list, and links followed by their file name.
 */
export const PUBLIC_PAGE_CSS = `
:root { color-scheme: light dark; --text: #0b0c0c; --muted: #484949; --bg: #ffffff; --link: #1d4f91; --visited: #4c2c92; --rule: #b1b4b6; --panel: #f3f2f1; --focus: #ffdd00; }
@media (prefers-color-scheme: dark) {
  :root { --text: #f3f2f1; --muted: #c8c8c8; --bg: #121212; --link: #8ab4f8; --visited: #d7b8ff; --rule: #6f7173; --panel: #1f1f1f; }
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: var(--text); background: var(--bg); }
.page { max-width: 50rem; margin: 0 auto; padding: 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; background: var(--focus); color: #0b0c0c; }
.skip { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; top: 0.5rem; z-index: 1; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 2.25rem; margin-top: 0.5em; }
h2 { font-size: 1.75rem; border-top: 2px solid var(--rule); padding-top: 0.75em; }
h3 { font-size: 1.375rem; }
h4 { font-size: 1.1875rem; }
.plan { color: var(--muted); margin: 0; }
nav ol { padding-left: 1.5rem; }
nav li { margin: 0.35rem 0; }
nav a { display: inline-block; min-height: 24px; padding: 0.1rem 0; }
article { border-left: 4px solid var(--rule); padding: 0 0 0 1rem; margin: 1.5rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
dl.facts div { display: contents; }
dt { font-weight: bold; }
dd { margin: 0; }
.attribution { color: var(--muted); font-style: italic; font-size: 1rem; }
.outcome { font-weight: bold; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; min-width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border: 1px solid var(--rule); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr.total th, tbody tr.total td { font-weight: bold; }
footer { margin-top: 3rem; border-top: 2px solid var(--rule); color: var(--muted); font-size: 1rem; }
@media (max-width: 30rem) {
  body { font-size: 1.0625rem; }
  h1 { font-size: 1.75rem; }
  h2 { font-size: 1.5rem; }
  dl.facts { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4; margin: 2cm; }
  :root { --text: #000000; --muted: #333333; --bg: #ffffff; --link: #000000; --visited: #000000; --rule: #777777; --panel: #eeeeee; }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .skip, nav { display: none; }
  a[href$=".csv"]::after { content: " (" attr(href) ")"; }
  .table-wrap { overflow: visible; }
  h2, h3, h4 { break-after: avoid; }
  article, tr { break-inside: avoid; }
}
`;
