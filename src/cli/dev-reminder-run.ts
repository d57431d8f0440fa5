/**
 * `npm start`'s first reminder run: when it runs as, and what it prints. The run is the bot's own (same claims,
 * ledger, installation and email fallback as the schedule); it runs as on the last working morning, so that a
 * weekend or an evening start still shows officers reached.
 */
import type { RunReport } from "../bot/index.ts";
import { DEFAULT_REMINDER_POLICY, isQuietTime } from "../domain/reminder-policy.ts";
import { londonDate } from "../domain/london-time.ts";
import { toHolidaySet } from "../domain/bank-holidays.ts";
import { isWorkingDay } from "../domain/working-days.ts";

/** `now` on a working day outside quiet hours; else 10:00 UTC (10:00 or 11:00 in London) of the working day before. */
export function demoRunInstant(now: Date): Date {
  const holidays = toHolidaySet(DEFAULT_REMINDER_POLICY.bankHolidays);
  const ok = (d: Date) => isWorkingDay(londonDate(d), holidays) && !isQuietTime(d, DEFAULT_REMINDER_POLICY.quietHours);
  if (ok(now)) return now;
  let at = new Date(`${londonDate(now)}T10:00:00Z`);
  if (at > now) at = new Date(at.getTime() - 86_400_000);
  for (let i = 0; i < 14 && !ok(at); i++) at = new Date(at.getTime() - 86_400_000);
  return at;
}

export function describeDemoRun(r: RunReport, links: { inbox: string; outbox: string }): string[] {
  if (r.skipped) return [`    Reminder run:       nothing sent (${r.skipped})`];
  const notReached = r.digests.filter((d) => ["not-reached", "no-conversation", "unreachable", "failed"].includes(d.outcome));
  const lines = [
    `    Reminder run (as on ${londonDate(new Date(r.now))}): ${r.sent} officer(s) reached in Teams (${r.installed} by installing the app), ${r.emailed} by email, ${notReached.length} not reached`,
    `    Teams messages:     ${links.inbox}`,
    `    Emails sent:        ${links.outbox}  (each message readable at its url)`,
  ];
  for (const d of notReached) lines.push(`      not reached: ${d.officerName || d.upn}: ${d.detail ?? d.outcome}`);
  if (r.reachProblem) lines.push(`      ${r.reachProblem}`);
  return lines;
}
