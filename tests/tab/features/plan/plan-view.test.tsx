// @vitest-environment jsdom
/**
 * The plan view against the real local SharePoint: role → objective → commitment → action, counts at each level,
 * and the filters.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { getPlanActions } from "../../../../src/data/index.ts";
import { isOverdue } from "../../../../src/domain/status.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../../../src/seed/people.ts";
import PlanView from "../../../../src/tab/features/plan/plan-view.tsx";
import { renderInApp, seededSiteSignedInAs, } from "../../support.tsx";

const seeded = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);

describe("Plan view", () => {
  it("shows role → objective → commitment → action with counts, and filters them", async () => {
    renderInApp(<PlanView />, seeded.app());
    const all = await getPlanActions(seeded.app().value.sp, seeded.site().currentPlanId);
    await screen.findByText(`Showing ${all.length} actions of ${all.length}.`);
    expect(screen.getAllByRole("article")).toHaveLength(all.length);
    // Each role heading counts its actions; together they count every action.
    const roleCounts = screen.getAllByRole("heading", { level: 2 }).map((h) => Number(/\((\d+) actions?\)$/.exec(h.textContent ?? "")?.[1]));
    expect(roleCounts.reduce((a, b) => a + b, 0)).toBe(all.length);

    const overdue = all.filter((a) => isOverdue(a, new Date()));
    expect(overdue.length).toBeGreaterThan(0);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "overdue");
    await screen.findByText(`Showing ${overdue.length} action${overdue.length === 1 ? "" : "s"} of ${all.length}.`);
    expect(screen.getAllByRole("article").map((a) => Number(a.getAttribute("data-action-id"))).sort()).toEqual(overdue.map((a) => a.id).sort());

    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    const target = all[0];
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: target.reference } });
    await waitFor(() => expect(screen.getAllByRole("article").map((a) => a.getAttribute("data-action-id"))).toContain(String(target.id)));
    for (const article of screen.getAllByRole("article")) expect(article.textContent).toContain(target.reference);
  });
});
