/**
 * Publication decisions in SharePoint (src/data/updates/publication.ts), over HTTP against the seeded local
 * SharePoint: the seeded published progress reads back approved; a decision on a stale view writes nothing; bulk
 * approval of a period approves the drafts as written, reports the one changed meanwhile and leaves withheld ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approvePeriod,
  approveUpdate,
  approveUpdates,
  DataError,
  getAction,
  getCurrentPerson,
  getPlanActions,
  getPlanUpdates,
  getPublicationCounts,
  getUpdate,
  requirePlan,
  type SPFI,
  submitUpdate,
  withholdUpdate,
} from "../../../src/data/index.ts";
import { PublicationError, type PublicationReviewer } from "../../../src/domain/publication.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../src/seed/people.ts";
import { IN_2022_23, officerDraft, PLAN_2017, seededLead } from "../../helpers/publication.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

let seeded: SeededSite;
let lead: SPFI;
let reviewer: PublicationReviewer;
let planId: number;

beforeAll(async () => {
  seeded = await startSeededSite();
  ({ sp: lead, reviewer } = await seededLead(seeded));
  planId = (await requirePlan(lead, PLAN_2017)).id;
});
afterAll(async () => seeded?.close());

const draftOn = (reference: string, text: string) => officerDraft(seeded, reference, text);

describe("publication state in SharePoint", () => {
  it("reads the seeded 2022-23 and 2020-21 progress back as approved, with its words as the approved text", async () => {
    for (const period of ["2022-23", "2020-21"]) {
      const updates = (await getPlanUpdates(lead, planId, period)).filter((u) => u.kind === "progress");
      expect(updates.length).toBeGreaterThan(0);
      for (const u of updates) expect(u.publication).toMatchObject({ state: "approved", approvedText: u.text });
    }
    expect(await getPublicationCounts(lead, planId, "2022-23")).toEqual({ draft: 0, approved: 17, withheld: 0 });
  });

  it("an officer's new update is a draft, counted as awaiting approval", async () => {
    const d = await draftOn("CL-22-1", "Draft words from the Housing team.");
    expect(d.publication).toMatchObject({ state: "draft", approvedText: null });
    expect(d.etag).toBeTruthy();
    expect((await getPublicationCounts(lead, planId, "2022-23")).draft).toBeGreaterThanOrEqual(1);
  });

  it("approves with the lead's edit, keeping the original; a decision on a stale view is a conflict and writes nothing", async () => {
    const d = await draftOn("CL-22-2", "We done it.");
    const approved = await approveUpdate(lead, { update: d, reviewer, text: "The work was completed.", now: new Date("2023-04-03T09:00:00Z") });
    const back = await getUpdate(lead, d.id);
    expect(back.text).toBe("We done it.");
    expect(back.publication).toEqual({
      state: "approved",
      approvedText: "The work was completed.",
      withheldReason: null,
      reviewedAt: "2023-04-03T09:00:00.000Z",
      reviewedById: reviewer.personId,
    });
    expect(approved.etag).toBe(back.etag);
    // Withholding from the view read before the approval (its ETag is stale) is refused and changes nothing.
    const err = await withholdUpdate(lead, { update: d, reviewer, reason: "Too early", now: new Date() }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).reason).toBe("conflict");
    expect((await getUpdate(lead, d.id)).publication?.state).toBe("approved");
  });

  it("withholds with a reason; an officer's attempt is refused before anything is written", async () => {
    const d = await draftOn("CL-22-3", "Mentions a resident by name.");
    const officer = { personId: 999, isEqualitiesLead: false };
    const refused = await approveUpdate(lead, { update: d, reviewer: officer, now: new Date() }).catch((e) => e);
    expect(refused).toBeInstanceOf(PublicationError);
    expect((await getUpdate(lead, d.id)).etag).toBe(d.etag);
    await withholdUpdate(lead, { update: d, reviewer, reason: "Names a resident.", now: new Date() });
    expect((await getUpdate(lead, d.id)).publication).toMatchObject({ state: "withheld", withheldReason: "Names a resident.", approvedText: null });
  });

  it("bulk-approves the period's drafts as the lead saw them: one changed meanwhile is a conflict, left as it is", async () => {
    await draftOn("CL-22-4", "Bulk one.");
    await draftOn("CL-22-5", "Bulk two.");
    const changed = await draftOn("CL-22-6", "Bulk three.");
    const seen = await getPlanUpdates(lead, planId, "2022-23");
    // Someone withholds one after the list was shown.
    await withholdUpdate(lead, { update: changed, reviewer, reason: "Decided apart", now: new Date() });

    const r = await approveUpdates(lead, seen, "2022-23", reviewer, new Date("2023-04-04T09:00:00Z"));
    expect(r.conflicts.map((u) => u.id)).toEqual([changed.id]);
    expect(r.failed).toEqual([]);
    expect(r.approved.map((u) => u.text)).toEqual(expect.arrayContaining(["Draft words from the Housing team.", "Bulk one.", "Bulk two."]));
    expect(r.withheld.map((u) => u.text)).toEqual(["Mentions a resident by name."]);
    const after = await getPlanUpdates(lead, planId, "2022-23");
    const byText = new Map(after.map((u) => [u.text, u.publication]));
    expect(byText.get("Bulk one.")).toMatchObject({ state: "approved", approvedText: "Bulk one.", reviewedById: reviewer.personId });
    expect(byText.get("Bulk three.")).toMatchObject({ state: "withheld", withheldReason: "Decided apart" });
    expect(byText.get("Mentions a resident by name.")?.state).toBe("withheld");
    expect(await getPublicationCounts(lead, planId, "2022-23")).toEqual({ draft: 0, approved: 21, withheld: 2 });

    // Run again (fresh read): nothing left to approve, nothing rewritten.
    const again = await approvePeriod(lead, { planId, period: "2022-23", reviewer, now: new Date() });
    expect(again.approved).toEqual([]);
    expect(again.alreadyApproved).toHaveLength(21);
  });
});

describe("bulk approval on a SharePoint that throttles and loses replies after applying them", () => {
  let faulty: SeededSite;
  const texts = Array.from({ length: 12 }, (_, i) => `Throttled draft ${i + 1}.`);
  beforeAll(async () => {
    faulty = await startSeededSite({
      beforeRestart: async (spAs, app) => {
        const officer = spAs(SEED_UPNS.housing);
        const author = await getCurrentPerson(officer);
        const plan = await requirePlan(officer, PLAN_2017);
        const actions = (await getPlanActions(officer, plan.id)).filter((a) => a.reference.includes("-22-"));
        for (const [i, text] of texts.entries()) {
          const action = await getAction(officer, actions[i % actions.length].id);
          await submitUpdate(app, { action, text, status: "on-track", author, submissionKey: `faulty-${i}`, now: IN_2022_23 });
        }
      },
      // About one request in six throttled (Retry-After 0), as many applied but their reply lost (a gateway timeout);
      // with this seed the approvals' $batch is one of the latter, so PnPjs re-sends it after SharePoint applied it.
      afterSeed: { faults: "429:0.15,504-after-commit:0.15", seed: 14, retryAfterSeconds: 0 },
    });
  });
  afterAll(async () => faulty?.close());

  it("approves every draft exactly once: a re-sent write that meets its own new ETag is not a conflict", async () => {
    // The app writes, as the server does for the lead it established.
    const sp = faulty.appSp();
    const plan = await requirePlan(sp, PLAN_2017);
    const me = { personId: (await getCurrentPerson(faulty.spAs(SEED_EQUALITIES_LEAD_UPN))).id, isEqualitiesLead: true };
    const first = await approvePeriod(sp, { planId: plan.id, period: "2022-23", reviewer: me, now: new Date("2023-04-05T09:00:00Z") });
    // Nobody else decided anything: every draft is approved, or failed (throttled) and left a draft; none is a conflict.
    expect(first.conflicts).toEqual([]);
    expect(first.approved.length + first.failed.length).toBe(texts.length);
    expect(first.approved.length).toBeGreaterThan(0);
    // A part throttled inside a $batch is not retried by PnPjs: running it again finishes the job.
    let r = first;
    for (let i = 0; i < 5 && r.failed.length > 0; i++) {
      r = await approvePeriod(sp, { planId: plan.id, period: "2022-23", reviewer: me, now: new Date("2023-04-05T09:00:00Z") });
    }
    expect(r.failed).toEqual([]);
    expect(r.conflicts).toEqual([]);
    const after = (await faulty.spAs(SEED_EQUALITIES_LEAD_UPN).web.lists.getByTitle("EAP Updates").items.select("Body", "Publication", "ApprovedText").top(500)()) as Array<{
      Body: string;
      Publication: string;
      ApprovedText: string;
    }>;
    for (const t of texts) expect(after.filter((u) => u.Body === t).map((u) => [u.Publication, u.ApprovedText])).toEqual([["approved", t]]);
  });
});
