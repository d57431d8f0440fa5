/**
 * Repeated failures: Teams refusing an officer's digest run after run (400 here) counts on their reference; at the
 * third in a row they are "failing": not sent to again until they write to the bot, and their open actions are in
 * the lead's handover list.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { getConversations, getHandoverList } from "../../../src/data/conversations/index.ts";
import { createSp } from "../../../src/data/index.ts";
import { FAILURES_BEFORE_HANDOVER } from "../../../src/domain/constants.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import { botAuth, conversationOf, NOW, type Stack, startStack } from "../../helpers/bot-harness.ts";

const LEAH = SEED_UPNS.workforce;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 90_000);
afterAll(async () => {
  await stack?.close();
});

it(`after ${FAILURES_BEFORE_HANDOVER} failed sends in a row an officer is failing, sent nothing more, and listed for handover`, async () => {
  const sp = createSp(stack.site.siteUrl, botAuth());
  const conv = conversationOf(LEAH);
  stack.capture.refuse(conv, 400, FAILURES_BEFORE_HANDOVER);
  for (let i = 1; i <= FAILURES_BEFORE_HANDOVER; i++) {
    // The same day: a failed digest is released, so each run tries again.
    const run = await stack.bot.runtime.runReminders({ now: new Date(NOW.getTime() + i * 60_000) });
    expect(run.digests.find((d) => d.upn === LEAH)?.outcome, `run ${i}`).toBe("failed");
    const ref = (await getConversations(sp)).find((r) => r.upn === LEAH);
    expect(ref?.failures).toBe(i);
    expect(ref?.unreachable).toBe(i === FAILURES_BEFORE_HANDOVER);
  }
  const attempts = stack.capture.attempts.filter((a) => a.conversationId === conv).length;
  const next = await stack.bot.runtime.runReminders({ now: new Date(NOW.getTime() + 10 * 60_000) });
  expect(next.digests.find((d) => d.upn === LEAH)?.outcome).toBe("unreachable");
  expect(stack.capture.attempts.filter((a) => a.conversationId === conv).length).toBe(attempts);
  const listed = (await getHandoverList(sp)).find((h) => h.person.upn === LEAH);
  expect(listed?.person.problem).toBe("failing");
  expect(listed?.actions.length).toBeGreaterThan(0);
});
