/**
 * The date the EDI group's decisions are recorded against. Teams gives the tab the meeting's id but not its
 * date: the scheduled start comes from the bot API (GET /v1/meetings/{id}, RSC OnlineMeeting.ReadBasic.Chat /
 * ChannelMeeting.ReadBasic.Group), which only the product's server can call (docs/tab.md, "Meetings"). Until the
 * server answers it, the date is today in London, editable, and carried in the stage URL so that everyone on the
 * meeting stage records against the same day.
 */
import { formatLongDate, isValidIsoDate } from "../../../domain/dates.ts";

/** The `date=` of the hash's query (`#/review?view=stage&date=2026-11-20`) when it is a real date, else today. */
export function meetingDateFrom(hash: string, today: string): string {
  const q = new URLSearchParams(hash.split("?")[1] ?? "");
  const d = q.get("date");
  return d && isValidIsoDate(d) && d <= today ? d : today;
}

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
