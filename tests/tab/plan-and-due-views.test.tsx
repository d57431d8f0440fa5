// @vitest-environment jsdom
/**
 * The plan view (filters and counts at each level), the due view (EDI group only) and editing an action's details,
 * against the real local SharePoint.
 */
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAction, getMyActions, getPlanActions, updateAction } from "../../src/data/index.ts";
import { addDays } from "../../src/domain/dates.ts";
import { londonDate } from "../../src/domain/london-time.ts";
import { isOverdue } from "../../src/domain/status.ts";
import { SEED_UPNS, SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import ActionView from "../../src/tab/features/action/action-view.tsx";
import DueView from "../../src/tab/features/due/due-view.tsx";
import PlanView from "../../src/tab/features/plan/plan-view.tsx";
import { startSeededSite, type SeededSite } from "../helpers/seeded-site.ts";
import { renderInApp, signedIn, type TestApp } from "./support.tsx";

let site: SeededSite;
let lead: TestApp;

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
  lead = await signedIn(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);
});
afterEach(() => cleanup());
afterAll(async () => {
  await site?.close();
});

describe("Plan view", () => {
  it("shows role → objective → commitment → action with counts, and filters them", async () => {
    renderInApp(<PlanView />, lead);
    const all = await getPlanActions(lead.value.sp, site.currentPlanId);
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

describe("Due and overdue", () => {
  it("lists every overdue and soon-due open action of the plan for the EDI group", async () => {
    renderInApp(<DueView />, lead);
    await screen.findByRole("heading", { name: "Due and overdue", level: 1 });
    const all = await getPlanActions(lead.value.sp, site.currentPlanId);
    const overdue = all.filter((a) => isOverdue(a, new Date()));
    const section = await screen.findByRole("region", { name: `Overdue (${overdue.length})` });
    expect(within(section).getAllByRole("article")).toHaveLength(overdue.length);
  });

  it("tells someone outside the EDI group that it is not for them", async () => {
    const officer = await signedIn(site.siteUrl, SEED_UPNS.procurement);
    renderInApp(<DueView />, officer);
    expect((await screen.findByRole("alert")).textContent).toMatch(/for the equalities lead and the EDI group/);
  });
});

describe("Editing an action", () => {
  it("saves a new delivery date and status with the action's ETag", async () => {
    const [action] = (await getMyActions(lead.value.sp, lead.value.me.id)).filter((a) => a.planId === site.currentPlanId);
    renderInApp(<ActionView id={action.id} />, lead);
    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    const newDate = addDays(londonDate(new Date()), 90);
    fireEvent.change(screen.getByLabelText("To be delivered by"), { target: { value: newDate } });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "at-risk");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(lead.announced).toContain("Changes saved."));
    const saved = await getAction(lead.value.sp, action.id);
    expect(saved.due.date).toBe(newDate);
    expect(saved.status).toBe("at-risk");
  });

  it("on a conflict keeps the edits, shows what changed and re-applies them", async () => {
    const [, action] = (await getMyActions(lead.value.sp, lead.value.me.id)).filter((a) => a.planId === site.currentPlanId);
    renderInApp(<ActionView id={action.id} />, lead);
    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    const teams = screen.getByRole("textbox", { name: "Responsible teams" });
    fireEvent.change(teams, { target: { value: "Housing team and Communications" } });
    const other = site.spAs(SEED_UPNS.headOfPolicy);
    const fresh = await getAction(other, action.id);
    await updateAction(other, action.id, fresh.etag!, { status: "at-risk" });
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByText("Not saved: someone else changed this action");
    expect(screen.getByText(/^Status: was “.*”, now “At risk”$/)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Responsible teams" }) as HTMLTextAreaElement).value).toBe("Housing team and Communications");
    await userEvent.click(screen.getByRole("button", { name: "Re-apply my changes" }));
    await waitFor(() => expect(lead.announced).toContain("Changes saved."));
    const saved = await getAction(lead.value.sp, action.id);
    expect(saved.teams).toBe("Housing team and Communications");
    expect(saved.status).toBe("at-risk");
  });
});
