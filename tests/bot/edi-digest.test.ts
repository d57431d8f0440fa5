/** The weekly EDI channel digest: due this month, overdue, updated since the last digest; once a day at most. */
import { describe, expect, it } from "vitest";
import { getPlanActions, submitUpdate } from "../../src/data/index.ts";
import { SEED_UPNS } from "../../src/seed/people.ts";
import {
  allText,
  appSpOf,
  cardOf,
  NOW,
  stackPerFile,
} from "../helpers/bot-harness.ts";

const CHANNEL = "19:edi-group@thread.tacv2";
const stack = stackPerFile({ install: false, bot: (capture) => ({ ediChannel: { conversationId: CHANNEL, serviceUrl: capture.serviceUrl } }) });

describe("EDI channel digest", () => {
  it("lists overdue and due-this-month actions with a link to the review view, once per day", async () => {
    const report = await stack.bot.runtime.runEdiDigest({ now: NOW });
    expect(report.outcome).toBe("sent");
    const sent = stack.capture.sentTo(CHANNEL);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0].activity);
    const text = allText(card);
    const actions = await getPlanActions(stack.site.spAs(SEED_UPNS.equalitiesLead), stack.site.planId);
    const overdue = actions.filter((a) => (a.due.date ?? "9999") < "2026-11-24");
    const thisMonth = actions.filter((a) => a.due.date !== null && a.due.date >= "2026-11-24" && a.due.date <= "2026-11-30");
    expect(overdue.length).toBeGreaterThan(0);
    expect(text).toContain(`Overdue (${overdue.length})`);
    expect(text).toContain(`Due this month (${thisMonth.length})`);
    for (const a of overdue) expect(text).toContain(a.reference);
    expect(JSON.stringify(card)).toContain("http://127.0.0.1:5173/#/review");

    expect((await stack.bot.runtime.runEdiDigest({ now: new Date(NOW.getTime() + 3600_000) })).outcome).toBe("already-sent");
    expect(stack.capture.sentTo(CHANNEL)).toHaveLength(1);
  });

  it("a week later lists what was updated since the last digest", async () => {
    // Written as the app writes it (no person's token writes the plan's lists).
    const sp = appSpOf(stack.site);
    const [a] = await getPlanActions(sp, stack.site.planId);
    const later = new Date(NOW.getTime() + 2 * 86_400_000);
    await submitUpdate(sp, { action: a, text: "Consultation report published", status: "on-track", author: null, authorName: "Test", submissionKey: "edi-test-1", now: later });
    const report = await stack.bot.runtime.runEdiDigest({ now: new Date(NOW.getTime() + 7 * 86_400_000) });
    expect(report.outcome).toBe("sent");
    expect(report.updatedSince).toBe(1);
    const text = allText(cardOf(stack.capture.sentTo(CHANNEL)[1].activity));
    expect(text).toContain("Consultation report published");
  });
});
