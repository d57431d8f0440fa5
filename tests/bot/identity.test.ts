/**
 * People are matched on Entra object id and UPN, never on email: an officer whose UPN differs from their email and
 * one with no mailbox are reminded and may act on their own actions; the EDI group is found the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, ensurePerson, getUpdatesForAction, list, type SPFI, siteDates } from "../../src/data/index.ts";
import {
  allText,
  BOT_IDENTITY,
  type BotUnderTest,
  cardOf,
  conversationOf,
  type DirectoryPerson,
  executeActions,
  installActivity,
  invokeActivity,
  messageActivity,
  NOW,
  oidOf,
  type Site,
  startBot,
  startCaptureServer,
  startDirectorySite,
  teamsIdOf,
} from "../helpers/bot-harness.ts";
import type { CaptureServer } from "../helpers/capture-server.ts";

const DAN: DirectoryPerson = { upn: "d.fairweather@council.example.org", mail: "dan.fairweather@example.org", name: "Dan Fairweather" };
const PRIYA: DirectoryPerson = { upn: "priya.lindqvist@council.example.org", mail: null, name: "Priya Lindqvist" };
const SAM: DirectoryPerson = { upn: "sam.kowalski@example.org", mail: "sam.kowalski@example.org", name: "Sam Kowalski" };
const TOM: DirectoryPerson = { upn: "tom.okafor@example.org", mail: "tom.okafor@example.org", name: "Tom Okafor" };
const PEOPLE = [SAM, DAN, PRIYA, TOM];

let site: Site;
let capture: CaptureServer;
let bot: BotUnderTest;
const ids: Record<string, number> = {};

async function addAction(sp: SPFI, planId: number, objectiveId: number, ref: string, ownerId: number, due: string): Promise<number> {
  const dates = await siteDates(sp);
  const a = (await list(sp, "actions").items.add({
    Title: ref,
    PlanId: planId,
    ObjectiveId: objectiveId,
    Reference: ref,
    ActionText: `Action ${ref}`,
    OwnerId: ownerId,
    OfficersId: [ownerId],
    DueDate: dates.toSpDate(due),
    DuePrecision: "day",
    DueKind: "deliver-by",
    ActionStatus: "on-track",
    Disposition: "open",
    SortOrder: 1,
  })) as { Id: number };
  return a.Id;
}

beforeAll(async () => {
  site = await startDirectorySite(PEOPLE);
  const sp = site.spAs(BOT_IDENTITY.upn);
  const person = Object.fromEntries(await Promise.all(PEOPLE.map(async (p) => [p.upn, await ensurePerson(sp, p.upn)] as const)));
  await addMember(sp, person[SAM.upn], "equalities-lead");
  const plan = (await list(sp, "plans").items.add({ Title: "Plan", Period: "2023-2027", PlanStatus: "active" })) as { Id: number };
  const role = (await list(sp, "roles").items.add({ Title: "Role", PlanId: plan.Id })) as { Id: number };
  const objective = (await list(sp, "objectives").items.add({ Title: "Objective", PlanId: plan.Id, RoleId: role.Id, Statement: "Objective" })) as { Id: number };
  ids.dan = await addAction(sp, plan.Id, objective.Id, "H-1", person[DAN.upn].id, "2026-11-20");
  ids.priya = await addAction(sp, plan.Id, objective.Id, "W-1", person[PRIYA.upn].id, "2026-12-01");

  capture = await startCaptureServer();
  bot = await startBot(site, capture);
  for (const p of PEOPLE) {
    // Teams' member API gives the UPN and the mail apart (no mail for someone without a mailbox).
    capture.members.set(teamsIdOf(p.upn), { aadObjectId: oidOf(p.upn), userPrincipalName: p.upn, email: p.mail ?? undefined, name: p.name });
    expect((await bot.post(installActivity(p.upn, capture))).status).toBe(200);
  }
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await capture?.close();
  await site?.close();
});

describe("people by object id and UPN", () => {
  it("reminds an officer whose UPN differs from their email, and one with no mailbox", async () => {
    const report = await bot.runtime.runReminders({ now: NOW });
    expect(report.digests.map((d) => [d.officerName, d.outcome]).sort()).toEqual([
      ["Dan Fairweather", "sent"],
      ["Priya Lindqvist", "sent"],
    ]);
    expect(capture.sentTo(conversationOf(DAN.upn))).toHaveLength(1);
    expect(capture.sentTo(conversationOf(PRIYA.upn))).toHaveLength(1);
  });

  it("lets each of them act on their own action, as its author, and refuses someone else", async () => {
    for (const [p, id] of [
      [DAN, ids.dan],
      [PRIYA, ids.priya],
    ] as const) {
      const card = cardOf(capture.sentTo(conversationOf(p.upn))[0].activity);
      const b = executeActions(card).find((x) => x.verb === "eap.addUpdate" && Number(x.data.actionId) === id);
      if (!b) throw new Error(`no Add update for ${p.name}`);
      const refused = await bot.post(invokeActivity(TOM.upn, capture, b.verb, { ...b.data, [`text-${id}`]: "not mine", [`status-${id}`]: "at-risk" }));
      expect(allText((refused.body as { value: unknown }).value)).toMatch(/Only the action's responsible officers/);
      const r = await bot.post(invokeActivity(p.upn, capture, b.verb, { ...b.data, [`text-${id}`]: `Progress by ${p.name}`, [`status-${id}`]: "on-track" }));
      expect(allText((r.body as { value: unknown }).value)).toContain("Update saved.");
      const [update] = await getUpdatesForAction(site.spAs(SAM.upn), id);
      expect(update.text).toBe(`Progress by ${p.name}`);
      expect(update.author?.name).toBe(p.name);
    }
  });

  it("finds the EDI group by UPN: the equalities lead may act on any action and see who is not reminded", async () => {
    const card = cardOf(capture.sentTo(conversationOf(DAN.upn))[0].activity);
    const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const r = await bot.post(invokeActivity(SAM.upn, capture, "eap.refresh", refresh));
    expect(allText((r.body as { value: unknown }).value)).toContain("H-1");
    await bot.post(messageActivity(SAM.upn, capture, "unreachable"));
    const answer = allText(cardOf(capture.sentTo(conversationOf(SAM.upn)).at(-1)?.activity ?? {}));
    expect(answer).toContain("Everyone who has the app can be reached.");
  });
});
