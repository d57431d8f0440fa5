/**
 * Signing in outside a host (Microsoft 365 mode, the tab opened at its own address): MSAL's standard client, loaded
 * only here, tries silently on load and never opens a popup by itself; the "Sign in" button opens it from the click;
 * Entra answers at the registered redirect URI (index.html, not the origin), which hands the answer back to the tab.
 * Entra's endpoints are a stand-in (tests/helpers/entra-sign-in.ts); SharePoint is the real local one.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, mintDevToken } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";
import { axeScan, describeViolations } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { entraSignIn } from "../helpers/entra-sign-in.ts";
import { ensureTabBuild, serveTab, startTabStack, type TabStack } from "../helpers/tab-stack.ts";
import { TEAMS_HOST_BROWSER_ARGS } from "../helpers/teams-host.ts";

const CLIENT_ID = "0b5e6c1a-8f3d-4c2e-9a7b-6d5e4f3a2b1c";

let stack: TabStack;
let browser: Browser;
let server: Server;
let origin: string;
let standardMsal: string;

beforeAll(async () => {
  const [s, dir, b] = await Promise.all([startTabStack({ shiftToToday: true }), ensureTabBuild(), launchChromium({ args: TEAMS_HOST_BROWSER_ARGS })]);
  stack = s;
  browser = b;
  server = await serveTab(dir, { mode: "m365", siteUrl: stack.siteUrl, clientId: CLIENT_ID, tenantId: DEV_TENANT_ID }, stack.apiOrigin);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standardMsal = (JSON.parse(readFileSync(join(dir, ".vite", "manifest.json"), "utf8")) as Record<string, { file: string }>)["app/auth/standard-msal.ts"].file;
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  await stack?.close();
});

const lead = SEED_PEOPLE.find((p) => p.upn === SEED_EQUALITIES_LEAD_UPN)!;
const user = { oid: lead.oid, upn: lead.upn, name: lead.name, tid: DEV_TENANT_ID };

async function openStandalone() {
  const context = await browser.newContext();
  const entra = await entraSignIn(context, {
    clientId: CLIENT_ID,
    user,
    redirectUris: [`${origin}/index.html`],
    accessToken: mintDevToken({ upn: user.upn, name: user.name, oid: user.oid }),
  });
  const popups: Page[] = [];
  const page = await context.newPage();
  page.on("popup", (p) => popups.push(p));
  const scripts: string[] = [];
  page.on("request", (r) => scripts.push(r.url()));
  await page.goto(`${origin}/index.html#/my`);
  return { context, page, entra, popups, scripts };
}

describe("sign-in outside a host", () => {
  it("tries silently with the registered redirect URI, then waits for a click: no popup opens on load", async () => {
    const t = await openStandalone();
    const button = t.page.getByRole("button", { name: "Sign in" });
    await button.waitFor();
    expect(t.popups).toHaveLength(0);
    const silent = t.entra.authorizeRequests.filter((r) => r.silent);
    expect(silent.length).toBeGreaterThan(0);
    for (const r of silent) {
      expect(r.params.get("redirect_uri")).toBe(`${origin}/index.html`);
      expect(r.params.get("client_id")).toBe(CLIENT_ID);
      expect(r.params.get("scope")).toContain(`${new URL(stack.siteUrl).origin}/.default`);
    }
    // Only a browser outside a host loads MSAL's standard client.
    expect(t.scripts.some((u) => u.endsWith(standardMsal))).toBe(true);
    expect(describeViolations(await axeScan(t.page))).toBe("");
    await t.context.close();
  });

  it("opens the popup from the click; Entra answers at /index.html, which hands the answer back, and My actions opens", async () => {
    const t = await openStandalone();
    await t.page.getByRole("button", { name: "Sign in" }).click();
    await t.page.locator('[data-freshness="fresh"] [data-group] article').first().waitFor();
    expect(t.popups).toHaveLength(1);
    const interactive = t.entra.authorizeRequests.filter((r) => !r.silent);
    expect(interactive).toHaveLength(1);
    expect(interactive[0].params.get("redirect_uri")).toBe(`${origin}/index.html`);
    expect(await t.page.getByText(`Signed in as ${lead.name}`).count()).toBe(1);

    // Back later in the same browser session: MSAL's session names the person, so their copy shows at once, and
    // no sign-in is asked for again.
    let release!: () => void;
    const gate = new Promise<void>((ok) => {
      release = ok;
    });
    await t.page.route(`${stack.siteUrl}/_api/$batch`, async (route) => {
      await gate;
      await route.continue();
    });
    await t.page.reload();
    await t.page.locator('[data-freshness="cached"] [data-group] article').first().waitFor();
    release();
    await t.page.locator('[data-freshness="fresh"] [data-group] article').first().waitFor();
    expect(t.popups).toHaveLength(1);
    await t.context.close();
  });
});
