/**
 * The seeded plan in the tab, as the council recorded it (headless Chromium, real local SharePoint): its three
 * reporting points with the document that sets each out, no status where none was recorded, the 2022-23 appendix's
 * commitments with the 2020 actions they carry on, and updates that say who reported them and when; the current plan
 * marked as a demonstration; officers whose UPN is not their mail, or who have no mailbox, see their actions.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, signInAs } from "../helpers/browser.ts";
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

async function openSeededPlan(): Promise<void> {
  await page.goto(`${stack.url}#/plan`);
  await page.getByLabel("Plan", { exact: true }).selectOption({ label: `${PLAN_2017} (closed)` });
  await page.getByRole("heading", { name: PLAN_2017, level: 1 }).waitFor();
  await page.getByText(/^Showing \d+ actions of \d+\.$/).waitFor();
}

/** Opens the seeded plan's action with this reference and returns its newest timeline entry. */
async function newestUpdateOf(reference: string) {
  await openSeededPlan();
  await page.getByRole("link", { name: new RegExp(`^${reference}:`) }).click();
  const entry = page.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem").first();
  await entry.waitFor();
  return entry;
}

describe("the seeded plan in the tab", () => {
  it("marks the current plan as a demonstration plan, and the seeded one not", async () => {
    await page.goto(`${stack.url}#/plan`);
    await page.getByRole("banner").getByText("Demonstration plan").waitFor();
    await page.getByText("A demonstration plan: its delivery is fictional", { exact: false }).waitFor();
    await openSeededPlan();
    expect(await page.getByRole("banner").getByText("Demonstration plan").count()).toBe(0);
  });

  it("shows its three reporting points, each objective with the document that sets it out", async () => {
    await openSeededPlan();
    const sources = await page.getByText(/^As set out in: /).allTextContents();
    expect(new Set(sources)).toEqual(
      new Set([
        "As set out in: Our Equalities Policy and Objectives 2017-2021: objectives and action table (2017)",
        "As set out in: Revised Equality Objectives and Action Plan 2017-2021 (2020)",
        "As set out in: Appendix 1 – Updates on actions from 2022-23",
      ]),
    );
    // 3 roles × (2017 rows + 2020 + 2022-23): 4+1+1, 4+1+1, 3+1+1.
    expect(sources).toHaveLength(17);
  });

  it("shows 'Not recorded' for every action, never a status or 'Overdue' the papers do not give", async () => {
    await openSeededPlan();
    const statuses = await page.locator("article [data-status]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-status"), e.textContent]));
    expect(statuses.length).toBe(11 + 21 + 17);
    expect(new Set(statuses.map(([s, t]) => `${s}|${t}`))).toEqual(new Set(["not-recorded|Not recorded"]));
  });

  it("lists the appendix's commitments beside its actions, with the 2020 action each carries on", async () => {
    await openSeededPlan();
    const carried = page.getByText("(Carried from CL-20-4)");
    await carried.waitFor();
    const item = page.locator("li", { has: carried });
    expect(await item.textContent()).toContain("We will undertake a review of consultation and engagement activities");
    await page.getByText("(Developed from CL-20-8)").waitFor();
    expect(await page.getByRole("heading", { name: "Commitments", level: 4 }).count()).toBe(2); // Community Leader, Service Provider
    expect(await page.getByRole("main").evaluate((m) => m.textContent?.includes("undefined") ?? false)).toBe(false);
    expect(describeViolations(await axeScan(page))).toBe("");
    await screenshot(page, "tab-seeded-plan");
  });

  it("says who reported each update and when, and when its date is only the period's end", async () => {
    const entry = await newestUpdateOf("CL-20-1");
    expect(await entry.getByRole("heading").textContent()).toBe("Progress update, 20 October 2021");
    expect(await entry.textContent()).toContain("Reported by Policy and Communities team, report to Policy and Resources Committee · Period 2020-21");
    expect(await entry.textContent()).toContain("This has been delayed by a year.");

    const later = await newestUpdateOf("CL-22-1");
    expect(await later.getByRole("heading").textContent()).toBe("Progress update, 31 March 2023 (end of 2022-23; the source gives no day)");
    expect(await later.textContent()).toContain("Reported by Maidstone Borough Council, Appendix 1 – Updates on actions from 2022-23");
    expect(await later.textContent()).not.toMatch(/By |Unknown author/);
  });
});

describe("officers whose UPN is not their mail, or who have no mailbox", () => {
  for (const who of SEED_PEOPLE.filter((p) => p.mail !== p.upn)) {
    it(`${who.name} signs in and sees the actions they own`, async () => {
      const p = await (await browser.newContext()).newPage();
      await p.goto(stack.url);
      await signInAs(p, who.oid);
      const mine = p.locator("article[data-action-id]");
      await mine.first().waitFor();
      expect(await mine.count()).toBeGreaterThan(0);
      await p.context().close();
    });
  }
});
