/**
 * Every view at narrow widths, against the real local SharePoint (seeded, dates near today), signed in as the
 * equalities lead (who may open every view), in Teams' light, dark and high-contrast themes, in three layouts:
 *
 * - **320 px**: a meeting's side panel, the narrowest Teams mobile;
 * - **400 % zoom of a 1280 × 1024 window**: browser zoom divides the CSS viewport by the zoom factor and multiplies
 *   the device pixel ratio by it, so the page lays out in 320 × 256 CSS px at 4 device pixels each. The context is
 *   made exactly so (viewport 320 × 256, deviceScaleFactor 4); the short height is what zoom adds to 320 px;
 * - **320 px with WCAG 1.4.12's text spacing** (line height 1.5, paragraphs 2 em apart, letters 0.12 em, words
 *   0.16 em), injected before the page's first script and kept across route changes;
 * - **Teams mobile's layout**: a 360 × 640 phone web view (mobile viewport, touch).
 *
 * In each: no sideways page scroll (documentElement.scrollWidth <= clientWidth), every control inside the
 * viewport or in a table's own labelled, focusable scroll region, no overlapping controls, no cut-off buttons,
 * small targets spaced (2.5.8), every control reached by Tab, axe clean. One browser and one seeded stack for all.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEqia, getPlanActions, linkEqia } from "../../src/data/index.ts";
import { SEED_ADMINISTRATOR, SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { injectTextSpacing, measureLayout, TEXT_SPACING_CSS, unreachedByTab } from "../helpers/layout-checks.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
/** An assessment with what stretches its page: a long title, a long published address, linked actions. */
let eqiaId: number;
const EQIA_TITLE = "Customer access strategy, digital-by-default channel shift and the Maidstone Link reception redesign";

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  const admin = stack.spAs(SEED_ADMINISTRATOR.upn);
  const eqia = await createEqia(admin, {
    input: {
      title: EQIA_TITLE,
      assessedOn: "2026-03-12",
      characteristics: ["age", "disability", "race", "religion-or-belief", "sex", "sexual-orientation"],
      outcome: "adjust",
      summary: "Assisted digital support kept at the Gateway; an accessible booking line for residents who cannot use the online form.",
      publishedLink: "https://www.maidstone.gov.uk/home/primary-services/council-and-democracy/primary-areas/equality-and-diversity/equality-impact-assessments/customer-access-strategy-2026-eqia.pdf",
      reviewDate: "2027-03-12",
    },
    submissionKey: "narrow-eqia",
  });
  eqiaId = eqia.id;
  for (const a of (await getPlanActions(admin, stack.currentPlanId)).slice(0, 2)) await linkEqia(admin, eqia, a, "informs");
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface View {
  name: string;
  route: () => string;
  ready: (p: Page) => Promise<void>;
  /** What this view must also show right, in words (empty when it does). */
  check?: (p: Page) => Promise<string[]>;
}

/**
 * A record's facts (term and value) leave each value room to read: at least 60 % of the list's width (or 15 em),
 * not the few characters a line, broken mid-word, that a term column as wide as its longest term leaves at 320 px.
 */
const factsReadable = (p: Page) =>
  p.evaluate(() =>
    Array.from(document.querySelectorAll("dl")).flatMap((dl) => {
      const room = Math.min(dl.getBoundingClientRect().width * 0.6, 15 * Number.parseFloat(getComputedStyle(dl).fontSize));
      return Array.from(dl.querySelectorAll("dd"))
        .filter((dd) => dd.getBoundingClientRect().width < room - 1)
        .map((dd) => `"${dd.previousElementSibling?.textContent}" leaves its value ${Math.round(dd.getBoundingClientRect().width)} px of ${Math.round(room)}`);
    }),
  );

/** Cells whose column is narrower than their longest word (so a word is broken mid-way). */
const wordsWhole = (p: Page, cells: string) =>
  p.evaluate((selector) => {
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
    return Array.from(document.querySelectorAll<HTMLElement>(selector)).flatMap((cell) => {
      const inner = (cell.querySelector("a") ?? cell) as HTMLElement;
      const cs = getComputedStyle(inner);
      probe.style.font = cs.font;
      inner.appendChild(probe);
      const width = (word: string) => {
        probe.textContent = word;
        return probe.getBoundingClientRect().width;
      };
      const widest = Math.max(...(inner.textContent ?? "").split(/\s+/).map(width));
      probe.remove();
      const room = cell.clientWidth - Number.parseFloat(getComputedStyle(cell).paddingLeft) - Number.parseFloat(getComputedStyle(cell).paddingRight);
      return widest > room + 1 ? [`"${(cell.textContent ?? "").slice(0, 40)}" breaks a word (${Math.round(widest)} px in ${Math.round(room)})`] : [];
    });
  }, cells);

const h1 = (p: Page, name: string | RegExp) => p.getByRole("heading", { name, level: 1 }).waitFor();
const VIEWS: View[] = [
  { name: "my actions", route: () => "#/my", ready: (p) => p.locator('[data-freshness="fresh"]').waitFor() },
  { name: "plan", route: () => "#/plan", ready: (p) => p.getByText(/^Showing \d+ actions? of \d+\.$/).waitFor() },
  {
    name: "action",
    route: () => "#/my",
    // As a person gets there: the first of their actions, opened from My actions.
    ready: async (p) => {
      await p.locator('[data-freshness="fresh"] [data-action-id] a').first().click();
      await p.getByRole("heading", { name: "Version history" }).waitFor();
    },
  },
  { name: "due and overdue", route: () => "#/due", ready: (p) => h1(p, "Due and overdue") },
  { name: "review queue", route: () => "#/review", ready: (p) => p.getByRole("list", { name: "Actions to review" }).waitFor() },
  {
    name: "review, one action",
    route: () => "#/review",
    ready: async (p) => {
      await p.getByRole("button", { name: "Start review" }).click();
      await p.getByRole("heading", { name: "Latest update" }).waitFor();
    },
  },
  { name: "dashboard", route: () => "#/dashboard", ready: (p) => p.locator('[data-chart="dash-completion"] svg, [data-chart="dash-completion"] [data-chart-empty]').first().waitFor() },
  { name: "import", route: () => "#/import", ready: (p) => h1(p, "Import a plan") },
  {
    name: "rollover preview",
    route: () => "#/rollover",
    // The preview reads only: its tables are the widest content of the tab.
    ready: async (p) => {
      await h1(p, "Roll a plan over");
      await p.getByRole("textbox", { name: /Name of the new plan/ }).fill("Equality Objectives and Action Plan 2027-2031");
      await p.getByRole("button", { name: "Preview" }).click();
      await p.locator("table").first().waitFor();
    },
  },
  { name: "EqIA register", route: () => "#/eqias", ready: (p) => h1(p, "Equality Impact Assessments") },
  {
    name: "one EqIA",
    route: () => `#/eqias/${eqiaId}`,
    ready: (p) => p.getByRole("heading", { name: /^Actions \(2\)$/ }).waitFor(),
    check: async (p) => [...(await factsReadable(p)), ...(await wordsWhole(p, 'table[data-table="eqia-actions"] tbody th'))],
  },
  { name: "proposed dates", route: () => "#/proposals", ready: (p) => h1(p, /^Proposed delivery dates/) },
  { name: "approval and publication", route: () => "#/publication", ready: (p) => h1(p, /^Approval and publication/) },
  { name: "covering report", route: () => "#/cover-report", ready: (p) => h1(p, /^Covering report/) },
  { name: "handover", route: () => "#/handover", ready: (p) => h1(p, "Hand over actions") },
  { name: "tab set-up", route: () => "#/config", ready: (p) => h1(p, /^Set up/) },
];
const THEMES: ThemeName[] = ["default", "dark", "contrast"];

interface Layout {
  name: string;
  slug: string;
  context: Parameters<Browser["newContext"]>[0];
  textSpacing?: boolean;
  /** axe in every theme (else in the default theme only: colours do not change with the layout). */
  axeAllThemes?: boolean;
}

const LAYOUTS: Layout[] = [
  { name: "320 px", slug: "320", context: { viewport: { width: 320, height: 720 } }, axeAllThemes: true },
  { name: "400 % zoom of a 1280 × 1024 window", slug: "zoom400", context: { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 } },
  { name: "320 px with text spacing overrides", slug: "spacing", context: { viewport: { width: 320, height: 720 } }, textSpacing: true },
  {
    // Teams mobile shows a tab full width in the phone's web view: a mobile viewport (the page's meta viewport
    // honoured), touch, 3 device pixels per CSS px.
    name: "Teams mobile's layout (a 360 × 640 phone)",
    slug: "mobile",
    context: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
  },
];

async function open(page: Page, view: View): Promise<void> {
  await page.evaluate((r) => {
    window.location.hash = r;
  }, view.route());
  await view.ready(page);
}

function expectFits(report: ReturnType<typeof measureLayout>, where: string): void {
  expect(report.scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(report.clientWidth);
  expect(report.outside, `${where}: controls outside the viewport`).toEqual([]);
  expect(report.overlapping, `${where}: overlapping controls`).toEqual([]);
  expect(report.clipped, `${where}: cut-off buttons`).toEqual([]);
  expect(report.unlabelledScrollers, `${where}: scroll regions without a label or focus`).toEqual([]);
  expect(report.smallTargets, `${where}: targets under 24 × 24 px too close to another`).toEqual([]);
}

for (const layout of LAYOUTS) {
  describe(`every view at ${layout.name}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext(layout.context);
      if (layout.textSpacing) await context.addInitScript(injectTextSpacing, TEXT_SPACING_CSS);
      page = await context.newPage();
      await page.goto(stack.url);
      await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
    });
    afterAll(() => context?.close());

    for (const view of VIEWS) {
      it(`${view.name}: fits, nothing overlaps, Tab reaches every control, axe finds nothing`, async () => {
        await open(page, view);
        for (const theme of THEMES) {
          await setTheme(page, theme);
          const where = `${view.name}, ${theme} theme`;
          expectFits(await page.evaluate(measureLayout), where);
          if (view.check) expect(await view.check(page), where).toEqual([]);
          if (theme === "default" || layout.axeAllThemes) {
            await page.waitForTimeout(150); // the theme's colours settle before contrast is measured
            const violations = await axeScan(page);
            expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
          }
        }
        await setTheme(page, "default");
        if (layout.slug === "320") await screenshot(page, `narrow-${view.name.replace(/\W+/g, "-")}`);
        expect(await unreachedByTab(page), `${view.name}: never reached by Tab`).toEqual([]);
      });
    }
  });
}

describe("the compact header", () => {
  it("puts the views behind Menu and the plan and person behind one button, content first, all by keyboard", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    await page.goto(stack.url);
    await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
    // Content first: the view's heading starts within the first 80 px; the views and the person are folded away.
    const heading = await page.getByRole("heading", { name: "My actions", level: 1 }).boundingBox();
    expect(heading!.y).toBeLessThan(80);
    const nav = page.getByRole("navigation", { name: "Views" });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByText("Signed in as", { exact: false }).isVisible()).toBe(false);

    const menu = page.getByRole("button", { name: "Menu" });
    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    const links = nav.getByRole("link");
    expect(await links.count()).toBe(12); // the lead's views: my actions, plan, due, review, dashboard, EqIAs, proposed dates, publication, cover report, rollover, handover, import
    for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(24);
      expect(box!.width).toBeGreaterThanOrEqual(24);
    }
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    // Choosing a view closes the menu.
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Plan" }).click();
    await page.getByRole("heading", { name: "Plan", level: 1 }).waitFor();
    expect(await nav.isVisible()).toBe(false);

    const account = page.getByRole("button", { name: /^SK: plan and account of Sam Kowalski$/ });
    await account.click();
    expect(await page.getByRole("combobox", { name: "Plan" }).isVisible()).toBe(true);
    expect(await page.getByText("Signed in as Sam Kowalski").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
    await screenshot(page, "narrow-header-open");

    // A wide window shows everything at once and no compact buttons.
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(await nav.isVisible()).toBe(true);
    expect(await menu.isVisible()).toBe(false);
    expect(await page.getByText("Signed in as Sam Kowalski").isVisible()).toBe(true);
    await context.close();
  });
});

describe("a table wider than the screen", () => {
  it("scrolls in its own named, focusable region, says so in words, and scrolls with the arrow keys", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    try {
      await page.goto(stack.url);
      await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
      await open(page, VIEWS.find((v) => v.name === "action")!);
      const region = page.getByRole("region", { name: "Version history (scrolls sideways)" });
      await region.waitFor();
      expect(await page.getByText("Scroll sideways for more of the table").isVisible()).toBe(true);
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollLeft === 0)).toBe(true);
      await region.focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      // On a wide screen the same table fits: no region, no cue, no extra Tab stop.
      await page.setViewportSize({ width: 1280, height: 720 });
      await expect.poll(() => page.locator('[data-scroll-region="overflowing"]').count()).toBe(0);
      expect(await page.getByText("Scroll sideways for more of the table").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("before the views", () => {
  it("the local sign-in page fits 320 px with text spacing, every person reached by Tab, axe clean", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    await context.addInitScript(injectTextSpacing, TEXT_SPACING_CSS);
    const page = await context.newPage();
    try {
      await page.goto(stack.url);
      await page.getByRole("heading", { name: "Sign in as" }).waitFor();
      expectFits(await page.evaluate(measureLayout), "sign-in page");
      const violations = await axeScan(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await unreachedByTab(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
