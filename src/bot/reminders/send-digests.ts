/**
 * Sending the claimed digests, paced (../sending), and recording each outcome in the ledger: the officer's nudges
 * and their digest row are marked together, 50 rows per $batch, flushed as batches fill and at the end.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { markUnreachable } from "../../data/conversations/index.ts";
import { LEDGER_BATCH_SIZE, type LedgerMark, markLedger } from "../../data/ledger/index.ts";
import type { LedgerState } from "../../domain/types.ts";
import { attachment } from "../cards/common.ts";
import { buildDigestCard } from "../cards/digest-card.ts";
import type { BotContext } from "../context.ts";
import { SendError } from "../errors.ts";
import type { RunControl } from "../scheduler.ts";
import { MAX_IN_FLIGHT } from "../sending/pacer.ts";
import type { Claimed } from "./claims.ts";
import { digestReport, type RunReport } from "./report.ts";

/** What the equalities lead reads in "unreachable" for each way a send fails for good. */
const UNREACHABLE_BECAUSE = {
  blocked: "Blocked or removed the bot (Teams: MessageWritesBlocked)",
  "not-found": "Conversation not found (the app was removed)",
  "unsafe-service-url": "The saved service URL is not a Teams service URL; writing to the bot again saves a good one",
} as const;

export async function sendDigests(
  ctx: BotContext,
  work: readonly Claimed[],
  actions: ReadonlyMap<number, ActionRecord>,
  now: Date,
  report: RunReport,
  control: RunControl,
  initialMarks: readonly LedgerMark[] = [],
): Promise<void> {
  const marks: LedgerMark[] = [...initialMarks];
  const mark = (c: Claimed, state: LedgerState, extra: Partial<LedgerMark> = {}) => {
    for (const id of c.nudgeIds.values()) marks.push({ id, state, ...extra });
    marks.push({ id: c.lockId, state, ...extra });
  };
  const flush = async (force: boolean) => {
    // Full batches only while sending (a request per 50 marks), the remainder at the end.
    const n = force ? marks.length : marks.length - (marks.length % LEDGER_BATCH_SIZE);
    if (n === 0) return;
    const failed = await markLedger(ctx.sp, marks.splice(0, n));
    report.ledgerWriteFailures += failed.length;
    if (failed.length) ctx.log.error({ ids: failed }, "could not record reminder outcomes in the ledger");
  };

  const queue = [...work];
  const worker = async () => {
    for (;;) {
      const c = queue.shift();
      if (!c) return;
      const o = c.work;
      const ref = o.ref as NonNullable<typeof o.ref>;
      const keys = [...c.nudgeIds.keys()];
      if (control.stopping) {
        // Released at once (not left to the lease) so that the next run sends them.
        mark(c, "failed");
        report.digests.push(digestReport(o, "stopped", keys));
        continue;
      }
      const t0 = performance.now();
      const card = buildDigestCard({
        officerName: o.owner?.name ?? ref.name,
        actions: o.listed.map((id) => actions.get(id)).filter((a): a is ActionRecord => a !== undefined),
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
        mark(c, "sent", { sentAt: new Date(), messageId: messageId ?? null, conversationId: ref.conversationId });
        report.digests.push(digestReport(o, "sent", keys));
        report.sent++;
      } catch (err) {
        const e = err instanceof SendError ? err : new SendError("uncertain", String(err));
        if (e.reason === "uncertain") {
          // Teams may have shown it: recorded as such, and never sent again for these milestones.
          mark(c, "uncertain", { conversationId: ref.conversationId });
          report.digests.push(digestReport(o, "uncertain", keys, e.message));
          report.uncertain++;
          ctx.log.warn({ upn: ref.upn, err: e.message }, "delivery of a digest is uncertain; it will not be sent again for these milestones");
          await flush(false);
          continue;
        }
        mark(c, "failed");
        if (e.reason === "cancelled") report.digests.push(digestReport(o, "stopped", keys));
        else {
          report.digests.push(digestReport(o, e.unreachable ? "unreachable" : "failed", keys, e.message));
          report.failed++;
        }
        if (e.unreachable) {
          try {
            await markUnreachable(ctx.sp, ref, UNREACHABLE_BECAUSE[e.reason as keyof typeof UNREACHABLE_BECAUSE] ?? e.message);
          } catch (markErr) {
            ctx.log.error({ err: String(markErr), upn: ref.upn }, "could not mark a person unreachable");
          }
        }
      }
      await flush(false);
    }
  };
  await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, worker));
  await flush(true);
}
