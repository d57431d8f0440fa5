// @vitest-environment jsdom
/**
 * The EqIA register against the real local SharePoint, through the route table: everyone reads it, the EDI group
 * adds an assessment (bad input named by field, nothing written; the plan's local characteristics offered), links
 * an action by reference, and the action's view links back to it.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Suspense } from "react";
import { describe, expect, it } from "vitest";
import { getActionEqias, getEqiaActions } from "../../../../src/data/eqia-links/repository.ts";
import { getEqias } from "../../../../src/data/eqias/repository.ts";
import { getPlanActions } from "../../../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../../src/seed/people.ts";
import { matchRoute } from "../../../../src/tab/app/routes.tsx";
import "../../jsdom-layout.ts";
import { renderInApp, seededSiteSignedInAs, signedIn, type TestApp } from "../../support.tsx";

const { site, app } = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);

function open(hash: string, who: TestApp = app()) {
  const m = matchRoute(hash);
  return renderInApp(<Suspense fallback={<p>loading</p>}>{m.route!.render(m.params)}</Suspense>, who);
}

describe("the EqIA register", () => {
  it("lets the EDI group add an assessment: bad input is named by field and nothing is written; then it is listed", async () => {
    const view = open("#/eqias");
    await userEvent.click(await screen.findByRole("button", { name: "Add an assessment" }, { timeout: 15_000 }));
    const form = screen.getByRole("form", { name: "Add an assessment" });
    await userEvent.type(within(form).getByRole("textbox", { name: /Policy or decision/ }), "Council Tax Reduction Scheme 2024");
    await userEvent.type(within(form).getByRole("textbox", { name: /Published at/ }), "ftp://files.example.org/eqia.pdf");
    await userEvent.click(within(form).getByRole("button", { name: "Add the assessment" }));
    expect(await within(form).findByText('Published at: links must be http(s); "ftp:" links are not accepted')).toBeTruthy();
    expect(within(form).getByText("Characteristics considered: say which characteristics the assessment considered")).toBeTruthy();
    expect(within(form).getByText("Assessed on: expected a date as YYYY-MM-DD")).toBeTruthy();
    expect(await getEqias(app().value.sp)).toHaveLength(0);

    const published = within(form).getByRole("textbox", { name: /Published at/ });
    await userEvent.clear(published);
    await userEvent.type(published, "https://council.example.org/eqia/ctr-2024");
    await userEvent.type(within(form).getByLabelText(/Assessed on/), "2024-01-15");
    await userEvent.type(within(form).getByLabelText(/Review date/), "2025-01-15");
    await userEvent.click(within(form).getByRole("checkbox", { name: "Disability" }));
    await userEvent.click(within(form).getByRole("checkbox", { name: "Poverty" }));
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: /Outcome/ }), "adjust");
    await userEvent.click(within(form).getByRole("button", { name: "Add the assessment" }));
    await waitFor(() => expect(app().announced).toContain("Assessment saved: Council Tax Reduction Scheme 2024."));
    const [saved] = await getEqias(app().value.sp);
    expect(saved).toMatchObject({ characteristics: ["disability", "poverty"], outcome: "adjust", reviewDate: "2025-01-15" });
    view.unmount();

    open("#/eqias");
    const row = (await screen.findByRole("link", { name: "Council Tax Reduction Scheme 2024" }, { timeout: 15_000 })).closest("tr")!;
    expect(row.textContent).toContain("Disability, Poverty");
    expect(row.textContent).toContain("Adjust the policy");
    expect(row.textContent).toContain("15 January 2025");
  });

  it("links an action by reference (an unknown one is said in words), and the action's view links back", async () => {
    const [eqia] = await getEqias(app().value.sp);
    const action = (await getPlanActions(app().value.sp, site().currentPlanId)).find((a) => a.reference)!;
    const view = open(`#/eqias/${eqia.id}`);
    const form = await screen.findByRole("form", { name: "Link an action" }, { timeout: 15_000 });
    const ref = within(form).getByRole("textbox", { name: /Action reference/ });
    await userEvent.type(ref, "XX-99-9{Enter}");
    expect(await within(form).findByText(/^Action reference: there is no action "XX-99-9" in /)).toBeTruthy();
    expect(await getEqiaActions(app().value.sp, eqia.id)).toHaveLength(0);
    await userEvent.clear(ref);
    await userEvent.type(ref, `${action.reference}{Enter}`);
    const link = await screen.findByRole("link", { name: new RegExp(`^${action.reference}: `) });
    expect(link.getAttribute("href")).toBe(`#/actions/${action.id}`);
    expect(await getActionEqias(app().value.sp, action.id)).toMatchObject([{ eqiaId: eqia.id, relation: "gave-rise-to" }]);
    view.unmount();

    open(`#/actions/${action.id}`);
    const back = await screen.findByRole("link", { name: "Council Tax Reduction Scheme 2024" }, { timeout: 15_000 });
    expect(back.getAttribute("href")).toBe(`#/eqias/${eqia.id}`);
    expect(back.closest("li")!.textContent).toContain("gave rise to this action");
  });

  it("is open to every officer to read, with no way to add or link", async () => {
    const officer = await signedIn(site().siteUrl, SEED_UPNS.procurement);
    open("#/eqias", officer);
    await screen.findByRole("link", { name: "Council Tax Reduction Scheme 2024" }, { timeout: 15_000 });
    expect(screen.queryByRole("button", { name: "Add an assessment" })).toBeNull();
    const [eqia] = await getEqias(officer.value.sp);
    const view = open(`#/eqias/${eqia.id}`, officer);
    await screen.findByRole("heading", { name: /^Actions \(1\)$/ }, { timeout: 15_000 });
    expect(screen.queryByRole("form", { name: "Link an action" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Change the assessment" })).toBeNull();
    view.unmount();
  });
});
