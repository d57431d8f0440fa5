/**
 * Values due by an indicator's frequency and EqIA reviews, on the officers' digests: real HTTP to the local
 * SharePoint, the bot's /api/messages and a capture server. Each nudge is recorded once in the ledger under the key
 * the domain's rules define, asked again by no later run (however far past the ledger's look-back), and the value
 * is recorded from the card through the checked command, refused to anyone not responsible.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getIndicator, getIndicatorValues, getLedgerByKeys } from "../../../src/data/index.ts";
import { eqiaReviewKey, valueNudgeKey } from "../../../src/domain/measure-reminders.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  cardOf,
  conversationOf,
  digestsTo,
  executeActions,
  invokeActivity,
  NOW,
  resetSharePointStats,
  type Site,
  sharePointRequests,
  stackPerFile, appSpOf,
} from "../../helpers/bot-harness.ts";
import { addActionWithFigure, addEqiaToReview } from "../../helpers/measure-fixtures.ts";

const LEAH = SEED_UPNS.workforce;
const CARYS = SEED_UPNS.democraticServices;
const TOM = SEED_UPNS.procurement;
const made = { actionId: 0, indicatorId: 0, eqiaId: 0, leahId: 0, carysId: 0 };

/** Leah's action (due next year: no reminder of its own) with a quarterly indicator; an EqIA of Carys's to review. */
async function prepare(site: Site): Promise<void> {
  const figure = await addActionWithFigure(site, {
    ownerUpn: LEAH,
    reference: "QA3",
    title: "Survey young residents",
    text: "Raise the response rate of residents aged 18 to 24 in the residents' survey",
    indicatorName: "Response rate, 18–24 <b>",
    submissionKey: "measure-nudges-indicator",
  });
  const eqia = await addEqiaToReview(site, CARYS, "Library opening hours [review](https://evil.example)", "measure-nudges-eqia");
  Object.assign(made, { actionId: figure.actionId, indicatorId: figure.indicatorId, leahId: figure.ownerId, eqiaId: eqia.eqiaId, carysId: eqia.ownerId });
}

const stack = stackPerFile({ prepare });
const lead = () => appSpOf(stack.site);
let leahCard: Record<string, unknown>;
let carysCard: Record<string, unknown>;

beforeAll(async () => {
  const report = await stack.bot.runtime.runReminders({ now: NOW });
  expect(report.failed).toBe(0);
  [leahCard] = digestsTo(stack.capture, conversationOf(LEAH)).map((d) => cardOf(d.activity));
  [carysCard] = digestsTo(stack.capture, conversationOf(CARYS)).map((d) => cardOf(d.activity));
}, 90_000);

const figureKey = () => valueNudgeKey(made.actionId, made.indicatorId, "2026-27-Q2", made.leahId);
const reviewKey = () => eqiaReviewKey(made.eqiaId, "2026-12-01", "7d", made.carysId);

describe("values due and EqIA reviews on the digest", () => {
  it("asks the indicator's owner for the last complete quarter's value, with a form labelled with unit and period", () => {
    expect(leahCard).toBeDefined();
    const text = allText(leahCard);
    expect(text).toContain("Figures due");
    expect(text).toContain("Response rate, 18–24 <b> (QA3) for Q2 2026-27");
    expect(text).toContain("1 earlier period has no value either: record it in the tab.");
    const json = JSON.stringify(leahCard);
    expect(json).toContain(`"type":"Input.Number","id":"value-${made.indicatorId}","label":"Value for Q2 2026-27 (in per cent)"`);
    // People's text is a TextRun (never markdown), and nothing of theirs lands in a TextBlock.
    expect(json).not.toMatch(/"type":"TextBlock","text":"[^"]*Response rate/);
    const save = executeActions(leahCard).find((a) => a.verb === "eap.recordValue");
    expect(save?.data).toMatchObject({ actionId: made.actionId, indicatorId: made.indicatorId, period: "2026-27-Q2" });
  });

  it("tells the EqIA's owner it is to be reviewed, with a link to it in the tab; its title stays text", () => {
    expect(carysCard).toBeDefined();
    const text = allText(carysCard);
    expect(text).toContain("Impact assessments to review");
    expect(text).toContain("Library opening hours [review](https://evil.example)");
    expect(text).toContain("Review by 1 December 2026 (due in 7 days)");
    expect(JSON.stringify(carysCard)).toContain(`"url":"http://127.0.0.1:5173/#/eqias/${made.eqiaId}"`);
    expect(JSON.stringify(carysCard)).not.toMatch(/"type":"TextBlock","text":"[^"]*Library/);
  });

  it("records each nudge once in the ledger under the rules' keys; an EqIA's row carries its negative id", async () => {
    const rows = await getLedgerByKeys(lead(), [figureKey(), reviewKey()]);
    expect(rows.map((r) => [r.key, r.state, r.actionId]).sort()).toEqual(
      [
        [figureKey(), "sent", made.actionId],
        [reviewKey(), "sent", -made.eqiaId],
      ].sort(),
    );
  });

  it("a run weeks later (past the ledger's look-back) asks for the same value again never", async () => {
    const before = digestsTo(stack.capture, conversationOf(LEAH)).length;
    const later = new Date("2027-01-05T10:00:00Z"); // Q3 (Oct–Dec) is not due until 14 January
    const report = await stack.bot.runtime.runReminders({ now: later });
    expect(report.digests.flatMap((d) => d.nudgeKeys)).not.toContain(figureKey());
    // Her overdue action still brings her a digest: without the figure already asked for.
    for (const d of digestsTo(stack.capture, conversationOf(LEAH)).slice(before)) expect(allText(cardOf(d.activity))).not.toContain("Response rate");
  });

  it("the card's form records the value through the checked command; a typo and another officer are refused, writing nothing", async () => {
    const save = executeActions(leahCard).find((a) => a.verb === "eap.recordValue");
    if (!save) throw new Error("no value form");
    const press = async (who: string, value: string, invokeId: string) => {
      const r = await stack.bot.post({ ...invokeActivity(who, stack.capture, "eap.recordValue", { ...save.data, [`value-${made.indicatorId}`]: value }), id: invokeId });
      expect(r.status).toBe(200);
      return allText((r.body as { value: Record<string, unknown> }).value);
    };
    // Tom is not named on the action and not in the EDI group.
    expect(await press(TOM, "99", "attack-1")).toMatch(/Only the action's responsible officers/);
    expect(await press(LEAH, "lots", "typo-1")).toMatch(/is not a number.*Nothing was written/);
    expect(await getIndicatorValues(lead(), made.indicatorId)).toEqual([]);

    await resetSharePointStats(stack.site);
    expect(await press(LEAH, "41.5", "save-1")).toContain("Value saved: Response rate, 18–24 <b> for Q2 2026-27.");
    const requests = await sharePointRequests(stack.site);
    // As every press: one $batch read (the indicator and its values with it), the value added, the summary written.
    expect(requests).toBeLessThanOrEqual(3);
    const values = await getIndicatorValues(lead(), made.indicatorId);
    expect(values.map((v) => [v.period, v.value, v.recordedBy?.upn])).toEqual([["2026-27-Q2", 41.5, LEAH]]);
    // The summary (what the tab, the dashboard and the next run read) moved on with it.
    expect((await getIndicator(lead(), made.indicatorId)).summary).toMatchObject({ latestPeriod: "2026-27-Q2", latestValue: 41.5 });
    // Someone else's value for the period since the card was sent: refused, the first one kept.
    expect(await press(LEAH, "50", "save-2")).toMatch(/since you read it: it is now 41.5. Nothing was written/);
    expect((await getIndicatorValues(lead(), made.indicatorId)).map((v) => v.value)).toEqual([41.5]);
  }, 60_000);
});
