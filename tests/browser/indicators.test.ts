/**
 * Indicators in headless Chromium against the real local SharePoint: on the action view an officer records a value
 * by keyboard alone, and the trend chart and the data table change; a correction joins the history; axe finds
 * nothing in Teams' default, dark and high-contrast themes with the chart shown; the dashboard counts indicators on
 * and off target per objective, with a chart and its table.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActionValues, getPlanIndicators } from "../../src/data/index.ts";
import type { IndicatorRecord } from "../../src/data/indicators/mapping.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let page: Page;
let indicator: IndicatorRecord;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
  indicator = (await getPlanIndicators(sp, stack.currentPlanId)).find((i) => i.unit === "percent")!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const card = () => page.locator(`section[data-indicator="${indicator.id}"]`);
const chart = () => card().locator('[data-chart="indicator-trend"] svg').first();
const tableRows = () => card().locator('table[data-table="indicator-values"] tbody tr').allTextContents();

/** Keyboard only: focus the period list, choose with the arrow keys, Tab to the value, type, Enter submits. */
async function recordByKeyboard(value: string, opts: { down?: number; note?: string } = {}) {
  await card().getByRole("combobox", { name: /Period/ }).focus();
  for (let i = 0; i < (opts.down ?? 0); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.type(value);
  if (opts.note !== undefined) {
    await page.keyboard.press("Tab");
    await page.keyboard.type(opts.note);
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("Enter");
}

describe("indicators on the action view", () => {
  it("records a value by keyboard; the chart appears and the table shows it, then a correction changes both", async () => {
    await page.evaluate((id) => {
      window.location.hash = `#/actions/${id}`;
    }, indicator.actionId);
    await card().getByRole("heading", { name: indicator.name, exact: true, level: 3 }).waitFor();
    expect(await card().locator('[data-chart="indicator-trend"]').count()).toBe(0);
    expect(await card().getByText("No value recorded yet.").count()).toBe(1);

    await recordByKeyboard("17");
    await card().locator('table[data-table="indicator-values"]').waitFor();
    await chart().waitFor();
    const first = await tableRows();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/17 %.*Sam Kowalski/);
    const before = await chart().innerHTML();

    // The same period again is a correction: the note is asked for, then the chart and the history change.
    const options = await card().getByRole("combobox", { name: /Period/ }).locator("option").allTextContents();
    const correctAt = options.findIndex((o) => /\(correct 17 %\)$/.test(o));
    expect(correctAt).toBeGreaterThanOrEqual(0);
    await recordByKeyboard("23", { down: correctAt, note: "Survey returns received late" });
    await card().getByText("Correction 1 (current)").waitFor();
    const second = await tableRows();
    expect(second).toHaveLength(2);
    expect(second[0]).toContain("Replaced by a correction");
    expect(second[1]).toMatch(/23 %.*Survey returns received late/);
    await expect.poll(() => chart().innerHTML()).not.toBe(before);

    const values = (await getActionValues(stack.spAs(SEED_EQUALITIES_LEAD_UPN), indicator.actionId)).filter((v) => v.indicatorId === indicator.id);
    expect(values.map((v) => [v.value, v.revision])).toEqual([
      [17, 1],
      [23, 2],
    ]);
  });

  it("says which field is wrong when the value is not a number, and writes nothing", async () => {
    await recordByKeyboard("lots");
    await card().getByText(/^Value: "lots" is not a number/).waitFor();
    const values = (await getActionValues(stack.spAs(SEED_EQUALITIES_LEAD_UPN), indicator.actionId)).filter((v) => v.indicatorId === indicator.id);
    expect(values).toHaveLength(2);
  });

  it("the dashboard shows the indicators on and off target per objective, chart and table, the new value counted", async () => {
    await page.evaluate(() => {
      window.location.hash = "#/dashboard";
    });
    const table = page.locator('table[data-table="indicators-by-objective"]');
    await table.waitFor();
    await page.locator('[data-chart="dash-indicators"] svg').first().waitFor();
    const all = await table.locator("tbody tr").last().locator("th, td").allTextContents();
    expect(all[0]).toBe("All objectives");
    const indicators = await getPlanIndicators(stack.spAs(SEED_EQUALITIES_LEAD_UPN), stack.currentPlanId);
    expect(Number(all[5])).toBe(indicators.length);
    const violations = await axeScan(page);
    await screenshot(page, "indicators-dashboard");
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.evaluate((id) => {
      window.location.hash = `#/actions/${id}`;
    }, indicator.actionId);
    await card().getByRole("heading", { name: indicator.name, exact: true, level: 3 }).waitFor();
  });

  for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
    it(`has no axe violations with the chart shown in the ${theme} theme`, async () => {
      await setTheme(page, theme);
      await chart().waitFor();
      await page.waitForTimeout(150);
      const violations = await axeScan(page);
      await screenshot(page, `indicators-${theme}`);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
});
