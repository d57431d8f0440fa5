// @vitest-environment jsdom
/** Editing an action's details against the real local SharePoint: written with the ETag, and a conflict keeps the edits. */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { getAction, getMyActions, updateAction } from "../../../../src/data/index.ts";
import { addDays } from "../../../../src/domain/dates.ts";
import { londonDate } from "../../../../src/domain/london-time.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../../../src/seed/people.ts";
import ActionView from "../../../../src/tab/features/action/action-view.tsx";
import { renderInApp, seededSiteSignedInAs, } from "../../support.tsx";

const seeded = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);

describe("Editing an action", () => {
  it("saves a new delivery date and status with the action's ETag", async () => {
    const [action] = (await getMyActions(seeded.app().value.sp, seeded.app().value.me.id)).filter((a) => a.planId === seeded.site().currentPlanId);
    renderInApp(<ActionView id={action.id} />, seeded.app());
    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    const newDate = addDays(londonDate(new Date()), 90);
    fireEvent.change(screen.getByLabelText("To be delivered by"), { target: { value: newDate } });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "at-risk");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(seeded.app().announced).toContain("Changes saved."));
    const saved = await getAction(seeded.app().value.sp, action.id);
    expect(saved.due.date).toBe(newDate);
    expect(saved.status).toBe("at-risk");
  });

  it("on a conflict keeps the edits, shows what changed and re-applies them", async () => {
    const [, action] = (await getMyActions(seeded.app().value.sp, seeded.app().value.me.id)).filter((a) => a.planId === seeded.site().currentPlanId);
    renderInApp(<ActionView id={action.id} />, seeded.app());
    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    const teams = screen.getByRole("textbox", { name: "Responsible teams" });
    fireEvent.change(teams, { target: { value: "Housing team and Communications" } });
    // (written as the app, as the server writes on that person's behalf: people only read the lists)
    const other = seeded.site().appSp();
    const fresh = await getAction(other, action.id);
    await updateAction(other, action.id, fresh.etag!, { status: "at-risk" });
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByText("Not saved: someone else changed this action");
    expect(screen.getByText(/^Status: was “.*”, now “At risk”$/)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Responsible teams" }) as HTMLTextAreaElement).value).toBe("Housing team and Communications");
    // The same person's announcements accumulate across tests: wait for this save's own.
    seeded.app().announced.length = 0;
    await userEvent.click(screen.getByRole("button", { name: "Re-apply my changes" }));
    await waitFor(() => expect(seeded.app().announced).toContain("Changes saved."));
    const saved = await getAction(seeded.app().value.sp, action.id);
    expect(saved.teams).toBe("Housing team and Communications");
    expect(saved.status).toBe("at-risk");
  });
});
