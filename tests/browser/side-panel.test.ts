/**
 * The review in a Teams meeting's side panel (frameContext "sidePanel", 320 px wide), as Teams runs it: the
 * production build in Microsoft 365 mode framed by the stand-in Teams web client (tests/helpers/teams-host.ts),
 * against the real local SharePoint. The queue, then one action at a time with its decision form; previous and
 * next at the top, reached by Tab and Enter and by touch, each at least 24 × 24 px (WCAG 2.5.8); no sideways
 * scroll, nothing overlapping, axe clean, in Teams' light, dark and high-contrast themes. Screenshots of the light
 * and dark panels go to test-artifacts/screenshots/ (the README shows them from docs/images/).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, mintDevToken } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";
import { axeScan, describeViolations, screenshot, type ThemeName } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { measureLayout } from "../helpers/layout-checks.ts";
import { ensureTabBuild, serveTab, startTabStack, type TabStack } from "../helpers/tab-stack.ts";
import { TEAMS_HOST_BROWSER_ARGS, teamsHost } from "../helpers/teams-host.ts";

const CLIENT_ID = "0b5e6c1a-8f3d-4c2e-9a7b-6d5e4f3a2b1c";
const MEETING = "MCMxOTptZWV0aW5nX05qZzNPVEJrTkRrdE1UZ3hZeTAwTkRRMUxUZ3pOamd0WkRrNU1qRmlZbVl4T1dSaEB0aHJlYWQudjIjMA==";
/** Teams' meeting side panel is 320 px wide. */
const PANEL = { width: 320, height: 900 };

let stack: TabStack;
let browser: Browser;
let m365: Server;
let tabUrl: string;

beforeAll(async () => {
  const [s, dir, b] = await Promise.all([startTabStack({ shiftToToday: true }), ensureTabBuild(), launchChromium({ args: TEAMS_HOST_BROWSER_ARGS })]);
  stack = s;
  browser = b;
  m365 = await serveTab(dir, { mode: "m365", siteUrl: stack.siteUrl, clientId: CLIENT_ID, tenantId: DEV_TENANT_ID }, stack.apiOrigin);
  tabUrl = `http://127.0.0.1:${(m365.address() as AddressInfo).port}/index.html`;
});

afterAll(async () => {
  await browser?.close();
  m365?.closeAllConnections();
  await new Promise<void>((ok) => (m365 ? m365.close(() => ok()) : ok()));
  await stack?.close();
});

async function sidePanel(theme: ThemeName): Promise<{ context: BrowserContext; frame: Frame }> {
  const context = await browser.newContext({ viewport: PANEL, hasTouch: true });
  const page = await context.newPage();
  const p = SEED_PEOPLE.find((x) => x.upn === SEED_EQUALITIES_LEAD_UPN)!;
  const user = { oid: p.oid, upn: p.upn, name: p.name, tid: DEV_TENANT_ID };
  const host = await teamsHost(page, {
    user,
    accessToken: mintDevToken({ upn: user.upn, name: user.name, oid: user.oid }),
    clientId: CLIENT_ID,
    frameContext: "sidePanel",
    meetingId: MEETING,
    theme,
  });
  const frame = await host.open(tabUrl);
  await frame.getByRole("list", { name: "Actions to review" }).waitFor();
  return { context, frame };
}

const position = (frame: Frame) => frame.locator('[data-view="stage"] p').first().textContent();

async function expectFitsAndClean(frame: Frame, where: string): Promise<void> {
  const report = await frame.evaluate(measureLayout);
  expect(report.scrollWidth, `${where}: sideways scroll`).toBeLessThanOrEqual(report.clientWidth);
  expect(report.outside, `${where}: outside the panel`).toEqual([]);
  expect(report.overlapping, `${where}: overlapping`).toEqual([]);
  expect(report.clipped, `${where}: cut-off buttons`).toEqual([]);
  expect(report.smallTargets, `${where}: small targets`).toEqual([]);
  await frame.waitForTimeout(150); // the theme's colours settle before contrast is measured
  const violations = await axeScan(frame.page());
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

describe("the review in a meeting's side panel", () => {
  for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
    it(`shows the queue, then one action at a time with previous and next at the top (${theme} theme)`, async () => {
      const { context, frame } = await sidePanel(theme);
      try {
        await expectFitsAndClean(frame, `queue, ${theme}`);
        await frame.getByRole("button", { name: "Start review" }).click();
        await frame.getByRole("heading", { name: "Latest update" }).waitFor();
        const total = Number(/of (\d+)/.exec((await position(frame)) ?? "")?.[1]);
        expect(total).toBeGreaterThan(1);

        // One action, its decision form, and the pager above the action's title.
        const pager = frame.getByRole("navigation", { name: "Review navigation" });
        const next = pager.getByRole("button", { name: "Next action" });
        const previous = pager.getByRole("button", { name: "Previous action" });
        const title = await frame.locator("#stage-title").boundingBox();
        for (const b of [await next.boundingBox(), await previous.boundingBox()]) {
          expect(b!.width).toBeGreaterThanOrEqual(24);
          expect(b!.height).toBeGreaterThanOrEqual(24);
          expect(b!.y).toBeLessThan(title!.y);
        }
        await frame.getByRole("radiogroup").waitFor();
        expect(await frame.getByRole("button", { name: "Record decision" }).isVisible()).toBe(true);
        await expectFitsAndClean(frame, `one action, ${theme}`);
        if (theme !== "contrast") {
          // Tall enough to show the whole decision form; the panel stays 320 px wide.
          await frame.page().setViewportSize({ width: PANEL.width, height: 1150 });
          await screenshot(frame.page(), `side-panel-review-${theme === "default" ? "light" : "dark"}`);
          await frame.page().setViewportSize(PANEL);
        }

        // Keyboard: focus is on the action's title; Tab reaches "Next action" (the pager comes first), Enter moves on.
        expect(await frame.evaluate(() => document.activeElement?.id)).toBe("stage-title");
        await previous.focus();
        await frame.page().keyboard.press("Tab");
        expect(await next.evaluate((el) => el === document.activeElement)).toBe(true);
        await frame.page().keyboard.press("Enter");
        expect(await position(frame)).toMatch(new RegExp(`^Action 2 of ${total}`));
        // Touch: a tap on "Previous action" goes back.
        await previous.tap();
        expect(await position(frame)).toMatch(new RegExp(`^Action 1 of ${total}`));
        await next.tap();
        expect(await position(frame)).toMatch(new RegExp(`^Action 2 of ${total}`));
      } finally {
        await context.close();
      }
    });
  }

  it("records a decision from the side panel by touch", async () => {
    const { context, frame } = await sidePanel("default");
    try {
      await frame.getByRole("button", { name: "Start review" }).tap();
      await frame.getByRole("heading", { name: "Latest update" }).waitFor();
      await frame.getByRole("radio", { name: "On track" }).tap();
      await frame.getByRole("button", { name: "Record decision" }).tap();
      await expect.poll(() => frame.getByTestId("live-region").textContent()).toBe("Decision recorded: On track.");
      await frame.locator('[data-decided="on-track"]').waitFor();
    } finally {
      await context.close();
    }
  });
});
