/** What a reminder run reports: per officer, what happened to their digest; per run, the counts. */
import type { Nudge } from "../../domain/reminder-policy.ts";
import type { ConversationRef, Person } from "../../domain/types.ts";
import type { FigureDue, ReviewDue } from "./measure-work.ts";

/** "uncertain": Teams answered 5xx or did not answer in time, so it may have been delivered; never re-sent. */
export type DigestOutcome =
  | "sent"
  /** Sent by email instead of Teams (the email fallback). */
  | "emailed"
  | "would-send"
  | "would-email"
  /** Dry run: the app would be installed for them first. */
  | "would-install"
  | "no-conversation"
  | "unreachable"
  /** Neither Teams nor email reaches them: listed for the lead with why and what to do. */
  | "not-reached"
  | "failed"
  | "uncertain"
  | "stopped";

export interface DigestReport {
  officerId: number;
  officerName: string;
  /** For display (may be "": no mailbox). */
  email: string;
  /** How the officer was matched to their conversation. */
  upn: string;
  /** Actions listed on the card (all of the officer's due and overdue ones). */
  actionIds: number[];
  /** The nudges this digest delivers (new milestones). */
  nudgeKeys: string[];
  outcome: DigestOutcome;
  detail?: string;
}

export interface RunReport {
  now: string;
  dryRun: boolean;
  /** Why nothing was considered at all ("quiet hours", "not a working day"), else null. */
  skipped: string | null;
  actionsRead: number;
  /** New action milestones due (reminder-policy.ts). */
  nudgesDue: number;
  /** New indicator values and EqIA reviews to ask for (measure-reminders.ts), on the same digests. */
  figuresDue: number;
  reviewsDue: number;
  /** Nudges another instance (or an earlier run still in its lease) holds: not ours to send. */
  nudgesTaken: number;
  digests: DigestReport[];
  sent: number;
  failed: number;
  /** Digests whose delivery is uncertain (5xx or timeout): recorded, not sent again for these milestones. */
  uncertain: number;
  /** 429s Teams answered during the run (each retried after Retry-After), and the lowest pace they brought. */
  throttled: number;
  lowestSendsPerSecond: number;
  /** Ledger writes that failed after retries (those nudges may repeat once). */
  ledgerWriteFailures: number;
  /** Milliseconds spent computing (policy, grouping, card building), not waiting on the network. */
  computeMs: number;
  /** Officers the app was installed for through Graph in this run. */
  installed: number;
  /** Digests sent by email (fallback, or in addition with "always"). */
  emailed: number;
  /** Requests made to Microsoft Graph, and the 429s among their answers (each waited out and retried). */
  graphRequests: number;
  graphThrottled: number;
  /** A problem of the deployment that stopped installing or emailing for this run (a missing permission). */
  reachProblem: string | null;
}

export function emptyReport(now: Date, dryRun: boolean, perSecond: number): RunReport {
  return {
    now: now.toISOString(),
    dryRun,
    skipped: null,
    actionsRead: 0,
    nudgesDue: 0,
    figuresDue: 0,
    reviewsDue: 0,
    nudgesTaken: 0,
    digests: [],
    sent: 0,
    failed: 0,
    uncertain: 0,
    throttled: 0,
    lowestSendsPerSecond: perSecond,
    ledgerWriteFailures: 0,
    computeMs: 0,
    installed: 0,
    emailed: 0,
    graphRequests: 0,
    graphThrottled: 0,
    reachProblem: null,
  };
}

/** One officer's part of a run: their new nudges, every due action for the card, and where to reach them. */
export interface OfficerWork {
  officerId: number;
  owner: Person | null;
  nudges: Nudge[];
  /** Actions on the card: all of the officer's due and overdue ones, not only those with a new nudge. */
  listed: number[];
  /** Indicator values to ask for, and EqIAs to review: nudges of their own, on the same digest. */
  figures: FigureDue[];
  reviews: ReviewDue[];
  ref?: ConversationRef;
  /** Why installing the app for them failed this run (tried again next run). */
  installError?: string;
  /** Send the card in Teams (their conversation is good). */
  teams?: boolean;
  /** Send the digest by email to this address (fallback, or "always"). */
  emailTo?: string | null;
}

/** Every ledger key the officer's digest delivers: action milestones, values asked for, reviews. */
export function workKeys(o: Pick<OfficerWork, "nudges" | "figures" | "reviews">): string[] {
  return [...o.nudges.map((n) => n.key), ...o.figures.map((f) => f.key), ...o.reviews.map((r) => r.key)];
}

export function digestReport(o: OfficerWork, outcome: DigestOutcome, nudgeKeys = workKeys(o), detail?: string): DigestReport {
  return {
    officerId: o.officerId,
    officerName: o.owner?.name ?? "",
    email: o.owner?.email ?? "",
    upn: o.owner?.upn ?? "",
    actionIds: o.listed,
    nudgeKeys,
    outcome,
    ...(detail ? { detail } : {}),
  };
}
