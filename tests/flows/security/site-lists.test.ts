/**
 * Attacks on the EAP lists at the REST level, each sent with an officer's own delegated token, as a curious officer
 * would with a few calls, against a seeded strict local SharePoint provisioned with the permission model. On the old
 * model (every list inheriting the site, where members have Edit) each of them landed: the control at the end
 * returns one list to inheriting and the same request lands. Now SharePoint itself refuses each one: the system lists
 * are not even visible (404), the plan lists are read-only (403). Reads still work: My actions is one request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStats, httpRequests as requestsOf } from "../../../bench/support.ts";
import { getCurrentPerson, getMyActions, LISTS } from "../../../src/data/index.ts";
import { SEED_ADMINISTRATOR, SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE, SEED_UPNS } from "../../../src/seed/people.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";
import { ACCESS_DENIED, listPath, type RestReply, restAs } from "./site-rest.ts";

let site: SeededSite;
const OFFICER = SEED_UPNS.housing;
const COLLEAGUE = SEED_UPNS.workforce;
const items = (key: keyof typeof LISTS) => `${listPath(LISTS[key].title)}/items`;
let officerId: number;
let colleagueId: number;
let ownAction: { Id: number; DueDate: string | null };
let conversationId: number;
let ledgerId: number;

const officer = () => restAs(site.siteUrl, OFFICER);
const app = () => restAs(site.siteUrl, "app");
const expectAccessDenied = (r: RestReply) => {
  expect(r.status).toBe(403);
  expect(r.code).toBe(ACCESS_DENIED);
};

beforeAll(async () => {
  site = await startSeededSite();
  officerId = (await getCurrentPerson(site.spAs(OFFICER))).id;
  colleagueId = (await getCurrentPerson(site.spAs(COLLEAGUE))).id;
  const mine = (await app()("GET", `${items("actions")}?$filter=OwnerId eq ${officerId}&$select=Id,DueDate&$top=1`)).body.value ?? [];
  ownAction = mine[0] as typeof ownAction;
  // The bot's bookkeeping, written by the app as the bot writes it.
  const conv = await app()("POST", items("conversations"), { Title: "colleague", UserObjectId: "c0000000-0000-4000-8000-000000000007", Upn: COLLEAGUE, DisplayName: "Colleague", ConversationId: "a:colleague-chat", ServiceUrl: "https://smba.trafficmanager.net/uk/" });
  conversationId = conv.body.Id as number;
  const nudge = await app()("POST", items("ledger"), { Title: "nudge", NudgeKey: `a${ownAction.Id}:d7`, ActionRef: ownAction.Id, LedgerState: "pending" });
  ledgerId = nudge.body.Id as number;
});
afterAll(async () => site?.close());

describe("the system lists: officers can neither read nor write them", () => {
  it("setup: the officer owns an action; the app wrote a conversation and a ledger entry", () => {
    expect(ownAction?.Id).toBeGreaterThan(0);
    expect(conversationId).toBeGreaterThan(0);
    expect(ledgerId).toBeGreaterThan(0);
  });

  it("rewriting another officer's ServiceUrl in EAP Conversations is refused (the list is invisible: 404)", async () => {
    const r = await officer()("MERGE", `${items("conversations")}(${conversationId})`, { ServiceUrl: "https://attacker.example/" });
    expect(r.status).toBe(404);
    const read = await officer()("GET", `${items("conversations")}?$select=ServiceUrl`);
    expect(read.status).toBe(404);
    const kept = await app()("GET", `${items("conversations")}(${conversationId})?$select=ServiceUrl`);
    expect(kept.body.ServiceUrl).toBe("https://smba.trafficmanager.net/uk/");
  });

  it("rewriting or adding to the reminder ledger is refused (404), and it cannot be read", async () => {
    expect((await officer()("MERGE", `${items("ledger")}(${ledgerId})`, { LedgerState: "sent" })).status).toBe(404);
    expect((await officer()("POST", items("ledger"), { Title: "silence", NudgeKey: `a${ownAction.Id}:d1`, ActionRef: ownAction.Id, LedgerState: "sent" })).status).toBe(404);
    expect((await officer()("GET", `${items("ledger")}?$select=NudgeKey`)).status).toBe(404);
    expect((await app()("GET", `${items("ledger")}(${ledgerId})?$select=LedgerState`)).body.LedgerState).toBe("pending");
  });

  it("the lead reads them (the handover view) but cannot change them; the EDI group cannot read them", async () => {
    const lead = restAs(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);
    expect((await lead("GET", `${items("conversations")}?$select=ServiceUrl`)).status).toBe(200);
    expectAccessDenied(await lead("MERGE", `${items("ledger")}(${ledgerId})`, { LedgerState: "sent" }));
    const reviewer = SEED_PEOPLE.find((p) => p.ediGroup && p.upn !== SEED_EQUALITIES_LEAD_UPN)!;
    expect((await restAs(site.siteUrl, reviewer.upn)("GET", `${items("conversations")}?$select=ServiceUrl`)).status).toBe(404);
    expect((await restAs(site.siteUrl, SEED_ADMINISTRATOR.upn)("GET", `${items("conversations")}?$select=ServiceUrl`)).status).toBe(200);
  });
});

describe("the plan lists: officers read, never write", () => {
  it("an update 'by' a colleague (forged UpdatedById and AuthorName) is refused with 403", async () => {
    const r = await officer()("POST", items("updates"), {
      Title: "forged",
      ActionId: ownAction.Id,
      UpdateDate: new Date().toISOString(),
      UpdatedById: colleagueId,
      AuthorName: "A colleague",
      Body: "Done, says my colleague.",
      UpdateKind: "progress",
    });
    expectAccessDenied(r);
    const theirs = await app()("GET", `${items("updates")}?$filter=ActionId eq ${ownAction.Id}&$select=Body`);
    expect((theirs.body.value ?? []).map((u) => u.Body)).not.toContain("Done, says my colleague.");
  });

  it("changing the due date of their own action directly is refused with 403 (it is a proposal to the lead)", async () => {
    expectAccessDenied(await officer()("MERGE", `${items("actions")}(${ownAction.Id})`, { DueDate: "2031-03-31T00:00:00Z" }));
    expect((await app()("GET", `${items("actions")}(${ownAction.Id})?$select=DueDate`)).body.DueDate).toBe(ownAction.DueDate);
  });

  it("recording a review decision directly, as someone outside the EDI group, is refused with 403", async () => {
    expectAccessDenied(await officer()("MERGE", `${items("actions")}(${ownAction.Id})`, { Disposition: "closed" }));
    expectAccessDenied(
      await officer()("POST", items("updates"), { Title: "review", ActionId: ownAction.Id, UpdateDate: new Date().toISOString(), Body: "Closed.", UpdateKind: "review-decision", Decision: "closed" }),
    );
  });

  it("changing the lists' permissions or a whole list is refused with 403", async () => {
    expectAccessDenied(await officer()("POST", `${listPath(LISTS.actions.title)}/resetroleinheritance`));
    expectAccessDenied(await officer()("POST", `${listPath(LISTS.actions.title)}/roleassignments/addroleassignment(principalid=${officerId},roledefid=1073741830)`));
  });

  it("reads still work: My actions is one request with the officer's own token", async () => {
    const sp = site.spAs(OFFICER);
    const before = requestsOf(await readStats(site.baseUrl));
    const mine = await getMyActions(sp, officerId);
    expect(requestsOf(await readStats(site.baseUrl)) - before).toBe(1);
    expect(mine.map((a) => a.id)).toContain(ownAction.Id);
  });
});

describe("the equalities lead's own token writes nothing either: their tools are server commands", () => {
  const lead = () => restAs(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);

  it("approving an update for publication, reassigning an action, or writing a plan directly is refused with 403", async () => {
    const update = ((await app()("GET", `${items("updates")}?$filter=ActionId eq ${ownAction.Id}&$select=Id&$top=1`)).body.value ?? [])[0] as { Id: number };
    expectAccessDenied(await lead()("MERGE", `${items("updates")}(${update.Id})`, { Publication: "approved", ApprovedText: "Published by hand." }));
    expectAccessDenied(await lead()("MERGE", `${items("actions")}(${ownAction.Id})`, { OwnerId: colleagueId }));
    expectAccessDenied(await lead()("POST", items("plans"), { Title: "A plan written by hand", Period: "2031-2035", PlanStatus: "draft" }));
    expectAccessDenied(await lead()("POST", items("coverReports"), { Title: "By hand" }));
    expect((await app()("GET", `${items("actions")}(${ownAction.Id})?$select=OwnerId`)).body.OwnerId).toBe(officerId);
  });

  it("control: with the leads group's Contribute of earlier releases the same change lands", async () => {
    const admin = restAs(site.siteUrl, SEED_ADMINISTRATOR.upn);
    const leads = await admin("GET", `web/sitegroups/getbyname('EAP Equalities Leads')?$select=Id`);
    const grant = `${listPath(LISTS.actions.title)}/roleassignments/addroleassignment(principalid=${leads.body.Id},roledefid=1073741827)`;
    expect((await admin("POST", grant)).status).toBe(200);
    try {
      expect((await lead()("MERGE", `${items("actions")}(${ownAction.Id})`, { OwnerId: colleagueId })).status).toBe(204);
    } finally {
      await admin("POST", grant.replace("addroleassignment", "removeroleassignment"));
      await app()("MERGE", `${items("actions")}(${ownAction.Id})`, { OwnerId: officerId });
    }
  });
});

describe("control: the same requests on the old model", () => {
  it("land once the list inherits the site's permissions again (members have Edit there)", async () => {
    const admin = restAs(site.siteUrl, SEED_ADMINISTRATOR.upn);
    expect((await admin("POST", `${listPath(LISTS.actions.title)}/resetroleinheritance`)).status).toBe(200);
    expect((await officer()("MERGE", `${items("actions")}(${ownAction.Id})`, { DueDate: "2031-03-31T00:00:00Z" })).status).toBe(204);
    expect((await admin("POST", `${listPath(LISTS.conversations.title)}/resetroleinheritance`)).status).toBe(200);
    expect((await officer()("MERGE", `${items("conversations")}(${conversationId})`, { ServiceUrl: "https://attacker.example/" })).status).toBe(204);
  });
});
