/**
 * A new delivery date, end to end in headless Chromium: an officer (outside the EDI group) cannot change the date
 * of their action and sees no control for it; they ask for a new date with an update; the equalities lead finds
 * the proposal under "Proposed dates" and accepts it; the officer sees the lead's answer in the action's timeline
 * and the new date on the action.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAction, getMyActions } from "../../src/data/index.ts";
import { addDays, formatLongDate } from "../../src/domain/dates.ts";
import { londonDate } from "../../src/domain/london-time.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, signInAs } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let officer: { upn: string; name: string; actionId: number };

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  for (const p of SEED_PEOPLE.filter((x) => !x.ediGroup)) {
    const sp = stack.spAs(p.upn);
    const me = await sp.web.currentUser();
    const mine = (await getMyActions(sp, me.Id)).find((a) => a.planId === stack.currentPlanId && a.disposition === "open" && a.status !== "complete");
    if (mine) {
      officer = { upn: p.upn, name: p.name, actionId: mine.id };
      break;
    }
  }
  if (!officer) throw new Error("the seed gave no officer outside the EDI group an open action");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function pageAs(upn: string, hash: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, upn);
  await page.goto(`${stack.url}${hash}`);
  return page;
}

describe("proposing a new delivery date", () => {
  it("the officer proposes, the lead accepts, the officer sees the outcome in the timeline", async () => {
    const before = await getAction(stack.spAs(officer.upn), officer.actionId);
    const date = addDays(londonDate(new Date()), 75);

    // The officer: no date control in the details, a proposal with an update instead.
    const page = await pageAs(officer.upn, `#/actions/${officer.actionId}`);
    await page.getByRole("heading", { name: "Add update" }).waitFor();
    await page.getByRole("button", { name: "Edit details" }).click();
    expect(await page.getByLabel("To be delivered by").count()).toBe(0);
    await page.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("textbox", { name: /What has happened/ }).fill("The partner's data arrives late; we need more time.");
    await page.getByRole("combobox", { name: /Status after this update/ }).selectOption("at-risk");
    await page.getByRole("checkbox", { name: "Ask for a new delivery date" }).check();
    await page.getByLabel("New date requested").fill(date);
    await page.getByRole("button", { name: "Save update" }).click();
    await page.getByTestId("live-region").getByText("Your proposed date was sent to the equalities lead.", { exact: false }).waitFor();
    expect((await getAction(stack.spAs(officer.upn), officer.actionId)).due.date).toBe(before.due.date);
    await page.context().close();

    // The lead: the proposal is waiting; accept it.
    const lead = await pageAs(SEED_EQUALITIES_LEAD_UPN, "#/proposals");
    const card = lead.getByRole("listitem").filter({ hasText: "The partner's data arrives late" });
    await card.waitFor();
    await expect(card.getByText(`${officer.name} asked on`, { exact: false }).isVisible()).resolves.toBe(true);
    const violations = await axeScan(lead);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(lead, "proposed-dates");
    await card.getByRole("button", { name: "Accept the new date" }).click();
    await lead.getByTestId("live-region").getByText(`Accepted: the delivery date is now ${formatLongDate(date)}.`).waitFor();
    await expect(lead.getByText("No proposed date is waiting for your answer.").isVisible()).resolves.toBe(true);
    await lead.context().close();

    // The officer again: the answer is in the timeline, and the date has moved.
    const back = await pageAs(officer.upn, `#/actions/${officer.actionId}`);
    const timeline = back.getByRole("list", { name: "Updates, newest first" });
    await timeline.waitFor();
    const answer = timeline.getByRole("listitem").first();
    await expect(answer.getByText(`Accepted the proposed delivery date ${formatLongDate(date)}`, { exact: false }).isVisible()).resolves.toBe(true);
    await expect(answer.getByText("By Sam Kowalski", { exact: false }).isVisible()).resolves.toBe(true);
    expect((await getAction(stack.spAs(officer.upn), officer.actionId)).due.date).toBe(date);
    await screenshot(back, "proposal-accepted-timeline");
    await back.context().close();
  });
});
