/**
 * The import and rollover wizards in headless Chromium against the real local SharePoint (seeded): upload a CSV
 * with a bad date → preview names the problem's place and nothing can be imported, and says the period it inferred
 * from the plan's name → the equalities lead explicitly leaves the bad row out → confirm → the plan is in SharePoint
 * with the good rows only. Rollover: preview of what is
 * carried and closed, confirmation, links checked in SharePoint. axe scans in Teams' default, dark and high-contrast
 * themes.
 */
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPlan, getPlanActions, updateAction } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack(), launchBrowser()]);
  const context = await browser.newContext();
  page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function scanAllThemes(name: string): Promise<void> {
  for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
    await setTheme(page, theme);
    const violations = await axeScan(page);
    await screenshot(page, `${name}-${theme}`);
    expect(violations, `${name} in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
  }
  await setTheme(page, "default");
}

const CSV = Papa.unparse(
  [
    ["Role", "Objective", "Actions", "Responsible officer", "How will we know that this is done?", "To be delivered by"],
    ["Community Leader: We will engage with residents.", "Increase understanding of residents.", "Provide ward analysis.", "Robin Ashdown", "Report produced", "November 2027"],
    ["Community Leader", "Consistent alternative formats.", "Audit alternative formats <b>now</b>.", "Jamila Hart", "Clear process", "Spring 2028"],
    ["Employer: To have a workforce that feels valued.", "Integrate Equalities into Service Planning.", "• Equalities in service plans\n• Staff presentation", "Policy team", "More EqIAs", "Review by March 2028"],
  ],
  { newline: "\r\n" },
);

describe("import wizard", () => {
  it("upload → preview with a problem → leave it out explicitly → confirm", async () => {
    const title = "Imported from CSV in the tab 2027-2031";
    await page.goto(`${stack.url}#/import`);
    await page.getByRole("heading", { name: "Import a plan", level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByLabel("Name of the new plan").fill(title);
    // No period: it is inferred from the plan's name, and the preview says so.
    await page.getByRole("button", { name: "Check the file" }).click();

    await page.getByText("Period: 2027-2031, inferred from the plan's name.").waitFor();
    const problem = page.getByText('CSV, row 3, column "To be delivered by": "Spring 2028" is not a date');
    await problem.waitFor();
    expect(await page.getByRole("button", { name: "Continue" }).isDisabled()).toBe(true);
    // User text is shown as text: the "<b>" is visible characters, not markup.
    expect(await page.getByRole("cell", { name: "Audit alternative formats <b>now</b>." }).count()).toBe(1);
    expect(await page.getByText("Has a problem", { exact: true }).count()).toBe(1);
    await scanAllThemes("import-preview-problem");
    expect(await findPlan(stack.spAs(SEED_EQUALITIES_LEAD_UPN), title)).toBeNull();

    await page.getByRole("checkbox", { name: "Leave out the action with problems and import the others" }).check();
    await page.getByText("Has a problem: left out").waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Import 2 actions" }).click();
    await page.getByText("Imported", { exact: true }).waitFor({ timeout: 60_000 });
    await scanAllThemes("import-done");

    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const plan = await findPlan(sp, title);
    expect(plan?.status).toBe("active");
    expect(plan?.period).toBe("2027-2031");
    const actions = await getPlanActions(sp, plan!.id);
    expect(actions.map((a) => a.text)).toEqual(["Provide ward analysis.", "• Equalities in service plans\n• Staff presentation"]);
  });
});

describe("column mapping", () => {
  it("headers that are not recognised can be mapped, and the file is read again at once", async () => {
    const csv = Papa.unparse(
      [
        ["Role", "Theme", "Deliverable", "Who", "When by"],
        ["Employer: To have a workforce that feels valued.", "Fair recruitment", "Review job adverts", "HR", "June 2028"],
      ],
      { newline: "\r\n" },
    );
    await page.goto(`${stack.url}#/import`);
    await page.reload();
    await page.getByRole("heading", { name: "Import a plan", level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: "odd.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Name of the new plan").fill("Mapped plan");
    await page.getByLabel("Period").fill("2027-2031");
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("There is no Action column", { exact: false }).waitFor();
    await page.getByText("Period: 2027-2031, as you gave it.").waitFor();
    await page.getByRole("heading", { name: "Columns", level: 2 }).waitFor();
    await scanAllThemes("import-columns");

    await page.getByLabel("Theme").selectOption({ label: "Objective" });
    await page.getByLabel("Deliverable").selectOption({ label: "Action" });
    await page.getByRole("cell", { name: "Review job adverts" }).waitFor();
    expect(await page.getByText("There is no Action column", { exact: false }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Continue" }).isDisabled()).toBe(false);
  });
});

describe("rollover wizard", () => {
  it("previews what is carried and closed, and rolls over after confirmation", async () => {
    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const from = (await findPlan(sp, "Equality Objectives and Action Plan 2023-2027"))!;
    const [a] = await getPlanActions(sp, from.id);
    await updateAction(sp, a.id, a.etag ?? "*", { disposition: "ongoing" });

    await page.goto(`${stack.url}#/rollover`);
    await page.reload();
    await page.getByRole("heading", { name: "Roll a plan over", level: 1 }).waitFor();
    await page.getByLabel("Plan to roll over").selectOption({ label: `${from.title} (${from.period})` });
    await page.getByLabel("Name of the new plan").fill("Equality Objectives and Action Plan 2027-2031");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText('Carried into "Equality Objectives and Action Plan 2027-2031" (1)').waitFor();
    await scanAllThemes("rollover-preview");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Roll over now" }).click();
    await page.getByText("Rolled over", { exact: true }).waitFor({ timeout: 60_000 });

    const to = await findPlan(sp, "Equality Objectives and Action Plan 2027-2031");
    expect(to?.predecessorId).toBe(from.id);
    expect(to?.period).toBe("2027-2031");
    const carried = await getPlanActions(sp, to!.id);
    expect(carried.map((x) => x.carriedFromId)).toEqual([a.id]);
    expect((await findPlan(sp, from.id))?.status).toBe("closed");
  });
});
