/**
 * The equalities lead's own commands through the server's API over HTTP (strict seeded local SharePoint behind it):
 * publication decisions, the covering report and handing actions over. Each is done by the lead and written with
 * the app's identity, the lead recorded being the caller; an officer and an EDI-group member are refused (403) with
 * nothing written; a reviewer or "by" named in the body is refused; a stale ETag writes nothing (412).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ActionRecord,
  createSp,
  DevTokenAuth,
  getAction,
  getCoverReport,
  getCurrentPerson,
  getMyActions,
  getPlanUpdates,
  getUpdate,
  getUpdatesForAction,
  requirePlan,
  type SPFI,
  type UpdateRecord,
} from "../../src/data/index.ts";
import { financialYearOf } from "../../src/domain/dates.ts";
import type { CoverReportInput } from "../../src/domain/cover-report.ts";
import { COVER_REPORT_2020_21 } from "../../src/seed/index.ts";
import { SEED_ADMINISTRATOR, SEED_UPNS } from "../../src/seed/people.ts";
import { devIdentity } from "../../src/config/local-identities.ts";
import { LISTS } from "../../src/data/schema/index.ts";
import { LIST_ACCESS, ROLE_DEFINITION } from "../../src/data/permissions/model.ts";
import { readGrantees, readListPermissions } from "../../src/data/permissions/list-permissions.ts";
import { listPath, restAs } from "../flows/security/site-rest.ts";
import { type ApiStack, startApiStack } from "../helpers/api-stack.ts";
import { writeDrafts } from "../helpers/publication-drafts.ts";

const LEAD = SEED_UPNS.equalitiesLead;
const EDI = SEED_UPNS.headOfPolicy;
const OFFICER = SEED_UPNS.workforce;
const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";

let stack: ApiStack;
let app: SPFI;
let leadId: number;
let drafts: UpdateRecord[];
const period = financialYearOf(new Date().toISOString().slice(0, 10));

beforeAll(async () => {
  stack = await startApiStack();
  app = stack.site.appSp();
  leadId = (await getCurrentPerson(stack.site.spAs(LEAD))).id;
  const ids = await writeDrafts(app, stack.site.currentPlanId, null);
  drafts = await Promise.all(ids.map((id) => getUpdate(app, id)));
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const seenOf = (u: UpdateRecord) => ({ publication: u.publication?.state ?? "draft", approvedText: u.publication?.approvedText ?? null, text: u.text });

describe("publication decisions through the API", () => {
  it("the lead approves one as written and one with an edit (the original kept), and withholds one: the reviewer is the caller", async () => {
    const [a, b, c] = drafts;
    const asWritten = await stack.post(`/api/updates/${a.id}/approve`, { etag: a.etag, seen: seenOf(a) }, LEAD);
    expect(asWritten.status).toBe(200);
    expect(asWritten.body.outcome).toBe("approved");
    const nowA = await getUpdate(app, a.id);
    expect(nowA.publication).toMatchObject({ state: "approved", approvedText: a.text, reviewedById: leadId });

    const edited = await stack.post(`/api/updates/${b.id}/approve`, { etag: b.etag, text: "Training restarted in October." }, LEAD);
    expect(edited.status).toBe(200);
    const nowB = await getUpdate(app, b.id);
    expect(nowB.publication?.approvedText).toBe("Training restarted in October.");
    expect(nowB.text).toBe(b.text);

    const withheld = await stack.post(`/api/updates/${c.id}/withhold`, { etag: c.etag, reason: "Names a person." }, LEAD);
    expect(withheld.status).toBe(200);
    expect((await getUpdate(app, c.id)).publication).toMatchObject({ state: "withheld", withheldReason: "Names a person.", reviewedById: leadId });

    // The ETag the lead saw is now stale: the decision taken on it writes nothing and says what changed.
    const stale = await stack.post(`/api/updates/${a.id}/withhold`, { etag: a.etag, reason: "Second thoughts.", seen: seenOf(a) }, LEAD);
    expect(stale.status).toBe(412);
    expect(stale.body.reason).toBe("conflict");
    expect((stale.body.changes as Array<{ field: string; after: string }>).find((x) => x.field === "publication")?.after).toBe("Approved for publication");
    expect((await getUpdate(app, a.id)).etag).toBe(nowA.etag);
  });

  it("refuses a withholding without a reason, naming the field, and writes nothing", async () => {
    const d = await getUpdate(app, drafts[3].id);
    const r = await stack.post(`/api/updates/${d.id}/withhold`, { etag: d.etag, reason: "  " }, LEAD);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe("reason");
    expect((await getUpdate(app, d.id)).etag).toBe(d.etag);
  });

  it("an officer or an EDI-group member deciding publication: 403 not-lead, nothing written", async () => {
    const d = await getUpdate(app, drafts[3].id);
    for (const who of [OFFICER, EDI]) {
      const approve = await stack.post(`/api/updates/${d.id}/approve`, { etag: d.etag }, who);
      expect(approve.status).toBe(403);
      expect(approve.body.reason).toBe("not-lead");
      const withhold = await stack.post(`/api/updates/${d.id}/withhold`, { etag: d.etag, reason: "Mine to decide." }, who);
      expect(withhold.status).toBe(403);
      const all = await stack.post(`/api/plans/${stack.site.currentPlanId}/publication/approve-all`, { period, shown: [{ id: d.id, etag: d.etag }] }, who);
      expect(all.status).toBe(403);
      expect(all.body.reason).toBe("not-lead");
    }
    expect((await getUpdate(app, d.id)).etag).toBe(d.etag);
  });

  it("a reviewer named in the body is refused, not recorded", async () => {
    const d = await getUpdate(app, drafts[3].id);
    for (const forged of [{ reviewer: { personId: leadId, isEqualitiesLead: true } }, { reviewedById: leadId }, { by: leadId }]) {
      const r = await stack.post(`/api/updates/${d.id}/approve`, { etag: d.etag, ...forged }, EDI);
      expect(r.status).toBe(400);
      expect(r.body.reason).toBe("invalid");
    }
    expect((await getUpdate(app, d.id)).etag).toBe(d.etag);
  });

  it("approve all approves only the drafts the lead saw, as they saw them; one changed since is returned as it now is", async () => {
    const shownNow = await Promise.all(drafts.slice(3).map((u) => getUpdate(app, u.id)));
    const [changedMeanwhile, ...rest] = shownNow;
    // Someone decides on one after the lead's list was read.
    const w = await stack.post(`/api/updates/${changedMeanwhile.id}/withhold`, { etag: changedMeanwhile.etag, reason: "Not yet." }, LEAD);
    expect(w.status).toBe(200);
    const all = await stack.post(`/api/plans/${stack.site.currentPlanId}/publication/approve-all`, { period, shown: shownNow.map((u) => ({ id: u.id, etag: u.etag })) }, LEAD);
    expect(all.status).toBe(200);
    expect((all.body.approved as UpdateRecord[]).map((u) => u.id).sort()).toEqual(rest.map((u) => u.id).sort());
    expect((all.body.changed as UpdateRecord[]).map((u) => u.id)).toEqual([changedMeanwhile.id]);
    expect((await getUpdate(app, changedMeanwhile.id)).publication?.state).toBe("withheld");
    for (const u of rest) expect((await getUpdate(app, u.id)).publication).toMatchObject({ state: "approved", reviewedById: leadId });
    // Drafts the lead was not shown stay drafts.
    const notShown = (await getPlanUpdates(app, stack.site.currentPlanId, period)).filter((u) => !drafts.some((d) => d.id === u.id));
    for (const u of notShown) expect(u.publication?.reviewedById ?? null).not.toBe(leadId);
  });
});

const cover2223 = (purpose: string): CoverReportInput => ({ ...COVER_REPORT_2020_21, period: "2022-23", purpose: [purpose] });

describe("the covering report through the API", () => {
  let planId: number;
  beforeAll(async () => {
    planId = (await requirePlan(app, PLAN_2017)).id;
  });

  it("the lead saves a first report and edits it with its ETag; a second first save and a stale edit are conflicts", async () => {
    const first = await stack.post(`/api/plans/${planId}/cover-report`, { cover: cover2223("To note."), etag: null }, LEAD);
    expect(first.status).toBe(200);
    const saved = await getCoverReport(app, planId, "2022-23");
    expect(saved?.cover.purpose).toEqual(["To note."]);
    expect(saved?.modifiedById).not.toBe(leadId);

    const twin = await stack.post(`/api/plans/${planId}/cover-report`, { cover: cover2223("Twin."), etag: null }, LEAD);
    expect(twin.status).toBe(412);
    expect(twin.body.reason).toBe("conflict");

    const edit = await stack.post(`/api/plans/${planId}/cover-report`, { cover: cover2223("To note the progress."), etag: saved?.etag }, LEAD);
    expect(edit.status).toBe(200);
    const stale = await stack.post(`/api/plans/${planId}/cover-report`, { cover: cover2223("Unseen overwrite."), etag: saved?.etag }, LEAD);
    expect(stale.status).toBe(412);
    expect((await getCoverReport(app, planId, "2022-23"))?.cover.purpose).toEqual(["To note the progress."]);
  });

  it("lists every problem of a bad report and saves nothing", async () => {
    const r = await stack.post(`/api/plans/${planId}/cover-report`, { cover: { ...cover2223("x"), period: "2023-24", finalDecisionMaker: "" }, etag: null }, LEAD);
    expect(r.status).toBe(400);
    expect(String(r.body.message)).toContain("finalDecisionMaker");
    expect(await getCoverReport(app, planId, "2023-24")).toBeNull();
  });

  it("an officer or an EDI-group member writing the covering report: 403 not-lead, nothing written", async () => {
    const before = await getCoverReport(app, planId, "2022-23");
    for (const who of [OFFICER, EDI]) {
      const r = await stack.post(`/api/plans/${planId}/cover-report`, { cover: cover2223("Mine."), etag: before?.etag ?? null }, who);
      expect(r.status).toBe(403);
      expect(r.body.reason).toBe("not-lead");
    }
    expect((await getCoverReport(app, planId, "2022-23"))?.etag).toBe(before?.etag);
  });
});

describe("handing actions over through the API", () => {
  let from: { id: number; upn: string };
  let to: { id: number };
  let theirs: ActionRecord[];
  beforeAll(async () => {
    from = await getCurrentPerson(stack.site.spAs(SEED_UPNS.housing)) as { id: number; upn: string };
    to = await getCurrentPerson(stack.site.spAs(SEED_UPNS.welfare));
    // A closed plan's actions are its history, never handed over: the current plan's open ones.
    theirs = (await getMyActions(app, from.id)).filter((a) => a.planId === stack.site.currentPlanId && a.disposition === "open" && a.status !== "complete");
  });

  it("an officer or an EDI-group member handing actions over: 403 not-lead, nothing written", async () => {
    for (const who of [OFFICER, EDI, SEED_UPNS.welfare]) {
      const r = await stack.post(`/api/people/${from.id}/handover`, { toId: to.id }, who);
      expect(r.status).toBe(403);
      expect(r.body.reason).toBe("not-lead");
    }
    const a = await getAction(app, theirs[0].id);
    expect(a.etag).toBe(theirs[0].etag);
  });

  it("a 'by' named in the body is refused", async () => {
    const r = await stack.post(`/api/people/${from.id}/handover`, { toId: to.id, by: { id: to.id, name: "Someone else" } }, LEAD);
    expect(r.status).toBe(400);
    expect((await getAction(app, theirs[0].id)).etag).toBe(theirs[0].etag);
  });

  it("the lead hands a chosen action over: the new owner takes it, and its timeline names the lead who did it", async () => {
    expect(theirs.length).toBeGreaterThan(0);
    const chosen = theirs[0];
    const r = await stack.post(`/api/people/${from.id}/handover`, { toId: to.id, actionIds: [chosen.id], reason: "Left the council." }, LEAD);
    expect(r.status).toBe(200);
    expect((r.body.moved as ActionRecord[]).map((a) => a.id)).toEqual([chosen.id]);
    const now = await getAction(app, chosen.id);
    expect(now.ownerId).toBe(to.id);
    expect(now.officerIds).not.toContain(from.id);
    const entry = (await getUpdatesForAction(app, chosen.id)).find((u) => u.kind === "handover");
    expect(entry?.author?.id).toBe(leadId);
    expect(entry?.text).toMatch(/by Sam Kowalski\. Left the council\.$/);
    // The others stay theirs.
    for (const a of theirs.slice(1)) expect((await getAction(app, a.id)).ownerId).toBe(from.id);
  });

  it("refuses handing to someone who is not a user of the site, writing nothing", async () => {
    const r = await stack.post(`/api/people/${from.id}/handover`, { toId: 99_999 }, LEAD);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe("toId");
  });
});

describe("with the leads group at Read on the plan lists, as provisioned (no person's token writes any EAP list)", () => {
  beforeAll(async () => {
    // The model as eap provision grants it, checked rather than assumed: the leads read, the server writes.
    const admin = createSp(stack.site.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
    const { leads } = await readGrantees(admin);
    for (const def of Object.values(LISTS).filter((l) => LIST_ACCESS[l.key] === "plan")) {
      const held = (await readListPermissions(admin, def.key)).assignments.find((a) => a.id === leads?.id);
      expect(held?.roles, def.title).toEqual([ROLE_DEFINITION.read]);
    }
  });

  it("the lead's own token cannot write, and every lead command still works through the server", async () => {
    const [d] = await writeDrafts(app, stack.site.currentPlanId, null, 1).then((ids) => Promise.all(ids.map((id) => getUpdate(app, id))));
    const direct = await restAs(stack.site.siteUrl, LEAD)("MERGE", `${listPath(LISTS.updates.title)}/items(${d.id})`, { Publication: "approved" });
    expect(direct.status).toBe(403);

    const decided = await stack.post(`/api/updates/${d.id}/withhold`, { etag: d.etag, reason: "Check the figures." }, LEAD);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect((await getUpdate(app, d.id)).publication).toMatchObject({ state: "withheld", reviewedById: leadId });

    const planId = (await requirePlan(app, PLAN_2017)).id;
    const before = await getCoverReport(app, planId, "2022-23");
    const cover = await stack.post(`/api/plans/${planId}/cover-report`, { cover: cover2223("Written with the leads at Read."), etag: before?.etag ?? null }, LEAD);
    expect(cover.status, JSON.stringify(cover.body)).toBe(200);

    // The action handed over earlier goes on to someone else.
    const officer = await getCurrentPerson(stack.site.spAs(SEED_UPNS.welfare));
    const next = (await getMyActions(app, officer.id)).find((a) => a.planId === stack.site.currentPlanId && a.disposition === "open" && a.status !== "complete");
    expect(next).toBeTruthy();
    const to = await getCurrentPerson(stack.site.spAs(SEED_UPNS.dataIntelligence));
    const handed = await stack.post(`/api/people/${officer.id}/handover`, { toId: to.id, actionIds: [next?.id] }, LEAD);
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect((await getAction(app, next?.id as number)).ownerId).toBe(to.id);
  });
});
