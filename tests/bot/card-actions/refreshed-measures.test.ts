/**
 * A pressed or refreshed digest card keeps its "Figures due" and "Impact assessments to review": the answer lists
 * the figures and EqIAs the card showed that are still due to the presser, read in the press's one $batch (a press
 * stays within three SharePoint requests). A figure just recorded drops off; an EqIA whose review moved on drops
 * off; ids the card never showed to this person (a forged list) show nothing. Over the real bot endpoint, against
 * the local SharePoint with the seeded plan; fixtures written with the app's identity.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { list, siteDates } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  appSpOf,
  cardOf,
  conversationOf,
  digestsTo,
  executeActions,
  invokeActivity,
  NOW,
  resetSharePointStats,
  type Site,
  sharePointRequests,
  stackPerFile,
} from "../../helpers/bot-harness.ts";
import { addActionWithFigure, addEqiaToReview } from "../../helpers/measure-fixtures.ts";

const LEAH = SEED_UPNS.workforce;
const CARYS = SEED_UPNS.democraticServices;
const SAM = SEED_UPNS.equalitiesLead;
const FIGURE = "Response rate, 18–24 (QA3) for Q2 2026-27";
const REVIEW = "Flexible working policy";
const made = { leahAction: 0, leahIndicator: 0, leahEqia: 0, carysAction: 0, carysIndicator: 0, carysEqia: 0 };

async function prepare(site: Site): Promise<void> {
  const figure = (ownerUpn: string, reference: string, name: string) =>
    addActionWithFigure(site, { ownerUpn, reference, title: name, text: `Measure ${name}`, indicatorName: name, submissionKey: `refreshed-measures-${reference}` });
  ({ actionId: made.leahAction, indicatorId: made.leahIndicator } = await figure(LEAH, "QA3", "Response rate, 18–24"));
  ({ actionId: made.carysAction, indicatorId: made.carysIndicator } = await figure(CARYS, "QD9", "Webcast viewers with captions"));
  made.leahEqia = (await addEqiaToReview(site, LEAH, REVIEW, "refreshed-measures-leah")).eqiaId;
  made.carysEqia = (await addEqiaToReview(site, CARYS, "Library opening hours", "refreshed-measures-carys")).eqiaId;
}

const stack = stackPerFile({ prepare });
let leahCard: Record<string, unknown>;
let carysCard: Record<string, unknown>;
/** Leah's card as the last answer left it: the next press uses its buttons. */
let latest: Record<string, unknown>;

beforeAll(async () => {
  const report = await stack.bot.runtime.runReminders({ now: NOW });
  expect(report.failed).toBe(0);
  [leahCard] = digestsTo(stack.capture, conversationOf(LEAH)).map((d) => cardOf(d.activity));
  [carysCard] = digestsTo(stack.capture, conversationOf(CARYS)).map((d) => cardOf(d.activity));
}, 90_000);

type Press = { verb: string; data: Record<string, unknown> };
const refreshOf = (card: Record<string, unknown>) => (card.refresh as { action: Press }).action;
async function invoke(upn: string, verb: string, data: Record<string, unknown>) {
  const r = await stack.bot.post(invokeActivity(upn, stack.capture, verb, data));
  expect(r.status).toBe(200);
  return (r.body as { value: Record<string, unknown> }).value;
}

describe("a refreshed digest card keeps its figures and reviews", () => {
  it("the digest lists actions, a figure and a review, and its buttons name the figure and the review", () => {
    const text = allText(leahCard);
    expect(text).toContain("Figures due");
    expect(text).toContain(FIGURE);
    expect(text).toContain("Impact assessments to review");
    expect(text).toContain(REVIEW);
    const updates = executeActions(leahCard).filter((a) => a.verb === "eap.addUpdate");
    expect(updates.length).toBeGreaterThan(0);
    for (const b of [...updates, refreshOf(leahCard)]) expect(b.data).toMatchObject({ figures: [[made.leahIndicator, made.leahAction]], reviews: [made.leahEqia] });
  });

  it("Save update on one of the card's actions: the answer still has both sections, in three requests at most", async () => {
    const b = executeActions(leahCard).find((a) => a.verb === "eap.addUpdate" && a.data.actionId !== made.leahAction) as Press;
    const id = Number(b.data.actionId);
    await resetSharePointStats(stack.site);
    latest = await invoke(LEAH, b.verb, { ...b.data, [`text-${id}`]: "Pay gap figures drafted", [`status-${id}`]: "on-track" });
    expect(await sharePointRequests(stack.site)).toBeLessThanOrEqual(3);
    const text = allText(latest);
    expect(text).toContain("Update saved.");
    expect(text).toContain("You have 1 figure to give and 1 impact assessment to review.");
    expect(text).toContain("Figures due");
    expect(text).toContain(FIGURE);
    expect(text).toContain("Impact assessments to review");
    expect(text).toContain("Review by 1 December 2026 (due in 7 days)");
    // The answer's own buttons name them again, so the next press keeps them too.
    expect(refreshOf(latest).data).toMatchObject({ figures: [[made.leahIndicator, made.leahAction]], reviews: [made.leahEqia] });
  });

  it("recording the figure from the card: the answer no longer asks for it and keeps the review, in three requests at most", async () => {
    const save = executeActions(latest).find((a) => a.verb === "eap.recordValue") as Press;
    expect(save.data).toMatchObject({ indicatorId: made.leahIndicator, period: "2026-27-Q2" });
    await resetSharePointStats(stack.site);
    latest = await invoke(LEAH, save.verb, { ...save.data, [`value-${made.leahIndicator}`]: 38 });
    expect(await sharePointRequests(stack.site)).toBeLessThanOrEqual(3);
    const text = allText(latest);
    expect(text).toContain("Value saved: Response rate, 18–24 for Q2 2026-27.");
    expect(text).not.toContain("Figures due");
    expect(text).not.toContain(FIGURE);
    expect(text).toContain("Impact assessments to review");
    expect(text).toContain(REVIEW);
    expect(refreshOf(latest).data.figures).toBeUndefined();

    // A refresh of the card as first sent (still naming the figure) reads it again: its period has a value now.
    await resetSharePointStats(stack.site);
    const again = allText(await invoke(LEAH, refreshOf(leahCard).verb, refreshOf(leahCard).data));
    expect(await sharePointRequests(stack.site)).toBe(1);
    expect(again).not.toContain(FIGURE);
    expect(again).toContain(REVIEW);
  });

  it("the ids are real: Carys's own card keeps her figure and review on a refresh (the ground of the attack below)", async () => {
    expect(refreshOf(carysCard).data).toMatchObject({ figures: [[made.carysIndicator, made.carysAction]], reviews: [made.carysEqia] });
    const text = allText(await invoke(CARYS, refreshOf(carysCard).verb, refreshOf(carysCard).data));
    expect(text).toContain("Webcast viewers with captions (QD9)");
    expect(text).toContain("Library opening hours");
  });

  it("attack: a card naming someone else's figure and EqIA shows neither, whoever presses", async () => {
    // Beside the person's own EqIA, which still shows: the forged ids are left out, not the whole card.
    const forged = { figures: [[made.carysIndicator, made.carysAction], [made.carysIndicator, made.leahAction]], reviews: [made.carysEqia, made.leahEqia] };
    const leah = allText(await invoke(LEAH, refreshOf(leahCard).verb, { ...refreshOf(leahCard).data, ...forged }));
    // Sam leads the EDI group: he may act on Carys's action, but the figure is hers to give and the EqIA hers.
    const samCard = cardOf(stack.capture.sentTo(conversationOf(SAM))[0].activity);
    const sam = allText(await invoke(SAM, refreshOf(samCard).verb, { ...refreshOf(samCard).data, ...forged }));
    for (const text of [leah, sam]) {
      expect(text).not.toContain("Webcast viewers");
      expect(text).not.toContain("QD9");
      expect(text).not.toContain("Library opening hours");
    }
    expect(leah).toContain(REVIEW);
  });

  it("an EqIA whose review moved to next year drops off the refreshed card", async () => {
    const sp = appSpOf(stack.site);
    const dates = await siteDates(sp);
    await list(sp, "eqias").items.getById(made.leahEqia).update({ ReviewDate: dates.toSpDate("2027-11-30") });
    const text = allText(await invoke(LEAH, refreshOf(latest).verb, refreshOf(latest).data));
    expect(text).not.toContain(REVIEW);
    expect(text).not.toContain("Impact assessments to review");
  });

  it("a card naming more figures or EqIAs than a card can show is refused, nothing read", async () => {
    const data = refreshOf(leahCard).data;
    const many = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(allText(await invoke(LEAH, "eap.refresh", { ...data, reviews: many }))).toMatch(/This card could not be read/);
    expect(allText(await invoke(LEAH, "eap.refresh", { ...data, figures: many.map((i) => [i, i]) }))).toMatch(/This card could not be read/);
  });
});
