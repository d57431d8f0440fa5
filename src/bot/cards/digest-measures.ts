/**
 * The digest's two other sections: "Figures due" (an indicator's value for its last complete period, with a compact
 * form that records it from the card through the same checked command as the tab) and "Impact assessments to
 * review" (an EqIA's title, its review date and a link to it in the tab). People's text (names, references,
 * titles) goes in through `said`. Pure.
 */
import { daysBetween, formatLongDate } from "../../domain/dates.ts";
import { standaloneEqiaUrl, teamsEqiaDeepLink } from "../../domain/deep-links.ts";
import type { IndicatorPeriod } from "../../domain/indicator-periods.ts";
import { INDICATOR_UNIT_LABELS, type IndicatorUnit } from "../../domain/measure-constants.ts";
import { describeDaysLeft } from "../../domain/reminder-policy.ts";
import { CARD_DATA_VERSION, type CardCarry, type Element, heading, line, openUrl, run, type Said, said, text, VERBS } from "./common.ts";
import { actionLink, type Links } from "./digest-action.ts";

export interface DigestFigure {
  actionId: number;
  actionReference: string;
  indicatorId: number;
  indicatorName: string;
  unit: IndicatorUnit;
  period: IndicatorPeriod;
  /** Complete periods without a value, the asked one included. */
  missing: number;
}

export interface DigestReview {
  eqiaId: number;
  title: string;
  reviewDate: string;
}

/** Longest value typed on a card: a figure, or a few words for a text indicator (the column's single line). */
export const MAX_VALUE_CHARS = 255;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 figures to give and 1 impact assessment to review" ("" when neither): card and email alike. */
export function measuresSummary(figures: number, reviews: number): string {
  return [figures ? plural(figures, "figure to give", "figures to give") : "", reviews ? plural(reviews, "impact assessment to review", "impact assessments to review") : ""]
    .filter(Boolean)
    .join(" and ");
}

/** The input a figure's form carries its value in (`value-<indicator id>`). */
export const valueInputId = (indicatorId: number) => `value-${indicatorId}`;

/** The EqIA in the tab: a Teams deep link when the app's Teams id is known (as for actions), else the tab's address. */
export function eqiaLink(links: Links, eqiaId: number): string {
  return links.teamsAppId ? teamsEqiaDeepLink(links.teamsAppId, eqiaId) : standaloneEqiaUrl(links.appBaseUrl, eqiaId);
}

/** "Response rate, 18–24 (QA3) for Q2 2026-27": people's words as runs, ours as strings. */
export function figureWords(f: DigestFigure, bold: Record<string, unknown> = {}): Said[] {
  return [said(f.indicatorName, 120, bold), ...(f.actionReference ? [" (", said(f.actionReference, 40), ")"] : []), ` for ${f.period.label}`];
}

/** The unit as a form's label says it ("per cent"), none for a count of things. */
export function unitWords(unit: IndicatorUnit): string {
  return unit === "text" ? "in words" : `in ${INDICATOR_UNIT_LABELS[unit].toLowerCase()}`;
}

export const earlierMissing = (f: DigestFigure) =>
  f.missing > 1 ? `${f.missing - 1} earlier period${f.missing === 2 ? " has" : "s have"} no value either: record ${f.missing === 2 ? "it" : "them"} in the tab.` : "";

/** What a value press carries: whose card, which action and indicator, the period the card asked for, and what else the card shows. */
export function figureData(f: DigestFigure, officerId: number, carry: CardCarry = {}) {
  return { v: CARD_DATA_VERSION, actionId: f.actionId, officer: officerId, indicatorId: f.indicatorId, period: f.period.id, ...carry };
}

function figureForm(f: DigestFigure, officerId: number, carry: CardCarry): Element {
  const id = valueInputId(f.indicatorId);
  const label = `Value for ${f.period.label} (${unitWords(f.unit)})`;
  const input =
    f.unit === "text"
      ? { type: "Input.Text", id, label, maxLength: MAX_VALUE_CHARS }
      : // Not isRequired (Teams validates a form's every input): the command checks the value and says what is wrong.
        { type: "Input.Number", id, label, ...(f.unit === "percent" ? { min: 0, max: 100 } : {}) };
  const name = f.actionReference ? said(f.actionReference, 40).text : "this action";
  return {
    type: "Action.ShowCard",
    // Each button names its figure for screen readers: several "Record the value…" would not say which.
    title: `Record the value for ${name}…`,
    card: { type: "AdaptiveCard", body: [input], actions: [{ type: "Action.Execute", title: "Save the value", verb: VERBS.recordValue, data: figureData(f, officerId, carry) }] },
  };
}

export function figuresSection(figures: readonly DigestFigure[], o: { officerId: number; links: Links; carry?: CardCarry }): Element[] {
  if (figures.length === 0) return [];
  const out: Element[] = [heading("Figures due", 3)];
  for (const f of figures) {
    const more = earlierMissing(f);
    out.push({
      type: "Container",
      separator: true,
      items: [
        line(figureWords(f, { weight: "Bolder" })),
        ...(more ? [text(more, { isSubtle: true, spacing: "None" })] : []),
        { type: "ActionSet", actions: [figureForm(f, o.officerId, o.carry ?? {}), openUrl("Open in the tab", actionLink(o.links, f.actionId))] },
      ],
    });
  }
  return out;
}

/** "Review by 3 December 2026 (in 9 days)". */
export function reviewWords(r: DigestReview, today: string): string {
  return `Review by ${formatLongDate(r.reviewDate)} (${describeDaysLeft(daysBetween(today, r.reviewDate))})`;
}

export function reviewsSection(reviews: readonly DigestReview[], o: { today: string; links: Links }): Element[] {
  if (reviews.length === 0) return [];
  const out: Element[] = [heading("Impact assessments to review", 3)];
  for (const r of reviews) {
    out.push({
      type: "Container",
      separator: true,
      items: [
        line([said(r.title, 200, { weight: "Bolder" })]),
        line([run(reviewWords(r, o.today))], { spacing: "None" }),
        { type: "ActionSet", actions: [openUrl("Open the assessment in the tab", eqiaLink(o.links, r.eqiaId))] },
      ],
    });
  }
  return out;
}
