/**
 * The tab on a slow link, as an officer opens it in Teams: the production build, served compressed with the
 * production server's caching headers, framed by a stand-in Teams web client (tests/helpers/teams-host.ts) that
 * answers teams-js and nested app authentication without network, so every figure is the product's own.
 *
 * Chromium's network emulation (Chrome DevTools Protocol) shapes every request of the tab; the local SharePoint's
 * latency is set to the same value. Two profiles: "slow" (150 ms, 1.6 Mbit/s down, 750 kbit/s up) and "office"
 * (40 ms, 10 Mbit/s both ways). The list holds 30,000 actions, 20 of them the signed-in officer's.
 *
 * Figures per profile: time from the tab being framed to My actions visible on a first visit (cold cache, empty
 * storage) and on repeat visits (cached content, then fresh content), bytes transferred and requests made before
 * My actions is visible. Once: first-view JavaScript (gzip) against a floor bundle built in the same run from the
 * libraries any such tab needs (React + FluentProvider with one Button + teams-js + msal-browser's
 * createNestablePublicClientApplication + @pnp/sp with one items query).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { devIdentity } from "../src/config/local-identities.ts";
import { DEV_TENANT_ID, mintDevToken } from "../src/data/auth/dev-token.ts";
import { createSp, DevTokenAuth, getCurrentPerson, getPlanActions, getPlanStructure, getPlans, inBatches, list, type SPFI } from "../src/data/index.ts";
import { SEED_ADMINISTRATOR, SEED_PEOPLE, SEED_UPNS } from "../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../src/seeding/seed-site.ts";
import { serveStatic } from "../src/server/static-files.ts";
import { launchChromium } from "../tests/helpers/chromium.ts";
import { startTestSharePoint } from "../tests/helpers/local-sharepoint.ts";
import { TEAMS_HOST_BROWSER_ARGS, type TeamsHost, teamsHost } from "../tests/helpers/teams-host.ts";
import type { BenchFigure, BenchResult } from "./run.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const WORK = join(ROOT, "node_modules", ".cache", "eap-tab-bench");
const TOTAL_ACTIONS = 30_000;
const MINE = 20;
const OFFICER = SEED_UPNS.dataIntelligence;
const CLIENT_ID = "0b5e6c1a-8f3d-4c2e-9a7b-6d5e4f3a2b1c";
const FIRST_RUNS = 3;
const REPEAT_RUNS = 5;

interface Profile {
  name: string;
  latencyMs: number;
  downKbit: number;
  upKbit: number;
  budgets: { first: number; cached?: number; fresh?: number };
}

const PROFILES: Profile[] = [
  { name: "slow", latencyMs: 150, downKbit: 1600, upKbit: 750, budgets: { first: 3000, cached: 500, fresh: 1500 } },
  { name: "office", latencyMs: 40, downKbit: 10_000, upKbit: 10_000, budgets: { first: 1200 } },
].filter((p) => !process.env.EAP_BENCH_PROFILE || p.name === process.env.EAP_BENCH_PROFILE);

// ---- bundles ---------------------------------------------------------------------------------------------------

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

async function viteBuild(root: string, outDir: string): Promise<Manifest> {
  const { build } = await import("vite");
  const react = (await import("@vitejs/plugin-react")).default;
  const isTab = root === join(ROOT, "src/tab");
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: isTab ? join(ROOT, "vite.config.ts") : false,
      root,
      base: "./",
      mode: "production",
      logLevel: "error",
      plugins: isTab ? [] : [react()],
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return JSON.parse(readFileSync(join(outDir, ".vite", "manifest.json"), "utf8")) as Manifest;
}

/** Every JS file of a build (entry, static and dynamic imports): what a floor page loads. */
function allJs(m: Manifest): string[] {
  return [...new Set(Object.values(m).map((c) => c.file))].filter((f) => f.endsWith(".js"));
}

const gzipKb = (dir: string, files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) / 1024;

const FLOOR_MAIN = `import { Button, FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { app } from "@microsoft/teams-js";
import { createNestablePublicClientApplication } from "@azure/msal-browser";
import { SPBrowser, spfi } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import { createRoot } from "react-dom/client";
void app.initialize().catch(() => undefined);
void createNestablePublicClientApplication({ auth: { clientId: "00000000-0000-0000-0000-000000000000" } }).catch(() => undefined);
const sp = spfi("https://contoso.sharepoint.com/sites/edi").using(SPBrowser());
void sp.web.lists.getByTitle("EAP Actions").items.top(1)().catch(() => undefined);
createRoot(document.getElementById("root")!).render(<FluentProvider theme={teamsLightTheme}><Button>Floor</Button></FluentProvider>);
`;

const BARE_FLOOR_MAIN = `import { Button, FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { app } from "@microsoft/teams-js";
import { createRoot } from "react-dom/client";
void app.initialize().catch(() => undefined);
createRoot(document.getElementById("root")!).render(<FluentProvider theme={teamsLightTheme}><Button>Floor</Button></FluentProvider>);
`;

async function floorKb(name: string, main: string): Promise<number> {
  const src = join(WORK, `${name}-src`);
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "index.html"), '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  writeFileSync(join(src, "main.tsx"), main);
  const out = join(WORK, `${name}-dist`);
  return gzipKb(out, allJs(await viteBuild(src, out)));
}

// ---- serving the build as production does, compressed ------------------------------------------------------------

/**
 * The built tab exactly as the production server sends it (src/server/static-files.ts: hashed assets immutable for
 * a year, index.html revalidated, text compressed with Brotli where the browser takes it), and eap-config.json
 * never stored, as the server answers it.
 */
function serveBuild(dir: string, config: Record<string, unknown>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/eap-config.json") {
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      return void res.end(JSON.stringify(config));
    }
    void serveStatic(dir, req, res, path).then((found) => {
      if (!found) res.writeHead(404).end();
    });
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// ---- the site: the seeded plan and 30,000 actions -----------------------------------------------------------------

async function prepareSite(): Promise<{ dataDir: string; existing: number; seedSeconds: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-tab-bench-"));
  const server = await startTestSharePoint({ dataDir });
  try {
    await seedSite(localSeedTarget(server.siteUrl), { shiftToToday: true, now: new Date(), say: () => {} });
    const spAs = (email: string): SPFI => createSp(server.siteUrl, DevTokenAuth(devIdentity(email)), { retryIntervalMs: 50 });
    // The site's owner writes the bulk actions (officers and the lead only read the lists).
    const sp = spAs(SEED_ADMINISTRATOR.upn);
    const plan = (await getPlans(sp)).find((p) => p.status === "active")!;
    const structure = await getPlanStructure(sp, plan);
    const officer = await getCurrentPerson(spAs(OFFICER));
    const existing = (await getPlanActions(sp, plan.id)).length;
    const people = await Promise.all(SEED_PEOPLE.filter((p) => p.upn !== OFFICER).map((p) => getCurrentPerson(spAs(p.upn))));
    const objective = structure.objectives[0];
    const n = TOTAL_ACTIONS - existing;
    const every = Math.floor(n / MINE);
    const started = Date.now();
    await inBatches(
      sp,
      Array.from({ length: n }, (_, i) => i),
      (b, i) => {
        const ownerId = i % every === 0 && i / every < MINE ? officer.id : people[i % people.length].id;
        const due = new Date(Date.now() + ((i % 400) - 60) * 86_400_000).toISOString().slice(0, 10);
        return list(b, "actions").items.add({
          Title: `Bench action ${i}`,
          PlanId: plan.id,
          ObjectiveId: objective.id,
          Reference: `BENCH-${i}`,
          ActionText: `Bench action ${i}: generated to measure the tab at 30,000 actions.`,
          OwnerId: ownerId,
          OfficersId: [ownerId],
          DueDate: `${due}T12:00:00Z`,
          DuePrecision: "day",
          DueKind: "deliver-by",
          DueText: due,
          ActionStatus: "on-track",
          Disposition: "open",
          SortOrder: 10_000 + i,
        });
      },
      100,
    );
    return { dataDir, existing, seedSeconds: (Date.now() - started) / 1000 };
  } finally {
    await server.close({ keepData: true });
  }
}

// ---- one visit -----------------------------------------------------------------------------------------------------

interface Visit {
  /** ms from framing the tab to My actions' first action visible (cached or fresh). */
  visible: number;
  /** ms to the fresh content (equal to visible when nothing was cached). */
  fresh: number;
  cached: boolean;
  bytes: number;
  tabRequests: number;
  spRequests: number;
  spPreflights: number;
  /** Requests on the wire (tab's server and SharePoint, preflights included) before My actions was visible. */
  wireBeforeVisible: number;
  cacheHits: number;
  jsFiles: string[];
}

interface NetEntry {
  url: string;
  method: string;
  type: string;
  /** Epoch ms (the browser's wall clock, as the marks below). */
  started: number;
  bytes: number;
  fromCache: boolean;
}

/**
 * Runs in every frame before its scripts: notes (browser clock, epoch ms) when the first action of My actions is in
 * the document, and when the fresh one is (a MutationObserver runs before the frame is painted).
 */
const MARK_SCRIPT = `(() => {
  const marks = (window.__eapMarks = {});
  const check = () => {
    if (!marks.visible && document.querySelector("[data-group] article")) marks.visible = Date.now();
    if (!marks.fresh && document.querySelector('[data-freshness="fresh"] [data-group] article, section[aria-labelledby="my-actions-title"]:not([data-freshness]) [data-group] article')) marks.fresh = Date.now();
    if (marks.visible && marks.fresh) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-freshness"] });
})();`;

/** Network log of the page's CDP session: what went on the wire, when, and how many bytes (headers included). */
function watchNetwork(host: TeamsHost) {
  const entries = new Map<string, NetEntry>();
  host.cdp.on("Network.requestWillBeSent", (e: { requestId: string; type?: string; wallTime: number; request: { url: string; method: string } }) => {
    entries.set(`${e.requestId}:${e.request.method}`, { url: e.request.url, method: e.request.method, type: e.type ?? "", started: e.wallTime * 1000, bytes: 0, fromCache: false });
  });
  host.cdp.on("Network.requestServedFromCache", (e: { requestId: string }) => {
    for (const [k, v] of entries) if (k.startsWith(`${e.requestId}:`)) v.fromCache = true;
  });
  host.cdp.on("Network.responseReceived", (e: { requestId: string; response: { fromDiskCache?: boolean; fromPrefetchCache?: boolean } }) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) for (const [k, v] of entries) if (k.startsWith(`${e.requestId}:`)) v.fromCache = true;
  });
  host.cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
    for (const [k, v] of entries) if (k.startsWith(`${e.requestId}:`) && v.bytes === 0) v.bytes = e.encodedDataLength;
  });
  return {
    reset: () => entries.clear(),
    until: (t: number) => [...entries.values()].filter((x) => x.started <= t),
  };
}

async function visit(host: TeamsHost, net: ReturnType<typeof watchNetwork>, tabUrl: string, spOrigin: string): Promise<Visit> {
  await host.ready();
  net.reset();
  const frame = await host.open(tabUrl);
  await frame.waitForFunction(() => (window as unknown as { __eapMarks?: { fresh?: number } }).__eapMarks?.fresh, undefined, { timeout: 60_000, polling: 50 });
  const marks = await frame.evaluate(() => (window as unknown as { __eapMarks: { visible: number; fresh: number } }).__eapMarks);
  const t0 = await host.loadedAt();
  const visibleAt = marks.visible;
  const freshAt = marks.fresh;
  const cached = visibleAt < freshAt;
  const before = net.until(visibleAt);
  if (process.env.EAP_BENCH_DEBUG)
    for (const x of net.until(freshAt)) console.log(`  ${String(Math.round(x.started - t0)).padStart(6)} ms ${x.fromCache ? "cache" : "wire "} ${x.method} ${x.url.slice(0, 100)}`);
  const tabOrigin = new URL(tabUrl).origin;
  const onWire = before.filter((x) => !x.fromCache && (x.url.startsWith(tabOrigin) || x.url.startsWith(spOrigin)));
  return {
    visible: visibleAt - t0,
    fresh: freshAt - t0,
    cached,
    bytes: onWire.reduce((n, x) => n + x.bytes, 0),
    tabRequests: onWire.filter((x) => x.url.startsWith(tabOrigin)).length,
    spRequests: net.until(freshAt).filter((x) => !x.fromCache && x.url.startsWith(spOrigin) && x.method !== "OPTIONS").length,
    spPreflights: net.until(freshAt).filter((x) => !x.fromCache && x.url.startsWith(spOrigin) && x.method === "OPTIONS").length,
    wireBeforeVisible: onWire.length,
    cacheHits: before.filter((x) => x.fromCache).length,
    jsFiles: [...new Set(before.filter((x) => x.url.startsWith(tabOrigin) && x.url.endsWith(".js")).map((x) => new URL(x.url).pathname.replace(/^\//, "")))],
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function newHostPage(browser: Browser, profile: Profile): Promise<{ context: BrowserContext; page: Page; host: TeamsHost; net: ReturnType<typeof watchNetwork> }> {
  const context = await browser.newContext();
  await context.addInitScript(MARK_SCRIPT);
  const page = await context.newPage();
  const p = SEED_PEOPLE.find((x) => x.upn === OFFICER)!;
  const id = devIdentity(OFFICER);
  const host = await teamsHost(page, {
    user: { oid: id.oid, upn: id.upn, name: p.name ?? id.upn, tid: DEV_TENANT_ID },
    accessToken: mintDevToken(id),
    clientId: CLIENT_ID,
  });
  await host.cdp.send("Network.enable");
  await host.cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: (profile.downKbit * 1000) / 8,
    uploadThroughput: (profile.upKbit * 1000) / 8,
  });
  return { context, page, host, net: watchNetwork(host) };
}

interface ProfileResult {
  profile: Profile;
  first: Visit[];
  repeat: Visit[];
}

async function measureProfile(profile: Profile, dataDir: string, tabDir: string): Promise<ProfileResult> {
  const sharePoint = await startTestSharePoint({ dataDir, latencyMs: profile.latencyMs });
  const web = await serveBuild(tabDir, { mode: "m365", siteUrl: sharePoint.siteUrl, clientId: CLIENT_ID, tenantId: DEV_TENANT_ID });
  const tabUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/index.html#/my`;
  const browser = await launchChromium({ args: TEAMS_HOST_BROWSER_ARGS });
  try {
    const first: Visit[] = [];
    let last: Awaited<ReturnType<typeof newHostPage>> | undefined;
    for (let run = 0; run < FIRST_RUNS; run++) {
      await last?.context.close();
      last = await newHostPage(browser, profile);
      first.push(await visit(last.host, last.net, tabUrl, sharePoint.baseUrl));
    }
    const repeat: Visit[] = [];
    for (let run = 0; run < REPEAT_RUNS; run++) repeat.push(await visit(last!.host, last!.net, tabUrl, sharePoint.baseUrl));
    await last?.context.close();
    return { profile, first, repeat };
  } finally {
    await browser.close();
    web.closeAllConnections();
    await new Promise<void>((ok) => web.close(() => ok()));
    await sharePoint.close({ keepData: true });
  }
}

export default async function tabBench(): Promise<BenchResult> {
  const tabDir = join(WORK, "tab-dist");
  const [floor, bareFloor] = [await floorKb("floor", FLOOR_MAIN), await floorKb("bare-floor", BARE_FLOOR_MAIN)];
  await viteBuild(join(ROOT, "src/tab"), tabDir);
  const site = await prepareSite();
  try {
    const results: ProfileResult[] = [];
    for (const p of PROFILES) results.push(await measureProfile(p, site.dataDir, tabDir));

    const slowFirst = results[0].first;
    const firstViewJs = [...new Set(slowFirst.flatMap((v) => v.jsFiles))];
    const firstViewKb = gzipKb(tabDir, firstViewJs);
    const figures: BenchFigure[] = [
      { name: "floor bundle JS (gzip)", value: floor, unit: "kB" },
      { name: "bare floor JS: React + Fluent Button + teams-js (gzip)", value: bareFloor, unit: "kB" },
      { name: "first view JS in Teams (gzip)", value: firstViewKb, unit: "kB" },
      { name: "first view JS / floor", value: firstViewKb / floor, unit: "x", budget: { max: 1.0 } },
    ];
    for (const r of results) {
      const { name, budgets } = r.profile;
      figures.push(
        { name: `${name}: first visit, My actions visible (median of ${FIRST_RUNS})`, value: median(r.first.map((v) => v.visible)), unit: "ms", budget: { max: budgets.first } },
        { name: `${name}: first visit, bytes transferred before visible`, value: median(r.first.map((v) => v.bytes)) / 1024, unit: "kB" },
        { name: `${name}: first visit, requests to the tab's server before visible`, value: median(r.first.map((v) => v.tabRequests)), unit: "requests" },
        { name: `${name}: first visit, SharePoint requests before visible`, value: median(r.first.map((v) => v.spRequests)), unit: "requests" },
        { name: `${name}: first visit, SharePoint CORS preflights before visible`, value: median(r.first.map((v) => v.spPreflights)), unit: "requests" },
        {
          name: `${name}: repeat visit, My actions visible (median of ${REPEAT_RUNS}; cached content when there is a cache)`,
          value: median(r.repeat.map((v) => v.visible)),
          unit: "ms",
          ...(budgets.cached ? { budget: { max: budgets.cached } } : {}),
        },
        { name: `${name}: repeat visit, fresh My actions visible (median of ${REPEAT_RUNS})`, value: median(r.repeat.map((v) => v.fresh)), unit: "ms", ...(budgets.fresh ? { budget: { max: budgets.fresh } } : {}) },
        { name: `${name}: repeat visit, bytes transferred before visible`, value: median(r.repeat.map((v) => v.bytes)) / 1024, unit: "kB" },
        { name: `${name}: repeat visit, requests on the wire before visible`, value: median(r.repeat.map((v) => v.wireBeforeVisible)), unit: "requests" },
        { name: `${name}: repeat visit, SharePoint requests until fresh`, value: median(r.repeat.map((v) => v.spRequests)), unit: "requests" },
        { name: `${name}: repeat visits that showed cached content first`, value: r.repeat.filter((v) => v.cached).length, unit: `of ${REPEAT_RUNS}` },
      );
    }
    return {
      name: "Teams tab on a slow link",
      figures,
      notes: [
        `${TOTAL_ACTIONS.toLocaleString("en-GB")} actions in the list (${site.existing} seeded + generated in ${site.seedSeconds.toFixed(1)} s), ${MINE} of them owned by the signed-in officer; m365 mode, nested app authentication through the stand-in Teams host.`,
        "Network: Chrome DevTools Protocol emulation on the page (the tab's frame shares its process) and the local SharePoint's --latency set to the profile's latency. The tab's files are served Brotli-compressed with the production server's cache headers.",
        "Time is measured on the browser's clock from the host framing the tab to the first action of My actions entering the document (a MutationObserver, before paint); requests and bytes are those started on the wire (cache hits excluded) up to that moment, headers included.",
        `First view JS: the tab's files the browser fetched before My actions was visible on a first visit, gzip level 9, against the floor's whole build, gzip level 9: ${firstViewJs.map((f) => f.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, "")).join(", ")}.`,
      ],
    };
  } finally {
    rmSync(site.dataDir, { recursive: true, force: true });
  }
}
