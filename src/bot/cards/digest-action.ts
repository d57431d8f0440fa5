/**
 * One action on the digest card: what it is, its status and its due state said apart ("Status: On track · Due:
 * 20 November 2026, 4 days overdue"), its latest update, and ONE "Update…" button that opens the form in the card
 * (Action.ShowCard): what has happened and the status (Save update; choosing Complete completes it), a new date to
 * propose with the reason, and Snooze. Open in the tab sits beside it. Pure.
 */
import { daysBetween, formatDue } from "../../domain/dates.ts";
import { standaloneActionUrl, teamsActionDeepLink } from "../../domain/deep-links.ts";
import { londonDate } from "../../domain/london-time.ts";
import { describeDaysLeft, effectiveDueDate } from "../../domain/reminder-policy.ts";
import { initialChoosableStatus, isStatusRecorded } from "../../domain/status.ts";
import type { CarriedHistory } from "../../domain/carried-history.ts";
import { ACTION_STATUS_LABELS, type Action, CHOOSABLE_ACTION_STATUSES, MULTI_LINE_MAX } from "../../domain/types.ts";
import { CARD_DATA_VERSION, type CardCarry, type Element, labelled, line, openUrl, run, type Said, said, text, VERBS } from "./common.ts";

/**
 * What a digest card needs to know about one action; `carried`: what it shows of the action it was carried from
 * until it has its own last update and measures (../../domain/carried-history.ts).
 */
export type DigestAction = Pick<Action, "id" | "reference" | "text" | "due" | "status" | "disposition" | "lastUpdateAt" | "lastUpdateSummary" | "snoozedUntil"> & {
  carried?: CarriedHistory | null;
  /** The action it was carried from: named in the card's data when the card shows its history. */
  carriedFromId?: number | null;
};

export type Links = { appBaseUrl: string; teamsAppId?: string };

/** Largest update Teams users may type (the SharePoint column holds more; the tab takes longer ones). */
export const MAX_UPDATE_CHARS = 4_000;
export const MAX_REASON_CHARS = 1_000;

export function actionLink(links: Links, actionId: number): string {
  return links.teamsAppId ? teamsActionDeepLink(links.teamsAppId, actionId) : standaloneActionUrl(links.appBaseUrl, actionId);
}

/**
 * As status.ts effectiveStatus, from a London date computed once per card. An action whose status nobody recorded
 * is not called late: its records do not say.
 */
export function isLate(a: DigestAction, today: string): boolean {
  return isStatusRecorded(a.status) && a.status !== "complete" && a.disposition !== "closed" && a.due.date !== null && a.due.date < today;
}

/**
 * Data every Action.Execute of the action carries; the handler reads the inputs next to it. `officer` is whose card
 * it is (site user id), so the answer lists that officer's actions again; `seen` is what the card showed, so that
 * a change the person did not see is caught; `carry`, what else the card shows (history, figures, reviews: read again
 * with the press, so the answer keeps them). No ETag: the bot writes with the one it has just read.
 */
export function actionData(a: DigestAction, officerId: number, carry: CardCarry = {}) {
  return { v: CARD_DATA_VERSION, actionId: a.id, officer: officerId, seen: { status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt }, ...carry };
}

export function dueState(a: DigestAction, today: string, holidays: readonly string[]): Said[] {
  // The due text of an undated action is an import's words ("by the end of the year"): people's text.
  const eff = effectiveDueDate(a.due, holidays);
  const when = said(formatDue(a.due), 100);
  if (eff === null) return [when];
  const days = daysBetween(today, eff);
  // A date passed is "overdue" only for an action whose status is known (see isLate).
  return [when, `, ${days < 0 && !isStatusRecorded(a.status) ? `${-days} day${days === -1 ? "" : "s"} ago` : describeDaysLeft(days)}`];
}

/** The status in words; one nobody recorded is said to be missing, never shown as any other. */
export const statusWords = (a: DigestAction) => (isStatusRecorded(a.status) ? ACTION_STATUS_LABELS[a.status] : `${ACTION_STATUS_LABELS[a.status]}: choose one when you add an update`);

export function lastUpdate(a: DigestAction, today: string): Said[] {
  const inherited = !a.lastUpdateAt && a.carried?.lastUpdate ? a.carried : null;
  // One London-date conversion per action: Intl formatting dominates card building at 1,000 officers.
  const s = (inherited ? inherited.lastUpdate?.at : a.lastUpdateAt)?.trim() ?? "";
  const summary = inherited ? (inherited.lastUpdate?.summary ?? null) : a.lastUpdateSummary;
  const age = s === "" ? null : daysBetween(/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : londonDate(s), today);
  if (age === null) return ["none yet"];
  const when = age === 0 ? "today" : age === 1 ? "yesterday" : `${age} days ago`;
  // The previous plan's words are that action's: said to be, with its reference (people's text).
  const from: Said[] = inherited ? [" (on ", said(inherited.from, 40), " in the previous plan)"] : [];
  return summary ? [`${when}: `, said(summary, 120), ...from] : [when, ...from];
}

/** The success measures carried from the previous plan's action, while this one has none. */
export function carriedMeasures(a: DigestAction): Said[] | null {
  const m = a.carried?.successMeasures ?? [];
  if (m.length === 0 || !a.carried) return null;
  return [said(m.join("; "), 240), " (from ", said(a.carried.from, 40), " in the previous plan)"];
}

function updateForm(a: DigestAction, officerId: number, maxChars: number, carry: CardCarry): Element {
  const data = actionData(a, officerId, carry);
  const name = a.reference ? said(a.reference, 40).text : "this action";
  return {
    type: "Action.ShowCard",
    // Twenty buttons all called "Update…" would be one too many for a screen reader: each names its action.
    title: `Update ${name}…`,
    card: {
      type: "AdaptiveCard",
      body: [
        // Nothing is isRequired: each button needs different inputs, and Teams validates every input in the form.
        // The bot checks them and answers with the form filled back in.
        { type: "Input.Text", id: `text-${a.id}`, label: "What has happened since the last update?", isMultiline: true, maxLength: Math.min(maxChars, MULTI_LINE_MAX) },
        // Only statuses a person can record; none preselected where none was recorded.
        {
          type: "Input.ChoiceSet",
          id: `status-${a.id}`,
          label: "Status",
          value: initialChoosableStatus(a.status) ?? undefined,
          placeholder: "Choose a status",
          choices: CHOOSABLE_ACTION_STATUSES.map((s) => ({ title: ACTION_STATUS_LABELS[s], value: s })),
        },
        { type: "Input.Date", id: `date-${a.id}`, label: "New date to propose (only to move the due date)" },
        { type: "Input.Text", id: `reason-${a.id}`, label: "Why the date needs to move", isMultiline: true, maxLength: MAX_REASON_CHARS },
      ],
      actions: [
        { type: "Action.Execute", title: "Save update", verb: VERBS.addUpdate, data },
        { type: "Action.Execute", title: "Propose the new date", verb: VERBS.proposeDate, data },
        { type: "Action.Execute", title: "Snooze 7 days", verb: VERBS.snooze, data, associatedInputs: "none" },
      ],
    },
  };
}

export function actionSection(
  a: DigestAction,
  o: { officerId: number; today: string; holidays: readonly string[]; links: Links; maxUpdateChars?: number; carry?: CardCarry },
): Element {
  const bold = { weight: "Bolder" };
  const closed = a.status === "complete" || a.disposition !== "open";
  const items: Element[] = [
    line(a.reference ? [said(a.reference, 40, bold), run(": ", bold), said(a.text, 160, bold)] : [said(a.text, 160, bold)]),
    // Status and due state are two things, said apart and in words (never colour alone).
    line([run("Status: ", bold), statusWords(a), run(" · Due: ", bold), ...dueState(a, o.today, o.holidays)], { spacing: "None" }),
    labelled("Last update", lastUpdate(a, o.today)),
  ];
  const measures = carriedMeasures(a);
  if (measures) items.push(labelled("Success measures", measures));
  if (closed) items.push(text(a.status === "complete" ? "This action is complete." : "This action is closed.", { isSubtle: true }));
  const actions = closed ? [] : [updateForm(a, o.officerId, o.maxUpdateChars ?? MAX_UPDATE_CHARS, o.carry ?? {})];
  actions.push(openUrl("Open in the tab", actionLink(o.links, a.id)));
  return { type: "Container", separator: true, items: [...items, { type: "ActionSet", actions }] };
}
