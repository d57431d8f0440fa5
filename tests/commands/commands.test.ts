/**
 * The checked write commands against the real local SharePoint (strict: a directory, the app's Sites.Selected-style
 * grant), writing with the app's identity as the server and the bot do. Every refusal is checked to have written
 * nothing (the action's ETag and its timeline unchanged).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addUpdate,
  type Caller,
  CommandError,
  type CommandContext,
  decideProposal,
  editAction,
  markComplete,
  proposeDueDate,
  readAction,
  recordReviewDecision,
  seenOf,
  snooze,
} from "../../src/commands/index.ts";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { type ActionRecord, createSp, DevAppAuth, getAction, getPlanActions, getUpdatesForAction, type SPFI, updateAction } from "../../src/data/index.ts";
import { londonDatePlusDays } from "../../src/domain/london-time.ts";
import { seedPerson, SEED_UPNS } from "../../src/seed/people.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";

let site: SeededSite;
let app: SPFI;
let ctx: CommandContext;
let actions: ActionRecord[];

const callerOf = (upn: string): Caller => {
  const p = seedPerson(upn);
  if (!p) throw new Error(`no seeded ${upn}`);
  return { oid: p.oid, upn: p.upn, name: p.name };
};
/** The officer with the most open actions in the current plan (chosen once the plan is read). */
let ROBIN: Caller;
const SAM = callerOf(SEED_UPNS.equalitiesLead);
const GRACE = callerOf(SEED_UPNS.headOfPolicy);
const key = () => `test-${randomUUID()}`;
const inDays = (n: number) => londonDatePlusDays(new Date(), n);

/** Open actions of the current plan: one Robin is responsible for, and others he is not named on. */
const robins = () => actions.filter((a) => a.disposition === "open" && [a.owner, ...a.officers].some((p) => p?.upn === ROBIN.upn));
const notRobins = () => actions.filter((a) => a.disposition === "open" && ![a.owner, ...a.officers].some((p) => p?.upn === ROBIN.upn));

async function fresh(id: number) {
  return { action: await getAction(app, id), updates: await getUpdatesForAction(app, id) };
}

/** Runs `attempt`, expects a CommandError with `reason`, and checks nothing was written to the action. */
async function refused(id: number, reason: string, attempt: () => Promise<unknown>): Promise<CommandError> {
  const before = await fresh(id);
  const err = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CommandError);
  expect((err as CommandError).reason).toBe(reason);
  const after = await fresh(id);
  expect(after.action.etag).toBe(before.action.etag);
  expect(after.updates.length).toBe(before.updates.length);
  return err as CommandError;
}

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
  app = createSp(site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY), { retryIntervalMs: 50 });
  ctx = { sp: app, now: () => new Date() };
  actions = await getPlanActions(app, site.currentPlanId);
  const officers = Object.values(SEED_UPNS).filter((u) => u !== SAM.upn && u !== GRACE.upn);
  const count = (upn: string) => actions.filter((a) => a.disposition === "open" && [a.owner, ...a.officers].some((p) => p?.upn === upn)).length;
  ROBIN = callerOf(officers.sort((x, y) => count(y) - count(x))[0]);
  expect(robins().length).toBeGreaterThan(2);
}, 120_000);

afterAll(async () => {
  await site?.close();
});

describe("add update", () => {
  it("writes the update as the authenticated caller, with the status, using the app's identity", async () => {
    const a = robins()[0];
    const r = await addUpdate(ctx, ROBIN, { actionId: a.id, text: "Dashboard draft shared with the team.", status: "on-track", submissionKey: key(), seen: seenOf(a) });
    expect(r.outcome).toBe("saved");
    const { action, updates } = await fresh(a.id);
    expect(action.status).toBe("on-track");
    expect(updates[0].text).toBe("Dashboard draft shared with the team.");
    expect(updates[0].author?.upn).toBe(ROBIN.upn);
    expect(updates[0].authorName).toBe(ROBIN.name);
  });

  it("refuses an author named in the input (authorship is the caller's, never the request's)", async () => {
    const a = robins()[0];
    const forged = { actionId: a.id, text: "Signed off.", status: "on-track", submissionKey: key(), seen: seenOf(await getAction(app, a.id)), authorName: "Sam Kowalski" };
    const err = await refused(a.id, "invalid", () => addUpdate(ctx, ROBIN, forged as never));
    expect(err.message).toContain("authorName");
  });

  it("refuses an officer on an action they are not named on, and writes nothing", async () => {
    const a = notRobins()[0];
    const err = await refused(a.id, "not-responsible", () =>
      addUpdate(ctx, ROBIN, { actionId: a.id, text: "Not mine.", status: "complete", submissionKey: key(), seen: seenOf(a) }),
    );
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/^Only the officers named on this action/);
  });

  it("a change the officer did not see is reported with what changed, and nothing is overwritten", async () => {
    const a = await getAction(app, robins()[1].id);
    const seen = { ...seenOf(a), status: a.status === "at-risk" ? "on-track" : "at-risk" };
    const err = await refused(a.id, "conflict", () => addUpdate(ctx, ROBIN, { actionId: a.id, text: "Late.", status: "on-track", submissionKey: key(), seen }));
    expect(err.status).toBe(412);
    expect(err.changes?.map((c) => c.field)).toEqual(["status"]);
    expect(err.current?.id).toBe(a.id);
  });

  it("a write between the command's read and its write (SharePoint's 412) is reported, not overwritten", async () => {
    const a = await getAction(app, robins()[1].id);
    const read = await readAction(ctx, ROBIN, a.id);
    // Someone else writes meanwhile.
    await updateAction(app, a.id, a.etag ?? "", { teams: "Moved to the Insight team" });
    const err = await addUpdate(ctx, ROBIN, { actionId: a.id, text: "Racing.", status: "on-track", submissionKey: key(), seen: { ...seenOf(a), teams: a.teams } }, { ...read, submitted: null, proposal: null, answer: null }).catch(
      (e: unknown) => e as CommandError,
    );
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).reason).toBe("conflict");
    expect((err as CommandError).changes?.map((c) => c.field)).toEqual(["teams"]);
    expect((await getAction(app, a.id)).teams).toBe("Moved to the Insight team");
    expect((await getUpdatesForAction(app, a.id)).some((u) => u.text === "Racing.")).toBe(false);
  });

  it("a retry of a submission already saved finds it: no duplicate, no false conflict", async () => {
    const a = await getAction(app, robins()[2].id);
    const input = { actionId: a.id, text: "Sent once, retried.", status: "on-track" as const, submissionKey: key(), seen: seenOf(a) };
    const first = await addUpdate(ctx, ROBIN, input);
    const again = await addUpdate(ctx, ROBIN, input);
    expect(again.update?.id).toBe(first.update?.id);
    expect((await getUpdatesForAction(app, a.id)).filter((u) => u.text === "Sent once, retried.")).toHaveLength(1);
  });

  it("mark complete", async () => {
    const a = await getAction(app, robins()[2].id);
    const r = await markComplete(ctx, ROBIN, { actionId: a.id, submissionKey: key(), seen: seenOf(a) });
    expect(r.action.status).toBe("complete");
    expect((await getAction(app, a.id)).status).toBe("complete");
  });

  it("bad input names what is wrong and writes nothing", async () => {
    const a = await getAction(app, robins()[0].id);
    const err = await refused(a.id, "invalid", () => addUpdate(ctx, ROBIN, { actionId: a.id, text: "  ", status: "on-track", submissionKey: key(), seen: seenOf(a) }));
    expect(err.message).toContain("write what has happened");
    await refused(a.id, "invalid", () => addUpdate(ctx, ROBIN, { actionId: a.id, text: "x", status: "not-recorded" as never, submissionKey: key(), seen: seenOf(a) }));
  });
});

describe("delivery dates", () => {
  it("an officer's new date is a proposal; the lead accepts it; the answer is in the timeline, once", async () => {
    const a = await getAction(app, robins()[0].id);
    const date = inDays(90);
    const p = await proposeDueDate(ctx, ROBIN, { actionId: a.id, date, reason: "Waiting for the census release.", submissionKey: key(), seen: seenOf(a) });
    expect(p.outcome).toBe("proposed");
    expect(p.message).toBe("Only the equalities lead can change the delivery date; your proposal has been sent to them.");
    expect((await getAction(app, a.id)).due.date).toBe(a.due.date);
    const proposal = p.update!;
    expect(proposal.kind).toBe("date-change-request");
    expect(proposal.author?.upn).toBe(ROBIN.upn);

    await refused(a.id, "not-lead", () => decideProposal(ctx, ROBIN, { actionId: a.id, proposalId: proposal.id, accept: true }));
    await refused(a.id, "not-lead", () => decideProposal(ctx, GRACE, { actionId: a.id, proposalId: proposal.id, accept: true }));

    const d = await decideProposal(ctx, SAM, { actionId: a.id, proposalId: proposal.id, accept: true });
    expect(d.outcome).toBe("accepted");
    const { action, updates } = await fresh(a.id);
    expect(action.due.date).toBe(date);
    const answer = updates.find((u) => u.kind === "date-change-decision");
    expect(answer?.answersProposalId).toBe(proposal.id);
    expect(answer?.author?.upn).toBe(SAM.upn);
    expect(answer?.text).toMatch(new RegExp(`^Accepted the proposed delivery date .* \\(asked for by ${ROBIN.name}\\)\\.$`));

    const again = await refused(a.id, "already-decided", () => decideProposal(ctx, SAM, { actionId: a.id, proposalId: proposal.id, accept: false, reason: "Changed my mind." }));
    expect(again.message).toContain("already accepted by Sam Kowalski");
  });

  it("a declined proposal leaves the date and says why; declining needs a reason", async () => {
    const a = await getAction(app, robins()[1].id);
    const p = await proposeDueDate(ctx, ROBIN, { actionId: a.id, date: inDays(200), reason: "More time.", submissionKey: key(), seen: seenOf(a) });
    await refused(a.id, "invalid", () => decideProposal(ctx, SAM, { actionId: a.id, proposalId: p.update!.id, accept: false }));
    const d = await decideProposal(ctx, SAM, { actionId: a.id, proposalId: p.update!.id, accept: false, reason: "The committee meets in March." });
    expect(d.outcome).toBe("declined");
    const { action, updates } = await fresh(a.id);
    expect(action.due.date).toBe(a.due.date);
    expect(updates[0].text).toContain("The committee meets in March.");
    expect(updates[0].requestedDueDate).toBeNull();
  });

  it("a proposal id of another action, or not a proposal, is refused", async () => {
    const a = await getAction(app, robins()[1].id);
    const other = await getAction(app, notRobins()[0].id);
    const p = await proposeDueDate(ctx, ROBIN, { actionId: a.id, date: inDays(120), reason: "Because.", submissionKey: key(), seen: seenOf(a) });
    await refused(other.id, "not-found", () => decideProposal(ctx, SAM, { actionId: other.id, proposalId: p.update!.id, accept: true }));
  });

  it("the lead's new date is written directly, and recorded in the timeline", async () => {
    const a = await getAction(app, notRobins()[1].id);
    const date = inDays(60);
    const r = await proposeDueDate(ctx, SAM, { actionId: a.id, date, reason: "Agreed at the board.", submissionKey: key(), seen: seenOf(a) });
    expect(r.outcome).toBe("date-changed");
    const { action, updates } = await fresh(a.id);
    expect(action.due.date).toBe(date);
    expect(updates[0].kind).toBe("date-change-decision");
  });

  it("a date in the past is refused", async () => {
    const a = await getAction(app, robins()[0].id);
    await refused(a.id, "invalid", () => proposeDueDate(ctx, ROBIN, { actionId: a.id, date: inDays(-1), reason: "Oops.", submissionKey: key(), seen: seenOf(a) }));
  });
});

describe("edit action", () => {
  it("an officer edits their fields; owner, wording and characteristics are refused by name", async () => {
    const a = await getAction(app, robins()[0].id);
    const r = await editAction(ctx, ROBIN, { actionId: a.id, changes: { teams: "Insight team" }, seen: { ...seenOf(a), teams: a.teams } });
    expect(r.outcome).toBe("saved");
    expect((await getAction(app, a.id)).teams).toBe("Insight team");
    const b = await getAction(app, a.id);
    const e1 = await refused(a.id, "field-not-allowed", () => editAction(ctx, ROBIN, { actionId: a.id, changes: { ownerId: 1 }, seen: seenOf(b) }));
    expect(e1.message).toBe("Only the equalities lead can change the accountable officer. Nothing was saved.");
    await refused(a.id, "field-not-allowed", () => editAction(ctx, ROBIN, { actionId: a.id, changes: { text: "Do less." }, seen: seenOf(b) }));
    await refused(a.id, "field-not-allowed", () => editAction(ctx, ROBIN, { actionId: a.id, changes: { characteristics: ["age"] }, seen: seenOf(b) }));
  });

  it("an officer changing the due date gets a proposal (with a reason), not a change", async () => {
    const a = await getAction(app, robins()[1].id);
    const date = inDays(150);
    await refused(a.id, "invalid", () => editAction(ctx, ROBIN, { actionId: a.id, changes: { dueDate: date }, seen: seenOf(a), submissionKey: key() }));
    const r = await editAction(ctx, ROBIN, { actionId: a.id, changes: { dueDate: date, teams: "Insight" }, seen: { ...seenOf(a), teams: a.teams }, reason: "Data late.", submissionKey: key() });
    expect(r.outcome).toBe("proposed");
    const { action, updates } = await fresh(a.id);
    expect(action.due.date).toBe(a.due.date);
    expect(action.teams).toBe("Insight");
    expect(updates[0]).toMatchObject({ kind: "date-change-request", requestedDueDate: date });
  });

  it("the lead edits anything, the due date directly", async () => {
    const a = await getAction(app, robins()[1].id);
    const date = inDays(33);
    await editAction(ctx, SAM, { actionId: a.id, changes: { dueDate: date, text: "Publish the workforce data." }, seen: seenOf(a) });
    const after = await getAction(app, a.id);
    expect(after.due.date).toBe(date);
    expect(after.text).toBe("Publish the workforce data.");
  });
});

describe("review decisions and snooze", () => {
  it("an officer cannot record a review decision; the EDI group can", async () => {
    const a = await getAction(app, robins()[0].id);
    const err = await refused(a.id, "not-edi-group", () => recordReviewDecision(ctx, ROBIN, { actionId: a.id, decision: "closed", text: "", submissionKey: key(), seen: seenOf(a) }));
    expect(err.message).toBe("Only the EDI group and the equalities lead can record review decisions. Nothing was saved.");
    const r = await recordReviewDecision(ctx, GRACE, { actionId: a.id, decision: "at-risk", text: "", meetingDate: inDays(0), submissionKey: key(), seen: seenOf(a) });
    expect(r.action.status).toBe("at-risk");
    const { updates } = await fresh(a.id);
    expect(updates[0]).toMatchObject({ kind: "review-decision", decision: "at-risk" });
    expect(updates[0].author?.upn).toBe(GRACE.upn);
  });

  it("snooze: the responsible officer may, anyone else may not", async () => {
    const mine = await getAction(app, robins()[0].id);
    const r = await snooze(ctx, ROBIN, { actionId: mine.id });
    expect(r.outcome).toBe("snoozed");
    expect((await getAction(app, mine.id)).snoozedUntil).not.toBeNull();
    const other = notRobins()[2];
    await refused(other.id, "not-responsible", () => snooze(ctx, ROBIN, { actionId: other.id }));
  });

  it("an action that does not exist is not found", async () => {
    await expect(addUpdate(ctx, ROBIN, { actionId: 999_999, text: "x", status: "on-track", submissionKey: key(), seen: {} })).rejects.toMatchObject({ reason: "not-found", status: 404 });
  });
});
