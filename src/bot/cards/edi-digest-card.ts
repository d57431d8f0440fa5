/**
 * The weekly EDI group digest for its channel: what is due this month, what is overdue, what was updated since
 * the last digest, and a link to the review view. Pure.
 */
import { formatDue, formatLongDate } from "../../domain/dates.ts";
import type { Action } from "../../domain/types.ts";
import { type Card, card, type Element, heading, line, openUrl, type Said, said, text } from "./common.ts";
import { actionLink } from "./digest-card.ts";

export type EdiAction = Pick<Action, "id" | "reference" | "text" | "due" | "lastUpdateAt" | "lastUpdateSummary"> & { ownerName: string; ownerProblem?: string };

export interface EdiDigestInput {
  today: string;
  dueThisMonth: readonly EdiAction[];
  overdue: readonly EdiAction[];
  updatedSince: readonly EdiAction[];
  /** Open actions whose owner nobody reaches any more (left, blocked the bot, …): the lead hands them over. */
  noReachableOwner?: readonly EdiAction[];
  since: string | null;
  links: { appBaseUrl: string; teamsAppId?: string };
  /** Rows per section; the review view has the rest. */
  maxRows?: number;
}

function rows(list: readonly EdiAction[], input: EdiDigestInput, detail: (a: EdiAction) => Said[]): Element[] {
  const max = input.maxRows ?? 15;
  if (list.length === 0) return [text("None.", { isSubtle: true })];
  const subtle = (parts: Said[]) => parts.map((p) => (typeof p === "string" ? p : { ...p, isSubtle: true }));
  const out: Element[] = list.slice(0, max).map((a) => ({
    type: "Container",
    // An action's title is plain text (never markdown), but it is cut like every other piece of people's text.
    selectAction: { type: "Action.OpenUrl", title: `Open ${said(a.reference || `action ${a.id}`, 40).text}`, url: actionLink(input.links, a.id) },
    items: [line(a.reference ? [said(a.reference, 40), ": ", said(a.text, 160)] : [said(a.text, 160)]), line(subtle(detail(a)), { spacing: "None" })],
  }));
  if (list.length > max) out.push(text(`…and ${list.length - max} more in the review view.`));
  return out;
}

export function reviewUrl(links: EdiDigestInput["links"]): string {
  return `${links.appBaseUrl.replace(/\/+$/, "")}/#/review`;
}

export function buildEdiDigestCard(input: EdiDigestInput): Card {
  const owner = (a: EdiAction) => said(a.ownerName || "No owner", 100);
  return card(
    [
      heading("Equality action plan: weekly digest", 1),
      text(`Week of ${formatLongDate(input.today)}.`),
      heading(`Overdue (${input.overdue.length})`),
      ...rows(input.overdue, input, (a) => ["Was due ", said(formatDue(a.due), 100), ". Owner: ", owner(a)]),
      heading(`Due this month (${input.dueThisMonth.length})`),
      ...rows(input.dueThisMonth, input, (a) => ["Due ", said(formatDue(a.due), 100), ". Owner: ", owner(a)]),
      heading(`Updated ${input.since ? `since ${formatLongDate(input.since.slice(0, 10))}` : "this week"} (${input.updatedSince.length})`),
      ...rows(input.updatedSince, input, (a) => [a.lastUpdateSummary ? said(a.lastUpdateSummary, 160) : "Updated", ". Owner: ", owner(a)]),
      ...(input.noReachableOwner?.length
        ? [
            heading(`No reachable owner: hand over (${input.noReachableOwner.length})`),
            ...rows(input.noReachableOwner, input, (a) => ["Owner: ", owner(a), `: ${a.ownerProblem ?? "cannot be reached"}.`]),
          ]
        : []),
    ],
    { actions: [openUrl("Open the review view", reviewUrl(input.links))], fallbackText: "Weekly equality action plan digest." },
  );
}
