/**
 * The date the EDI group's decisions are recorded against. Teams gives the tab the meeting's id but not its
 * date: the scheduled start comes from the bot API (GET /v1/meetings/{id}, RSC OnlineMeeting.ReadBasic.Chat /
 * ChannelMeeting.ReadBasic.Group), which only the product's server can call; the tab asks the server
 * (GET /api/meetings/{id}, ./use-meeting-date.ts). Outside a meeting, or when Teams cannot tell, it is today in
 * London, said so. Either way it stays editable, and is carried in the stage URL so that everyone on the meeting
 * stage records against the same day.
 */
import { formatLongDate, isValidIsoDate } from "../../../domain/dates.ts";

/** The `date=` of the hash's query (`#/review?view=stage&date=2026-11-20`) when it is a real date not after today, else null. */
export function meetingDateInHash(hash: string, today: string): string | null {
  const d = new URLSearchParams(hash.split("?")[1] ?? "").get("date");
  return d && isValidIsoDate(d) && d <= today ? d : null;
}

/** The hash's meeting date, else today. */
export const meetingDateFrom = (hash: string, today: string): string => meetingDateInHash(hash, today) ?? today;

/** The same hash with the meeting date set in its query (the route and other parameters kept). */
export function withMeetingDate(hash: string, date: string): string {
  const [path, query = ""] = hash.split("?");
  const q = new URLSearchParams(query);
  q.set("date", date);
  return `${path || "#/review"}?${q}`;
}

/** Why a typed meeting date cannot be used, or null. */
export function meetingDateProblem(value: string, today: string): string | null {
  if (!value || !isValidIsoDate(value)) return "Enter the meeting date as day, month and year.";
  if (value > today) return `The meeting date cannot be after today (${formatLongDate(today)}): decisions are recorded once taken.`;
  return null;
}

/** Where the review's date came from, and what to tell the group about it. */
export interface MeetingDateSource {
  /** "teams": the meeting's scheduled start, as Teams tells it; "chosen": set by the group (or the stage URL); "today": no meeting date (see `note`). */
  from: "teams" | "chosen" | "today";
  /** The meeting's title (from Teams), or null. */
  title: string | null;
  /** Why the date is today, in a sentence; null when it is the meeting's. */
  note: string | null;
}

/** The server's refusal reasons (src/server/api/meetings.ts) in the group's words. */
const WHY_TODAY: Record<string, string> = {
  "app-not-in-meeting": "Teams did not give this meeting's date: the app has not been added to the meeting.",
  "meeting-not-found": "Teams does not know this meeting any more, so its date is not available.",
  "not-edi-group": "Only the EDI group and the equalities lead can read the meeting's date.",
};

/**
 * The date the review starts with, and why: the meeting's scheduled start (London date) when Teams gave it and it
 * is not after today; else today, with the reason. `answer` is the server's answer or the error it threw; null
 * outside a meeting.
 */
export function meetingDateChoice(
  answer: { date: string | null; title: string | null } | { error: unknown } | null,
  today: string,
): { date: string } & MeetingDateSource {
  if (answer === null) return { date: today, from: "today", title: null, note: "Not opened in a Teams meeting, so the review uses today's date." };
  if ("error" in answer) {
    const reason = (answer.error as { reason?: string })?.reason ?? "";
    return { date: today, from: "today", title: null, note: WHY_TODAY[reason] ?? "Teams could not be asked for the meeting's date just now, so the review uses today's." };
  }
  if (!answer.date) return { date: today, from: "today", title: answer.title, note: "This call has no scheduled date in Teams, so the review uses today's." };
  if (answer.date > today)
    return { date: today, from: "today", title: answer.title, note: `The meeting is on ${formatLongDate(answer.date)}: decisions taken before it are recorded against today.` };
  return { date: answer.date, from: "teams", title: answer.title, note: null };
}
