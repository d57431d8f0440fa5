/**
 * Sending one officer's digest by email (the fallback for people Teams cannot reach), through Graph's sendMail as
 * the configured shared mailbox. A 5xx or no answer may have sent it: "uncertain", never sent again for these
 * milestones, as with cards.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { GraphError } from "../../graph/index.ts";
import { buildDigestEmail } from "../cards/digest-email.ts";
import type { BotContext } from "../context.ts";
import type { OfficerWork } from "./report.ts";

export interface EmailOutcome {
  ok: boolean;
  uncertain: boolean;
  detail: string;
}

export async function emailDigest(ctx: BotContext, o: OfficerWork, actions: readonly ActionRecord[], now: Date): Promise<EmailOutcome> {
  const mailer = ctx.email.mailer;
  const to = o.emailTo;
  if (!mailer || !to) return { ok: false, uncertain: false, detail: "no mailbox to send to" };
  const mail = buildDigestEmail({ officerName: o.owner?.name ?? to, actions, figures: o.figures, reviews: o.reviews, now, links: ctx.links, bankHolidays: ctx.policy.bankHolidays });
  try {
    await mailer.send({ to, ...mail });
    return { ok: true, uncertain: false, detail: `by email to ${to}` };
  } catch (err) {
    const e = err instanceof GraphError ? err : new GraphError("unavailable", String(err));
    if (e.reason === "forbidden" || e.reason === "no-mailbox") {
      ctx.log.error({ sender: mailer.sender, err: e.message }, "the app may not send as the configured mailbox (Mail.Send with an RBAC for Applications scope, docs/deploy.md)");
    }
    return { ok: false, uncertain: e.reason === "unavailable", detail: `email to ${to}: ${e.message}` };
  }
}
