// @vitest-environment jsdom
/**
 * The action view's indicators against the real local SharePoint, composed as the route table composes them: each
 * indicator with its facts, trend and standing in words and its data table; a value recorded from the form is
 * checked first (a specific error naming the field, nothing written), saved with who recorded it, and a correction
 * is kept as a new revision with the earlier figure in the history.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Suspense } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { findPlan, getActionValues, getPlanIndicators } from "../../../../src/data/index.ts";
import type { IndicatorRecord } from "../../../../src/data/indicators/mapping.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../../../src/seed/people.ts";
import { matchRoute } from "../../../../src/tab/app/routes.tsx";
import "../../jsdom-layout.ts";
import { renderInApp, seededSiteSignedInAs } from "../../support.tsx";

const { site, app } = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);
let consultations: IndicatorRecord;
let responseRate: IndicatorRecord;

beforeAll(async () => {
  const sp = app().value.sp;
  const old = (await findPlan(sp, "2017-2021"))!;
  consultations = (await getPlanIndicators(sp, old.id)).find((i) => i.groups.length > 0 && i.unit === "count")!;
  responseRate = (await getPlanIndicators(sp, site().currentPlanId)).find((i) => i.unit === "percent")!;
});

async function openAction(actionId: number) {
  const m = matchRoute(`#/actions/${actionId}`);
  renderInApp(<Suspense fallback={<p>loading</p>}>{m.route!.render(m.params)}</Suspense>, app());
  return screen.findByRole("heading", { name: /^Indicators \(\d+\)$/ }, { timeout: 15_000 });
}

/** HTTP requests the local SharePoint has answered ($batch parts not counted apart). */
const stats = async () => ((await (await fetch(`${site().baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> }).requests;
const requests = (s: Record<string, number>) =>
  Object.entries(s)
    .filter(([k]) => k !== "batch-parts" && k !== "local")
    .reduce((n, [, v]) => n + v, 0) - (s["batch-parts"] ?? 0);

const card = async (name: string) => (await screen.findByRole("heading", { name, level: 3 })).closest("section") as HTMLElement;

describe("indicators on the action view", () => {
  it("reads the indicators, every value, evidence and EqIAs in one request after the action's own", async () => {
    const before = await stats();
    await openAction(consultations.actionId);
    await card(consultations.name);
    const after = await stats();
    // One $batch for the action page (action, updates, history, carried), one for all its measures.
    expect(requests(after) - requests(before), JSON.stringify({ before, after })).toBe(2);
  });

  it("shows each indicator's facts, its trend in words and its values with who reported them", async () => {
    await openAction(consultations.actionId);
    const c = await card(consultations.name);
    expect(within(c).getByText("Count")).toBeTruthy();
    expect(within(c).getByText("Annual")).toBeTruthy();
    expect(within(c).getByText(/^23 in 2020-21/)).toBeTruthy();
    const table = within(c).getByRole("table", { name: `Values of ${consultations.name}` });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toContainEqual(expect.stringMatching(/^2020-21All23.*Reported by/));
    expect(rows.some((r) => /External resident or stakeholder surveys14/.test(r.textContent ?? ""))).toBe(true);
  });

  it("refuses a value that is not a number with an error naming the field, and writes nothing", async () => {
    const before = (await getActionValues(app().value.sp, responseRate.actionId)).length;
    await openAction(responseRate.actionId);
    const c = await card(responseRate.name);
    const form = within(c).getByRole("form", { name: `Record a value of “${responseRate.name}”` });
    await userEvent.type(within(form).getByRole("textbox", { name: /Value \(Per cent\)/ }), "about twenty");
    await userEvent.click(within(form).getByRole("button", { name: "Save the value" }));
    expect(await within(form).findByText(/^Value: "about twenty" is not a number; this indicator wants a percentage/)).toBeTruthy();
    expect(await getActionValues(app().value.sp, responseRate.actionId)).toHaveLength(before);
  });

  it("records a value by keyboard: the table shows it with who recorded it; a correction keeps the first figure", async () => {
    await openAction(responseRate.actionId);
    let c = await card(responseRate.name);
    let form = within(c).getByRole("form", { name: `Record a value of “${responseRate.name}”` });
    const period = within(form).getByRole("combobox", { name: /Period/ }) as HTMLSelectElement;
    const label = period.selectedOptions[0].textContent!.replace(/ \(.*\)$/, "");
    await userEvent.type(within(form).getByRole("textbox", { name: /Value/ }), "19 %{Enter}");
    await waitFor(() => expect(app().announced).toContain(`Value saved: ${responseRate.name}, ${label}.`));
    c = await card(responseRate.name);
    const table = within(c).getByRole("table", { name: `Values of ${responseRate.name}` });
    expect(within(table).getByRole("row", { name: new RegExp(`^${label} 19 %`) }).textContent).toContain("Sam Kowalski");

    // Correcting it: the note is required and named; then the first figure stays, struck through, as history.
    form = within(c).getByRole("form", { name: `Record a value of “${responseRate.name}”` });
    const select = within(form).getByRole("combobox", { name: /Period/ }) as HTMLSelectElement;
    const correction = [...select.options].find((o) => o.textContent === `${label} (correct 19 %)`)!;
    await userEvent.selectOptions(select, correction);
    await userEvent.type(within(form).getByRole("textbox", { name: /Value/ }), "21");
    await userEvent.click(within(form).getByRole("button", { name: "Save the correction" }));
    expect(await within(form).findByText("Note: say why the value is corrected")).toBeTruthy();
    await userEvent.type(within(form).getByRole("textbox", { name: /Why is it corrected/ }), "Late survey returns counted");
    await userEvent.click(within(form).getByRole("button", { name: "Save the correction" }));
    await waitFor(() => expect(app().announced).toContain(`Value saved: ${responseRate.name}, ${label} (corrected).`));
    const values = (await getActionValues(app().value.sp, responseRate.actionId)).filter((v) => v.indicatorId === responseRate.id);
    expect(values.map((v) => [v.value, v.revision])).toEqual([
      [19, 1],
      [21, 2],
    ]);
    c = await card(responseRate.name);
    const rows = within(within(c).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.lastElementChild?.textContent)).toEqual(["Replaced by a correction", "Correction 1 (current)"]);
    expect(within(c).getByText(/^21 % in/)).toBeTruthy();
  });
});
