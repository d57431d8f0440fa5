/**
 * An indicator's value and evidence, recorded through the server's API over HTTP (the production server in local
 * mode, a strict seeded local SharePoint behind it that lets officers only read): allowed for the action's officers,
 * the EDI group and the lead, written with the app's identity and the caller as recorder; refused to anyone else
 * with nothing written. Authorship named in the body is refused, never taken.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import {
  type ActionRecord,
  createSp,
  DevAppAuth,
  getActionEvidence,
  getActionValues,
  getPlanActions,
  getPlanIndicators,
  type IndicatorRecord,
  type SPFI,
} from "../../src/data/index.ts";
import { SEED_UPNS } from "../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../helpers/api-stack.ts";

let stack: ApiStack;
let app: SPFI;
let indicator: IndicatorRecord;
let action: ActionRecord;
let officer: string;
let stranger: string;

const key = () => `rec-${randomUUID()}`;
const named = (a: ActionRecord, upn: string) => [a.owner, ...a.officers].some((p) => p?.upn === upn);
/** A past period of the indicator's frequency that the seed has no value for. */
const periodOf = (i: IndicatorRecord, year: number) =>
  i.frequency === "annual" ? `${year}-${String(year + 1).slice(2)}` : i.frequency === "quarterly" ? `Q1 ${year}-${String(year + 1).slice(2)}` : `April ${year}`;
const figureOf = (i: IndicatorRecord) => (i.unit === "text" ? "Published" : 12);

beforeAll(async () => {
  stack = await startApiStack({ shiftToToday: true });
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  const actions = await getPlanActions(app, stack.site.currentPlanId);
  const lead = [SEED_UPNS.equalitiesLead, SEED_UPNS.headOfPolicy] as string[];
  const byId = new Map(actions.map((a) => [a.id, a]));
  indicator = (await getPlanIndicators(app, stack.site.currentPlanId)).find((i) => {
    const a = byId.get(i.actionId);
    return i.groups.length === 0 && a?.owner?.upn && !lead.includes(a.owner.upn);
  }) as IndicatorRecord;
  action = byId.get(indicator.actionId) as ActionRecord;
  officer = action.owner?.upn ?? "";
  stranger = Object.values(SEED_UPNS).find((u) => !lead.includes(u) && !named(action, u)) ?? "";
  expect(officer && stranger).toBeTruthy();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("recording an indicator's value", () => {
  const path = () => `/api/actions/${action.id}/values`;

  it("the action's officer records a value: written by the app, the officer its recorder", async () => {
    const period = periodOf(indicator, 2010);
    const r = await stack.post(path(), { indicatorId: indicator.id, input: { period, value: figureOf(indicator) }, revisionSeen: 0, submissionKey: key() }, officer);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: "saved", message: "Value saved." });
    const saved = (await getActionValues(app, action.id)).find((v) => v.indicatorId === indicator.id && v.period === (r.body.value as { period: string }).period);
    expect(saved?.recordedBy?.upn).toBe(officer);
    expect(saved?.revision).toBe(1);
  });

  it("the EDI group corrects it (a new revision, with why); a stale correction is refused with the value as it is", async () => {
    const period = periodOf(indicator, 2011);
    const first = await stack.post(path(), { indicatorId: indicator.id, input: { period, value: figureOf(indicator) }, revisionSeen: 0, submissionKey: key() }, officer);
    expect(first.status).toBe(200);
    const fix = { indicatorId: indicator.id, input: { period, value: figureOf(indicator), note: "Recounted." }, revisionSeen: 1 };
    const r = await stack.post(path(), { ...fix, submissionKey: key() }, SEED_UPNS.headOfPolicy);
    expect(r.status).toBe(200);
    expect(r.body.message).toBe("Correction saved.");
    const stale = await stack.post(path(), { ...fix, submissionKey: key() }, officer);
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe("already-recorded");
    expect(String(stale.body.message)).toContain("since you read it");
    const revisions = (await getActionValues(app, action.id)).filter((v) => v.indicatorId === indicator.id && v.period === (r.body.value as { period: string }).period);
    expect(revisions.map((v) => [v.revision, v.recordedBy?.upn])).toEqual([
      [1, officer],
      [2, SEED_UPNS.headOfPolicy],
    ]);
  });

  it("refuses an officer not named on the action, and writes nothing", async () => {
    const before = (await getActionValues(app, action.id)).length;
    const r = await stack.post(path(), { indicatorId: indicator.id, input: { period: periodOf(indicator, 2012), value: figureOf(indicator) }, revisionSeen: 0, submissionKey: key() }, stranger);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("not-responsible");
    expect((await getActionValues(app, action.id)).length).toBe(before);
  });

  it("refuses a recorder named in the body (authorship is the caller's) and an indicator of another action", async () => {
    const body = { indicatorId: indicator.id, input: { period: periodOf(indicator, 2013), value: figureOf(indicator) }, revisionSeen: 0, submissionKey: key() };
    const forged = await stack.post(path(), { ...body, recordedBy: { id: 1, upn: SEED_UPNS.equalitiesLead } }, officer);
    expect(forged.status).toBe(400);
    expect(forged.body.reason).toBe("invalid");
    const other = (await getPlanActions(app, stack.site.currentPlanId)).find((a) => a.id !== action.id && named(a, officer));
    if (other) {
      const elsewhere = await stack.post(`/api/actions/${other.id}/values`, body, officer);
      expect(elsewhere.status).toBe(404);
    }
    expect((await getActionValues(app, action.id)).some((v) => v.period.includes("2013"))).toBe(false);
  });

  it("answers the domain's check of the value with 400 naming the field", async () => {
    const r = await stack.post(path(), { indicatorId: indicator.id, input: { period: "not a period", value: figureOf(indicator) }, revisionSeen: 0, submissionKey: key() }, officer);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ reason: "invalid", field: "period" });
  });
});

describe("adding evidence", () => {
  const path = () => `/api/actions/${action.id}/evidence`;
  const input = (title: string) => ({ title, link: "https://www.example.org/equality/report.pdf", type: "data", date: "2024-03-01" });

  it("the action's officer adds evidence, once per submission, as its adder", async () => {
    const submissionKey = key();
    const r = await stack.post(path(), { input: input("Workforce equality report"), submissionKey }, officer);
    expect(r.status).toBe(200);
    const again = await stack.post(path(), { input: input("Workforce equality report"), submissionKey }, officer);
    expect(again.status).toBe(200);
    const found = (await getActionEvidence(app, action.id)).filter((e) => e.title === "Workforce equality report");
    expect(found).toHaveLength(1);
    expect(found[0].addedById).toBe(action.owner?.id);
  });

  it("refuses an officer not named on the action and an adder named in the body; a javascript: link is invalid", async () => {
    const before = (await getActionEvidence(app, action.id)).length;
    const r = await stack.post(path(), { input: input("Not mine"), submissionKey: key() }, stranger);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("not-responsible");
    const forged = await stack.post(path(), { input: input("Forged"), addedBy: { id: 1 }, submissionKey: key() }, officer);
    expect(forged.status).toBe(400);
    const script = await stack.post(path(), { input: { ...input("Script"), link: "javascript:alert(1)" }, submissionKey: key() }, officer);
    expect(script.status).toBe(400);
    expect(script.body.field).toBe("link");
    expect((await getActionEvidence(app, action.id)).length).toBe(before);
  });
});
