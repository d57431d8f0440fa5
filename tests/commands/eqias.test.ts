/**
 * The EqIA register through the server's API over HTTP (strict seeded local SharePoint behind it): the EDI group
 * and the lead add, change and link assessments, written with the app's identity; an officer is refused with
 * nothing written; a change made since the person opened the assessment is reported, not overwritten.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { type ActionRecord, createSp, DevAppAuth, getEqia, getEqiaActions, getEqias, getPlanActions, type SPFI } from "../../src/data/index.ts";
import { SEED_UPNS } from "../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../helpers/api-stack.ts";

let stack: ApiStack;
let app: SPFI;
let action: ActionRecord;

const key = () => `eqia-${randomUUID()}`;
const input = (title: string) => ({ title, assessedOn: "2024-05-01", characteristics: ["age", "disability"], outcome: "adjust", summary: "Opening hours widened." });
const EDI = SEED_UPNS.headOfPolicy;
const OFFICER = SEED_UPNS.workforce;

beforeAll(async () => {
  stack = await startApiStack();
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  action = (await getPlanActions(app, stack.site.currentPlanId)).find((a) => a.reference) as ActionRecord;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("the EqIA register through the API", () => {
  it("the EDI group adds an assessment once per submission, changes it with the ETag seen, and links an action", async () => {
    const submissionKey = key();
    const r = await stack.post("/api/eqias", { input: input("Library opening hours"), submissionKey }, EDI);
    expect(r.status).toBe(200);
    const again = await stack.post("/api/eqias", { input: input("Library opening hours"), submissionKey }, EDI);
    expect((again.body.eqia as { id: number }).id).toBe((r.body.eqia as { id: number }).id);
    const eqia = await getEqia(app, (r.body.eqia as { id: number }).id);
    expect(eqia.title).toBe("Library opening hours");

    const change = { input: input("Library opening hours (revised)"), etag: eqia.etag, submissionKey: key() };
    const changed = await stack.post(`/api/eqias/${eqia.id}`, change, SEED_UPNS.equalitiesLead);
    expect(changed.status).toBe(200);
    const revised = await getEqia(app, eqia.id);
    expect(revised.title).toBe("Library opening hours (revised)");
    // The same submission again (the tab's retry when the answer was lost): found saved, not someone else's change.
    const retried = await stack.post(`/api/eqias/${eqia.id}`, change, SEED_UPNS.equalitiesLead);
    expect(retried.status).toBe(200);
    expect((await getEqia(app, eqia.id)).etag).toBe(revised.etag);

    // The first ETag is now stale: someone else's change is reported, not overwritten.
    const stale = await stack.post(`/api/eqias/${eqia.id}`, { input: input("Overwrite"), etag: eqia.etag, submissionKey: key() }, EDI);
    expect(stale.status).toBe(412);
    expect(stale.body.reason).toBe("conflict");
    expect((await getEqia(app, eqia.id)).title).toBe("Library opening hours (revised)");

    const unknown = await stack.post(`/api/eqias/${eqia.id}/links`, { planId: stack.site.currentPlanId, reference: "XX-99-9", relation: "gave-rise-to" }, EDI);
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.message)).toMatch(/^Action reference: there is no action "XX-99-9"/);
    const linked = await stack.post(`/api/eqias/${eqia.id}/links`, { planId: stack.site.currentPlanId, reference: action.reference, relation: "gave-rise-to" }, EDI);
    expect(linked.status).toBe(200);
    const [link] = await getEqiaActions(app, eqia.id);
    expect(link.actionId).toBe(action.id);

    const refused = await stack.post(`/api/eqias/${eqia.id}/links/${link.id}/remove`, {}, OFFICER);
    expect(refused.status).toBe(403);
    expect(await getEqiaActions(app, eqia.id)).toHaveLength(1);
    const removed = await stack.post(`/api/eqias/${eqia.id}/links/${link.id}/remove`, {}, EDI);
    expect(removed.status).toBe(200);
    expect(await getEqiaActions(app, eqia.id)).toHaveLength(0);
  });

  it("refuses an officer outside the EDI group adding, changing or linking, and writes nothing", async () => {
    const before = await getEqias(app);
    const add = await stack.post("/api/eqias", { input: input("Not theirs"), submissionKey: key() }, OFFICER);
    expect(add.status).toBe(403);
    expect(add.body).toMatchObject({ reason: "not-edi-group" });
    expect(String(add.body.message)).toMatch(/^Only the EDI group and the equalities lead/);
    const [first] = before;
    const change = await stack.post(`/api/eqias/${first.id}`, { input: input("Not theirs"), etag: first.etag, submissionKey: key() }, OFFICER);
    expect(change.status).toBe(403);
    const link = await stack.post(`/api/eqias/${first.id}/links`, { planId: stack.site.currentPlanId, reference: action.reference, relation: "informs" }, OFFICER);
    expect(link.status).toBe(403);
    const after = await getEqias(app);
    expect(after.map((e) => [e.id, e.etag])).toEqual(before.map((e) => [e.id, e.etag]));
  });

  it("answers the domain's check with 400 naming the field", async () => {
    const r = await stack.post("/api/eqias", { input: { ...input("Bad outcome"), outcome: "maybe" }, submissionKey: key() }, EDI);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ reason: "invalid", field: "outcome" });
  });
});
