/**
 * The tab as Teams runs it (Microsoft 365 mode, framed by a stand-in Teams web client that speaks teams-js and
 * nested app authentication) against the real local SharePoint: sign-in through the host, nothing of the
 * development sign-in or MSAL's standard client on that path, and the repeat visit's copy of My actions: shown at
 * once with its age, announced, refreshed, one person's only, never a source of writes, dropped when access goes.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, BrowserContext, Frame, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { createSp, DEV_TENANT_ID, DevAppAuth, getAction, getMyActions, getUpdatesForAction, mintDevToken, updateAction } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE, SEED_UPNS } from "../../src/seed/people.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { ensureTabBuild, serveTab, startTabStack, type TabStack } from "../helpers/tab-stack.ts";
import { TEAMS_HOST_BROWSER_ARGS, type TeamsHost, type TeamsHostOptions, teamsHost } from "../helpers/teams-host.ts";

const CLIENT_ID = "0b5e6c1a-8f3d-4c2e-9a7b-6d5e4f3a2b1c";
const COPY_PREFIX = "eap.firstView.v1|";

let stack: TabStack;
let browser: Browser;
let m365: Server;
let tabUrl: string;
let files: { standardMsal: string; devSignIn: string };
let builtDir: string;
const ensureBuiltDir = () => builtDir;

beforeAll(async () => {
  const [s, dir, b] = await Promise.all([startTabStack({ shiftToToday: true }), ensureTabBuild(), launchChromium({ args: TEAMS_HOST_BROWSER_ARGS })]);
  stack = s;
  browser = b;
  builtDir = dir;
  m365 = await serveTab(dir, { mode: "m365", siteUrl: stack.siteUrl, clientId: CLIENT_ID, tenantId: DEV_TENANT_ID }, stack.apiOrigin);
  tabUrl = `http://127.0.0.1:${(m365.address() as AddressInfo).port}/index.html#/my`;
  const manifest = JSON.parse(readFileSync(join(dir, ".vite", "manifest.json"), "utf8")) as Record<string, { file: string }>;
  files = { standardMsal: manifest["app/auth/standard-msal.ts"].file, devSignIn: manifest["app/dev-sign-in/index.ts"].file };
});

afterAll(async () => {
  await browser?.close();
  m365?.closeAllConnections();
  await new Promise<void>((ok) => (m365 ? m365.close(() => ok()) : ok()));
  await stack?.close();
});

function person(email: string) {
  const p = SEED_PEOPLE.find((x) => x.upn === email)!;
  return { oid: p.oid, upn: p.upn, name: p.name, tid: DEV_TENANT_ID };
}

interface InTeams {
  page: Page;
  host: TeamsHost;
  requests: string[];
  open(): Promise<Frame>;
}

async function inTeams(context: BrowserContext, email: string, where: Partial<TeamsHostOptions> = {}): Promise<InTeams> {
  const page = await context.newPage();
  const user = person(email);
  const host = await teamsHost(page, { user, accessToken: mintDevToken({ upn: user.upn, name: user.name, oid: user.oid }), clientId: CLIENT_ID, ...where });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  return { page, host, requests, open: () => host.open(tabUrl) };
}

/** Holds the tab's SharePoint $batch requests (or only the first: the repeat visit's read) until `release()`. */
async function holdBatches(page: Page, opts: { onlyFirst?: boolean } = {}) {
  let release!: () => void;
  const gate = new Promise<void>((ok) => {
    release = ok;
  });
  let seen = 0;
  await page.route(`${stack.siteUrl}/_api/$batch`, async (route: Route) => {
    if (seen++ === 0 || !opts.onlyFirst) await gate;
    await route.continue();
  });
  return { release: () => release() };
}

const copies = (frame: Frame) =>
  frame.evaluate((prefix) => {
    const out: Record<string, { me: { id: number }; myActions: Array<{ id: number; ownerId: number; etag?: string }> }> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith(prefix)) out[k] = JSON.parse(localStorage.getItem(k)!);
    }
    return out;
  }, COPY_PREFIX);

const liveRegion = (frame: Frame) => frame.getByTestId("live-region");

describe("in Teams", () => {
  it("signs in through the host's nested app authentication, with neither MSAL's standard client nor the development sign-in", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_EQUALITIES_LEAD_UPN);
    let popups = 0;
    context.on("page", (p) => p !== t.page && popups++);
    const frame = await t.open();
    await frame.locator('[data-freshness="fresh"] [data-group] article').first().waitFor();
    expect(await t.host.calls()).toEqual(expect.arrayContaining(["initialize", "getContext", "nestedAppAuth.execute:GetInitContext", "nestedAppAuth.execute:GetToken"]));
    expect(popups).toBe(0);
    expect(t.requests.some((u) => u.endsWith(files.standardMsal))).toBe(false);
    expect(t.requests.some((u) => u.endsWith(files.devSignIn))).toBe(false);
    await context.close();
  });

  it("shows this device's copy at once on a repeat visit, says how old it is, then the fresh list from one request", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_EQUALITIES_LEAD_UPN);
    const first = await t.open();
    await first.locator('[data-freshness="fresh"] [data-group] article').first().waitFor();

    // Meanwhile someone moves one of my actions to "no date": the copy does not know yet, the fresh read will.
    // Someone else changes the action: through the server, which writes as the app.
    const other = createSp(stack.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
    const lead = await getMyActions(stack.spAs(SEED_EQUALITIES_LEAD_UPN), (await stack.spAs(SEED_EQUALITIES_LEAD_UPN).web.currentUser()).Id);
    const moved = lead.find((a) => a.planId === stack.currentPlanId && a.due.date !== null)!;
    const fresh = await getAction(other, moved.id);
    await updateAction(other, moved.id, fresh.etag!, { due: { date: null, precision: "day", kind: fresh.due.kind, text: "To be agreed" } });

    const held = await holdBatches(t.page);
    t.requests.length = 0;
    const again = await t.open();
    const cached = again.locator('[data-freshness="cached"]');
    await cached.locator("[data-group] article").first().waitFor();
    expect(await again.getByTestId("freshness").textContent()).toMatch(/^Updated (just now|1 minute ago)\. Refreshing…$/);
    await expect.poll(() => liveRegion(again).textContent()).toMatch(/^Showing your actions as they were (just now|1 minute ago)\. Refreshing\.$/);
    expect(await cached.locator(`[data-group="no-date"] [data-action-id="${moved.id}"]`).count()).toBe(0);

    held.release();
    const now = again.locator('[data-freshness="fresh"]');
    await now.locator(`[data-group="no-date"] [data-action-id="${moved.id}"]`).waitFor();
    expect(await again.getByTestId("freshness").count()).toBe(0);
    await expect.poll(() => liveRegion(again).textContent()).toBe("Your actions are up to date.");
    // One SharePoint request for the whole refresh: who I am, the EDI group, the plans and my actions in one $batch.
    expect(t.requests.filter((u) => u.startsWith(stack.siteUrl))).toEqual([`${stack.siteUrl}/_api/$batch`]);
    await context.close();
  });

  it("keeps only what the person's own read returned, without ETags, and shows nobody else their copy", async () => {
    const context = await browser.newContext();
    const lead = await inTeams(context, SEED_EQUALITIES_LEAD_UPN);
    const leadFrame = await lead.open();
    await leadFrame.locator('[data-freshness="fresh"] [data-group] article').first().waitFor();
    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const me = (await sp.web.currentUser()).Id;
    const [leadKey, copy] = Object.entries(await copies(leadFrame))[0];
    expect(leadKey).toBe(`${COPY_PREFIX}${stack.siteUrl.toLowerCase()}|${person(SEED_EQUALITIES_LEAD_UPN).oid}`);
    expect(copy.me.id).toBe(me);
    expect(copy.myActions.map((a) => a.id).sort()).toEqual((await getMyActions(sp, me)).map((a) => a.id).sort());
    for (const a of copy.myActions) {
      expect(a.ownerId).toBe(me);
      expect(a.etag).toBeUndefined();
    }

    // Another person signs in to Teams on the same device: while their read is on its way, nothing of the lead's.
    const officer = await inTeams(context, SEED_UPNS.housing);
    const held = await holdBatches(officer.page);
    const frame = await officer.open();
    await frame.getByRole("progressbar", { name: "Loading your actions" }).waitFor();
    expect(await frame.locator("[data-group] article").count()).toBe(0);
    held.release();
    await frame.locator('[data-freshness="fresh"]').waitFor();
    const officerId = (await stack.spAs(SEED_UPNS.housing).web.currentUser()).Id;
    for (const id of await frame.locator("[data-action-id]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-action-id")))))
      expect((await getAction(sp, id)).ownerId).toBe(officerId);
    // One person's copy at a time on a device: the lead's is gone.
    expect(Object.keys(await copies(frame))).toEqual([`${COPY_PREFIX}${stack.siteUrl.toLowerCase()}|${person(SEED_UPNS.housing).oid}`]);
    await context.close();
  });

  it("never writes from the copy: an action opened from it is read afresh, so an update saves over someone's newer change", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_EQUALITIES_LEAD_UPN);
    await (await t.open()).locator('[data-freshness="fresh"] [data-group] article').first().waitFor();
    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const target = (await getMyActions(sp, (await sp.web.currentUser()).Id)).find((a) => a.planId === stack.currentPlanId)!;
    // Someone else changes the action: through the server, which writes as the app.
    const other = createSp(stack.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
    await updateAction(other, target.id, (await getAction(other, target.id)).etag!, { teams: "Changed after the copy was made" });

    const held = await holdBatches(t.page, { onlyFirst: true });
    const frame = await t.open();
    await frame.locator(`[data-freshness="cached"] [data-action-id="${target.id}"] a`).click();
    const text = frame.getByRole("textbox", { name: /What has happened/ });
    await text.fill("Progress written from a page opened from the copy.");
    await frame.getByRole("button", { name: "Save update" }).click();
    await expect.poll(() => liveRegion(frame).textContent()).toBe("Update saved.");
    expect(await frame.getByText("Not saved: someone else changed this action").count()).toBe(0);
    expect((await getAction(sp, target.id)).teams).toBe("Changed after the copy was made");
    held.release();
    await context.close();
  });

  it("drops the copy and shows why when SharePoint says the person may no longer read the site", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_UPNS.workforce);
    const first = await t.open();
    await first.locator('[data-freshness="fresh"]').waitFor();
    expect(Object.keys(await copies(first))).toHaveLength(1);

    await t.page.route(`${stack.siteUrl}/_api/$batch`, (route) =>
      route.fulfill({
        status: 403,
        contentType: "application/json;odata=nometadata",
        body: JSON.stringify({ "odata.error": { code: "-2147024891, System.UnauthorizedAccessException", message: { lang: "en-US", value: "Access denied." } } }),
      }),
    );
    const frame = await t.open();
    await frame.getByRole("heading", { name: "Could not open the action plan" }).waitFor();
    expect(await frame.getByRole("alert").textContent()).toMatch(/You do not have access/);
    expect(await frame.locator("[data-group] article").count()).toBe(0);
    expect(await copies(frame)).toEqual({});
    await context.close();
  });
});

describe("in a meeting", () => {
  const MEETING = "MCMxOTptZWV0aW5nX05qZzNPVEJrTkRrdE1UZ3hZeTAwTkRRMUxUZ3pOamd0WkRrNU1qRmlZbVl4T1dSaEB0aHJlYWQudjIjMA==";

  it("opens the review in the side panel and shares the stage for the meeting date chosen there", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_EQUALITIES_LEAD_UPN, { frameContext: "sidePanel", meetingId: MEETING });
    const frame = await t.host.open(tabUrl.replace(/#.*$/, ""));
    await frame.getByRole("heading", { name: "Review", level: 1 }).waitFor();
    const date = frame.getByLabel("Meeting date");
    const today = await date.inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await date.fill(yesterday);
    await frame.getByRole("button", { name: "Share to stage" }).click();
    await expect.poll(() => liveRegion(frame).textContent()).toBe("The review is shared to the meeting stage.");
    const shared = (await t.host.calls()).filter((c) => c.startsWith("meeting.shareAppContentToStage:"));
    expect(shared).toHaveLength(1);
    const url = new URL(shared[0].slice("meeting.shareAppContentToStage:".length));
    expect(url.origin).toBe(new URL(tabUrl).origin);
    expect(url.hash).toBe(`#/review?view=stage&date=${yesterday}`);
    await context.close();
  });

  it("says what to ask the Teams administrator for when Teams refuses the stage (error 1000: no RSC permission)", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_EQUALITIES_LEAD_UPN, { frameContext: "sidePanel", meetingId: MEETING, shareToStageError: { errorCode: 1000, message: "" } });
    const frame = await t.host.open(tabUrl.replace(/#.*$/, ""));
    await frame.getByRole("button", { name: "Share to stage" }).click();
    await expect.poll(() => frame.getByRole("alert").first().textContent()).toMatch(/MeetingStage\.Write\.Chat.*Teams administrator/);
    await context.close();
  });

  it("records decisions on the stage against the date the side panel chose", async () => {
    const context = await browser.newContext();
    const t = await inTeams(context, SEED_EQUALITIES_LEAD_UPN, { frameContext: "meetingStage", meetingId: MEETING });
    const earlier = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const frame = await t.host.open(`${tabUrl.replace(/#.*$/, "")}#/review?view=stage&date=${earlier}`);
    await frame.getByRole("heading", { name: /^Decision of the EDI group, / }).waitFor();
    const href = await frame.locator('[data-view="stage"] dd a').first().getAttribute("href");
    const actionId = Number(/#\/actions\/(\d+)/.exec(href ?? "")?.[1]);
    await frame.getByRole("radio").first().check();
    await frame.getByRole("button", { name: "Record decision" }).click();
    await expect.poll(() => liveRegion(frame).textContent()).toMatch(/^Decision recorded: /);
    const updates = await getUpdatesForAction(stack.spAs(SEED_EQUALITIES_LEAD_UPN), actionId);
    expect(updates.filter((u) => u.kind === "review-decision").map((u) => u.meetingDate)).toContain(earlier);
    await context.close();
  });
});

describe("the first view's code", () => {
  it("carries nothing of the development sign-in: no token minting, no seeded cast", () => {
    const dir = join(ensureBuiltDir(), ".vite", "manifest.json");
    const manifest = JSON.parse(readFileSync(dir, "utf8")) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k)) return;
      seen.add(k);
      for (const i of manifest[k]?.imports ?? []) visit(i);
    };
    for (const [k, c] of Object.entries(manifest)) if (c.isEntry) visit(k);
    const code = [...seen].map((k) => readFileSync(join(builtDir, manifest[k].file), "utf8")).join("\n");
    expect(code.length).toBeGreaterThan(100_000);
    // The development token's issuer, and every seeded person's name.
    for (const marker of ["eap-local-dev", ...SEED_PEOPLE.map((p) => p.name)]) expect(code.includes(marker), marker).toBe(false);
    // My actions only reads: the write API's client (its routes) loads with the first write, and the other lists'
    // columns with the views that read them.
    for (const marker of ["due-date-proposals", "review-decisions", "ServiceUrl"]) expect(code.includes(marker), marker).toBe(false);
  });
});

describe("local mode", () => {
  it("signing out removes every copy of a first view from the device", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.getByRole("button", { name: /^Sign in as Sam Kowalski\b/ }).click();
    await page.locator('[data-freshness="fresh"]').waitFor();
    expect(Object.keys(await copies(page.mainFrame()))).toHaveLength(1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in as" }).waitFor();
    expect(await copies(page.mainFrame())).toEqual({});
    await context.close();
  });
});
