/**
 * How each officer of a run is reached: in Teams when their conversation is good; by email when Teams cannot reach
 * them (or always, when so configured) and they have a mailbox; otherwise not at all, which the run reports with why
 * and what the equalities lead can do, never silently. People who have left (disabled, deleted) are not emailed:
 * their actions need a new owner (the lead's handover list).
 */
import { directoryState } from "../../graph/index.ts";
import type { BotContext } from "../context.ts";
import { REACH_ADVICE } from "./reach.ts";
import { digestReport, type OfficerWork, type RunReport } from "./report.ts";

const LEFT = new Set(["disabled", "deleted"]);

/** Why Teams does not reach them, in the lead's words. */
export function whyNotInTeams(o: OfficerWork, installing: boolean): string {
  if (o.ref?.problem) return REACH_ADVICE[o.ref.problem];
  if (o.installError) return `installing the app failed this run (tried again next run): ${o.installError}`;
  if (o.ref?.unreachable) return o.ref.unreachableReason ?? "unreachable";
  return installing ? "the app could not be installed for them" : "has not installed the app in Teams (installation through Microsoft Graph is not configured)";
}

/**
 * Decides the channels of each officer; returns those to claim and send to. Reports the others. In a dry run
 * nothing is installed or looked up: officers without a conversation "would install".
 */
export async function route(ctx: BotContext, officers: readonly OfficerWork[], report: RunReport, dryRun: boolean): Promise<OfficerWork[]> {
  const emailMode = ctx.email.mailer ? ctx.email.mode : "off";
  const out: OfficerWork[] = [];
  const lookups: OfficerWork[] = [];
  for (const o of officers) {
    o.teams = Boolean(o.ref && !o.ref.unreachable && o.ref.conversationId);
    const emailable = emailMode === "always" || (emailMode === "fallback" && !o.teams && !LEFT.has(o.ref?.problem ?? ""));
    o.emailTo = emailable ? (o.ref?.mail ?? null) : null;
    // A reference with checkedAt has the directory's answer already (null: no mailbox).
    if (emailable && !o.emailTo && !o.ref?.checkedAt && !dryRun) lookups.push(o);
  }
  // The directory's mailbox for those Teams cannot reach and whose mailbox is not known yet: one Graph read each.
  const graph = ctx.reach?.graph ?? ctx.email.mailer?.graph;
  if (graph) {
    await Promise.all(
      lookups.map(async (o) => {
        const who = o.ref?.userId || o.owner?.upn;
        if (!who) return;
        const st = await directoryState(graph, who).catch(() => null);
        if (st?.state === "enabled") o.emailTo = st.mail;
      }),
    );
  }
  for (const o of officers) {
    if (dryRun) {
      if (o.teams) report.digests.push(digestReport(o, "would-send"));
      else if (!o.ref && ctx.reach) report.digests.push(digestReport(o, "would-install", undefined, "the app would be installed for them through Microsoft Graph"));
      else if (emailMode !== "off" && !LEFT.has(o.ref?.problem ?? "")) report.digests.push(digestReport(o, "would-email", undefined, whyNotInTeams(o, Boolean(ctx.reach))));
      else report.digests.push(digestReport(o, o.ref ? "unreachable" : "no-conversation", undefined, whyNotInTeams(o, Boolean(ctx.reach))));
      continue;
    }
    if (o.teams || o.emailTo) {
      out.push(o);
      continue;
    }
    const why = whyNotInTeams(o, Boolean(ctx.reach));
    const mailNote = emailMode === "off" || LEFT.has(o.ref?.problem ?? "") ? "" : "; they have no mailbox, so no email either";
    // "unreachable": Teams refused a conversation it had (blocked, removed); "not-reached": no conversation could be had.
    const outcome = o.ref?.conversationId && !LEFT.has(o.ref.problem ?? "") ? "unreachable" : o.ref || o.installError ? "not-reached" : "no-conversation";
    report.digests.push(digestReport(o, outcome, undefined, `${why}${mailNote}`));
  }
  return out;
}
