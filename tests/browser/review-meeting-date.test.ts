/**
 * The review in a Teams meeting takes the meeting's date from Teams: the production build in Microsoft 365 mode in
 * the stand-in Teams web client (side panel, with the meeting's id in its context), its server asking the local
 * Teams stand-in through the bot. A meeting held yesterday shows yesterday, labelled "from Teams", still editable;
 * a meeting the app was not added to shows today with the reason. Axe clean.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotRuntime, createBot } from "../../src/bot/index.ts";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { DEV_TENANT_ID, DevAppAuth, getReviewDecisions, mintDevAppToken, mintDevToken } from "../../src/data/index.ts";
import { londonDate, londonDatePlusDays, londonWallTimeToInstant } from "../../src/domain/london-time.ts";
import { type MeetingsStandIn, type StandInMeeting, startMeetingsStandIn } from "../../src/local/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";
import { localConfig, startServerFor } from "../helpers/api-stack.ts";
import { axeScan, describeViolations } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";
import { ensureTabBuild, serveTab } from "../helpers/tab-stack.ts";
import { TEAMS_HOST_BROWSER_ARGS, teamsHost } from "../helpers/teams-host.ts";

const CLIENT_ID = "0b5e6c1a-8f3d-4c2e-9a7b-6d5e4f3a2b1c";
const b64 = (s: string) => Buffer.from(s).toString("base64");
const today = londonDate(new Date());
const yesterday = londonDatePlusDays(new Date(), -1);
const HELD: StandInMeeting = {
  id: b64("0#19:meeting_held-yesterday@thread.v2#0"),
  title: "EDI group: progress review",
  scheduledStartTime: londonWallTimeToInstant(yesterday, 14, 0),
  scheduledEndTime: londonWallTimeToInstant(yesterday, 15, 30),
  chatId: "19:meeting_held-yesterday@thread.v2",
  installed: true,
};
const NOT_ADDED: StandInMeeting = { ...HELD, id: b64("0#19:meeting_not-added@thread.v2#0"), chatId: "19:meeting_not-added@thread.v2", installed: false };

let site: SeededSite;
let teams: MeetingsStandIn;
let bot: BotRuntime;
let api: Awaited<ReturnType<typeof startServerFor>>;
let tab: Server;
let tabUrl: string;
let browser: Browser;

beforeAll(async () => {
  const [s, dir, b] = await Promise.all([startSeededSite({ shiftToToday: true }), ensureTabBuild(), launchChromium({ args: TEAMS_HOST_BROWSER_ARGS })]);
  site = s;
  browser = b;
  teams = await startMeetingsStandIn({ meetings: [HELD, NOT_ADDED], botAppId: LOCAL_APP_IDENTITY.appId });
  bot = await createBot({
    siteUrl: site.siteUrl,
    spAuth: DevAppAuth(LOCAL_APP_IDENTITY),
    skipAuth: true,
    server: createServer(),
    appBaseUrl: "http://127.0.0.1:5173",
    schedule: false,
    token: async () => mintDevAppToken(LOCAL_APP_IDENTITY),
    proactiveServiceUrl: teams.serviceUrl,
  });
  api = await startServerFor(localConfig(site.siteUrl, dir), { api: { meeting: () => bot.meeting } });
  tab = await serveTab(dir, { mode: "m365", siteUrl: site.siteUrl, clientId: CLIENT_ID, tenantId: DEV_TENANT_ID }, api.origin);
  tabUrl = `http://127.0.0.1:${(tab.address() as AddressInfo).port}/index.html`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  tab?.closeAllConnections();
  await new Promise<void>((ok) => (tab ? tab.close(() => ok()) : ok()));
  await api?.stop();
  await teams?.close();
  await site?.close();
});

async function sidePanelIn(meetingId: string): Promise<{ frame: Frame; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  const p = SEED_PEOPLE.find((x) => x.upn === SEED_EQUALITIES_LEAD_UPN)!;
  const host = await teamsHost(page, {
    user: { oid: p.oid, upn: p.upn, name: p.name, tid: DEV_TENANT_ID },
    accessToken: mintDevToken({ upn: p.upn, name: p.name, oid: p.oid }),
    clientId: CLIENT_ID,
    frameContext: "sidePanel",
    meetingId,
  });
  const frame = await host.open(tabUrl);
  await frame.getByRole("heading", { name: "Review", level: 1 }).waitFor();
  return { frame, close: () => context.close() };
}

describe("the review's date in a meeting", () => {
  it("is the meeting's, from Teams, labelled so and still editable", async () => {
    const { frame, close } = await sidePanelIn(HELD.id);
    try {
      const date = frame.getByLabel("Date of the meeting (from Teams)");
      expect(await date.inputValue()).toBe(yesterday);
      expect(await frame.getByText(/The scheduled start of “EDI group: progress review”/).count()).toBe(1);
      const violations = await axeScan(frame.page());
      expect(violations, describeViolations(violations)).toEqual([]);
      // Still the group's to change (a meeting held on another day): the label then no longer claims Teams.
      const before = londonDatePlusDays(new Date(), -2);
      await date.fill(before);
      await expect.poll(() => frame.getByLabel("Meeting date").inputValue()).toBe(before);
    } finally {
      await close();
    }
  });

  it("is the date the group's decisions are recorded against", async () => {
    const { frame, close } = await sidePanelIn(HELD.id);
    try {
      expect(await frame.getByLabel("Date of the meeting (from Teams)").inputValue()).toBe(yesterday);
      const before = new Set((await getReviewDecisions(site.appSp(), site.currentPlanId)).map((u) => u.id));
      await frame.getByRole("button", { name: "Start review" }).click();
      await frame.getByRole("heading", { name: "Latest update" }).waitFor();
      await frame.getByRole("radio", { name: "At risk" }).click();
      await frame.getByRole("button", { name: "Record decision" }).click();
      await expect.poll(() => frame.getByTestId("live-region").textContent()).toBe("Decision recorded: At risk.");
      const added = (await getReviewDecisions(site.appSp(), site.currentPlanId)).filter((u) => !before.has(u.id));
      expect(added.map((u) => [u.decision, u.meetingDate])).toEqual([["at-risk", yesterday]]);
    } finally {
      await close();
    }
  });

  it("is today, saying why, when the app has not been added to the meeting", async () => {
    const { frame, close } = await sidePanelIn(NOT_ADDED.id);
    try {
      expect(await frame.getByLabel("Meeting date").inputValue()).toBe(today);
      expect(await frame.getByText(/Teams did not give this meeting's date: the app has not been added to the meeting/).count()).toBe(1);
      const violations = await axeScan(frame.page());
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await close();
    }
  });
});
