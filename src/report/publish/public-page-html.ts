/**
 * The public progress page as one self-contained HTML file (src/domain/public-progress.ts is its model): semantic
 * landmarks and headings (h1 the year, h2 each role, h3 each objective, h4 each action), tables with captions and
 * header cells, a contents list, a skip link, British English, an inline stylesheet with a print layout
 * (public-page-styles.ts), and no script at all. A Content-Security-Policy allows that stylesheet alone (by its
 * hash), so even a council CMS that mangled the page could not make it run anything.
 *
 * Every text is escaped: what people wrote is shown as text, never read as markup. Runs in Node and the browser.
 */
import type { PublicAction, PublicIndicator, PublicObjective, PublicPage, PublicRole } from "../../domain/public-progress.ts";
import { PUBLIC_PAGE_CSS } from "./public-page-styles.ts";

export const GENERATOR = "Equality Action Plan";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const BULLET = /^\s*•\s*/;

/** A person's text: blank lines part paragraphs, "• " lines are a list, other line breaks stay. */
function prose(t: string, cls?: string): string {
  const attr = cls ? ` class="${cls}"` : "";
  const out: string[] = [];
  for (const block of t.split(/\n\s*\n/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (lines.length) out.push(`<p${attr}>${lines.map(esc).join("<br>")}</p>`);
      if (items.length) out.push(`<ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`);
      lines = [];
      items = [];
    };
    for (const raw of block.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      if (BULLET.test(line)) {
        if (lines.length) flush();
        items.push(line.replace(BULLET, ""));
      } else {
        if (items.length) flush();
        lines.push(line);
      }
    }
    flush();
  }
  return out.join("\n");
}

/** A commitment with its own list ("… to:\n• Identify …") is one list item with a nested list. */
function commitmentItem(c: string): string {
  const [lead, ...rest] = c.split("\n").filter((l) => l.trim());
  const subs = rest.map((l) => l.replace(BULLET, "").trim());
  return `<li>${esc(lead.replace(BULLET, ""))}${subs.length ? `<ul>${subs.map((s) => `<li>${esc(s)}</li>`).join("")}</ul>` : ""}</li>`;
}

function scrollTable(id: string, caption: string, head: string[], rows: string[]): string {
  return [
    // A named region that takes focus, so a keyboard can scroll a table wider than a narrow screen.
    `<section class="table-wrap" aria-labelledby="${id}" tabindex="0">`,
    `<table>`,
    `<caption id="${id}">${esc(caption)}</caption>`,
    `<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    `</table>`,
    `</section>`,
  ].join("\n");
}

function summarySection(page: PublicPage): string {
  const rows = page.summary.rows.map((r, i, all) => {
    const cells = [r.actions, ...r.values].map((n) => `<td class="number">${n}</td>`).join("");
    return `<tr${i === all.length - 1 ? ' class="total"' : ""}><th scope="row">${esc(r.label)}</th>${cells}</tr>`;
  });
  return [
    `<section aria-labelledby="summary">`,
    `<h2 id="summary">Summary</h2>`,
    `<p>${page.actionCount} action(s) were reported on in ${esc(page.period)}. The table counts them by role, with their status and outcome.</p>`,
    scrollTable("summary-caption", `Actions reported on in ${page.period}, by role`, page.summary.columns, rows),
    `</section>`,
  ].join("\n");
}

function actionArticle(a: PublicAction, period: string): string {
  const [first, ...more] = a.text.split(/\n\s*\n/);
  const facts = [a.reference && ["Reference", a.reference], a.responsible && ["Responsible", a.responsible]].filter((f): f is string[] => Boolean(f));
  return [
    `<article aria-labelledby="action-${a.id}">`,
    `<h4 id="action-${a.id}">${esc(first.trim()).replace(/\n/g, "<br>")}</h4>`,
    ...more.map((p) => prose(p)),
    facts.length ? `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl>` : "",
    `<p><strong>Progress in ${esc(period)}:</strong></p>`,
    ...a.progress.flatMap((p) => [prose(p.text), `<p class="attribution">${esc(p.attribution)}</p>`]),
    `<p class="outcome">${esc(a.outcome)}</p>`,
    `</article>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function objectiveSection(o: PublicObjective, id: string, period: string): string {
  return [
    `<section aria-labelledby="${id}">`,
    `<h3 id="${id}">Objective: ${esc(o.statement)}</h3>`,
    o.commitments.length ? `<p>Our commitments:</p>\n<ul>${o.commitments.map(commitmentItem).join("")}</ul>` : "",
    ...o.actions.map((a) => actionArticle(a, period)),
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function roleSection(r: PublicRole, n: number, period: string): string {
  return [
    `<section aria-labelledby="role-${n}">`,
    `<h2 id="role-${n}">${esc(r.heading)}</h2>`,
    ...r.objectives.map((o, i) => objectiveSection(o, `role-${n}-objective-${i + 1}`, period)),
    `</section>`,
  ].join("\n");
}

function indicatorSection(ind: PublicIndicator, n: number): string {
  const rows = ind.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.values.map((v) => `<td>${esc(v)}</td>`).join("")}</tr>`);
  return [
    `<section aria-labelledby="indicator-${n}">`,
    `<h3 id="indicator-${n}">${esc(ind.title)}</h3>`,
    ind.description ? prose(ind.description) : "",
    // Named apart from the section's heading: two landmarks with one name cannot be told apart.
    scrollTable(`indicator-${n}-caption`, `${ind.title}, by ${(ind.columns[0] ?? "row").toLowerCase()}`, ind.columns, rows),
    ind.source ? `<p class="attribution">Source: ${esc(ind.source)}</p>` : "",
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** SHA-256 of the stylesheet, base64, for the Content-Security-Policy (Web Crypto: Node and browsers alike). */
async function styleHash(css: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css)));
  return btoa(String.fromCharCode(...digest));
}

/** The page's HTML. `csvName` is the file of the same progress published beside it. */
export async function publicPageHtml(page: PublicPage, csvName: string): Promise<string> {
  const title = `Progress in ${page.period}: ${page.planTitle}`;
  const contents = [
    ["summary", "Summary"],
    ...page.roles.map((r, i) => [`role-${i + 1}`, r.heading]),
    ...(page.indicators.length ? [["indicators", "Indicators"]] : []),
    ["data", "The data behind this page"],
  ];
  const csp = `default-src 'none'; style-src 'sha256-${await styleHash(PUBLIC_PAGE_CSS)}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="${GENERATOR}">
<meta name="description" content="${esc(`Progress in ${page.period} on the actions of the ${page.planTitle}, published on ${page.publishedOnText}.`)}">
<title>${esc(title)}</title>
<style>${PUBLIC_PAGE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the progress report</a>
<div class="page">
<header>
<p class="plan">${esc(page.planTitle)}</p>
<h1>Progress in ${esc(page.period)}</h1>
<p>Published on <time datetime="${esc(page.publishedOn)}">${esc(page.publishedOnText)}</time>.</p>
</header>
<nav aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ol>
${contents.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join("\n")}
</ol>
</nav>
<main id="main">
<p>This page reports the progress made from ${esc(page.periodText)} on the actions of our equality objectives, as approved for publication. It is part of how we meet the Public Sector Equality Duty (Equality Act 2010). Actions name the teams and roles responsible for them.</p>
${summarySection(page)}
${page.roles.map((r, i) => roleSection(r, i + 1, page.period)).join("\n")}
${page.indicators.length ? `<section aria-labelledby="indicators">\n<h2 id="indicators">Indicators</h2>\n${page.indicators.map((ind, i) => indicatorSection(ind, i + 1)).join("\n")}\n</section>` : ""}
<section aria-labelledby="data">
<h2 id="data">The data behind this page</h2>
<p>The progress on this page, one row per update, is also published as a spreadsheet file: <a href="${esc(csvName)}" download>${esc(csvName)} (CSV)</a>.</p>
</section>
</main>
<footer>
<p>${esc(page.planTitle)}: progress in ${esc(page.period)}, published on ${esc(page.publishedOnText)}.</p>
</footer>
</div>
</body>
</html>
`;
}
