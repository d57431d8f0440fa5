/**
 * The covering report in headless Chromium against the real local SharePoint: the seeded 2020-21 report of the
 * 2017-2021 plan opened by the lead, a paragraph changed and saved by keyboard (read back from SharePoint), the
 * figures read only, and axe in the default, dark and high-contrast themes.
 */
import { describe, expect, it } from "vitest";
import { getCoverReport } from "../../src/data/cover-reports/index.ts";
import { getPlans } from "../../src/data/plans/index.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, screenshot, setTheme, type ThemeName } from "../helpers/browser.ts";
import { signedInTab } from "../helpers/signed-in-tab.ts";

const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";
const tab = signedInTab(SEED_EQUALITIES_LEAD_UPN);

describe("the covering report in the tab", () => {
  it("saves the lead's words for the year by keyboard, with the figures from the data read only", async () => {
    await tab.page().getByLabel("Plan", { exact: true }).selectOption({ label: `${PLAN_2017} (closed)` });
    await tab.page().goto(`${tab.stack().url}#/cover-report`);
    const year = tab.page().getByRole("textbox", { name: /Financial year of the report/ });
    await year.fill("2020-21");
    await year.press("Enter");
    await tab.page().getByRole("heading", { level: 2, name: "The covering report for 2020-21" }).waitFor();
    const figures = tab.page().getByTestId("cover-figures");
    expect(await figures.locator("input, textarea").count()).toBe(0);
    expect(await figures.textContent()).toContain("{{closed}}");

    const next = tab.page().getByRole("textbox", { name: /^Paragraph 1 text/ }).last(); // next steps, the last numbered list
    await next.focus();
    await tab.page().keyboard.press("ControlOrMeta+A");
    await tab.page().keyboard.type("The action plan will be monitored by the EDI group each quarter.");
    await tab.page().keyboard.press("Tab");
    // Tab on to the save button (remove, add, the appendices, then save).
    const save = tab.page().getByRole("button", { name: "Save the covering report" });
    for (let i = 0; i < 10 && !(await save.evaluate((el) => el === document.activeElement)); i++) await tab.page().keyboard.press("Tab");
    expect(await save.evaluate((el) => el === document.activeElement)).toBe(true);
    await tab.page().keyboard.press("Enter");
    await tab.page().getByTestId("cover-status").getByText("Covering report saved.").waitFor();
    const plan = (await getPlans(tab.stack().spAs(SEED_EQUALITIES_LEAD_UPN))).find((p) => p.title === PLAN_2017)!;
    const stored = await getCoverReport(tab.stack().spAs(SEED_EQUALITIES_LEAD_UPN), plan.id, "2020-21");
    expect(stored!.cover.nextSteps.at(-1)!.text).toBe("The action plan will be monitored by the EDI group each quarter.");
    await screenshot(tab.page(), "cover-report");
  });

  it("fits 320 px: nothing in the form scrolls sideways", async () => {
    await tab.page().setViewportSize({ width: 320, height: 800 });
    const wider = await tab.page().evaluate(() => {
      const main = document.querySelector("main")!;
      return Array.from(main.querySelectorAll<HTMLElement>("*"))
        .filter((e) => e.getBoundingClientRect().right > main.getBoundingClientRect().right + 1)
        .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? "").slice(0, 30)}"`)
        .slice(0, 5);
    });
    await tab.page().setViewportSize({ width: 1280, height: 720 });
    expect(wider).toEqual([]);
  });

  it("passes axe in the default, dark and high-contrast themes", async () => {
    for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
      await setTheme(tab.page(), theme);
      const violations = await axeScan(tab.page());
      expect(violations, `cover report in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
    }
    await screenshot(tab.page(), "cover-report-contrast");
    await setTheme(tab.page(), "default");
  });
});
