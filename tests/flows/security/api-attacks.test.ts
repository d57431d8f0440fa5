/**
 * Attacks on the write API, each written as a curious officer would try it: over HTTP, with their own (valid)
 * development token, against the production server in local mode and a strict local SharePoint.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { type ActionRecord, createSp, DevAppAuth, getAction, getPlanActions, getUpdatesForAction, type SPFI } from "../../../src/data/index.ts";
import { mintDevToken } from "../../../src/data/auth/dev-token.ts";
import { seedPerson, SEED_UPNS } from "../../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../../helpers/api-stack.ts";

let stack: ApiStack;
let app: SPFI;
let actions: ActionRecord[];
let officer: string;

const key = () => `attack-${randomUUID()}`;
const seen = (a: ActionRecord) => ({ status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt });
const named = (a: ActionRecord, upn: string) => [a.owner, ...a.officers].some((p) => p?.upn === upn);
const LEADS: string[] = [SEED_UPNS.equalitiesLead, SEED_UPNS.headOfPolicy];

beforeAll(async () => {
  stack = await startApiStack();
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  actions = (await getPlanActions(app, stack.site.currentPlanId)).filter((a) => a.disposition === "open");
  officer = actions.map((a) => a.owner?.upn ?? "").find((u) => u && !LEADS.includes(u)) ?? "";
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const myAction = async () => getAction(app, actions.find((a) => named(a, officer))!.id);
const someoneElses = async () => getAction(app, actions.find((a) => !named(a, officer))!.id);

async function unchanged(a: ActionRecord) {
  const now = await getAction(app, a.id);
  expect(now.etag).toBe(a.etag);
  expect(now.due.date).toBe(a.due.date);
}

describe("attacks on the write API", () => {
  it("posting an update 'by' the equalities lead: the author named in the body is refused", async () => {
    const a = await myAction();
    const before = (await getUpdatesForAction(app, a.id)).length;
    const lead = seedPerson(SEED_UPNS.equalitiesLead)!;
    for (const forged of [{ authorName: lead.name }, { author: { id: 1, name: lead.name } }, { updatedById: 1 }]) {
      const r = await stack.post(`/api/actions/${a.id}/updates`, { text: "Approved by the lead.", status: "complete", submissionKey: key(), seen: seen(a), ...forged }, officer);
      expect(r.status).toBe(400);
      expect(r.body.reason).toBe("invalid");
    }
    await unchanged(a);
    expect((await getUpdatesForAction(app, a.id)).length).toBe(before);
  });

  it("posting an update 'by' the equalities lead: the name in the token is ignored, the author is who signed in", async () => {
    const a = await myAction();
    const me = seedPerson(officer)!;
    // A token with the officer's own oid and UPN (the directory accepts it) but the lead's display name.
    const token = mintDevToken({ upn: me.upn, oid: me.oid, name: "Sam Kowalski" });
    const r = await stack.post(`/api/actions/${a.id}/updates`, { text: "Signed off.", status: "on-track", submissionKey: key(), seen: seen(a) }, { token });
    expect(r.status).toBe(200);
    const [u] = await getUpdatesForAction(app, a.id);
    expect(u.text).toBe("Signed off.");
    expect(u.author?.upn).toBe(me.upn);
    expect(u.authorName).toBe(me.name);
  });

  it("an officer writing to someone else's action: 403, nothing written", async () => {
    const a = await someoneElses();
    for (const [path, body] of [
      ["updates", { text: "Done.", status: "complete", submissionKey: key(), seen: seen(a) }],
      ["complete", { submissionKey: key(), seen: seen(a) }],
      ["edit", { changes: { teams: "Mine now" }, seen: { ...seen(a), teams: a.teams } }],
      ["snooze", {}],
    ] as const) {
      const r = await stack.post(`/api/actions/${a.id}/${path}`, body, officer);
      expect(r.status, path).toBe(403);
      expect(r.body.reason).toBe("not-responsible");
    }
    await unchanged(a);
  });

  it("an officer changing their own action's due date gets a proposal, not a change", async () => {
    const a = await myAction();
    const date = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const r = await stack.post(`/api/actions/${a.id}/edit`, { changes: { dueDate: date }, seen: seen(a), reason: "Needs another year.", submissionKey: key() }, officer);
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe("proposed");
    expect(r.body.message).toBe("Only the equalities lead can change the delivery date; your proposal has been sent to them.");
    expect((await getAction(app, a.id)).due.date).toBe(a.due.date);
    const [u] = await getUpdatesForAction(app, a.id);
    expect(u).toMatchObject({ kind: "date-change-request", requestedDueDate: date });
  });

  it("an officer making themselves accountable, or rewording the plan: 403", async () => {
    const a = await someoneElses();
    const mine = await myAction();
    const me = (await getUpdatesForAction(app, mine.id)).find((u) => u.author?.upn === officer)?.author;
    const r = await stack.post(`/api/actions/${mine.id}/edit`, { changes: { ownerId: me?.id ?? 1, text: "Something easier." }, seen: seen(mine) }, officer);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("field-not-allowed");
    await unchanged(mine);
    await unchanged(a);
  });

  it("an officer accepting their own proposal: 403", async () => {
    const a = await myAction();
    const date = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
    const p = await stack.post(`/api/actions/${a.id}/due-date-proposals`, { date, reason: "More time.", submissionKey: key(), seen: seen(a) }, officer);
    const id = (p.body.update as { id: number }).id;
    const after = await getAction(app, a.id);
    const r = await stack.post(`/api/actions/${a.id}/due-date-proposals/${id}/decision`, { accept: true }, officer);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("not-lead");
    await unchanged(after);
  });

  it("a review decision by someone outside the EDI group: 403, nothing written", async () => {
    const a = await myAction();
    const r = await stack.post(`/api/actions/${a.id}/review-decisions`, { decision: "closed", submissionKey: key(), seen: seen(a) }, officer);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ reason: "not-edi-group", message: "Only the EDI group and the equalities lead can record review decisions. Nothing was saved." });
    await unchanged(a);
  });

  it("the ids in the path win over ids in the body", async () => {
    const theirs = await someoneElses();
    const mine = await myAction();
    const r = await stack.post(`/api/actions/${theirs.id}/updates`, { actionId: mine.id, text: "Sneaky.", status: "on-track", submissionKey: key(), seen: seen(theirs) }, officer);
    expect(r.status).toBe(403);
    await unchanged(theirs);
    await unchanged(mine);
  });
});
