/**
 * Headless Chromium (see ./chromium.ts, driven by playwright-core) for the tab's browser tests: launch,
 * "Sign in as" in local mode, axe scans, theme switching and screenshots.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { seedPerson } from "../../src/seed/people.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Signs in on the local mode's "Sign in as" page and waits for "My actions". `who`: object id, UPN or mail. */
export async function signInAs(page: Page, who: string): Promise<void> {
  const person = seedPerson(who);
  if (!person) throw new Error(`${who} is not one of the seeded people (src/seed/people.ts)`);
  await page.getByRole("heading", { name: "Sign in as" }).waitFor();
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${person.name}\\b`) }).click();
  await page.getByRole("heading", { name: "My actions", level: 1 }).waitFor();
}

export type ThemeName = "default" | "dark" | "contrast";

/** What Teams' theme change handler does, simulated in local mode (the tab listens for "eap:theme"). */
export async function setTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.evaluate((t) => window.dispatchEvent(new CustomEvent("eap:theme", { detail: t })), theme);
  await page.locator(`[data-theme="${theme}"]`).waitFor();
  // Fluent animates colour changes (CSS transitions): let them finish, or a scan could catch a half-faded colour.
  // Transitions only: an infinite animation (a spinner) never finishes.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** WCAG 2.0-2.2 A and AA rules; returns the violations (empty when clean). */
export async function axeScan(page: Page) {
  // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent's focus zones, e.g. in
  // charts) are invisible, hold no content and hand focus straight on; axe's aria-hidden-focus rule cannot tell.
  // They are the only thing left out: everything a person can see or reach is scanned.
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude("[data-tabster-dummy]")
    .analyze();
  return result.violations;
}

/** Compact text for an assertion message: rule, impact and the first offending targets. */
export function describeViolations(violations: Awaited<ReturnType<typeof axeScan>>): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`).join("\n  ")}`)
    .join("\n");
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // From the top, after two frames: charts that re-measure must have painted before the full-page capture.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.screenshot({ path, fullPage: true });
  return path;
}
