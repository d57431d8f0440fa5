/**
 * The tab end to end in headless Chromium against the real local SharePoint: sign in as an officer, find an
 * overdue action, add an update with the keyboard only, reload and see it; and the conflict case with two browser
 * contexts where the second writer loses nothing.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMyActions, getUpdatesForAction } from "../../src/data/index.ts";
import { groupMyActions } from "../../src/domain/status.ts";
import { SEED_PEOPLE } from "../../src/seed/people.ts";
import { launchBrowser, screenshot, signInAs } from "../helpers/browser.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
/** A seeded officer outside the EDI group who owns an overdue action of the current plan. */
let officer: { email: string; name: string; actionId: number; reference: string; personId: number };

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack({ shiftToToday: true }), launchBrowser()]);
  for (const p of SEED_PEOPLE.filter((x) => !x.ediGroup)) {
    const sp = stack.spAs(p.upn);
    const me = await sp.web.currentUser();
    const mine = (await getMyActions(sp, me.Id)).filter((a) => a.planId === stack.currentPlanId);
    const overdue = groupMyActions(mine, new Date()).find((g) => g.bucket === "overdue")?.actions[0];
    if (overdue) {
      officer = { email: p.upn, name: p.name, actionId: overdue.id, reference: overdue.reference, personId: me.Id };
      break;
    }
  }
  if (!officer) throw new Error("the seed (shiftToToday) gave no officer outside the EDI group an overdue action");
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function tabUntil(page: Page, accept: () => Promise<boolean>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await accept()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("the element was not reached with the Tab key");
}

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? "");
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const id = el.getAttribute("id");
    const label = id ? document.querySelector(`label[for="${id}"]`) : null;
    return `${el.tagName}|${label?.textContent ?? ""}|${el.getAttribute("aria-label") ?? ""}`;
  });

async function newSignedInPage(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(stack.url);
  await signInAs(page, email);
  return page;
}

describe("tab flows", () => {
  it("an officer adds an update to an overdue action with the keyboard only, and it is there after a reload", async () => {
    const context = await browser.newContext();
    const page = await newSignedInPage(context, officer.email);
    const overdue = page.locator('[data-group="overdue"]');
    await expect(overdue.getByRole("heading", { name: /^Overdue \(\d+\)$/ }).isVisible()).resolves.toBe(true);
    await expect(overdue.getByText(officer.reference, { exact: false }).first().isVisible()).resolves.toBe(true);
    await screenshot(page, "my-actions-officer");

    // Keyboard only from here: Tab to the overdue action's link, Enter, fill the form, submit.
    await tabUntil(page, async () => (await focusedText(page)).startsWith(`${officer.reference}:`));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Add update" }).waitFor();
    await tabUntil(page, async () => (await focusedLabel(page)).startsWith("TEXTAREA|What has happened"));
    const text = `Keyboard update ${Date.now()}: <b>not bold</b> & the ward reports are drafted.`;
    await page.keyboard.type(text);
    await page.keyboard.press("Tab"); // status select
    expect(await focusedLabel(page)).toMatch(/^SELECT\|Status after this update/);
    await page.keyboard.type("At risk"); // typing selects the matching option of a native select
    await tabUntil(page, async () => (await focusedText(page)) === "Save update");
    await page.keyboard.press("Enter");
    await page.getByTestId("live-region").getByText("Update saved.").waitFor();

    await page.reload();
    const timeline = page.getByRole("list", { name: "Updates, newest first" });
    await timeline.waitFor();
    const first = timeline.getByRole("listitem").first();
    // Rendered as text: the markup is visible characters, not an element.
    await expect(first.getByText(text).isVisible()).resolves.toBe(true);
    expect(await first.locator("b").count()).toBe(0);
    await expect(first.getByText(`By ${officer.name}`, { exact: false }).isVisible()).resolves.toBe(true);
    await screenshot(page, "action-after-update");

    const saved = await getUpdatesForAction(stack.spAs(officer.email), officer.actionId);
    expect(saved.filter((u) => u.text === text)).toHaveLength(1);
    expect(saved.find((u) => u.text === text)?.statusAtTime).toBe("at-risk");
    await context.close();
  });

  it("a draft survives a reload and is cleared once saved", async () => {
    const context = await browser.newContext();
    const page = await newSignedInPage(context, officer.email);
    await page.goto(`${stack.url}#/actions/${officer.actionId}`);
    const box = page.getByRole("textbox", { name: /What has happened/ });
    await box.fill("Half-written draft about the survey");
    await page.reload();
    await expect(page.getByRole("textbox", { name: /What has happened/ }).inputValue()).resolves.toBe("Half-written draft about the survey");
    await page.getByText("Your unsaved update was restored.").waitFor();
    await page.getByRole("button", { name: "Save update" }).click();
    await page.getByTestId("live-region").getByText("Update saved.").waitFor();
    await page.reload();
    await expect(page.getByRole("textbox", { name: /What has happened/ }).inputValue()).resolves.toBe("");
    await context.close();
  });

  it("a save whose answer is lost is retried without writing the update twice", async () => {
    const context = await browser.newContext();
    const page = await newSignedInPage(context, officer.email);
    await page.goto(`${stack.url}#/actions/${officer.actionId}`);
    const text = `Lost answer ${Date.now()}`;
    await page.getByRole("textbox", { name: /What has happened/ }).fill(text);
    // The update reaches the server and is written, but the connection drops before the answer comes back.
    let dropped = 0;
    await page.route(
      (url) => url.pathname === `/api/actions/${officer.actionId}/updates`,
      async (route) => {
        if (route.request().method() !== "POST" || dropped > 0) return route.continue();
        dropped++;
        await route.fetch();
        await route.abort("connectionreset");
      },
    );
    await page.getByRole("button", { name: "Save update" }).click();
    await page.getByTestId("live-region").getByText("Update saved.").waitFor();
    expect(dropped).toBe(1);
    const updates = await getUpdatesForAction(stack.spAs(officer.email), officer.actionId);
    expect(updates.filter((u) => u.text === text)).toHaveLength(1);
    await context.close();
  });

  it("a failed save says what happened, keeps the draft through a reload, and saves once when tried again", async () => {
    const context = await browser.newContext();
    const page = await newSignedInPage(context, officer.email);
    await page.goto(`${stack.url}#/actions/${officer.actionId}`);
    const text = `Offline draft ${Date.now()}`;
    await page.getByRole("textbox", { name: /What has happened/ }).fill(text);
    const down = (url: URL) => url.pathname.startsWith(`/api/actions/${officer.actionId}/`);
    await page.route(down, (route) => (route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue()));
    await page.getByRole("button", { name: "Save update" }).click();
    await page.getByRole("alert").getByText("Could not reach SharePoint", { exact: true }).waitFor();
    await expect(page.getByRole("textbox", { name: /What has happened/ }).inputValue()).resolves.toBe(text);
    await page.unroute(down);
    await page.reload();
    await expect(page.getByRole("textbox", { name: /What has happened/ }).inputValue()).resolves.toBe(text);
    await page.getByRole("button", { name: "Save update" }).click();
    await page.getByTestId("live-region").getByText("Update saved.").waitFor();
    await expect(page.getByRole("textbox", { name: /What has happened/ }).inputValue()).resolves.toBe("");
    const updates = await getUpdatesForAction(stack.spAs(officer.email), officer.actionId);
    expect(updates.filter((u) => u.text === text)).toHaveLength(1);
    await context.close();
  });

  it("two people update the same action at once: the second sees what changed, re-applies, and both updates are kept", async () => {
    const lead = SEED_PEOPLE.find((p) => p.ediGroup)!;
    const [ca, cb] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [a, b] = await Promise.all([newSignedInPage(ca, officer.email), newSignedInPage(cb, lead.upn)]);
    await Promise.all([a.goto(`${stack.url}#/actions/${officer.actionId}`), b.goto(`${stack.url}#/actions/${officer.actionId}`)]);
    await Promise.all([a.getByRole("heading", { name: "Add update" }).waitFor(), b.getByRole("heading", { name: "Add update" }).waitFor()]);

    const textA = `First writer ${Date.now()}`;
    const textB = `Second writer ${Date.now()} — nothing of this may be lost`;
    await a.getByRole("textbox", { name: /What has happened/ }).fill(textA);
    await a.getByRole("combobox", { name: "Status after this update" }).selectOption("on-track");
    await b.getByRole("textbox", { name: /What has happened/ }).fill(textB);
    await b.getByRole("combobox", { name: "Status after this update" }).selectOption("complete");

    await a.getByRole("button", { name: "Save update" }).click();
    await a.getByTestId("live-region").getByText("Update saved.").waitFor();

    await b.getByRole("button", { name: "Save update" }).click();
    const conflict = b.getByText("Not saved: someone else changed this action while you were writing");
    await conflict.waitFor();
    // What changed, field by field, and the text still there.
    await expect(b.getByText(/^Last update: was/).isVisible()).resolves.toBe(true);
    await expect(b.getByRole("textbox", { name: /What has happened/ }).inputValue()).resolves.toBe(textB);
    // The other person's update is already in the timeline.
    await expect(b.getByRole("list", { name: "Updates, newest first" }).getByText(textA).isVisible()).resolves.toBe(true);
    await screenshot(b, "action-conflict");

    await b.getByRole("button", { name: "Re-apply my update" }).click();
    await b.getByTestId("live-region").getByText("Update saved.").waitFor();
    await b.reload();
    const timeline = b.getByRole("list", { name: "Updates, newest first" });
    await timeline.waitFor();
    await expect(timeline.getByText(textA).isVisible()).resolves.toBe(true);
    await expect(timeline.getByText(textB).isVisible()).resolves.toBe(true);

    const updates = await getUpdatesForAction(stack.spAs(lead.upn), officer.actionId);
    expect(updates.filter((u) => u.text === textA)).toHaveLength(1);
    expect(updates.filter((u) => u.text === textB)).toHaveLength(1);
    await Promise.all([ca.close(), cb.close()]);
  });

  it("framed by a page that is not a Microsoft host, the tab does not wait for one: it starts standalone", async () => {
    // A foreign page on another origin embedding the tab: teams-js' initialize() would never settle here.
    const foreign = createServer((_, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<!doctype html><html lang="en"><title>Intranet</title><iframe title="Equality Action Plan" src="${stack.url}" width="1000" height="700"></iframe></html>`);
    });
    await new Promise<void>((ok) => foreign.listen(0, "127.0.0.1", ok));
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      await page.frameLocator("iframe").getByRole("heading", { name: "Sign in as" }).waitFor({ timeout: 10_000 });
      // The host check gives up after 1.5 s; allow for a slow machine, but not for a hang.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await context.close();
      await new Promise<void>((ok) => foreign.close(() => ok()));
    }
  });
});
