/** What a reminder run reports: per officer, what happened to their digest; per run, the counts. */
import type { Nudge } from "../../domain/reminder-policy.ts";
import type { ConversationRef, Person } from "../../domain/types.ts";

/** "uncertain": Teams answered 5xx or did not answer in time, so it may have been delivered; never re-sent. */
export type DigestOutcome = "sent" | "would-send" | "no-conversation" | "unreachable" | "failed" | "uncertain" | "stopped";

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
  nudgesDue: number;
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
}

/** One officer's part of a run: their new nudges, every due action for the card, and where to reach them. */
export interface OfficerWork {
  officerId: number;
  owner: Person | null;
  nudges: Nudge[];
  /** Actions on the card: all of the officer's due and overdue ones, not only those with a new nudge. */
  listed: number[];
  ref?: ConversationRef;
}

export function digestReport(o: OfficerWork, outcome: DigestOutcome, nudgeKeys = o.nudges.map((n) => n.key), detail?: string): DigestReport {
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
