// @vitest-environment jsdom
/**
 * Evidence on the action view against the real local SharePoint, composed as the route table composes it: a link
 * that is not http(s) is refused with an error naming the field and nothing is written; a good one is listed with
 * its type, date and who added it, opening in a new tab; someone who may not add evidence sees no form.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Suspense } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { getMyActions, getPlanActions } from "../../../../src/data/index.ts";
import { getActionEvidence } from "../../../../src/data/evidence/repository.ts";
import type { ActionRecord } from "../../../../src/data/actions/mapping.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../../src/seed/people.ts";
import { matchRoute } from "../../../../src/tab/app/routes.tsx";
import "../../jsdom-layout.ts";
import { renderInApp, seededSiteSignedInAs, signedIn, type TestApp } from "../../support.tsx";

const { site, app } = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);
let action: ActionRecord;

beforeAll(async () => {
  const sp = app().value.sp;
  action = (await getMyActions(sp, app().value.me.id)).filter((a) => a.planId === site().currentPlanId)[0];
});

async function openEvidence(id: number, who: TestApp = app()) {
  const m = matchRoute(`#/actions/${id}`);
  renderInApp(<Suspense fallback={<p>loading</p>}>{m.route!.render(m.params)}</Suspense>, who);
  return (await screen.findByRole("heading", { name: /^Evidence \(\d+\)$/ }, { timeout: 15_000 })).closest("section") as HTMLElement;
}

describe("evidence on the action view", () => {
  it("refuses a link that is not http(s), naming the field, and writes nothing", async () => {
    const panel = await openEvidence(action.id);
    const form = within(panel).getByRole("form", { name: "Add evidence" });
    await userEvent.type(within(form).getByRole("textbox", { name: /Title/ }), "Audit");
    await userEvent.type(within(form).getByRole("textbox", { name: /Link/ }), "javascript:alert(1)");
    await userEvent.click(within(form).getByRole("button", { name: "Add evidence" }));
    expect(await within(form).findByText('Link: links must be http(s); "javascript:" links are not accepted')).toBeTruthy();
    expect(await getActionEvidence(app().value.sp, action.id)).toHaveLength(0);
  });

  it("adds a link with its type and date and lists it, opening in a new tab", async () => {
    const panel = await openEvidence(action.id);
    const form = within(panel).getByRole("form", { name: "Add evidence" });
    await userEvent.type(within(form).getByRole("textbox", { name: /Title/ }), "Equalities data audit record, reported to Committee");
    await userEvent.type(within(form).getByRole("textbox", { name: /Link/ }), "https://council.example.org/committee/2022-23/audit.pdf");
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: /Type/ }), "committee-report");
    const date = within(form).getByLabelText(/Date/) as HTMLInputElement;
    await userEvent.clear(date);
    await userEvent.type(date, "2023-03-14");
    await userEvent.click(within(form).getByRole("button", { name: "Add evidence" }));
    await waitFor(() => expect(app().announced).toContain("Evidence added: Equalities data audit record, reported to Committee."));
    const link = await within(panel).findByRole("link", { name: "Equalities data audit record, reported to Committee" });
    expect(link.getAttribute("href")).toBe("https://council.example.org/committee/2022-23/audit.pdf");
    expect(link.getAttribute("target")).toBe("_blank");
    const row = link.closest("tr")!;
    expect(row.textContent).toContain("Committee report");
    expect(row.textContent).toContain("14 March 2023");
    expect(row.textContent).toContain("Sam Kowalski");
    const saved = await getActionEvidence(app().value.sp, action.id);
    expect(saved).toMatchObject([{ type: "committee-report", date: "2023-03-14", addedById: app().value.me.id }]);
  });

  it("removes evidence only once the person confirms, naming it; Keep it keeps it", async () => {
    const panel = await openEvidence(action.id);
    const title = "Equalities data audit record, reported to Committee";
    await userEvent.click(within(panel).getByRole("button", { name: `Remove ${title}` }));
    const ask = within(panel).getByRole("group", { name: `Remove “${title}” from this action? It is taken off the action for everyone; the document itself is not deleted.` });
    expect(document.activeElement).toBe(within(ask).getByRole("button", { name: "Remove the evidence" }));
    await userEvent.click(within(ask).getByRole("button", { name: "Keep it" }));
    expect(within(panel).queryByRole("group")).toBeNull();
    expect(await getActionEvidence(app().value.sp, action.id)).toHaveLength(1);

    await userEvent.click(within(panel).getByRole("button", { name: `Remove ${title}` }));
    await userEvent.keyboard("{Enter}"); // focus is on "Remove the evidence"
    await waitFor(() => expect(app().announced).toContain(`Evidence removed: ${title}.`));
    await waitFor(() => expect(within(panel).queryByRole("link", { name: title })).toBeNull());
    expect(await getActionEvidence(app().value.sp, action.id)).toHaveLength(0);
  });

  it("shows no form to an officer who is not named on the action", async () => {
    const outsider = await signedIn(site().siteUrl, SEED_UPNS.procurement);
    const other = (await getPlanActions(outsider.value.sp, site().currentPlanId)).find(
      (a) => a.ownerId !== outsider.value.me.id && !a.officerIds.includes(outsider.value.me.id),
    )!;
    const panel = await openEvidence(other.id, outsider);
    expect(within(panel).queryByRole("form", { name: "Add evidence" })).toBeNull();
    expect(within(panel).queryByRole("button", { name: /^Remove / })).toBeNull();
  });
});
