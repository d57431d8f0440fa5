/**
 * The lead's import and rollover through the server's API over HTTP (strict seeded local SharePoint behind it):
 * the file itself is sent and parsed on the server, the plan written with the app's identity; anyone but the lead
 * is refused with nothing written (written as the attack); an oversized body is 413; a hostile file is refused with
 * the parser's own words; a person who has left blocks the write until the lead names a successor. The leads' group
 * has Read only on the plan lists here (as it will once every lead tool goes through the server): nothing relies on
 * the lead's own token writing.
 */
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_BODY_MAX_BYTES } from "../../src/commands/index.ts";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { createSp, DevAppAuth, findPlan, getPlanActions, getPlans, list, type SPFI } from "../../src/data/index.ts";
import { MAX_FILE_BYTES } from "../../src/import/limits.ts";
import { SEED_DEPARTED_UPN, SEED_UPNS } from "../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../helpers/api-stack.ts";
import { devIdentity } from "../../src/config/local-identities.ts";
import { DevTokenAuth } from "../../src/data/auth/dev-token.ts";

let stack: ApiStack;
let app: SPFI;

const LEAD = SEED_UPNS.equalitiesLead;
const EDI = SEED_UPNS.headOfPolicy;
const OFFICER = SEED_UPNS.workforce;

const csv = (officer: string) =>
  Papa.unparse(
    [
      ["Role", "Objective", "Actions", "Responsible officer", "To be delivered by"],
      ["Employer: To have a workforce that feels valued.", "Fair recruitment.", "Review job adverts.", officer, "June 2028"],
      ["Employer", "Fair recruitment.", "Publish the pay gap.", "Workforce team", "March 2029"],
    ],
    { newline: "\r\n" },
  );
const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const body = (title: string, file: string | Buffer, extra: Record<string, unknown> = {}) => ({ fileName: "plan.csv", file: b64(file), title, ...extra });
const planCount = async () => (await getPlans(app)).length;

beforeAll(async () => {
  stack = await startApiStack();
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("import through the API", () => {
  it("the lead's own token cannot write the plan's lists (the leads' group reads them)", async () => {
    const lead = createSp(stack.site.siteUrl, DevTokenAuth(devIdentity(LEAD)));
    const [a] = await getPlanActions(lead, stack.site.currentPlanId);
    const write = await list(lead, "actions").items.getById(a.id).update({ Teams: "Written by the lead's own token" }, "*").catch((e: unknown) => e);
    expect((write as { status?: number }).status).toBe(403);
  });

  it("the lead sends the file; the server parses it and writes the plan, and the same file again adds nothing", async () => {
    const title = "Imported through the server 2027-2031";
    const r = await stack.post("/api/imports", body(title, csv("Leah Brookes")), LEAD);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ outcome: "imported", actions: 2, skipped: 0, period: "2027-2031" });
    const plan = await findPlan(app, title);
    expect(plan?.status).toBe("active");
    const actions = await getPlanActions(app, plan!.id);
    expect(actions.map((a) => a.text)).toEqual(["Review job adverts.", "Publish the pay gap."]);
    expect(actions[0].owner?.upn).toBe(OFFICER);

    const again = await stack.post("/api/imports", body(title, csv("Leah Brookes")), LEAD);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: "imported", planId: plan!.id, created: 0 });
    expect(await getPlanActions(app, plan!.id)).toHaveLength(2);
  });

  it("an officer, or a member of the EDI group, importing a plan: 403 not-lead, nothing written", async () => {
    const before = await planCount();
    for (const who of [OFFICER, EDI]) {
      for (const dryRun of [false, true]) {
        const r = await stack.post("/api/imports", body(`Not theirs ${who}`, csv("Leah Brookes"), { dryRun }), who);
        expect(r.status, who).toBe(403);
        expect(r.body).toMatchObject({ reason: "not-lead", message: "Only the equalities lead can import a plan. Nothing was saved." });
      }
    }
    // Refused before the body is read: an officer's oversized upload is a 403, not a 413.
    const big = await stack.post("/api/imports", {}, OFFICER, { raw: JSON.stringify({ fileName: "plan.csv", title: "Big", file: "A".repeat(IMPORT_BODY_MAX_BYTES) }) });
    expect(big.status).toBe(403);
    expect(await planCount()).toBe(before);
    // A tree made by the client is not accepted in place of the file.
    const tree = await stack.post("/api/imports", { ...body("A tree", csv("x")), tree: { roles: [] } }, LEAD);
    expect(tree.status).toBe(400);
    expect(tree.body.reason).toBe("invalid");
    expect(await planCount()).toBe(before);
  });

  it("a body over the import's limit is 413, a file over the file limit is 413 too, and nothing is written", async () => {
    const before = await planCount();
    const huge = await stack.post("/api/imports", {}, LEAD, { raw: JSON.stringify({ fileName: "plan.csv", title: "Huge", file: "A".repeat(IMPORT_BODY_MAX_BYTES) }) });
    expect(huge.status).toBe(413);
    const over = Buffer.alloc(MAX_FILE_BYTES + 3, 0x41);
    const r = await stack.post("/api/imports", body("Over", over), LEAD);
    expect(r.status).toBe(413);
    expect(r.body.reason).toBe("too-large");
    expect(String(r.body.message)).toMatch(/limit is 10\.0 MB/);
    expect(await planCount()).toBe(before);
  });

  it("a hostile file is refused with the parser's own problem, and nothing is written", async () => {
    const before = await planCount();
    const wide = Papa.unparse([Array.from({ length: 80 }, (_, i) => `Column ${i + 1}`), Array.from({ length: 80 }, () => "x")]);
    const r = await stack.post("/api/imports", body("Wide", wide), LEAD);
    expect(r.status).toBe(400);
    expect(r.body.reason).toBe("invalid-file");
    expect((r.body.problems as Array<{ reason: string }>)[0].reason).toBe("over-limit");
    expect(String(r.body.message)).toMatch(/^"plan\.csv" cannot be imported: .*columns/);
    const notZip = await stack.post("/api/imports", { ...body("Not Word", "this is not a zip"), fileName: "plan.docx" }, LEAD);
    expect(notZip.status).toBe(400);
    expect((notZip.body.problems as Array<{ reason: string }>)[0].reason).toBe("corrupt");
    expect(await planCount()).toBe(before);
  });

  it("another file under the name of a plan already on the site: 409 duplicate, nothing written", async () => {
    const taken = (await findPlan(app, stack.site.currentPlanId))!.title;
    const before = await planCount();
    const r = await stack.post("/api/imports", body(taken, csv("Leah Brookes"), { period: "2027-2031" }), LEAD);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ reason: "duplicate", field: "title" });
    expect(String(r.body.message)).toMatch(/already exists on this site .* Nothing was written\.$/);
    expect(await planCount()).toBe(before);
  });

  it("a person who has left: listed with their actions and nothing written, until the lead names a successor", async () => {
    const title = "Imported naming a leaver 2027-2031";
    const before = await planCount();
    const file = csv(SEED_DEPARTED_UPN);
    const check = await stack.post("/api/imports", body(title, file, { dryRun: true }), LEAD);
    expect(check.status).toBe(409);
    expect(check.body.reason).toBe("people-unresolved");
    const [p] = check.body.people as Array<{ login: string; places: Array<{ reference: string; as: string }> }>;
    expect(p.login).toBe(SEED_DEPARTED_UPN);
    expect(p.places).toHaveLength(1);
    expect(p.places[0].as).toBe("owner");
    const refused = await stack.post("/api/imports", body(title, file), LEAD);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toBe("people-unresolved");
    expect(await planCount()).toBe(before);

    const bad = await stack.post("/api/imports", body(title, file, { reassign: { [SEED_DEPARTED_UPN]: "not an address" } }), LEAD);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe("reassign");
    const reassign = { [SEED_DEPARTED_UPN]: SEED_UPNS.procurement };
    expect((await stack.post("/api/imports", body(title, file, { dryRun: true, reassign }), LEAD)).body.outcome).toBe("checked");
    expect(await planCount()).toBe(before);
    const done = await stack.post("/api/imports", body(title, file, { reassign }), LEAD);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const [first] = await getPlanActions(app, (done.body as { planId: number }).planId);
    expect(first.owner?.upn).toBe(SEED_UPNS.procurement);
  });
});

describe("rollover through the API", () => {
  it("refuses anyone but the lead, with nothing written", async () => {
    const from = stack.site.currentPlanId;
    const before = await planCount();
    for (const who of [OFFICER, EDI]) {
      const r = await stack.post(`/api/plans/${from}/rollover`, { to: "Not theirs" }, who);
      expect(r.status, who).toBe(403);
      expect(r.body).toMatchObject({ reason: "not-lead", message: "Only the equalities lead can roll the plan over. Nothing was saved." });
    }
    expect(await planCount()).toBe(before);
    expect((await findPlan(app, from))?.status).not.toBe("closed");
  });

  it("an old plan naming an officer who has left: checked, refused without a successor, rolled over with one", async () => {
    const old = (await getPlans(app)).find((p) => p.title === "Equality Objectives and Action Plan 2017-2021")!;
    const actions = await getPlanActions(app, old.id);
    const theirs = actions.find((a) => a.owner?.upn === SEED_DEPARTED_UPN)!;
    await list(app, "actions").items.getById(theirs.id).update({ Disposition: "ongoing" }, "*");
    const carriedCount = actions.filter((a) => a.id === theirs.id || a.disposition === "ongoing" || a.disposition === "developed").length;
    const to = "Equality Objectives and Action Plan 2021-2025 (through the server)";
    const before = await planCount();
    for (const dryRun of [true, false]) {
      const r = await stack.post(`/api/plans/${old.id}/rollover`, { to, dryRun }, LEAD);
      expect(r.status).toBe(409);
      expect(r.body.reason).toBe("people-unresolved");
      expect((r.body.people as Array<{ login: string }>).map((p) => p.login)).toEqual([SEED_DEPARTED_UPN]);
    }
    expect(await planCount()).toBe(before);
    const reassign = { [SEED_DEPARTED_UPN]: SEED_UPNS.procurement };
    const check = await stack.post(`/api/plans/${old.id}/rollover`, { to, dryRun: true, reassign }, LEAD);
    expect(check.body).toMatchObject({ outcome: "checked", carried: carriedCount });
    expect(await planCount()).toBe(before);

    const r = await stack.post(`/api/plans/${old.id}/rollover`, { to, reassign }, LEAD);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ outcome: "rolled-over", carried: carriedCount, period: "2021-2025" });
    const carried = await getPlanActions(app, (r.body as { toPlanId: number }).toPlanId);
    expect(carried).toHaveLength(carriedCount);
    expect(carried.find((a) => a.carriedFromId === theirs.id)?.owner?.upn).toBe(SEED_UPNS.procurement);
    expect((await findPlan(app, old.id))?.status).toBe("closed");
  });

  it("the lead rolls the current plan over", async () => {
    const from = (await findPlan(app, stack.site.currentPlanId))!;
    const r = await stack.post(`/api/plans/${from.id}/rollover`, { to: "Equality Objectives and Action Plan 2027-2031", period: "2027-2031" }, LEAD);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const to = await findPlan(app, "Equality Objectives and Action Plan 2027-2031");
    expect(to).toMatchObject({ id: (r.body as { toPlanId: number }).toPlanId, predecessorId: from.id, status: "active", period: "2027-2031" });
    expect((await findPlan(app, from.id))?.status).toBe("closed");
    const unknown = await stack.post("/api/plans/999999/rollover", { to: "Nothing" }, LEAD);
    expect(unknown.status).toBe(404);
  });
});
