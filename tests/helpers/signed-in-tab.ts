/**
 * For one browser test file: the tab against a seeded local SharePoint (dates moved near today), headless
 * Chromium, and one page signed in as `upn`: started before the file's tests, closed after them.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, signInAs } from "./browser.ts";
import { startTabStack, type TabStack } from "./tab-stack.ts";

export function signedInTab(upn: string, o: { downloads?: boolean; before?: (stack: TabStack) => Promise<void> } = {}): { stack(): TabStack; browser(): Browser; page(): Page } {
  let stack: TabStack | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
    await o.before?.(stack);
    page = await (await browser.newContext({ acceptDownloads: o.downloads ?? false })).newPage();
    await page.goto(stack.url);
    await signInAs(page, upn);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  return { stack: () => stack!, browser: () => browser!, page: () => page! };
}
