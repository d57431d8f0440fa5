/**
 * Sending the claimed digests, paced (../sending), and recording each outcome in the ledger (./ledger-writer.ts):
 * the officer's digest row gets the outcome, and the nudges the digest carried are recorded as sent (or uncertain)
 * so that no later run sends those milestones again.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { markUnreachable, recordSendOutcome } from "../../data/conversations/index.ts";
import type { LedgerMark } from "../../data/ledger/index.ts";
import type { LedgerState } from "../../domain/types.ts";
import { attachment } from "../cards/common.ts";
import { buildDigestCard } from "../cards/digest-card.ts";
import type { BotContext } from "../context.ts";
import { SendError } from "../errors.ts";
import type { RunControl } from "../scheduler.ts";
import { MAX_IN_FLIGHT } from "../sending/pacer.ts";
import type { Claimed } from "./claims.ts";
import { emailDigest } from "./email-digest.ts";
import { LedgerWriter } from "./ledger-writer.ts";
import { figureLeadTime } from "./measure-work.ts";
import { digestReport, type RunReport, workKeys } from "./report.ts";
import type { WorkQueue } from "./work-queue.ts";

/** What the equalities lead reads in "unreachable" for each way a send fails for good. */
const UNREACHABLE_BECAUSE = {
  blocked: "Blocked or removed the bot (Teams: MessageWritesBlocked)",
  "not-found": "Conversation not found (the app was removed)",
  "unsafe-service-url": "The saved service URL is not a Teams service URL; writing to the bot again saves a good one",
} as const;
/** The reach problem each refusal records (the handover list reads "bot-blocked"; "not-installed" is installed again). */
const PROBLEM_BECAUSE = { blocked: "bot-blocked", "not-found": "not-installed", "unsafe-service-url": null } as const;

export interface Sending {
  /** Resolves when the queue is closed and every digest in it was sent and recorded. */
  done: Promise<void>;
}

/** Starts the senders on `queue`; the caller pushes claimed digests into it and closes it. */
export function sendDigests(ctx: BotContext, queue: WorkQueue<Claimed>, actions: ReadonlyMap<number, ActionRecord>, now: Date, report: RunReport, control: RunControl): Sending {
  const ledger = new LedgerWriter(ctx, report);
  /** The officer's digest row gets the outcome; their nudges are recorded when they went out (or may have). */
  const settle = (c: Claimed, state: LedgerState, extra: Omit<Partial<LedgerMark>, "id"> = {}) => {
    ledger.mark({ id: c.lockId, state, ...extra });
    if (state === "sent" || state === "uncertain") {
      const o = c.work;
      const row = { officerId: o.officerId, runAt: now, state, ...extra };
      ledger.record([
        ...o.nudges.map((n) => ({ ...row, key: n.key, actionId: n.actionId, leadTime: n.leadTime })),
        ...o.figures.map((f) => ({ ...row, key: f.key, actionId: f.actionId, leadTime: figureLeadTime(f) })),
        // An EqIA's rows carry its negative id: never an action's, never the EDI digests' 0.
        ...o.reviews.map((r) => ({ ...row, key: r.key, actionId: r.ledgerRef, leadTime: r.leadTime })),
      ]);
    }
  };

  const worker = async () => {
    for (;;) {
      const c = await queue.next();
      if (!c) return;
      const o = c.work;
      const ref = o.ref as NonNullable<typeof o.ref>;
      const keys = workKeys(o);
      if (control.stopping) {
        // Released at once (not left to the lease) so that the next run sends them.
        settle(c, "failed");
        report.digests.push(digestReport(o, "stopped", keys));
        continue;
      }
      const listed = o.listed.map((id) => actions.get(id)).filter((a): a is ActionRecord => a !== undefined);
      if (!o.teams) {
        // Teams cannot reach them: the digest goes by email, claimed and recorded exactly as a card is.
        const outcome = await emailDigest(ctx, o, listed, now);
        if (outcome.ok) {
          settle(c, "sent", { sentAt: new Date(), conversationId: "email" });
          report.digests.push(digestReport(o, "emailed", keys, outcome.detail));
          report.emailed++;
        } else if (outcome.uncertain) {
          settle(c, "uncertain", { conversationId: "email" });
          report.digests.push(digestReport(o, "uncertain", keys, outcome.detail));
          report.uncertain++;
        } else {
          settle(c, "failed");
          report.digests.push(digestReport(o, "failed", keys, outcome.detail));
          report.failed++;
        }
        continue;
      }
      const t0 = performance.now();
      const card = buildDigestCard({
        officerName: o.owner?.name ?? ref.name,
        officerId: o.officerId,
        actions: listed,
        figures: o.figures,
        reviews: o.reviews,
        now,
        links: ctx.links,
        refreshObjectIds: [ref.userId],
        bankHolidays: ctx.policy.bankHolidays,
      });
      report.computeMs += performance.now() - t0;
      try {
        const messageId = await ctx.sender.send(
          { serviceUrl: ref.serviceUrl, conversationId: ref.conversationId },
          { type: "message", summary: "Your equality actions due", attachments: [attachment(card)] },
          () => control.stopping,
        );
        settle(c, "sent", { sentAt: new Date(), messageId: messageId ?? null, conversationId: ref.conversationId });
        report.digests.push(digestReport(o, "sent", keys));
        report.sent++;
        if (ref.failures) await recordSendOutcome(ctx.sp, ref, true).catch((err) => ctx.log.warn({ err: String(err), upn: ref.upn }, "could not clear a person's failed sends"));
        // "always": the email too (its failure does not undo the card).
        if (o.emailTo) {
          const copy = await emailDigest(ctx, o, listed, now);
          if (copy.ok) report.emailed++;
          else ctx.log.warn({ upn: ref.upn, err: copy.detail }, "the digest's email copy was not sent");
        }
      } catch (err) {
        const e = err instanceof SendError ? err : new SendError("uncertain", String(err));
        if (e.reason === "uncertain") {
          // Teams may have shown it: recorded as such, and never sent again for these milestones.
          settle(c, "uncertain", { conversationId: ref.conversationId });
          report.digests.push(digestReport(o, "uncertain", keys, e.message));
          report.uncertain++;
          ctx.log.warn({ upn: ref.upn, err: e.message }, "delivery of a digest is uncertain; it will not be sent again for these milestones");
          continue;
        }
        settle(c, "failed");
        if (e.reason === "cancelled") report.digests.push(digestReport(o, "stopped", keys));
        else {
          report.digests.push(digestReport(o, e.unreachable ? "unreachable" : "failed", keys, e.message));
          report.failed++;
        }
        try {
          if (e.unreachable) {
            const why = e.reason as keyof typeof UNREACHABLE_BECAUSE;
            await markUnreachable(ctx.sp, ref, UNREACHABLE_BECAUSE[why] ?? e.message, PROBLEM_BECAUSE[why] ?? null);
          } else if (e.reason !== "cancelled") await recordSendOutcome(ctx.sp, ref, false);
        } catch (markErr) {
          ctx.log.error({ err: String(markErr), upn: ref.upn }, "could not record why a person was not reached");
        }
      }
    }
  };
  const done = Promise.all(Array.from({ length: MAX_IN_FLIGHT }, worker)).then(() => ledger.finish());
  return { done };
}
