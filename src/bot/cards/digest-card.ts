/**
 * The reminder digest: one card per officer per run listing every action of theirs that is due or overdue, each
 * with Add update, Mark complete, Propose a new date, Snooze and Open in the tab. Pure: the run and the card
 * action handlers both build it from the actions as read.
 */
import { formatDue, formatLongDate } from "../../domain/dates.ts";
import { MY_ACTIONS_ENTITY_ID, standaloneActionUrl, teamsActionDeepLink } from "../../domain/deep-links.ts";
import { londonDate } from "../../domain/london-time.ts";
import { describeDaysLeft, effectiveDueDate } from "../../domain/reminder-policy.ts";
import { initialChoosableStatus, isStatusRecorded } from "../../domain/status.ts";
import { ACTION_STATUS_LABELS, type Action, CHOOSABLE_ACTION_STATUSES, MULTI_LINE_MAX } from "../../domain/types.ts";
import { daysBetween } from "../../domain/dates.ts";
import { CARD_BYTES_BUDGET, CARD_DATA_VERSION, type Card, type Element, card, cardBytes, facts, heading, openUrl, plain, text, userMri, VERBS } from "./common.ts";

/** What a digest card needs to know about one action. */
export type DigestAction = Pick<
  Action,
  "id" | "reference" | "text" | "due" | "status" | "disposition" | "lastUpdateAt" | "lastUpdateSummary" | "snoozedUntil" | "etag"
>;

export interface DigestCardInput {
  officerName: string;
  actions: readonly DigestAction[];
  now: Date;
  links: { appBaseUrl: string; teamsAppId?: string };
  /** Entra object ids of the people whose copy Teams should refresh automatically (at most 60). */
  refreshObjectIds: readonly string[];
  bankHolidays: readonly string[];
  /** Shown above the list after someone acted on the card ("Update saved."). */
  notice?: { text: string; tone: "good" | "warning" | "attention" };
  /** Largest update Teams users may type (the SharePoint column holds more). */
  maxUpdateChars?: number;
}

export const MAX_UPDATE_CHARS = 4_000;

export function actionLink(links: DigestCardInput["links"], actionId: number): string {
  return links.teamsAppId ? teamsActionDeepLink(links.teamsAppId, actionId) : standaloneActionUrl(links.appBaseUrl, actionId);
}

export function myActionsLink(links: DigestCardInput["links"]): string {
  return links.teamsAppId
    ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/${MY_ACTIONS_ENTITY_ID}`
    : `${links.appBaseUrl.replace(/\/+$/, "")}/#/`;
}

function lastUpdateText(a: DigestAction, today: string): string {
  // One London-date conversion per action: Intl formatting dominates card building at 1,000 officers.
  const s = a.lastUpdateAt?.trim() ?? "";
  const age = s === "" ? null : daysBetween(/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : londonDate(s), today);
  if (age === null) return "No update yet";
  const when = age === 0 ? "today" : age === 1 ? "yesterday" : `${age} days ago`;
  const summary = a.lastUpdateSummary ? `: ${plain(a.lastUpdateSummary, 200)}` : "";
  return `${when}${summary}`;
}

function dueText(a: DigestAction, today: string, holidays: readonly string[]): string {
  const eff = effectiveDueDate(a.due, holidays);
  if (eff === null) return formatDue(a.due);
  return `${formatDue(a.due)} (${describeDaysLeft(daysBetween(today, eff))})`;
}

/** As status.ts effectiveStatus, from a London date computed once per card. */
function isLate(a: DigestAction, today: string): boolean {
  return a.status !== "complete" && a.disposition !== "closed" && a.due.date !== null && a.due.date < today;
}

/** Data every Action.Execute of the card carries; the handler reads inputs next to it. */
export function actionData(a: DigestAction, digestIds: readonly number[]) {
  // `seen`: what the card showed, so that after a conflict the person is told what changed.
  return { v: CARD_DATA_VERSION, actionId: a.id, etag: a.etag ?? "", digest: [...digestIds], seen: { status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt } };
}

function actionSection(a: DigestAction, input: DigestCardInput, digestIds: readonly number[], today: string): Element {
  const late = isLate(a, today);
  const data = actionData(a, digestIds);
  const closed = a.status === "complete" || a.disposition !== "open";
  const label = a.reference ? `${a.reference}: ` : "";
  const items: Element[] = [
    text(`${label}${plain(a.text)}`, { weight: "Bolder" }),
    facts([
      ["Due", dueText(a, today, input.bankHolidays)],
      // The stored status and, in words, whether it is late: never colour alone. A status nobody recorded is said
      // to be missing (and is not called late: its records do not say), never shown as any other status.
      [
        "Status",
        !isStatusRecorded(a.status)
          ? `${ACTION_STATUS_LABELS[a.status]}: choose one when you add an update`
          : late
            ? `${ACTION_STATUS_LABELS[a.status]}, overdue`
            : ACTION_STATUS_LABELS[a.status],
      ],
      ["Last update", lastUpdateText(a, today)],
    ]),
  ];
  const maxChars = input.maxUpdateChars ?? MAX_UPDATE_CHARS;
  const actions: Element[] = closed
    ? []
    : [
        {
          type: "Action.ShowCard",
          title: "Add update",
          card: {
            type: "AdaptiveCard",
            body: [
              {
                type: "Input.Text",
                id: `text-${a.id}`,
                label: "What has happened since the last update?",
                isMultiline: true,
                isRequired: true,
                maxLength: Math.min(maxChars, MULTI_LINE_MAX),
                errorMessage: "Write what has happened",
              },
              {
                type: "Input.ChoiceSet",
                id: `status-${a.id}`,
                label: "Status",
                isRequired: true,
                // No preselection when the status was never recorded: the officer chooses one.
                value: initialChoosableStatus(a.status) ?? undefined,
                placeholder: "Choose a status",
                errorMessage: "Choose a status",
                choices: CHOOSABLE_ACTION_STATUSES.map((s) => ({ title: ACTION_STATUS_LABELS[s], value: s })),
              },
            ],
            actions: [{ type: "Action.Execute", title: "Save update", verb: VERBS.addUpdate, data, associatedInputs: "auto" }],
          },
        },
        { type: "Action.Execute", title: "Mark complete", verb: VERBS.complete, data, associatedInputs: "none" },
        {
          type: "Action.ShowCard",
          title: "Propose a new date",
          card: {
            type: "AdaptiveCard",
            body: [
              { type: "Input.Date", id: `date-${a.id}`, label: "New date", isRequired: true, errorMessage: "Choose a date" },
              { type: "Input.Text", id: `reason-${a.id}`, label: "Why the date needs to move", isMultiline: true, isRequired: true, maxLength: 1000 },
            ],
            actions: [{ type: "Action.Execute", title: "Send proposal", verb: VERBS.proposeDate, data, associatedInputs: "auto" }],
          },
        },
        { type: "Action.Execute", title: "Snooze 7 days", verb: VERBS.snooze, data, associatedInputs: "none" },
      ];
  actions.push(openUrl("Open in the tab", actionLink(input.links, a.id)));
  if (closed) items.push(text(a.status === "complete" ? "This action is complete." : "This action is closed.", { isSubtle: true }));
  return { type: "Container", separator: true, spacing: "Medium", items: [...items, { type: "ActionSet", actions }] };
}

const NOTICE_COLOR = { good: "Good", warning: "Warning", attention: "Attention" } as const;

export function buildDigestCard(input: DigestCardInput): Card {
  const digestIds = input.actions.map((a) => a.id);
  const today = londonDate(input.now);
  const overdue = input.actions.filter((a) => isLate(a, today)).length;
  const dueSoon = input.actions.length - overdue;
  const summary = [overdue ? `${overdue} overdue` : "", dueSoon ? `${dueSoon} due soon` : ""].filter(Boolean).join(", ");
  const head: Element[] = [
    heading("Your equality actions"),
    text(`Hello ${plain(input.officerName, 100)}. ${summary ? `You have ${summary}.` : "Nothing is due."} As of ${formatLongDate(today)}.`),
  ];
  if (input.notice) head.unshift(text(input.notice.text, { color: NOTICE_COLOR[input.notice.tone], weight: "Bolder" }));

  const sections: Element[] = [];
  const refresh = {
    action: { type: "Action.Execute", title: "Refresh", verb: VERBS.refresh, data: { v: CARD_DATA_VERSION, digest: digestIds } },
    userIds: [...new Set(input.refreshObjectIds)].slice(0, 60).map(userMri),
  };
  // Size is tracked as sections are added (one stringify each), not by re-serialising the whole card each time.
  let bytes = cardBytes(card(head, { refresh })) + 2_000; // + top-level actions, fallback text and the "…more" line
  for (let i = 0; i < input.actions.length; i++) {
    const next = actionSection(input.actions[i], input, digestIds, today);
    const size = Buffer.byteLength(JSON.stringify(next), "utf8") + 1;
    // Keep the message under Teams' size limit: the rest is one click away in the tab.
    if (bytes + size > CARD_BYTES_BUDGET && sections.length > 0) {
      const rest = input.actions.length - i;
      sections.push(text(`…and ${rest} more. Open the tab to see them all.`, { weight: "Bolder" }));
      break;
    }
    bytes += size;
    sections.push(next);
  }
  return card([...head, ...sections], {
    refresh,
    fallbackText: `You have ${input.actions.length} equality action(s) due or overdue. Open the Equality Action Plan tab to see them.`,
    actions: [openUrl("Open my actions", myActionsLink(input.links))],
  });
}
