/**
 * An update with indicators' values in one request (`POST /api/actions/{id}/updates` with `values`), over HTTP
 * against the production server in local mode and a strict local SharePoint: the values are checked as recordValue
 * checks them, all before anything is written, so a refused value refuses the whole request.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { type ActionRecord, createSp, DevAppAuth, getAction, getIndicatorValues, getPlanIndicators, getUpdatesForAction, type IndicatorRecord, type SPFI } from "../../../src/data/index.ts";
import { lastCompletePeriod } from "../../../src/domain/indicator-progress.ts";
import { londonDate } from "../../../src/domain/london-time.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../../helpers/api-stack.ts";

let stack: ApiStack;
let app: SPFI;
let indicator: IndicatorRecord;
let otherId: number;
let officer: string;
let outsider: string;

const LEADS: string[] = [SEED_UPNS.equalitiesLead, SEED_UPNS.headOfPolicy];
const seen = (a: ActionRecord) => ({ status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt });
const named = (a: ActionRecord, upn: string) => [a.owner, ...a.officers].some((p) => p?.upn === upn);

beforeAll(async () => {
  stack = await startApiStack();
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  const every = await getPlanIndicators(app, stack.site.currentPlanId);
  const indicators = every.filter((i) => i.unit === "percent" || i.unit === "number" || i.unit === "count");
  for (const i of indicators) {
    const a = await getAction(app, i.actionId);
    const upn = a.owner?.upn ?? "";
    if (a.disposition === "open" && a.status !== "complete" && upn && !LEADS.includes(upn) && i.summary === null) {
      indicator = i;
      officer = upn;
      break;
    }
  }
  // Another action's indicator; without one in the plan, an id no indicator has.
  otherId = every.find((i) => i.actionId !== indicator.actionId)?.id ?? 999_999;
  const all = [SEED_UPNS.procurement, SEED_UPNS.democraticServices, SEED_UPNS.communications, SEED_UPNS.workforce];
  const action = await getAction(app, indicator.actionId);
  outsider = all.find((u) => !named(action, u)) as string;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const period = () => lastCompletePeriod(indicator, londonDate(new Date())).id;
const update = async (as: string, values: unknown[], text = `Progress ${randomUUID()}`) => {
  const a = await getAction(app, indicator.actionId);
  return stack.post(`/api/actions/${a.id}/updates`, { text, status: "on-track", submissionKey: `u-${randomUUID()}`, seen: seen(a), values }, as);
};
const counts = async () => [(await getUpdatesForAction(app, indicator.actionId)).length, (await getIndicatorValues(app, indicator.id)).length];

describe("an update with indicators' values", () => {
  it("refuses the whole request, writing nothing, when one value is refused", async () => {
    const before = await counts();
    const bad = await update(officer, [{ indicatorId: indicator.id, input: { period: period(), value: "most of them" }, revisionSeen: 0 }]);
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe("invalid");
    expect(bad.body.message).toMatch(/is not a number/);
    expect(bad.body.field).toBe("values.0.input.value");
    const elsewhere = await update(officer, [{ indicatorId: otherId, input: { period: period(), value: 10 }, revisionSeen: 0 }]);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toMatch(/not one of this action's/);
    const twice = await update(officer, [
      { indicatorId: indicator.id, input: { period: period(), value: 10 }, revisionSeen: 0 },
      { indicatorId: indicator.id, input: { period: period(), value: 11 }, revisionSeen: 0 },
    ]);
    expect(twice.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("an officer not named on the action is refused (403), and nothing is written", async () => {
    const before = await counts();
    const r = await update(outsider, [{ indicatorId: indicator.id, input: { period: period(), value: 99 }, revisionSeen: 0 }]);
    expect(r.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("the action's officer saves the update and the value together; the value is theirs, recorded by the server", async () => {
    const [updatesBefore] = await counts();
    const r = await update(officer, [{ indicatorId: indicator.id, input: { period: period(), value: 42, note: "From the survey" }, revisionSeen: 0 }], "Survey closed.");
    expect(r.status).toBe(200);
    expect(r.body.message).toBe("Update saved with a value.");
    const [updatesAfter] = await counts();
    expect(updatesAfter).toBe(updatesBefore + 1);
    const values = await getIndicatorValues(app, indicator.id);
    expect(values.map((v) => [v.period, v.value, v.note, v.recordedBy?.upn])).toEqual([[period(), 42, "From the survey", officer]]);
  });

  it("a first value for a period someone recorded since the form was opened is refused before the update is written", async () => {
    const before = await counts();
    const r = await update(officer, [{ indicatorId: indicator.id, input: { period: period(), value: 50 }, revisionSeen: 0 }]);
    expect(r.status).toBe(409);
    expect(r.body.reason).toBe("already-recorded");
    expect(r.body.message).toMatch(/it is now 42/);
    expect(await counts()).toEqual(before);
  });
});
