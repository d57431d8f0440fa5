/** Short human phrases for dates and ages, in British English and London time. */
import { formatDue, formatLongDate } from "../../domain/dates.ts";
import { londonDate } from "../../domain/london-time.ts";
import type { Due } from "../../domain/types.ts";

export function ageText(days: number | null): string {
  if (days === null) return "never";
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 60) return `${days} days ago`;
  const months = Math.round(days / 30.4);
  if (months < 24) return `${months} months ago`;
  return `${Math.round(days / 365.25)} years ago`;
}

export function dueText(due: Due): string {
  if (due.date === null) return due.text || "No date";
  return formatDue(due);
}

/** An instant as a London civil date ("5 June 2024"). */
export function dayOf(instant: string): string {
  if (!instant) return "";
  return formatLongDate(/^\d{4}-\d{2}-\d{2}$/.test(instant) ? instant : londonDate(instant));
}

/** How long ago something was read, for "Updated 5 minutes ago" (whole minutes, hours or days). */
export function sinceText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}
