/**
 * The bot's own clock and its runs: croner jobs in London time (default weekdays 09:00 for reminders, Mondays
 * 10:00 for the EDI digest), never overlapping themselves, and the runs in flight, so that stop() can let them
 * finish and leave the ledger consistent.
 */
import { Cron } from "croner";
import type { ScheduleOptions } from "./options.ts";

export interface RunControl {
  /** Set by stop(): take no new digest, finish those in flight. */
  stopping: boolean;
}

export interface Jobs {
  reminders: () => Promise<unknown>;
  ediDigest?: () => Promise<unknown>;
}

export class Scheduler {
  private crons: Cron[] = [];
  private readonly running = new Set<{ control: RunControl; done: Promise<unknown> }>();

  constructor(
    private readonly schedule: ScheduleOptions | false,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Runs `work` as a tracked run: stop() tells it to stop and waits for it. */
  track<T>(work: (control: RunControl) => Promise<T>): Promise<T> {
    const control: RunControl = { stopping: false };
    const done = work(control);
    const entry = { control, done: done.catch(() => undefined) };
    this.running.add(entry);
    return done.finally(() => this.running.delete(entry));
  }

  start(jobs: Jobs): void {
    if (!this.schedule || this.crons.length) return;
    const run = (job: () => Promise<unknown>) => async () => {
      try {
        await job();
      } catch (err) {
        this.onError(err);
      }
    };
    const o = this.schedule;
    // protect: a run still going when the next tick comes is not started twice in this process.
    this.crons.push(new Cron(o.cron, { timezone: o.timezone, protect: true }, run(jobs.reminders)));
    if (o.ediDigestCron && jobs.ediDigest) this.crons.push(new Cron(o.ediDigestCron, { timezone: o.timezone, protect: true }, run(jobs.ediDigest)));
  }

  /** Stops the schedule, tells runs in flight to stop, and waits for them. */
  async stop(): Promise<void> {
    for (const c of this.crons) c.stop();
    this.crons = [];
    for (const r of this.running) r.control.stopping = true;
    await Promise.all([...this.running].map((r) => r.done));
  }
}
