/**
 * The dashboard in headless Chromium against the real local SharePoint (seeded plan, dates moved near today):
 * every chart has a real data table beside it whose figures match what SharePoint holds; axe scans in the default,
 * dark and high-contrast themes; and the committee report and exports downloaded from the tab's buttons, read back
 * from the downloaded files (jszip + fast-xml-parser, papaparse, exceljs).
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlanActions } from "../../src/data/index.ts";
import { effectiveStatus, isDone } from "../../src/domain/status.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";
import { readDocx } from "../helpers/docx-reader.ts";

const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";
let stack: TabStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openDashboard(): Promise<void> {
  await page.goto(`${stack.url}#/dashboard`);
  await page.locator('[data-chart="dash-completion"]').waitFor();
}

/** A table's body rows as { row header: cells }. */
async function tableRows(name: string): Promise<Map<string, string[]>> {
  const rows = await page.locator(`table[data-table="${name}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", ...Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")]),
  );
  return new Map(rows.map(([h, ...cells]) => [h, cells]));
}

describe("dashboard", () => {
  it("is visible: no tooltip or popover layer covers the page", async () => {
    await openDashboard();
    // Fluent copies the provider's className onto portal nodes; a page-sized style there once hid everything.
    const covered = await page.evaluate(() => {
      const h1 = document.querySelector("h1")!;
      const r = h1.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 10, r.top + r.height / 2);
      return hit && !h1.contains(hit) ? `${hit.tagName}.${hit.className}` : null;
    });
    expect(covered).toBeNull();
  });

  it("draws four charts, each with an accessible data table (caption, th scope) beside it", async () => {
    await openDashboard();
    for (const id of ["dash-status", "dash-due", "dash-freshness", "dash-completion"]) {
      const section = page.locator(`[data-chart="${id}"]`);
      // A chart, or (completion with nothing done yet) the sentence that says so.
      expect((await section.locator("svg").count()) + (await section.locator("[data-chart-empty]").count()), id).toBeGreaterThan(0);
      const table = section.locator("table");
      expect(await table.count(), id).toBe(1);
      expect(((await table.locator("caption").textContent()) ?? "").length, id).toBeGreaterThan(5);
      expect(await table.locator('thead th[scope="col"]').count(), id).toBeGreaterThan(1);
      expect(await table.locator('tbody th[scope="row"]').count(), id).toBeGreaterThan(0);
    }
    await screenshot(page, "dashboard");
  });

  it("shows the figures SharePoint holds: status by role, and open actions due per month", async () => {
    await openDashboard();
    const actions = await getPlanActions(stack.spAs(SEED_EQUALITIES_LEAD_UPN), stack.currentPlanId);
    const now = new Date();
    const overdue = actions.filter((a) => effectiveStatus(a, now) === "overdue").length;
    const done = actions.filter((a) => isDone(a)).length;
    const status = await tableRows("status-by-role");
    const header = await page.locator('table[data-table="status-by-role"] thead th').allInnerTexts();
    const all = status.get("All roles")!;
    expect(Number(all[header.indexOf("Total") - 1])).toBe(actions.length);
    expect(Number(all[header.indexOf("Overdue") - 1])).toBe(overdue);
    expect(Number(all[header.indexOf("Complete or closed") - 1])).toBe(done);
    expect(overdue).toBeGreaterThan(0); // shiftToToday moved some dates into the past

    const due = await tableRows("due-by-month");
    const open = actions.filter((a) => !isDone(a) && a.due.date !== null);
    const sum = [...due.values()].reduce((n, [c]) => n + Number(c), 0);
    expect(sum).toBe(open.length);
  });

  it("passes axe in the default, dark and high-contrast themes", async () => {
    await openDashboard();
    for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
      await setTheme(page, theme);
      const violations = await axeScan(page);
      await screenshot(page, `dashboard-${theme}`);
      expect(violations, `dashboard in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
    }
    await setTheme(page, "default");
  });

  it("downloads the committee report for 2022-23 of the 2017-2021 plan, with the appendix's 17 actions", async () => {
    await openDashboard();
    await page.getByLabel("Plan to report on or export").selectOption({ label: PLAN_2017 });
    await page.getByLabel("Financial year of the report").fill("2022-23");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Committee report (Word)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const doc = await readDocx(readFileSync(await download.path()));
    expect(doc.blocks[0]).toMatchObject({ style: "Title", text: "Appendix 1 – Updates on actions from 2022-23" });
    const actionRows = doc.blocks
      // Action tables: "Action | Update", with a Commitment column first only where actions sit under commitments.
      .filter((b) => b.kind === "tbl" && b.rows[0].join("|").endsWith("Action|Update"))
      .flatMap((b) => (b.kind === "tbl" ? b.rows.slice(1) : []));
    expect(actionRows).toHaveLength(17);
    await page.getByTestId("live-region").getByText("Committee report for 2022-23 created: 17 action(s).").waitFor();
  });

  it("says why when a period has no updates, and downloads nothing", async () => {
    await openDashboard();
    await page.getByLabel("Plan to report on or export").selectOption({ label: PLAN_2017 });
    await page.getByLabel("Financial year of the report").fill("2019-20");
    let downloaded = false;
    page.once("download", () => {
      downloaded = true;
    });
    await page.getByRole("button", { name: "Committee report (Word)" }).click();
    await page.getByTestId("reports-status").getByText("No progress updates for 2019-20", { exact: false }).waitFor();
    await page.getByLabel("Financial year of the report").fill("2019-21");
    await page.getByRole("button", { name: "Committee report (Word)" }).click();
    await page.getByText('"2019-21" is not a financial year', { exact: false }).first().waitFor();
    expect(downloaded).toBe(false);
  });

  it("exports the current plan as CSV and Excel from the tab", async () => {
    await openDashboard();
    const actions = await getPlanActions(stack.spAs(SEED_EQUALITIES_LEAD_UPN), stack.currentPlanId);
    await page.getByLabel("Plan to report on or export").selectOption({ label: "Equality Objectives and Action Plan 2023-2027" });
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export plan (CSV)" }).click()]);
    const text = readFileSync(await csv.path(), "utf8").replace(/^\uFEFF/, "");
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0][0]).toBe("Role");
    expect(parsed.data).toHaveLength(actions.length + 1);
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export plan (Excel)" }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    expect(wb.getWorksheet("Actions")!.rowCount).toBe(actions.length + 1);
  });
});
