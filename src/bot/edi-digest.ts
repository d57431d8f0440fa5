/**
 * The weekly digest to the EDI group's channel. Once per day at most, whatever the number of instances: the
 * digest claims a ledger key (`edi-digest:<London date>`, ActionRef 0) before sending, like officers' nudges.
 */
import { getHandoverList } from "../data/conversations/index.ts";
import { monthEnd, parseIsoDate } from "../domain/dates.ts";
import { londonDate } from "../domain/london-time.ts";
import { currentPlan, getPlanActions } from "../data/index.ts";
import { claimLedger, getEdiDigestEntries, markLedger } from "../data/ledger/index.ts";
import { attachment } from "./cards/common.ts";
import { buildEdiDigestCard, type EdiAction } from "./cards/edi-digest-card.ts";
import type { BotContext } from "./context.ts";
import { SendError } from "./errors.ts";

export interface EdiDigestReport {
  outcome: "sent" | "already-sent" | "no-channel" | "no-plan" | "would-send" | "failed" | "uncertain";
  dueThisMonth: number;
  overdue: number;
  updatedSince: number;
  /** Open actions whose owner nobody reaches any more (the lead's handover list). */
  noReachableOwner: number;
  since: string | null;
  detail?: string;
}

export async function runEdiDigest(ctx: BotContext, opts: { now?: Date; dryRun?: boolean } = {}): Promise<EdiDigestReport> {
  const now = opts.now ?? ctx.now();
  const empty = { dueThisMonth: 0, overdue: 0, updatedSince: 0, noReachableOwner: 0, since: null };
  if (!ctx.ediChannel) return { outcome: "no-channel", ...empty };
  const plan = await currentPlan(ctx.sp);
  if (!plan) return { outcome: "no-plan", ...empty };
  const today = londonDate(now);
  const { year, month } = parseIsoDate(today);
  const end = monthEnd(year, month);
  const history = await getEdiDigestEntries(ctx.sp);
  const last = history.find((e) => e.state === "sent");
  const since = last?.sentAt ?? last?.runAt ?? new Date(now.getTime() - 7 * 86_400_000).toISOString();

  const all = await getPlanActions(ctx.sp, plan.id);
  const actions = all.filter((a) => a.status !== "complete" && a.disposition === "open");
  const row = (a: (typeof all)[number]): EdiAction => ({ ...a, ownerName: a.owner?.name ?? "" });
  const byDue = (a: EdiAction, b: EdiAction) => (a.due.date ?? "").localeCompare(b.due.date ?? "") || a.id - b.id;
  const overdue = actions.filter((a) => a.due.date !== null && a.due.date < today).map(row).sort(byDue);
  const dueThisMonth = actions.filter((a) => a.due.date !== null && a.due.date >= today && a.due.date <= end).map(row).sort(byDue);
  const updatedSince = all
    .filter((a) => a.lastUpdateAt !== null && a.lastUpdateAt > since)
    .map(row)
    .sort((a, b) => (b.lastUpdateAt ?? "").localeCompare(a.lastUpdateAt ?? ""));
  // Actions nobody reaches the owner of (a failed read leaves the section out, never the digest).
  const handover = await getHandoverList(ctx.sp).catch((err) => {
    ctx.log.warn({ err: String(err) }, "could not read the handover list for the EDI digest");
    return [];
  });
  const noReachableOwner = handover.flatMap((h) => h.actions.map((a) => ({ ...row(a), ownerName: h.person.name, ownerProblem: h.person.reason })));
  const counts = { dueThisMonth: dueThisMonth.length, overdue: overdue.length, updatedSince: updatedSince.length, noReachableOwner: noReachableOwner.length, since };
  if (opts.dryRun) return { outcome: "would-send", ...counts };

  const key = `edi-digest:${today}`;
  // Claimed like an officer's digest: added, or taken over when an earlier attempt failed or died past its lease.
  const claim = (await claimLedger(ctx.sp, [{ key, actionId: 0, officerId: 0, leadTime: "edi-digest", runAt: now, conversationId: ctx.ediChannel.conversationId }], { now, leaseMs: ctx.leaseMs })).get(key);
  if (claim?.outcome === "error") return { outcome: "failed", ...counts, detail: claim.error.message };
  if (claim?.outcome !== "claimed") return { outcome: "already-sent", ...counts };
  const claimedId = claim.id;

  const card = buildEdiDigestCard({ today, dueThisMonth, overdue, updatedSince, noReachableOwner, since: londonDate(since), links: ctx.links });
  try {
    const messageId = await ctx.sender.send(ctx.ediChannel, { type: "message", summary: "Weekly equality action plan digest", attachments: [attachment(card)] });
    // The digest's own instant (not the clock's): the next digest lists what was updated since this one was due.
    await markLedger(ctx.sp, [{ id: claimedId, state: "sent", sentAt: now, messageId: messageId ?? null }]);
    return { outcome: "sent", ...counts };
  } catch (err) {
    // A 5xx or a timeout may have been delivered: recorded as uncertain, so today's digest is not sent twice.
    const uncertain = !(err instanceof SendError) || err.reason === "uncertain";
    await markLedger(ctx.sp, [{ id: claimedId, state: uncertain ? "uncertain" : "failed" }]);
    return { outcome: uncertain ? "uncertain" : "failed", ...counts, detail: err instanceof Error ? err.message : String(err) };
  }
}
