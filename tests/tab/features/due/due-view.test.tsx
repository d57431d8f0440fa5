// @vitest-environment jsdom
/** Due and overdue against the real local SharePoint: for the EDI group only. */
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { getPlanActions } from "../../../../src/data/index.ts";
import { isOverdue } from "../../../../src/domain/status.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../../src/seed/people.ts";
import DueView from "../../../../src/tab/features/due/due-view.tsx";
import { renderInApp, seededSiteSignedInAs, signedIn } from "../../support.tsx";

const seeded = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);

describe("Due and overdue", () => {
  it("lists every overdue and soon-due open action of the plan for the EDI group", async () => {
    renderInApp(<DueView />, seeded.app());
    await screen.findByRole("heading", { name: "Due and overdue", level: 1 });
    const all = await getPlanActions(seeded.app().value.sp, seeded.site().currentPlanId);
    const overdue = all.filter((a) => isOverdue(a, new Date()));
    const section = await screen.findByRole("region", { name: `Overdue (${overdue.length})` });
    expect(within(section).getAllByRole("article")).toHaveLength(overdue.length);
  });

  it("tells someone outside the EDI group that it is not for them", async () => {
    const officer = await signedIn(seeded.site().siteUrl, SEED_UPNS.procurement);
    renderInApp(<DueView />, officer);
    expect((await screen.findByRole("alert")).textContent).toMatch(/for the equalities lead and the EDI group/);
  });
});
