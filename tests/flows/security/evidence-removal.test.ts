/**
 * Removing evidence through the write API (`POST /api/actions/{id}/evidence/{evidenceId}/remove`), over HTTP against
 * the production server in local mode and a strict local SharePoint: the action's own people remove it with the
 * ETag they read; an officer not responsible for the action, evidence of another action named in the path and a
 * stale ETag are refused, and nothing is removed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { type ActionRecord, createSp, DevAppAuth, getActionEvidence, getPlanActions, type SPFI } from "../../../src/data/index.ts";
import type { Evidence } from "../../../src/domain/evidence.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../../helpers/api-stack.ts";

let stack: ApiStack;
let app: SPFI;
let mine: ActionRecord;
let theirs: ActionRecord;
let officer: string;

const LEADS: string[] = [SEED_UPNS.equalitiesLead, SEED_UPNS.headOfPolicy];
const named = (a: ActionRecord, upn: string) => [a.owner, ...a.officers].some((p) => p?.upn === upn);

beforeAll(async () => {
  stack = await startApiStack();
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  const actions = (await getPlanActions(app, stack.site.currentPlanId)).filter((a) => a.disposition === "open" && a.status !== "complete");
  officer = actions.map((a) => a.owner?.upn ?? "").find((u) => u && !LEADS.includes(u)) ?? "";
  mine = actions.find((a) => named(a, officer)) as ActionRecord;
  theirs = actions.find((a) => !named(a, officer)) as ActionRecord;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/** Evidence added through the API by someone who may, read back as the site has it (with its ETag). */
async function evidenceOn(a: ActionRecord, as: string, title: string): Promise<Evidence> {
  const r = await stack.post(
    `/api/actions/${a.id}/evidence`,
    { input: { title, link: "https://council.example.org/report.pdf", type: "data", date: "2026-10-01" }, submissionKey: `ev-${randomUUID()}` },
    as,
  );
  expect(r.status).toBe(200);
  return (await getActionEvidence(app, a.id)).find((e) => e.title === title) as Evidence;
}

const remove = (a: ActionRecord, e: Evidence, as: string, etag = e.etag) => stack.post(`/api/actions/${a.id}/evidence/${e.id}/remove`, { etag }, as);
const stillThere = async (a: ActionRecord, e: Evidence) => (await getActionEvidence(app, a.id)).some((x) => x.id === e.id);

describe("removing evidence", () => {
  it("an officer not responsible for the action is refused (403) and nothing is removed", async () => {
    const e = await evidenceOn(theirs, SEED_UPNS.equalitiesLead, `Lead's evidence ${randomUUID()}`);
    const r = await remove(theirs, e, officer);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("not-responsible");
    expect(await stillThere(theirs, e)).toBe(true);
  });

  it("naming someone else's evidence under one's own action is refused (404): the path's action must hold it", async () => {
    const e = await evidenceOn(theirs, SEED_UPNS.equalitiesLead, `Other action's evidence ${randomUUID()}`);
    const r = await remove(mine, e, officer);
    expect(r.status).toBe(404);
    expect(r.body.reason).toBe("not-found");
    expect(await stillThere(theirs, e)).toBe(true);
  });

  it("a stale ETag (changed since it was read) removes nothing; without one the request is refused", async () => {
    const e = await evidenceOn(mine, officer, `My evidence ${randomUUID()}`);
    const stale = await remove(mine, e, officer, '"1,0"');
    expect(stale.status).toBe(412);
    expect(stale.body.reason).toBe("conflict");
    expect(stale.body.message).toMatch(/Nothing was removed/);
    const none = await stack.post(`/api/actions/${mine.id}/evidence/${e.id}/remove`, {}, officer);
    expect(none.status).toBe(400);
    expect(await stillThere(mine, e)).toBe(true);
  });

  it("the action's officer removes it with the ETag they read; a second press finds it gone", async () => {
    const e = await evidenceOn(mine, officer, `Wrong document ${randomUUID()}`);
    const r = await remove(mine, e, officer);
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe("removed");
    expect(r.body.message).toBe(`Evidence removed: ${e.title}.`);
    expect(await stillThere(mine, e)).toBe(false);
    const again = await remove(mine, e, officer);
    expect(again.status).toBe(404);
  });
});
