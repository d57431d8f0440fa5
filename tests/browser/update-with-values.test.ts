/**
 * A figure with an update, in headless Chromium against the real local SharePoint and the product's server: the
 * "Add update" form offers one optional field per indicator whose last complete period has no value, labelled
 * with the indicator, period and unit (read once the person starts on the form); by keyboard alone a wrong figure is said under its field and nothing is
 * written; a good one is saved with the update in one request; axe finds nothing with the figures shown.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIndicatorValues, getPlanIndicators, getUpdatesForAction } from "../../src/data/index.ts";
import type { IndicatorRecord } from "../../src/data/indicators/mapping.ts";
import { lastCompletePeriod } from "../../src/domain/indicator-progress.ts";
import { londonDate } from "../../src/domain/london-time.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, signInAs } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let page: Page;
let indicator: IndicatorRecord;
let label: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
  indicator = (await getPlanIndicators(sp, stack.currentPlanId)).find((i) => i.unit === "percent" && i.summary === null) as IndicatorRecord;
  label = `${indicator.name}: value for ${lastCompletePeriod(indicator, londonDate(new Date())).label} (Per cent)`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
  await page.evaluate((id) => {
    window.location.hash = `#/actions/${id}`;
  }, indicator.actionId);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const form = () => page.getByRole("form", { name: "Add update" });
const figure = () => form().getByRole("textbox", { name: label });
const lead = () => stack.spAs(SEED_EQUALITIES_LEAD_UPN);

describe("a figure with an update", () => {
  it("offers the indicator's last complete period, labelled with unit and period, with no axe violations", async () => {
    // Read once the person starts on the form (not with the page): focus its first field.
    await form().getByRole("textbox", { name: /What has happened/ }).focus();
    await figure().waitFor();
    expect(await form().getByRole("group", { name: "Figures with this update (optional)" }).count()).toBe(1);
    const violations = await axeScan(page);
    await screenshot(page, "update-with-values");
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it("by keyboard: a wrong figure is said under its field and nothing is written; a good one is saved with the update", async () => {
    const updatesBefore = (await getUpdatesForAction(lead(), indicator.actionId)).length;
    await form().getByRole("textbox", { name: /What has happened/ }).focus();
    await page.keyboard.type("Survey results are in.");
    await figure().focus();
    await page.keyboard.type("most");
    await page.keyboard.press("Enter");
    await form().getByText(new RegExp(`${indicator.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: "most" is not a number`)).waitFor();
    expect(await getIndicatorValues(lead(), indicator.id)).toEqual([]);
    expect((await getUpdatesForAction(lead(), indicator.actionId)).length).toBe(updatesBefore);

    await figure().focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("64");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await getIndicatorValues(lead(), indicator.id)).map((v) => v.value), { timeout: 15_000 }).toEqual([64]);
    const updates = await getUpdatesForAction(lead(), indicator.actionId);
    expect(updates.length).toBe(updatesBefore + 1);
    expect(updates[0].text).toBe("Survey results are in.");
    // The period has its value now: the field is no longer offered.
    await expect.poll(() => figure().count(), { timeout: 15_000 }).toBe(0);
  });
});
