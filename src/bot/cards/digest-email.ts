/**
 * The digest as an email, for officers the bot cannot reach in Teams: the same actions in the same order, the same
 * words for status and due state, the same last update, and a link to each action in the tab: the tab's own
 * address, not a Teams deep link (Teams is what does not reach them: a policy may block the app there). Accessible HTML:
 * a language, a heading structure, a list of actions each under its own heading, link texts that name their
 * action, no layout tables and no colour carrying meaning. Every value from people or SharePoint is escaped
 * (text, never markup). Pure.
 */
import { formatLongDate } from "../../domain/dates.ts";
import type { Said } from "./common.ts";
import { standaloneActionUrl } from "../../domain/deep-links.ts";
import { carriedMeasures, type DigestAction, dueState, type Links, lastUpdate, statusWords } from "./digest-action.ts";
import { digestOverview, greeting } from "./digest-card.ts";
import { type DigestFigure, type DigestReview, earlierMissing, eqiaLink, figureWords, measuresSummary, reviewWords } from "./digest-measures.ts";

export interface DigestEmailInput {
  officerName: string;
  actions: readonly DigestAction[];
  figures?: readonly DigestFigure[];
  reviews?: readonly DigestReview[];
  now: Date;
  links: Links;
  bankHolidays: readonly string[];
}

export interface DigestEmail {
  subject: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const plain = (parts: readonly Said[]) => parts.map((p) => (typeof p === "string" ? p : p.text)).join("");

function measures(a: DigestAction): string {
  const m = carriedMeasures(a);
  return m ? `<p><strong>Success measures:</strong> ${escapeHtml(plain(m))}</p>` : "";
}

/** "Figures due" and "Impact assessments to review": each under its own heading, a link naming what it opens. */
function measureItems(input: DigestEmailInput, today: string): string[] {
  const out: string[] = [];
  const figures = input.figures ?? [];
  const reviews = input.reviews ?? [];
  if (figures.length) {
    out.push("<h2>Figures due</h2>", '<ul style="list-style:none;padding:0">');
    for (const f of figures) {
      const more = earlierMissing(f);
      out.push(
        `<li><h3 style="font-size:1.05em">${escapeHtml(plain(figureWords(f)))}</h3>`,
        more ? `<p>${escapeHtml(more)}</p>` : "",
        `<p><a href="${escapeHtml(standaloneActionUrl(input.links.appBaseUrl, f.actionId))}">Record the value of ${escapeHtml(f.indicatorName)} in Equality Action Plan</a></p></li>`,
      );
    }
    out.push("</ul>");
  }
  if (reviews.length) {
    out.push("<h2>Impact assessments to review</h2>", '<ul style="list-style:none;padding:0">');
    for (const r of reviews) {
      out.push(
        `<li><h3 style="font-size:1.05em">${escapeHtml(r.title)}</h3>`,
        `<p>${escapeHtml(reviewWords(r, today))}.</p>`,
        `<p><a href="${escapeHtml(eqiaLink(input.links, r.eqiaId))}">Open the assessment ${escapeHtml(r.title)} in Equality Action Plan</a></p></li>`,
      );
    }
    out.push("</ul>");
  }
  return out;
}

export function buildDigestEmail(input: DigestEmailInput): DigestEmail {
  const { today, actions, summary } = digestOverview(input);
  const items = actions.map((a) => {
    const name = a.reference ? `${a.reference}: ${a.text}` : a.text;
    const label = a.reference || "this action";
    return [
      "<li>",
      `<h3 style="font-size:1.1em">${escapeHtml(name)}</h3>`,
      `<p><strong>Status:</strong> ${escapeHtml(statusWords(a))}. <strong>Due:</strong> ${escapeHtml(plain(dueState(a, today, input.bankHolidays)))}.</p>`,
      `<p><strong>Last update:</strong> ${escapeHtml(plain(lastUpdate(a, today)))}</p>`,
      measures(a),
      `<p><a href="${escapeHtml(standaloneActionUrl(input.links.appBaseUrl, a.id))}">Update ${escapeHtml(label)} in Equality Action Plan</a></p>`,
      "</li>",
    ].join("");
  });
  const html = [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Your equality actions</title></head>',
    '<body style="font-family:Segoe UI,Arial,sans-serif;font-size:16px;line-height:1.5">',
    "<h1>Your equality actions</h1>",
    `<p>Hello ${escapeHtml(input.officerName)}. ${escapeHtml(greeting(summary, input))} As of ${escapeHtml(formatLongDate(today))}.</p>`,
    items.length ? `<h2>Actions due</h2><ul style="list-style:none;padding:0">${items.join("")}</ul>` : "",
    ...measureItems(input, today),
    `<p><a href="${escapeHtml(`${input.links.appBaseUrl.replace(/\/+$/, "")}/#/`)}">Open all my actions in Equality Action Plan</a></p>`,
    "<p>You are getting this email because the Equality Action Plan app could not reach you in Microsoft Teams.</p>",
    "</body></html>",
  ].join("\n");
  const asked = measuresSummary(input.figures?.length ?? 0, input.reviews?.length ?? 0);
  return { subject: `Your equality actions: ${[summary, asked].filter(Boolean).join("; ") || "nothing due"}`, html };
}
