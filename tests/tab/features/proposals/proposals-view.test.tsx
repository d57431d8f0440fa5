// @vitest-environment jsdom
/**
 * The lead's proposed dates against the real local SharePoint and the server's API: an officer's request is listed;
 * declining needs a reason; the answer leaves the list and lands in the action's timeline. An officer cannot open it.
 */
import { randomUUID } from "node:crypto";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { seenOf } from "../../../../src/commands/index.ts";
import { getAction, getPlanActions, getUpdatesForAction } from "../../../../src/data/index.ts";
import { addDays } from "../../../../src/domain/dates.ts";
import { londonDate } from "../../../../src/domain/london-time.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../../../src/seed/people.ts";
import ProposalsView from "../../../../src/tab/features/proposals/proposals-view.tsx";
import { renderInApp, seededSiteSignedInAs, signedIn } from "../../support.tsx";

const seeded = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);

describe("Proposed dates", () => {
  it("lists an officer's request; declining needs a reason; the answer is in the timeline", async () => {
    const lead = seeded.app();
    const officers = SEED_PEOPLE.filter((p) => !p.ediGroup);
    const action = (await getPlanActions(lead.value.sp, seeded.site().currentPlanId)).find((a) => a.disposition === "open" && officers.some((p) => p.upn === a.owner?.upn))!;
    const officer = officers.find((p) => p.upn === action.owner?.upn)!;
    const date = addDays(londonDate(new Date()), 120);
    // The officer asks through their own tab's client (the same API).
    const asOfficer = await signedIn(seeded.site().siteUrl, officer.upn);
    await asOfficer.value.api.proposeDueDate(action.id, { date, reason: "The consultation was extended.", submissionKey: `t-${randomUUID()}`, seen: seenOf(await getAction(lead.value.sp, action.id)) });

    renderInApp(<ProposalsView />, lead);
    const card = await screen.findByText(/The consultation was extended\./);
    expect(card).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Decline" }));
    expect(await screen.findByText("Say why the date is declined.")).toBeTruthy();
    await userEvent.type(screen.getByRole("textbox", { name: /Your answer to the officer/ }), "The committee date is fixed.");
    await userEvent.click(screen.getByRole("button", { name: "Decline" }));
    await waitFor(() => expect(lead.announced).toContain("Declined: the delivery date is unchanged, and the officer can see why."));
    await waitFor(() => expect(screen.queryByText(/The consultation was extended\./)).toBeNull());
    const [answer] = await getUpdatesForAction(lead.value.sp, action.id);
    expect(answer).toMatchObject({ kind: "date-change-decision", requestedDueDate: null });
    expect(answer.text).toContain("The committee date is fixed.");
    expect((await getAction(lead.value.sp, action.id)).due.date).toBe(action.due.date);
  });

  it("is the lead's: an officer sees why not, and nothing is read", async () => {
    const officer = SEED_PEOPLE.find((p) => !p.ediGroup)!;
    renderInApp(<ProposalsView />, await signedIn(seeded.site().siteUrl, officer.upn));
    expect(await screen.findByText(/Proposed delivery dates are decided by the equalities lead\./)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Accept the new date" })).toBeNull();
  });
});
