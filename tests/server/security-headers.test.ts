/**
 * The real tab, built with the project's vite config and served by the production server, runs in headless Chromium
 * under the server's Content-Security-Policy, and the policy's frame-ancestors refuses framing by a site that is not
 * a Teams host. (The CSP is checked by the browser that enforces it, not by reading the header.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/chromium.ts";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServerConfig } from "../../src/config/server-config.ts";
import { createLogger, type ProductionServer, startProductionServer } from "../../src/server/index.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

const ROOT = join(import.meta.dirname, "..", "..");
let sp: TestSharePoint;
let server: ProductionServer;
let browser: Browser;
let outDir: string;
let framer: http.Server;
let framerOrigin: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "eap-tab-build-"));
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "silent", build: { outDir, emptyOutDir: true } });
  sp = await startTestSharePoint();
  server = await startProductionServer(loadServerConfig({ mode: "local", port: 0, siteUrl: sp.siteUrl, tabDir: outDir, reminders: false }, {}), {
    logger: createLogger("silent"),
  });
  // Another origin (a different port is a different origin) that tries to frame the tab.
  framer = http.createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>framer</title><iframe id="f" title="tab" src="${server.origin}/index.html"></iframe>`);
  });
  await new Promise<void>((r) => framer.listen(0, "127.0.0.1", r));
  framerOrigin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (framer ? framer.close(() => r()) : r()));
  await server?.stop();
  await sp?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("the built tab under the production CSP", () => {
  it("loads, renders and reads its configuration with no CSP violation that matters", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const config = page.waitForResponse((r) => r.url().endsWith("/eap-config.json"));
    await page.goto(`${server.origin}/index.html`);
    expect((await config).status()).toBe(200);
    await page.waitForFunction(() => (document.getElementById("root")?.textContent ?? "").trim().length > 0, undefined, { timeout: 30_000 });
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    // zod 4 probes `Function("")` inside try/catch to decide whether to JIT its parsers; refusing it is the point of
    // script-src 'self' and zod falls back to its interpreter. Anything else is a real violation.
    expect(violations.filter((v) => v !== "script-src eval")).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("refuses to be framed by a site that is not a Teams host", async () => {
    const page = await (await browser.newContext()).newPage();
    const blocked = new Promise<boolean>((resolve) => {
      page.on("console", (m) => {
        if (/frame-ancestors/.test(m.text())) resolve(true);
      });
      setTimeout(() => resolve(false), 15_000);
    });
    await page.goto(framerOrigin);
    expect(await blocked).toBe(true);
    // The frame stays empty: the tab's root never renders inside it.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const rendered = await frame?.evaluate(() => document.getElementById("root")?.textContent ?? "").catch(() => "");
    expect(rendered ?? "").toBe("");
  });
});
