/**
 * The bot's own clock and its runs: croner jobs in London time (default weekdays 09:00 for reminders, Mondays
 * 10:00 for the EDI digest), never overlapping themselves, and the runs in flight, so that stop() can let them
 * finish and leave the ledger consistent. A run still going past its deadline is reported by health() (the
 * server's /readyz shows it): with `protect`, a stuck run would otherwise silently swallow every later tick.
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

/** Whole seconds, or tenths under ten seconds. */
const seconds = (ms: number) => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));

export interface Health {
  ok: boolean;
  /** One sentence per problem (a run past its deadline). */
  problems: string[];
  running: Array<{ job: string; startedAt: string; seconds: number }>;
}

export class Scheduler {
  private crons: Cron[] = [];
  private readonly running = new Set<{ job: string; startedAt: number; control: RunControl; done: Promise<unknown> }>();

  constructor(
    private readonly schedule: ScheduleOptions | false,
    private readonly onError: (err: unknown) => void,
    private readonly deadlineMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Runs `work` as a tracked run: stop() tells it to stop and waits for it; health() watches its deadline. */
  track<T>(job: string, work: (control: RunControl) => Promise<T>): Promise<T> {
    const control: RunControl = { stopping: false };
    const done = work(control);
    const entry = { job, startedAt: this.clock(), control, done: done.catch(() => undefined) };
    this.running.add(entry);
    return done.finally(() => this.running.delete(entry));
  }

  health(): Health {
    const now = this.clock();
    const running = [...this.running].map((r) => ({ job: r.job, startedAt: new Date(r.startedAt).toISOString(), seconds: Math.round((now - r.startedAt) / 1000) }));
    const problems = [...this.running]
      .filter((r) => now - r.startedAt > this.deadlineMs)
      .map(
        (r) =>
          `the ${r.job} started at ${new Date(r.startedAt).toISOString()} has run for ${seconds(now - r.startedAt)} s, past its ${seconds(this.deadlineMs)} s deadline (later scheduled runs are skipped while it runs)`,
      );
    return { ok: problems.length === 0, problems, running };
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
