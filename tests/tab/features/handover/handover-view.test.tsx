// @vitest-environment jsdom
/**
 * The lead's handover view against the real local SharePoint: an officer the bot recorded as gone from the
 * directory is listed with their open actions; the lead ticks them, chooses someone, and hands them over; each
 * action then has the new owner and a "handover" entry in its timeline. Anyone but the lead is told the view is not
 * theirs, and nothing is read.
 */
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../../src/config/local-identities.ts";
import { DevAppAuth } from "../../../../src/data/auth/dev-token.ts";
import { recordReachProblem } from "../../../../src/data/conversations/index.ts";
import { createSp, getAction, getMyActions, getSiteUsers, getUpdatesForAction } from "../../../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS, seedPerson } from "../../../../src/seed/people.ts";
import HandoverView from "../../../../src/tab/features/handover/handover-view.tsx";
import { startSeededSite, type SeededSite } from "../../../helpers/seeded-site.ts";
import { renderInApp, signedIn } from "../../support.tsx";

const LEAVER = SEED_UPNS.communications;
let site: SeededSite;
let openIds: number[];

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
  const app = createSp(site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  const p = seedPerson(LEAVER);
  await recordReachProblem(app, undefined, { userId: p?.oid as string, upn: LEAVER, name: p?.name as string, problem: "deleted", reason: "they are no longer in the directory (left the council): reassign their actions", mail: null, checkedAt: new Date() });
  const leaver = (await getSiteUsers(app)).find((u) => u.upn === LEAVER);
  openIds = (await getMyActions(app, leaver?.id as number)).filter((a) => a.planId === site.currentPlanId && a.disposition === "open" && a.status !== "complete").map((a) => a.id);
  expect(openIds.length).toBeGreaterThan(0);
}, 90_000);
afterEach(() => cleanup());
afterAll(async () => {
  await site?.close();
});

describe("handover", () => {
  it("is for the equalities lead only", async () => {
    renderInApp(<HandoverView />, await signedIn(site.siteUrl, SEED_UPNS.dataIntelligence));
    expect(await screen.findByText(/Handing actions over is for the equalities lead/)).toBeTruthy();
  });

  it("lists the actions of someone who left and hands the ticked ones to the person chosen", async () => {
    const lead = await signedIn(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);
    renderInApp(<HandoverView />, lead);
    const section = await screen.findByRole("region", { name: "Hannah Quill" });
    expect(within(section).getByText(/no longer in the directory/)).toBeTruthy();
    expect(within(section).getAllByRole("checkbox")).toHaveLength(openIds.length);
    await userEvent.selectOptions(within(section).getByRole("combobox"), within(section).getByRole("option", { name: /Robin Ashdown/ }));
    await userEvent.click(within(section).getByRole("button", { name: `Hand over ${openIds.length} action(s)` }));
    await waitFor(() => expect(lead.announced.join(" ")).toContain(`Handed ${openIds.length} action(s) to Robin Ashdown.`));
    for (const id of openIds) {
      const a = await getAction(lead.value.sp, id);
      expect(a.owner?.upn).toBe(SEED_UPNS.dataIntelligence);
      expect((await getUpdatesForAction(lead.value.sp, id)).filter((u) => u.kind === "handover")).toHaveLength(1);
    }
  });
});
