/**
 * The reminder digest: one card per officer per run listing their due and overdue actions, most urgent first,
 * each with ONE "Update…" button whose form opens in the card (./digest-action.ts). Past MAX_ACTIONS (or the size
 * budget) the card says how many more are in the tab, so a busy officer's card stays short and well under Teams'
 * message size. Pure: the run and the card action handlers both build it from the actions as read.
 */
import { formatLongDate } from "../../domain/dates.ts";
import { MY_ACTIONS_ENTITY_ID } from "../../domain/deep-links.ts";
import { londonDate } from "../../domain/london-time.ts";
import { computeNudges, effectiveDueDate, type ReminderPolicy } from "../../domain/reminder-policy.ts";
import { CARD_DATA_VERSION, CARD_UTF16_BUDGET_BYTES, type CardCarry, MAX_CARD_MEASURES, MAX_HISTORY_SOURCES, type Card, card, type Element, heading, line, openUrl, type Said, said, text, userMri, utf16Bytes, VERBS } from "./common.ts";
import { actionSection, type DigestAction, isLate, type Links } from "./digest-action.ts";
import { type DigestFigure, type DigestReview, figuresSection, measuresSummary, reviewsSection } from "./digest-measures.ts";

export { actionData, actionLink, type DigestAction, MAX_REASON_CHARS, MAX_UPDATE_CHARS } from "./digest-action.ts";

/** Actions shown on one card; the rest are one click away in the tab. */
export const MAX_ACTIONS = 6;

export interface DigestCardInput {
  officerName: string;
  /** Whose card it is (site user id): button presses and refreshes list this officer's actions again. */
  officerId: number;
  actions: readonly DigestAction[];
  /** Indicator values to give, and EqIAs to review (a run's nudges; on a refreshed card, those still due). */
  figures?: readonly DigestFigure[];
  reviews?: readonly DigestReview[];
  now: Date;
  links: Links;
  /** Entra object ids of the people whose copy Teams should refresh automatically (at most 60). */
  refreshObjectIds: readonly string[];
  bankHolidays: readonly string[];
  /** Shown above the list after someone acted on the card ("Update saved."); people's text in it comes as runs. */
  notice?: { parts: readonly Said[]; tone: "good" | "warning" | "attention" };
  /** Largest update Teams users may type (the SharePoint column holds more). */
  maxUpdateChars?: number;
}

export function myActionsLink(links: Links): string {
  return links.teamsAppId
    ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/${MY_ACTIONS_ENTITY_ID}`
    : `${links.appBaseUrl.replace(/\/+$/, "")}/#/`;
}

/**
 * Which of these actions a digest lists: those the reminder policy finds due or overdue now, whatever the ledger
 * says (a card shows all of an officer's due work, not only the new nudges).
 */
export function dueOnCard(actions: Parameters<typeof computeNudges>[0]["actions"], now: Date, policy: ReminderPolicy): number[] {
  // A card pressed in the evening or at the weekend lists the same work: the policy's quiet hours and working days
  // decide when reminders go out, not what is due.
  const always = { ...policy, quietHours: { start: "00:00", end: "00:00" }, workingDaysOnly: false };
  return [...new Set(computeNudges({ actions, ledger: [], now, policy: always }).nudges.map((n) => n.actionId))];
}

/** Most urgent first: the earliest (effective) due date, so the most overdue leads; undated last. */
export function byUrgency(actions: readonly DigestAction[], holidays: readonly string[]): DigestAction[] {
  const key = new Map(actions.map((a) => [a.id, effectiveDueDate(a.due, holidays) ?? "9999-12-31"]));
  return [...actions].sort((a, b) => (key.get(a.id) as string).localeCompare(key.get(b.id) as string) || a.id - b.id);
}

/** "You have 2 overdue. You have 1 figure to give." / "Nothing is due.": card and email alike. */
export function greeting(summary: string, input: { figures?: readonly unknown[]; reviews?: readonly unknown[] }): string {
  const measures = measuresSummary(input.figures?.length ?? 0, input.reviews?.length ?? 0);
  const parts = [summary ? `You have ${summary}.` : "", measures ? `You have ${measures}.` : ""].filter(Boolean);
  return parts.length ? parts.join(" ") : "Nothing is due.";
}

const NOTICE_COLOR = { good: "Good", warning: "Warning", attention: "Attention" } as const;

/** The digest's actions most urgent first, and its summary ("2 overdue and 1 due soon"; "" when nothing is): card and email alike. */
export function digestOverview(input: { actions: readonly DigestAction[]; now: Date; bankHolidays: readonly string[] }) {
  const today = londonDate(input.now);
  const actions = byUrgency(input.actions, input.bankHolidays);
  const overdue = actions.filter((a) => isLate(a, today)).length;
  const dueSoon = actions.length - overdue;
  const summary = [overdue ? `${overdue} overdue` : "", dueSoon ? `${dueSoon} due soon` : ""].filter(Boolean).join(" and ");
  return { today, actions, summary };
}

/**
 * What the card shows besides its actions, for its buttons' data: the actions whose history it shows (sources of its
 * carried actions), the figures and the EqIAs it lists (those past six are in the tab, not on the card).
 */
function carryOf(actions: readonly DigestAction[], input: DigestCardInput): CardCarry {
  const history = [...new Set(actions.filter((a) => a.carried && a.carriedFromId).map((a) => a.carriedFromId as number))].slice(0, MAX_HISTORY_SOURCES);
  const shown = Math.min(MAX_ACTIONS, MAX_CARD_MEASURES);
  const figures = (input.figures ?? []).slice(0, shown).map((f): [number, number] => [f.indicatorId, f.actionId]);
  const reviews = (input.reviews ?? []).slice(0, shown).map((r) => r.eqiaId);
  return { ...(history.length ? { history } : {}), ...(figures.length ? { figures } : {}), ...(reviews.length ? { reviews } : {}) };
}

export function buildDigestCard(input: DigestCardInput): Card {
  const { today, actions, summary } = digestOverview(input);
  const head: Element[] = [
    heading("Your equality actions"),
    line(["Hello ", said(input.officerName, 100), `. ${greeting(summary, input)} As of ${formatLongDate(today)}.`]),
  ];
  if (input.notice) {
    const style = { color: NOTICE_COLOR[input.notice.tone], weight: "Bolder" };
    head.unshift(line(input.notice.parts.map((p) => (typeof p === "string" ? { type: "TextRun", text: p, ...style } : { ...p, ...style }))));
  }
  const carry = carryOf(actions, input);
  const refresh = {
    action: { type: "Action.Execute", title: "Refresh", verb: VERBS.refresh, data: { v: CARD_DATA_VERSION, officer: input.officerId, ...carry } },
    userIds: [...new Set(input.refreshObjectIds)].slice(0, 60).map(userMri),
  };
  const extra = {
    refresh,
    fallbackText: `You have ${actions.length} equality action(s) due or overdue. Open the Equality Action Plan tab to see them.`,
    actions: [openUrl("Open my actions", myActionsLink(input.links))],
  };

  // Size is tracked as sections are added (one stringify each), not by re-serialising the whole card each time.
  let size = utf16Bytes(card(head, extra)) + 400; // + the "…and N more" line
  const sections: Element[] = [];
  for (const a of actions) {
    const next = actionSection(a, { officerId: input.officerId, today, holidays: input.bankHolidays, links: input.links, maxUpdateChars: input.maxUpdateChars, carry });
    const bytes = utf16Bytes(next) + 2;
    if (sections.length >= MAX_ACTIONS || (size + bytes > CARD_UTF16_BUDGET_BYTES && sections.length > 0)) break;
    size += bytes;
    sections.push(next);
  }
  const rest = actions.length - sections.length;
  if (rest > 0) sections.push(text(`…and ${rest} more in the tab: Open my actions.`, { weight: "Bolder" }));
  return card([...head, ...sections, ...measureSections(input, today, size, carry)], extra);
}

/** Figures due and EqIAs to review, as many as the card's budget leaves room for; the rest are named in a line. */
function measureSections(input: DigestCardInput, today: string, used: number, carry: CardCarry): Element[] {
  const figures = (input.figures ?? []).slice(0, MAX_ACTIONS);
  const reviews = (input.reviews ?? []).slice(0, MAX_ACTIONS);
  let out = [...figuresSection(figures, { officerId: input.officerId, links: input.links, carry }), ...reviewsSection(reviews, { today, links: input.links })];
  // Rarely needed (six of each are a few KB): drop from the end until the card fits, and say so.
  let dropped = (input.figures?.length ?? 0) - figures.length + (input.reviews?.length ?? 0) - reviews.length;
  while (out.length > 0 && used + utf16Bytes(out) > CARD_UTF16_BUDGET_BYTES) {
    const last = out.pop() as Element;
    if (last.type === "Container") dropped++;
  }
  if (out.length && out[out.length - 1].type !== "Container") out.pop(); // a heading left alone
  if (dropped > 0) out = [...out, text(`…and ${dropped} more figures or reviews in the tab.`, { weight: "Bolder" })];
  return out;
}
