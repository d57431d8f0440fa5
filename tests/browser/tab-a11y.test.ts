/**
 * Accessibility of every view (my actions, plan, action, due, handover) in Teams' light, dark and high-contrast themes: axe
 * (WCAG 2.0-2.2 A/AA) must find nothing. Screenshots of each view and theme go to test-artifacts/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { DevAppAuth } from "../../src/data/auth/dev-token.ts";
import { recordReachProblem } from "../../src/data/conversations/index.ts";
import { createSp, getMyActions } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS, seedPerson } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let page: Page;
let actionId: number;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
  const me = await sp.web.currentUser();
  const mine = (await getMyActions(sp, me.Id)).filter((a) => a.planId === stack.currentPlanId);
  // An action with updates, so the timeline and history are part of the scan.
  actionId = (mine.find((a) => a.lastUpdateAt) ?? mine[0]).id;
  // Someone the bot recorded as gone, so the handover view has a form to scan.
  const gone = seedPerson(SEED_UPNS.communications);
  await recordReachProblem(createSp(stack.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY)), undefined, {
    userId: gone?.oid as string,
    upn: SEED_UPNS.communications,
    name: gone?.name as string,
    problem: "deleted",
    reason: "they are no longer in the directory (left the council): reassign their actions",
    mail: null,
    checkedAt: new Date(),
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const VIEWS: Array<{ name: string; route: string; ready: (p: Page) => Promise<void> }> = [
  { name: "my", route: "#/my", ready: (p) => p.getByRole("heading", { name: "My actions", level: 1 }).waitFor() },
  { name: "plan", route: "#/plan", ready: (p) => p.getByText(/^Showing \d+ actions? of \d+\.$/).waitFor() },
  { name: "action", route: "", ready: (p) => p.getByRole("heading", { name: "Version history" }).waitFor() },
  { name: "due", route: "#/due", ready: (p) => p.getByRole("heading", { name: "Due and overdue", level: 1 }).waitFor() },
  { name: "handover", route: "#/handover", ready: (p) => p.getByRole("heading", { name: "Hannah Quill", level: 2 }).waitFor() },
];
const THEMES: ThemeName[] = ["default", "dark", "contrast"];

describe("tab accessibility", () => {
  for (const theme of THEMES) {
    for (const view of VIEWS) {
      it(`${view.name} view has no axe violations in the ${theme} theme`, async () => {
        await page.evaluate((r) => {
          window.location.hash = r;
        }, view.route || `#/actions/${actionId}`);
        await view.ready(page);
        await setTheme(page, theme);
        await page.waitForTimeout(150); // let the theme's CSS variables settle before measuring contrast
        const violations = await axeScan(page);
        await screenshot(page, `${view.name}-${theme}`);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  }

  it("the sign-in page has no axe violations", async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(stack.url);
    await p.getByRole("heading", { name: "Sign in as" }).waitFor();
    const violations = await axeScan(p);
    await screenshot(p, "sign-in-default");
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});
