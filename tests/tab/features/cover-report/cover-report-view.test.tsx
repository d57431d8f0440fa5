// @vitest-environment jsdom
/**
 * The covering report edited in the tab against the real local SharePoint (the seeded 2020-21 report of the
 * 2017-2021 plan): figures from the data shown read only, the lead's words saved with the ETag, problems listed
 * before anything is written, a conflict that keeps the words, says what changed and lays the lead's changes onto
 * the saved version, a new year starting from the last year's words, and no form for anyone but the lead.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { getCoverReport, saveCoverReport } from "../../../../src/data/cover-reports/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../../src/seed/people.ts";
import CoverReportView from "../../../../src/tab/features/cover-report/cover-report-view.tsx";
import { renderInApp, seededSiteSignedInAs, signedIn, type TestApp } from "../../support.tsx";

const seeded = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);
const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";
/**
 * The form is long (the seeded report has dozens of paragraphs): on a busy machine jsdom takes seconds to draw it,
 * and a save draws it twice (saving, saved) around the server's answer.
 */
const LONG = { timeout: 40_000 };

function on2017Plan(app: TestApp): TestApp {
  const plan = app.value.plans.find((p) => p.title === PLAN_2017)!;
  return { ...app, value: { ...app.value, plan } };
}

async function openYear(period: string) {
  const app = on2017Plan(seeded.app());
  renderInApp(<CoverReportView />, app);
  const year = await screen.findByRole("textbox", { name: /Financial year of the report/ }, LONG);
  fireEvent.change(year, { target: { value: period } });
  fireEvent.click(screen.getByRole("button", { name: "Open the year" }));
  await screen.findByRole("heading", { level: 2, name: `The covering report for ${period}` }, LONG);
  return app;
}

const field = (name: string | RegExp) => screen.getByRole("textbox", { name }) as HTMLInputElement | HTMLTextAreaElement;

describe("the covering report in the tab", { timeout: 150_000 }, () => {
  it("shows the year's figures from the data, read only, and saves the lead's words with the figures' names", async () => {
    const app = await openYear("2020-21");
    const figures = await screen.findByTestId("cover-figures", {}, LONG);
    expect(within(figures).getByText("{{period}}").nextSibling?.textContent).toBe("2020-21");
    expect(Number(within(figures).getByText("{{actions}}").nextSibling?.textContent)).toBeGreaterThan(0);
    expect(figures.querySelector("input, textarea")).toBeNull();

    const summary = field(/^Executive summary/);
    expect(summary.value).toMatch(/^This report provides an update/);
    fireEvent.change(summary, { target: { value: `${summary.value}\n\nOf the {{actions}} actions reported on, {{closed}} are now closed.` } });
    fireEvent.click(screen.getByRole("button", { name: "Save the covering report" }));
    await waitFor(() => expect(app.announced).toContain("Covering report saved."), LONG);
    const stored = await getCoverReport(app.value.sp, app.value.plan!.id, "2020-21");
    expect(stored!.cover.executiveSummary).toHaveLength(2);
    expect(stored!.cover.executiveSummary[1]).toBe("Of the {{actions}} actions reported on, {{closed}} are now closed.");
    // Written through the server with the app's identity: the lead's own token writes no EAP list.
    expect(stored!.modifiedById).not.toBe(app.value.me.id);
  });

  it("lists every problem and writes nothing", async () => {
    const app = await openYear("2020-21");
    const before = await getCoverReport(app.value.sp, app.value.plan!.id, "2020-21");
    fireEvent.change(field(/^Report title/), { target: { value: "" } });
    fireEvent.change(field(/^Recommendations/), { target: { value: "Note the {{actoins}} actions." } });
    fireEvent.click(screen.getByRole("button", { name: "Save the covering report" }));
    const notice = await screen.findByTestId("cover-notice", {}, LONG);
    // The shape first (a title is required), then the figures the report cannot fill in.
    expect(notice.textContent).toContain("Not saved: 1 problem(s) to put right.");
    expect(notice.textContent).toContain("Report title:");
    await waitFor(() => expect(document.activeElement).toBe(notice), LONG);
    fireEvent.change(field(/^Report title/), { target: { value: "Equalities Objectives and Action Plan – Update" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the covering report" }));
    await waitFor(() => expect(screen.getByTestId("cover-notice").textContent).toContain("Recommendation 1: {{actoins}} is not a figure the report can fill in"), LONG);
    const after = await getCoverReport(app.value.sp, app.value.plan!.id, "2020-21");
    expect(after!.etag).toBe(before!.etag);
  });

  it("on a conflict keeps the words, says what each side changed, and saves the lead's changes onto theirs", async () => {
    const app = await openYear("2020-21");
    fireEvent.change(field(/^Purpose of the report/), { target: { value: "To note the progress and agree the next steps." } });
    // Meanwhile the lead, in another window, saves a change to the risks.
    // Written as the server writes for the lead: with the app's identity.
    const sp = seeded.site().appSp();
    const theirs = (await getCoverReport(sp, app.value.plan!.id, "2020-21"))!;
    await saveCoverReport(sp, app.value.plan!.id, { ...theirs.cover, risks: [{ number: "5.1", text: "No new risks this year." }] }, theirs);
    fireEvent.click(screen.getByRole("button", { name: "Save the covering report" }));
    const notice = await screen.findByTestId("cover-notice", {}, LONG);
    expect(notice.textContent).toContain("They changed: Risk.");
    expect(notice.textContent).toContain("You changed: Purpose of the report.");
    expect(field(/^Purpose of the report/).value).toBe("To note the progress and agree the next steps.");
    fireEvent.click(within(notice).getByRole("button", { name: "Save my changes onto theirs" }));
    await waitFor(() => expect(screen.getByTestId("cover-status").textContent).toBe("Covering report saved."), LONG);
    const stored = (await getCoverReport(sp, app.value.plan!.id, "2020-21"))!;
    expect(stored.cover.purpose).toEqual(["To note the progress and agree the next steps."]);
    expect(stored.cover.risks).toEqual([{ number: "5.1", text: "No new risks this year." }]);
  });

  it("starts a new year from the last year's words and saves it as its own", async () => {
    const app = await openYear("2021-22");
    expect(screen.getByText("Not written yet for 2021-22: starting from the 2020-21 report's words.")).toBeTruthy();
    expect(field(/^Report title/).value).toBe("Equalities Objectives and Action Plan – Update");
    fireEvent.change(screen.getByLabelText(/^Date of meeting 1/), { target: { value: "2022-10-04" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the covering report" }));
    await waitFor(() => expect(screen.getByTestId("cover-status").textContent).toBe("Covering report saved."), LONG);
    const stored = (await getCoverReport(app.value.sp, app.value.plan!.id, "2021-22"))!;
    expect(stored.cover.period).toBe("2021-22");
    expect(stored.cover.timetable[0].date).toBe("2022-10-04");
    expect((await getCoverReport(app.value.sp, app.value.plan!.id, "2020-21"))!.cover.period).toBe("2020-21");
  });

  it("is refused to an EDI group member who is not the lead", async () => {
    const other = on2017Plan(await signedIn(seeded.site().siteUrl, SEED_UPNS.headOfPolicy));
    renderInApp(<CoverReportView />, other);
    expect((await screen.findByRole("alert", {}, LONG)).textContent).toMatch(/written by the equalities lead/);
    expect(screen.queryByRole("button", { name: "Save the covering report" })).toBeNull();
  });
});
