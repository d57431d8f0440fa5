/** Approval before publication (src/domain/publication.ts) and what the committee report does with it. */
import { describe, expect, test } from "vitest";
import {
  approval,
  awaitingApproval,
  bulkApproval,
  DRAFT,
  PublicationError,
  type PublicationReviewer,
  publicationCounts,
  publicationOf,
  publicationView,
  publishedText,
  withholding,
} from "../../src/domain/publication.ts";
import { buildReportModel, ReportError } from "../../src/domain/report-model.ts";
import type { ActionUpdate, Objective, Plan, Role } from "../../src/domain/types.ts";
import { makeAction, makeUpdate } from "./fixtures.ts";

const lead: PublicationReviewer = { personId: 7, isEqualitiesLead: true };
const officer: PublicationReviewer = { personId: 8, isEqualitiesLead: false };
const now = new Date("2023-04-20T09:30:00Z");

const upd = (id: number, o: Partial<ActionUpdate> = {}): ActionUpdate =>
  makeUpdate({ id, actionId: id, date: `2023-0${(id % 3) + 1}-10T12:00:00Z`, text: `What happened on action ${id}.`, ...o });

const reasonOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PublicationError);
    return (e as PublicationError).reason;
  }
  return undefined;
};

describe("an update's publication state", () => {
  test("is a draft until the lead decides, and a draft publishes nothing", () => {
    const u = upd(1);
    expect(publicationOf(u)).toEqual(DRAFT);
    expect(publishedText(u)).toBeNull();
    expect(publicationView(u)).toMatchObject({ state: "draft", label: "Awaiting approval", publishedText: null, edited: false });
  });

  test("approved as written publishes the words as written, recording who decided and when", () => {
    const u = upd(1);
    const p = approval(u, lead, { now });
    expect(p).toEqual({ state: "approved", approvedText: u.text, withheldReason: null, reviewedAt: now.toISOString(), reviewedById: 7 });
    expect(publishedText({ ...u, publication: p })).toBe(u.text);
    expect(publicationView({ ...u, publication: p })).toMatchObject({ state: "approved", edited: false });
  });

  test("approved with the lead's edit publishes the edit and keeps the original as written", () => {
    const u = upd(1, { text: "We done the survey, 40% replied (Jo says more next time)." });
    const p = approval(u, lead, { text: "  The survey was completed; 40% of staff replied.  ", now });
    const approved = { ...u, publication: p };
    expect(publishedText(approved)).toBe("The survey was completed; 40% of staff replied.");
    expect(approved.text).toBe("We done the survey, 40% replied (Jo says more next time).");
    expect(publicationView(approved)).toMatchObject({ publishedText: "The survey was completed; 40% of staff replied.", edited: true });
  });

  test("withheld is internal only, with its reason; a withheld update can still be approved later", () => {
    const u = upd(1);
    const w = withholding(u, lead, { reason: "Names a resident.", now });
    expect(publishedText({ ...u, publication: w })).toBeNull();
    expect(publicationView({ ...u, publication: w })).toMatchObject({ state: "withheld", withheldReason: "Names a resident.", publishedText: null });
    const later = approval({ ...u, publication: w }, lead, { text: "Support was given to a resident.", now });
    expect(publishedText({ ...u, publication: later })).toBe("Support was given to a resident.");
  });

  test("'approved' with no approved text (set by hand in SharePoint's list view) reads as a draft again", () => {
    const u = upd(1, { publication: { state: "approved", approvedText: "  ", withheldReason: null, reviewedAt: null, reviewedById: null } });
    expect(publicationOf(u).state).toBe("draft");
    expect(publishedText(u)).toBeNull();
  });
});

describe("who may decide, and on what", () => {
  test("an officer cannot approve or withhold, not even their own update", () => {
    expect(reasonOf(() => approval(upd(1), officer, { now }))).toBe("not-allowed");
    expect(reasonOf(() => withholding(upd(1), officer, { reason: "x", now }))).toBe("not-allowed");
    expect(reasonOf(() => bulkApproval([upd(1)], "2022-23", officer, now))).toBe("not-allowed");
  });

  test("review decisions and date requests are never published", () => {
    expect(reasonOf(() => approval(upd(1, { kind: "review-decision", decision: "at-risk" }), lead, { now }))).toBe("not-publishable");
    expect(reasonOf(() => approval(upd(1, { kind: "date-change-request" }), lead, { now }))).toBe("not-publishable");
    const forced = { state: "approved" as const, approvedText: "Decision", withheldReason: null, reviewedAt: null, reviewedById: null };
    expect(publishedText(upd(1, { kind: "review-decision", publication: forced }))).toBeNull();
  });

  test("an empty approved text, a missing reason or one too long for its column is refused with a clear message", () => {
    expect(reasonOf(() => approval(upd(1), lead, { text: " \n ", now }))).toBe("invalid-text");
    expect(reasonOf(() => withholding(upd(1), lead, { reason: "  ", now }))).toBe("invalid-reason");
    expect(() => withholding(upd(1), lead, { reason: "x".repeat(256), now })).toThrow(/under 255 characters \(it has 256\)/);
    expect(() => approval(upd(1), lead, { text: "y".repeat(64_000), now })).toThrow(/under 63999 characters/);
  });
});

describe("a period's updates", () => {
  const approved = { state: "approved" as const, approvedText: "Done.", withheldReason: null, reviewedAt: null, reviewedById: null };
  const withheld = { state: "withheld" as const, approvedText: null, withheldReason: "Internal", reviewedAt: null, reviewedById: null };
  const updates = [
    upd(1),
    upd(2, { publication: approved }),
    upd(3, { publication: withheld }),
    upd(4, { date: "2022-05-02T12:00:00Z" }),
    upd(5, { period: "2021-22" }),
    upd(6, { kind: "review-decision" }),
  ];

  test("counts awaiting, approved and withheld progress updates of the period only; lists the awaiting oldest first", () => {
    expect(publicationCounts(updates, "2022-23")).toEqual({ draft: 2, approved: 1, withheld: 1 });
    expect(awaitingApproval(updates, "2022-23").map((u) => u.id)).toEqual([4, 1]);
  });

  test("bulk approval approves the period's drafts as written and leaves withheld and approved ones alone", () => {
    const b = bulkApproval(updates, "2022-23", lead, now);
    expect(b.approve.map((a) => a.update.id).sort()).toEqual([1, 4]);
    expect(b.approve.every((a) => a.publication.approvedText === a.update.text && a.publication.reviewedById === 7)).toBe(true);
    expect(b.alreadyApproved.map((u) => u.id)).toEqual([2]);
    expect(b.withheld.map((u) => u.id)).toEqual([3]);
  });
});

describe("the committee report publishes approved text only", () => {
  const plan: Plan = { id: 1, title: "Plan", period: "2017-2021", status: "active", predecessorId: null, localCharacteristics: [] };
  const roles: Role[] = [{ id: 1, planId: 1, name: "Employer", statement: "", order: 1 }];
  const objectives: Objective[] = [
    { id: 10, planId: 1, roleId: 1, statement: "Workforce", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 1 },
  ];
  const structure = { plan, roles, objectives, commitments: [] };
  const actions = [1, 2, 3].map((id) => makeAction({ id, objectiveId: 10, order: id, reference: `EM-${id}`, text: `Action ${id}` }));
  const edited = upd(1, { text: "Original words" });
  const withEdit = { ...edited, publication: approval(edited, lead, { text: "Approved words", now }) };
  const withheld2 = { ...upd(2), publication: withholding(upd(2), lead, { reason: "Not yet", now }) };
  const draft3 = upd(3, { text: "Draft words" });

  test("stops while updates await approval, naming each", () => {
    let err: unknown;
    try {
      buildReportModel({ structure, actions, updates: [withEdit, withheld2, draft3], period: "2022-23" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReportError);
    expect((err as ReportError).reason).toBe("awaiting-approval");
    expect((err as ReportError).awaiting.map((a) => a.reference)).toEqual(["EM-3"]);
    expect((err as ReportError).message).toContain('- EM-3 Action 3: update of 10 January 2023, "Draft words"');
  });

  test("left out on request: approved text only, the original and the withheld and draft words nowhere", () => {
    const m = buildReportModel({ structure, actions, updates: [withEdit, withheld2, draft3], period: "2022-23", awaiting: "leave-out" });
    const texts = m.roles.flatMap((r) => r.objectives.flatMap((o) => o.actions.flatMap((a) => a.updates.map((u) => u.text))));
    expect(texts).toEqual(["Approved words"]);
    expect(m.actionCount).toBe(1);
    expect(m.leftOut.map((a) => a.updateId)).toEqual([3]);
    expect(JSON.stringify(m)).not.toContain("Original words");
  });

  test("with nothing approved, says how many await approval and how many are withheld", () => {
    expect(() => buildReportModel({ structure, actions, updates: [withheld2, draft3], period: "2022-23", awaiting: "leave-out" })).toThrow(
      'No approved progress updates for 2022-23 on the plan "Plan" (1 awaiting approval, 1 withheld).',
    );
  });
});
