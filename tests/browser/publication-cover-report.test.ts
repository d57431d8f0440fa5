/**
 * The covering report in headless Chromium against the real local SharePoint: the seeded 2020-21 report of the
 * 2017-2021 plan opened by the lead, a paragraph changed and saved by keyboard (read back from SharePoint), the
 * figures read only, and axe in the default, dark and high-contrast themes.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCoverReport } from "../../src/data/cover-reports/index.ts";
import { getPlans } from "../../src/data/plans/index.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";
let stack: TabStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  page = await (await browser.newContext()).newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("the covering report in the tab", () => {
  it("saves the lead's words for the year by keyboard, with the figures from the data read only", async () => {
    await page.getByLabel("Plan", { exact: true }).selectOption({ label: `${PLAN_2017} (closed)` });
    await page.goto(`${stack.url}#/cover-report`);
    const year = page.getByRole("textbox", { name: /Financial year of the report/ });
    await year.fill("2020-21");
    await year.press("Enter");
    await page.getByRole("heading", { level: 2, name: "The covering report for 2020-21" }).waitFor();
    const figures = page.getByTestId("cover-figures");
    expect(await figures.locator("input, textarea").count()).toBe(0);
    expect(await figures.textContent()).toContain("{{closed}}");

    const next = page.getByRole("textbox", { name: /^Paragraph 1 text/ }).last(); // next steps, the last numbered list
    await next.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("The action plan will be monitored by the EDI group each quarter.");
    await page.keyboard.press("Tab");
    // Tab on to the save button (remove, add, the appendices, then save).
    const save = page.getByRole("button", { name: "Save the covering report" });
    for (let i = 0; i < 10 && !(await save.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await save.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("cover-status").getByText("Covering report saved.").waitFor();
    const plan = (await getPlans(stack.spAs(SEED_EQUALITIES_LEAD_UPN))).find((p) => p.title === PLAN_2017)!;
    const stored = await getCoverReport(stack.spAs(SEED_EQUALITIES_LEAD_UPN), plan.id, "2020-21");
    expect(stored!.cover.nextSteps.at(-1)!.text).toBe("The action plan will be monitored by the EDI group each quarter.");
    await screenshot(page, "cover-report");
  });

  it("passes axe in the default, dark and high-contrast themes", async () => {
    for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
      await setTheme(page, theme);
      const violations = await axeScan(page);
      expect(violations, `cover report in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
    }
    await screenshot(page, "cover-report-contrast");
    await setTheme(page, "default");
  });
});
