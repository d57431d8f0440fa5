/**
 * Handing actions over in headless Chromium against the real local SharePoint, by keyboard: the lead ticks an
 * action of someone who has left, chooses who takes it and hands it over. The tab sends it to the server, which
 * writes with the app's identity: the action has its new owner, and its timeline a handover entry naming the lead.
 */
import { describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { DevAppAuth } from "../../src/data/auth/dev-token.ts";
import { recordReachProblem } from "../../src/data/conversations/index.ts";
import { type ActionRecord, createSp, getAction, getMyActions, getSiteUsers, getUpdatesForAction, type SPFI } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS, seedPerson } from "../../src/seed/people.ts";
import { signedInTab } from "../helpers/signed-in-tab.ts";

const LEAVER = SEED_UPNS.communications;
let app: SPFI;
let open: ActionRecord[];

const tab = signedInTab(SEED_EQUALITIES_LEAD_UPN, {
  before: async (stack) => {
    app = createSp(stack.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
    const p = seedPerson(LEAVER);
    await recordReachProblem(app, undefined, { userId: p?.oid as string, upn: LEAVER, name: p?.name as string, problem: "deleted", reason: "they are no longer in the directory (left the council): reassign their actions", mail: null, checkedAt: new Date() });
    const leaver = (await getSiteUsers(app)).find((u) => u.upn === LEAVER);
    open = (await getMyActions(app, leaver?.id as number)).filter((a) => a.planId === stack.currentPlanId && a.disposition === "open" && a.status !== "complete");
  },
});

describe("handover in the tab", () => {
  it("hands the one action left ticked to the person chosen, by keyboard, through the server", async () => {
    expect(open.length).toBeGreaterThan(1);
    const page = tab.page();
    await page.goto(`${tab.stack().url}#/handover`);
    const section = page.getByRole("region", { name: "Hannah Quill" });
    await section.waitFor();
    // Untick every action but the first: Space on each checkbox.
    const boxes = section.getByRole("checkbox");
    for (let i = 1; i < open.length; i++) {
      await boxes.nth(i).focus();
      await page.keyboard.press("Space");
    }
    await section.getByRole("combobox").selectOption({ label: `Robin Ashdown (${SEED_UPNS.dataIntelligence})` });
    const button = section.getByRole("button", { name: "Hand over 1 action(s)" });
    await button.focus();
    await page.keyboard.press("Enter");
    // Said in the live region (the list then reads again without the handed-over action).
    await page.getByTestId("live-region").getByText("Handed 1 action(s) to Robin Ashdown.").waitFor();

    const ticked = open[0];
    const now = await getAction(app, ticked.id);
    expect(now.owner?.upn).toBe(SEED_UPNS.dataIntelligence);
    const [entry] = (await getUpdatesForAction(app, ticked.id)).filter((u) => u.kind === "handover");
    expect(entry.author?.upn).toBe(SEED_EQUALITIES_LEAD_UPN);
    for (const a of open.slice(1)) expect((await getAction(app, a.id)).owner?.upn).toBe(LEAVER);
  });
});
