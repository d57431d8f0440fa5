/**
 * The EDI group's review in headless Chromium against the real local SharePoint (seeded plan, dates moved near
 * today): the queue, the stage view stepped through by keyboard (J/K and Tab), a decision recorded with a note by
 * keyboard only, checked in SharePoint through the data layer and in the action's timeline (`#/actions/<id>`);
 * axe scans of the queue and the stage view in Teams' default, dark and high-contrast themes.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUpdatesForAction } from "../../src/data/index.ts";
import { londonDate } from "../../src/domain/london-time.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  const context = await browser.newContext();
  page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? "", text: el?.textContent ?? "", type: el?.getAttribute("type") ?? "", value: (el as HTMLInputElement | null)?.value ?? "", id: el?.id ?? "" };
  });

async function tabTo(p: Page, accept: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (accept(await focused(p))) return;
    await p.keyboard.press("Tab");
  }
  throw new Error(`not reached with Tab; focus is on ${JSON.stringify(await focused(p))}`);
}

const position = (p: Page) => p.locator('[data-view="stage"] p').first().textContent().then((t) => t ?? "");

async function openReview(): Promise<void> {
  await page.goto(`${stack.url}#/review`);
  await page.getByRole("heading", { name: "Review", level: 1 }).waitFor();
}

async function scanAllThemes(name: string): Promise<void> {
  for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
    await setTheme(page, theme);
    const violations = await axeScan(page);
    await screenshot(page, `${name}-${theme}`);
    expect(violations, `${name} in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
  }
  await setTheme(page, "default");
}

describe("review in a meeting or the channel tab", () => {
  it("lists the queue with its reasons in words: overdue first, then due this quarter", async () => {
    await openReview();
    const items = page.getByRole("list", { name: "Actions to review" }).getByRole("listitem");
    const n = await items.count();
    expect(n).toBeGreaterThan(1);
    const texts = await items.allInnerTexts();
    // shiftToToday puts some of the current plan's actions in the past: they lead the queue, marked in words.
    expect(texts[0]).toContain("Overdue");
    const firstNotOverdue = texts.findIndex((t) => !t.includes("Overdue"));
    if (firstNotOverdue > 0) expect(texts.slice(firstNotOverdue).every((t) => !t.includes("Overdue"))).toBe(true);
    await expect(page.getByText("No review has been recorded yet.", { exact: false }).isVisible()).resolves.toBe(true);
  });

  it("the queue fits a meeting side panel (320 px wide) without scrolling sideways", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await openReview();
      const queue = page.locator('section[aria-labelledby="review-title"]');
      const { scroll, client } = await queue.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(scroll).toBeLessThanOrEqual(client);
      const box = await queue.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      await screenshot(page, "review-side-panel");
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it("the queue passes axe in the default, dark and high-contrast themes", async () => {
    await openReview();
    await scanAllThemes("review-queue");
  });

  it("steps through the stage view by keyboard and records a decision with a note, which lands in SharePoint and the timeline", async () => {
    await openReview();
    const total = await page.getByRole("list", { name: "Actions to review" }).getByRole("listitem").count();
    await page.locator("body").focus();
    await tabTo(page, (f) => f.tag === "BUTTON" && f.text === "Start review");
    await page.keyboard.press("Enter");
    await page.locator('[data-view="stage"]').waitFor();
    // Focus lands on the action's heading, so J/K work at once and screen readers read the action.
    expect((await focused(page)).id).toBe("stage-title");
    expect(await position(page)).toMatch(new RegExp(`^Action 1 of ${total}`));
    const firstTitle = await page.locator("#stage-title").textContent();
    await page.keyboard.press("j");
    expect(await position(page)).toMatch(new RegExp(`^Action 2 of ${total}`));
    expect(await page.locator("#stage-title").textContent()).not.toBe(firstTitle);
    await page.keyboard.press("k");
    expect(await position(page)).toMatch(new RegExp(`^Action 1 of ${total}`));
    await page.keyboard.press("j");
    expect(await position(page)).toMatch(/^Action 2 of/);

    // The stage shows the action in large type with its measures, latest update and due date.
    const stage = page.locator('[data-view="stage"]');
    for (const h of ["Success measures", "Latest update"]) await expect(stage.getByRole("heading", { name: h }).isVisible()).resolves.toBe(true);
    await expect(stage.getByText("Due", { exact: true }).isVisible()).resolves.toBe(true);
    const href = await stage.getByRole("link").first().getAttribute("href");
    const actionId = Number(/#\/actions\/(\d+)/.exec(href ?? "")?.[1]);
    expect(actionId).toBeGreaterThan(0);

    // Keyboard only: into the decision group, choose "At risk" with the arrow key, type a note, submit.
    await tabTo(page, (f) => f.tag === "INPUT" && f.type === "radio");
    await page.keyboard.press("ArrowDown");
    expect((await focused(page)).value).toBe("at-risk");
    await tabTo(page, (f) => f.tag === "TEXTAREA");
    const note = `Reviewed ${Date.now()}: <b>not bold</b> & partners to report back in January.`;
    await page.keyboard.type(note);
    // Typing "j" and "k" in the note must not move on.
    expect(await position(page)).toMatch(/^Action 2 of/);
    await tabTo(page, (f) => f.tag === "BUTTON" && f.text === "Record decision");
    await page.keyboard.press("Enter");
    await page.getByTestId("live-region").getByText("Decision recorded: At risk.").waitFor();
    await stage.locator('[data-decided="at-risk"]').waitFor();
    await screenshot(page, "review-stage-decided");

    // In SharePoint: a review decision with the meeting date (today outside a meeting) and who recorded it.
    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const me = await sp.web.currentUser();
    const updates = await getUpdatesForAction(sp, actionId);
    const decision = updates.find((u) => u.kind === "review-decision");
    expect(decision).toMatchObject({ decision: "at-risk", meetingDate: londonDate(new Date()), text: note, authorId: me.Id });

    // In the action's timeline, as text (the markup is shown, not applied).
    await page.goto(`${stack.url}#/actions/${actionId}`);
    await page.getByText(note, { exact: false }).first().waitFor();
    expect(await page.locator("b", { hasText: "not bold" }).count()).toBe(0);

    // Back in the review the action is marked decided, and still in the queue while the meeting goes on.
    await openReview();
    await expect(page.getByText("Decided: At risk").isVisible()).resolves.toBe(true);
  });

  it("asks for a decision before recording, and says so", async () => {
    await openReview();
    await page.getByRole("button", { name: "Start review" }).click();
    await page.locator('[data-view="stage"]').waitFor();
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByText("Choose a decision for this action.").first().waitFor();
    await page.getByTestId("live-region").getByText("Not recorded: choose a decision for this action.").waitFor();
  });

  it("the stage view passes axe in the default, dark and high-contrast themes", async () => {
    await page.goto(`${stack.url}#/review?view=stage`);
    await page.locator('[data-view="stage"]').waitFor();
    await page.getByRole("heading", { name: "Latest update" }).waitFor();
    await scanAllThemes("review-stage");
  });
});
