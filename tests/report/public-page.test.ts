/**
 * The public page's model and renderer without SharePoint: the officer-name check (src/domain/public-progress.ts),
 * the summary's columns, and the indicators section (the hook for the plan's indicators) as valid, tabular HTML.
 */
import { HtmlValidate } from "html-validate";
import { describe, expect, test } from "vitest";
import { buildPublicPage, type PublicIndicator, personalNames } from "../../src/domain/public-progress.ts";
import { buildReportModel } from "../../src/domain/report-model.ts";
import type { ActionUpdate, Objective, Plan, Role } from "../../src/domain/types.ts";
import { publicPageHtml } from "../../src/report/publish/public-page-html.ts";
import { makeAction, makeApprovedUpdate } from "../domain/fixtures.ts";
import { all, byTag, readHtml, textOf } from "../helpers/html-reader.ts";

const plan: Plan = { id: 1, title: "Equality Plan 2023-2027", period: "2023-2027", status: "active", predecessorId: null, localCharacteristics: [] };
const roles: Role[] = [{ id: 1, planId: 1, name: "Employer", statement: "", order: 1 }];
const objectives: Objective[] = [
  { id: 10, planId: 1, roleId: 1, statement: "A workforce that reflects the borough", whyItMatters: [], outcomes: [], connections: [], priorities: [], crossCutting: [], order: 1 },
];
const approved = (id: number, text: string): ActionUpdate => makeApprovedUpdate({ id, actionId: id, date: "2024-02-01T12:00:00Z", period: "2023-24", text });
const actions = [
  makeAction({ id: 1, objectiveId: 10, order: 1, reference: "EM-1", text: "Publish the workforce profile", teams: "HR team - Workforce Development Manager", status: "on-track" }),
  makeAction({ id: 2, objectiveId: 10, order: 2, reference: "EM-2", text: "Run the staff survey", status: "complete", disposition: "closed" }),
];
const model = buildReportModel({
  structure: { plan, roles, objectives, commitments: [] },
  actions,
  updates: [approved(1, "The profile was published in January.\n• Age\n• Disability"), approved(2, "Leah Brookes ran the survey with Sam.")],
  period: "2023-24",
});
const indicator: PublicIndicator = {
  title: "Staff who declare a disability",
  description: "Per cent of staff, at 31 March each year.",
  columns: ["Year", "Per cent"],
  rows: [
    { label: "2022-23", values: ["6.1"] },
    { label: "2023-24", values: ["7.4"] },
  ],
  source: "Annual workforce profile",
};

describe("the public page's model", () => {
  const page = buildPublicPage(model, { publishedOn: "2024-06-03" });

  test("dates the page and its period in words, and keeps only the summary columns that count something", () => {
    expect(page).toMatchObject({ period: "2023-24", periodText: "1 April 2023 to 31 March 2024", publishedOnText: "3 June 2024", actionCount: 2 });
    expect(page.summary.columns).toEqual(["Role", "Actions", "On track", "Complete", "Open", "Closed"]);
    expect(page.summary.rows.at(-1)).toEqual({ label: "All roles", actions: 2, values: [1, 1, 1, 1] });
  });

  test("finds an officer's full name in the words, with where it is; a one-word name or a role is not a person", () => {
    const people = [{ name: "Leah Brookes" }, { name: "Sam" }, { name: "Robin Ashdown" }, { name: "Workforce" }];
    expect(personalNames(page, people)).toEqual([{ name: "Leah Brookes", place: "EM-2, progress 1" }]);
    expect(personalNames(page, [{ name: "Leah  brookes" }])).toHaveLength(1);
    expect(personalNames(page, [{ name: "Lea Brookes" }])).toEqual([]);
  });
});

describe("the indicators section", () => {
  test("renders each indicator as a heading, its description, a captioned table with header cells and its source; valid HTML", async () => {
    const withIndicators = buildPublicPage(model, { publishedOn: "2024-06-03", indicators: [indicator] });
    const html = await publicPageHtml(withIndicators, "progress-2023-24.csv");
    const doc = readHtml(html);
    expect(byTag(doc, "h2").map(textOf)).toContain("Indicators");
    expect(all(doc, (e) => e.tag === "a" && e.attrs.href === "#indicators").map(textOf)).toEqual(["Indicators"]);
    const table = byTag(doc, "table").find((t) => textOf(byTag(t, "caption")[0]) === "Staff who declare a disability, by year")!;
    expect(all(table, (e) => e.tag === "th" && e.attrs.scope === "col").map(textOf)).toEqual(["Year", "Per cent"]);
    expect(all(table, (e) => e.tag === "th" && e.attrs.scope === "row").map(textOf)).toEqual(["2022-23", "2023-24"]);
    expect(html).toContain("Source: Annual workforce profile");
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html, "index.html");
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  test("is left out when there are no indicators", async () => {
    const html = await publicPageHtml(buildPublicPage(model, { publishedOn: "2024-06-03" }), "progress-2023-24.csv");
    expect(byTag(readHtml(html), "h2").map(textOf)).not.toContain("Indicators");
  });

  test("renders the '• ' lines of an update as a real list", async () => {
    const html = await publicPageHtml(buildPublicPage(model, { publishedOn: "2024-06-03" }), "progress-2023-24.csv");
    const article = byTag(readHtml(html), "article")[0];
    expect(byTag(byTag(article, "ul")[0], "li").map(textOf)).toEqual(["Age", "Disability"]);
  });
});
