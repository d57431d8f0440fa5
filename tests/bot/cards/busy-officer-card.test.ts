/**
 * An officer with 20 actions due gets a card that stays short and well under Teams' message size (measured as
 * Teams does, in UTF-16), and every input and button on it works, pressed through the real /api/messages endpoint.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CARD_UTF16_BUDGET_BYTES, utf16Bytes } from "../../../src/bot/cards/common.ts";
import { MAX_ACTIONS } from "../../../src/bot/cards/digest-card.ts";
import { addDays } from "../../../src/domain/dates.ts";
import { ensurePerson, getAction, getPlanActions, getUpdatesForAction, list, siteDates } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  cardOf,
  conversationOf,
  digestsTo,
  executeActions,
  invokeActivity,
  NOW,
  type Site,
  stackPerFile, appSpOf,
} from "../../helpers/bot-harness.ts";

const TOM = SEED_UPNS.procurement;
/** Twenty actions for Tom, long texts, due from three weeks ago to three weeks ahead. */
async function twentyActions(site: Site): Promise<void> {
  const lead = appSpOf(site);
  const tom = await ensurePerson(lead, TOM);
  const [any] = await getPlanActions(lead, site.planId);
  const dates = await siteDates(lead);
  for (let i = 0; i < 20; i++) {
    await list(lead, "actions").items.add({
      Title: `Procurement action ${i + 1}`,
      PlanId: site.planId,
      ObjectiveId: any.objectiveId,
      Reference: `PR-${i + 1}`,
      ActionText: `Embed equality requirements in procurement ${i + 1}: ${"specifications, tender evaluation and contract monitoring ".repeat(5)}`,
      OwnerId: tom.id,
      OfficersId: [tom.id],
      DueDate: dates.toSpDate(addDays("2026-11-24", -21 + i * 2)),
      DuePrecision: "day",
      DueKind: "deliver-by",
      ActionStatus: "on-track",
      Disposition: "open",
      LastUpdateAt: "2026-11-02T10:00:00Z",
      LastUpdateSummary: "Supplier briefing held; the evaluation criteria are being drafted with legal services and finance.",
      SortOrder: 100 + i,
    });
  }
}

const stack = stackPerFile({ prepare: twentyActions });
let card: Record<string, unknown>;
let activityBytes = 0;

beforeAll(async () => {
  await stack.bot.runtime.runReminders({ now: NOW });
  const [sent] = digestsTo(stack.capture, conversationOf(TOM));
  activityBytes = utf16Bytes(sent.activity);
  card = cardOf(sent.activity);
}, 90_000);

const press = async (verb: string, data: Record<string, unknown>) => {
  const r = await stack.bot.post(invokeActivity(TOM, stack.capture, verb, data));
  expect(r.status).toBe(200);
  return (r.body as { value: Record<string, unknown> }).value;
};
const on = (c: Record<string, unknown>, verb: string, id: number) => {
  const b = executeActions(c).find((x) => x.verb === verb && Number(x.data.actionId) === id);
  if (!b) throw new Error(`no ${verb} for action ${id}`);
  return b.data;
};

describe("the digest of an officer with 20 actions due", () => {
  it("shows the most urgent few, says how many more are in the tab, and stays under 40 KB in UTF-16", () => {
    expect(activityBytes).toBeLessThanOrEqual(CARD_UTF16_BUDGET_BYTES);
    const shown = [...new Set(executeActions(card).map((a) => Number(a.data.actionId)))];
    expect(shown).toHaveLength(MAX_ACTIONS);
    expect(allText(card)).toContain(`…and ${20 - MAX_ACTIONS} more in the tab: Open my actions.`);
    expect(allText(card)).toMatch(/Status: On track · Due: \d+ \w+ 2026, 21 days overdue/);
  });

  it("every input and button works: Save update, Propose the new date, Snooze, and the refresh", async () => {
    const shown = [...new Set(executeActions(card).map((a) => Number(a.data.actionId)))];
    let current = card;
    for (const id of shown) {
      current = await press("eap.addUpdate", { ...on(current, "eap.addUpdate", id), [`text-${id}`]: `Progress on ${id}`, [`status-${id}`]: "at-risk" });
      expect(allText(current)).toContain("Update saved.");
      current = await press("eap.proposeDate", { ...on(current, "eap.proposeDate", id), [`date-${id}`]: "2027-06-30", [`reason-${id}`]: `Supplier delay on ${id}` });
      expect(allText(current)).toContain("Your proposed date was sent to the equalities lead.");
      current = await press("eap.snooze", on(current, "eap.snooze", id));
      expect(allText(current)).toMatch(/are snoozed until 2026-12-01/);
      const updates = await getUpdatesForAction(stack.site.spAs(SEED_UPNS.equalitiesLead), id);
      expect(updates.map((u) => [u.kind, u.text])).toEqual([
        ["date-change-request", `Proposed new date 2027-06-30: Supplier delay on ${id}`],
        ["progress", `Progress on ${id}`],
      ]);
      const a = await getAction(stack.site.spAs(SEED_UPNS.equalitiesLead), id);
      expect([a.status, a.snoozedUntil]).toEqual(["at-risk", "2026-12-01T00:00:00.000Z"]);
    }
    // Snoozed actions leave the card; the refresh brings up the next most urgent ones.
    const refresh = (card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const refreshed = await press(refresh.verb, refresh.data);
    const next = [...new Set(executeActions(refreshed).map((a) => Number(a.data.actionId)))];
    expect(next).toHaveLength(MAX_ACTIONS);
    for (const id of next) expect(shown).not.toContain(id);
    // "Open in the tab" opens the action's page.
    expect(JSON.stringify(refreshed)).toMatch(/"type":"Action.OpenUrl","title":"Open in the tab","url":"http:\/\/127\.0\.0\.1:5173\/#\/actions\/\d+"/);
  }, 60_000);
});
