/** The bot's own clock: croner jobs in London time (default weekdays 09:00), never overlapping themselves. */
import { Cron } from "croner";

export interface ScheduleOptions {
  cron: string;
  timezone: "Europe/London";
  ediDigestCron?: string;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = { cron: "0 9 * * 1-5", timezone: "Europe/London", ediDigestCron: "0 10 * * 1" };

export function startSchedule(o: ScheduleOptions, jobs: { reminders: () => Promise<unknown>; ediDigest?: () => Promise<unknown> }, onError: (err: unknown) => void): { stop(): void } {
  const run = (job: () => Promise<unknown>) => async () => {
    try {
      await job();
    } catch (err) {
      onError(err);
    }
  };
  // protect: a run still going when the next tick comes is not started twice in this process.
  const crons = [new Cron(o.cron, { timezone: o.timezone, protect: true }, run(jobs.reminders))];
  if (o.ediDigestCron && jobs.ediDigest) crons.push(new Cron(o.ediDigestCron, { timezone: o.timezone, protect: true }, run(jobs.ediDigest)));
  return {
    stop: () => {
      for (const c of crons) c.stop();
    },
  };
}
