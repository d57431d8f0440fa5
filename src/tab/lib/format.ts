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
