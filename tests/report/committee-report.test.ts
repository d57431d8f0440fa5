/**
 * The committee report end to end: the real CLI against the real local SharePoint with the seeded plan, the .docx
 * read back from disk (jszip + fast-xml-parser) and checked against the seeds' "Appendix 1 – Updates on actions
 * from 2022-23" (shared/seeds/004) and the 2020-21 progress of the 2021 committee report (shared/seeds/000),
 * written out below by hand from those documents, not from the generator.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approveUpdate, getUpdate } from "../../src/data/index.ts";
import { officerDraft, seededLead } from "../helpers/publication.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";
import { type DocParagraph, type DocTable, type DocxContent, readDocx } from "../helpers/docx-reader.ts";
import { runCli } from "../helpers/run-cli.ts";

const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";
const CLOSED = "This action is now closed";
const ONGOING = "This action remains ongoing in the new plan";
const DEVELOPED = "This action has now developed in the new plan";

/** The appendix, in its order: role heading, the start of the action, a phrase of its update, its sentence. */
const APPENDIX: Array<{ role: string; action: string; update: string; sentence: string }> = [
  { role: "As a Community Leader", action: "Ongoing delivery of One View project", update: "continue to work on developing the OneView system", sentence: ONGOING },
  { role: "As a Community Leader", action: "Implement no wrong door", update: "Debt advice Pilot at Trinity", sentence: ONGOING },
  { role: "As a Community Leader", action: "Provide access to digital training and support at Trinity House", update: "Training suite up at Trinity House", sentence: CLOSED },
  { role: "As a Community Leader", action: "Increase response rates from underrepresented groups", update: "Let's Talk Maidstone site was launched in 2022", sentence: DEVELOPED },
  { role: "As a Community Leader", action: "Expand internal Equality Diversity and Inclusion Group", update: "The group continues to meet", sentence: DEVELOPED },
  { role: "As a Community Leader", action: "Annual calendar of events to celebrate diversity", update: "Google calendar developed for Intranet and website", sentence: ONGOING },
  { role: "As a Community Leader", action: "Provide guidance to enable all staff to support Armed Forces Community", update: "Armed Forced pages have been updated", sentence: ONGOING },
  { role: "As an Employer", action: "Introduce Equalities Champions", update: "A Senior Leader Champion and a Member Champion agreed", sentence: CLOSED },
  { role: "As an Employer", action: "Deliver the Culture change project", update: "The culture change project has been delivered", sentence: CLOSED },
  { role: "As an Employer", action: "Introduce Bi-Annual staff EDI survey", update: "Carried out first EDI Staff Survey", sentence: CLOSED },
  { role: "As an Employer", action: "Provide training and support for Mental Health Champions", update: "The Staff EDI Survey suggests", sentence: ONGOING },
  { role: "As a Service Provider", action: "Adopt of LGA Inclusive Language Guide", update: "inclusive language guide has not yet been released", sentence: ONGOING },
  { role: "As a Service Provider", action: "Proactively use 'neutral spaces'", update: "Face to face support has been provided at Trinity House", sentence: ONGOING },
  { role: "As a Service Provider", action: "Identify emerging needs from Census data", update: "Analysis of the Census data has been undertaken", sentence: CLOSED },
  { role: "As a Service Provider", action: "Include 'Poverty' as a local protected characteristic", update: "9 protected characteristics were expanded to include Poverty", sentence: CLOSED },
  { role: "As a Service Provider", action: "Include Armed Forces Act 2021 in Equality, Diversity and Inclusion Policy", update: "Armed Forces included in revised Policy", sentence: CLOSED },
  { role: "As a Service Provider", action: "Prioritise existing policies by review date", update: "The process has been reactive to date", sentence: ONGOING },
];

/**
 * Columns keep their words whole: each at least as wide as its longest word at half an em a character (Arial's
 * average; bold and capitals are wider, so this is a floor, not the generator's own measure) plus the cell margins;
 * the grid is fixed (Word keeps it) and fits the page of its section.
 */
function expectWordsWhole(d: DocxContent, t: DocTable): void {
  const s = d.sections[t.section];
  expect(t.fixedLayout).toBe(true);
  expect(t.gridCols).toHaveLength(t.rows[0].length);
  expect(t.gridCols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(s.width - s.left - s.right);
  for (const [c, width] of t.gridCols.entries()) {
    const longest = t.rows.flatMap((r) => r[c].split(/\s+/)).reduce((a, w) => (w.length > a.length ? w : a), "");
    expect(width, `column "${t.rows[0][c]}", word "${longest}"`).toBeGreaterThanOrEqual(longest.length * 0.5 * 12 * 20 + 2 * 108);
  }
}

let site: SeededSite;
let dir: string;
let doc: DocxContent;

type Wanted = { role: string; action: string; update: string };

/** The actions tables list `wanted` in order: role, start of the action, a phrase of the update, and its last lines. */
function expectActionRows<W extends Wanted>(d: DocxContent, wanted: W[], ending: (w: W) => string[]): void {
  const found = actionRows(d);
  expect(found).toHaveLength(wanted.length);
  for (const [i, want] of wanted.entries()) {
    const got = found[i];
    expect(got.role, `row ${i + 1}`).toBe(want.role);
    expect(got.action.startsWith(want.action), `row ${i + 1}: ${got.action}`).toBe(true);
    expect(got.update, `row ${i + 1}`).toContain(want.update);
    const end = ending(want);
    expect(got.update.split("\n").slice(-end.length), `row ${i + 1}`).toEqual(end);
  }
}

/**
 * The rows of every actions table in document order, with the role heading above each (Action and Update columns).
 * Roles are Heading 1 in the appendix alone, Heading 2 under a covering report.
 */
function actionRows(d: DocxContent): Wanted[] {
  const found: Wanted[] = [];
  let role = "";
  for (const b of d.blocks) {
    if (b.kind === "p" && /^Heading[12]$/.test(b.style ?? "") && /^As an? /.test(b.text)) role = b.text;
    if (b.kind === "tbl" && b.rows[0]?.at(-1) === "Update") {
      expect(b.headerRows[0]).toBe(true);
      const [action, update] = ["Action", "Update"].map((h) => b.rows[0].indexOf(h));
      for (const row of b.rows.slice(1)) found.push({ role, action: row[action], update: row[update] });
    }
  }
  return found;
}

beforeAll(async () => {
  site = await startSeededSite();
  dir = mkdtempSync(join(tmpdir(), "eap-report-"));
});
afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("eap report for the seeded plan, 2022-23", () => {
  beforeAll(async () => {
    const out = join(dir, "report.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/17 action\(s\)/);
    doc = await readDocx(readFileSync(out));
  });

  const paragraphs = () => doc.blocks.filter((b): b is DocParagraph => b.kind === "p");
  const tables = () => doc.blocks.filter((b): b is DocTable => b.kind === "tbl");

  test("has the title in a Title paragraph and in the document properties, and British English as its language", () => {
    const first = doc.blocks[0] as DocParagraph;
    expect(first).toMatchObject({ kind: "p", style: "Title", text: "Appendix 1 – Updates on actions from 2022-23" });
    expect(doc.coreXml).toContain("<dc:title>Appendix 1 – Updates on actions from 2022-23</dc:title>");
    expect(doc.stylesXml).toMatch(/<w:lang [^>]*w:val="en-GB"/);
  });

  test("starts with the summary table: a header row, one row per role and a total", () => {
    const firstTable = doc.blocks.findIndex((b) => b.kind === "tbl");
    const firstRole = doc.blocks.findIndex((b) => b.kind === "p" && b.text.startsWith("As a"));
    expect(firstTable).toBeGreaterThan(0);
    expect(firstTable).toBeLessThan(firstRole);
    const summary = doc.blocks[firstTable] as DocTable;
    expect(summary.headerRows[0]).toBe(true);
    expect(summary.headerRows.slice(1).every((h) => !h)).toBe(true);
    const header = summary.rows[0];
    const col = (name: string) => header.indexOf(name);
    expect(col("Role")).toBe(0);
    const byRole = new Map(summary.rows.slice(1).map((r) => [r[0], r]));
    // Counted from the appendix by hand: CL 7 (1 closed, 4 ongoing, 2 developed), Employer 4 (3 closed, 1 ongoing),
    // Service Provider 6 (3 closed, 3 ongoing).
    const expectRow = (role: string, total: number, closed: number, ongoing: number, developed: number) => {
      const r = byRole.get(role)!;
      expect(r, role).toBeDefined();
      expect(Number(r[col("Actions")])).toBe(total);
      expect(Number(r[col("Closed")])).toBe(closed);
      expect(Number(r[col("Ongoing in the new plan")])).toBe(ongoing);
      expect(Number(r[col("Developed in the new plan")])).toBe(developed);
    };
    expectRow("Community Leader", 7, 1, 4, 2);
    expectRow("Employer", 4, 3, 1, 0);
    expectRow("Service Provider", 6, 3, 3, 0);
    expectRow("All roles", 17, 7, 8, 2);
  });

  test("uses heading styles: roles Heading 1, objectives Heading 2", () => {
    const roles = paragraphs().filter((p) => /^As an? /.test(p.text));
    expect(roles.map((p) => p.text)).toEqual(["As a Community Leader", "As an Employer", "As a Service Provider"]);
    expect(roles.every((p) => p.style === "Heading1")).toBe(true);
    const objectives = paragraphs().filter((p) => p.text.startsWith("Objective: "));
    expect(objectives).toHaveLength(3);
    expect(objectives.every((p) => p.style === "Heading2")).toBe(true);
    expect(objectives[0].text).toContain("To lead by example, to ensure every individual resident is connected and supported");
    // The heading styles exist in the document's style sheet (Word's navigation pane and screen readers use them).
    for (const id of ["Title", "Heading1", "Heading2", "Heading3"]) expect(doc.stylesXml).toContain(`w:styleId="${id}"`);
  });

  test("lists every 2022-23 action of the appendix, in the appendix's order, under its role, with its update and disposition sentence", () => {
    // Each update ends with who reported it (the appendix gives no day: its date is the period's end) and its sentence.
    const source = "Reported by Maidstone Borough Council, Appendix 1 – Updates on actions from 2022-23, 31 March 2023 (end of 2022-23; the source gives no day).";
    expectActionRows(doc, APPENDIX, (want) => [source, `${want.sentence}.`]);
  });

  test("prints the appendix's Commitments column as a list, as the appendix pairs no action with a commitment", () => {
    for (const t of tables().slice(1).filter((x) => x.rows[0][0] !== "Indicator")) expect(t.rows[0]).toEqual(["Action", "Update"]);
    // 004: four Community Leader commitments, five Service Provider ones, none for the Employer.
    // Each commitment is a bullet starting "We will" (the partners commitment has its own sub-bullets).
    const lists = paragraphs()
      .reduce<string[][]>((acc, p) => {
        if (p.style === "Heading3") acc.push([]);
        else if (p.bullet && p.text.startsWith("We will") && acc.length) acc[acc.length - 1].push(p.text);
        return acc;
      }, [])
      .filter((l) => l.length > 0);
    expect(lists.map((l) => l.length)).toEqual([4, 5]);
    expect(lists[0][0]).toMatch(/^We will work closely with our partners/);
    expect(lists[1].at(-1)).toMatch(/^We will review and identify our policies/);
  });

  test("sets the appendix in landscape with column widths that keep every word whole (the summary's eleven columns too)", () => {
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ orient: "landscape", width: 16838, height: 11906 });
    const summary = tables()[0];
    expect(summary.rows[0]).toHaveLength(11);
    for (const t of tables()) expectWordsWhole(doc, t);
  });

  test("lists the objective's commitments under a heading before its actions", () => {
    const idx = paragraphs().findIndex((p) => p.text === "Commitments");
    expect(paragraphs()[idx].style).toBe("Heading3");
    const bullets = paragraphs().filter((p) => p.bullet).map((p) => p.text);
    expect(bullets).toContain("We will support and promote diversity and inclusion in the borough through our communications and events – with a focus on our seldom-heard communities.");
    // The summary, an actions table per role, and the Community Leader objective's indicators (CL-22-4).
    expect(tables().length).toBe(5);
    expect(tables()[2].rows.map((r) => r[0])).toEqual(["Indicator", "Consultation response rate from underrepresented groups\nAction CL-22-4"]);
  });
});

/** The 2021 committee report's progress (000 §2.10–2.12), by the 2020 action it is on: a phrase of each. */
const PROGRESS_2020_21: Wanted[] = [
  { role: "As a Community Leader", action: "We will work with the Heart of Kent Hospice", update: "This has been delayed by a year." },
  { role: "As a Community Leader", action: "We will seek to build on the relationships", update: "The provision of funding via the Winter Grants Scheme" },
  { role: "As a Community Leader", action: "We will undertake a review of consultation", update: "There were a total of 23 consultations completed in 2020/21" },
  { role: "As a Community Leader", action: "We will appoint an internal Equalities Group", update: "An Equalities Officer Group has been formed" },
  { role: "As a Community Leader", action: "We will support and promote diversity and inclusion", update: "is planned but work has not been completed" },
  { role: "As a Community Leader", action: "We will support our serving and veteran communities", update: "The Equalities Armed Forces Bill 2021" },
  { role: "As an Employer", action: "We will look after the mental health of our staff", update: "Support for staff working at home has adapted" },
  { role: "As a Service Provider", action: "We will appoint an Equalities Group", update: "An Equalities Officer Group has been formed" },
  { role: "As a Service Provider", action: "We will undertake a Councillor-led Access to Services Review", update: "Members have had 6 meetings" },
  { role: "As a Service Provider", action: "We will work in partnership to deliver the Rough Sleeping initiative", update: "has been extended to March 2022" },
];

describe("eap report for the seeded plan, 2020-21 (the progress the 2021 committee report gives)", () => {
  let report: DocxContent;
  beforeAll(async () => {
    const out = join(dir, "report-2020-21.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2020-21", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    report = await readDocx(readFileSync(out));
    rmSync(out);
  });

  test("lists each 2020 action 000 reports on, under the 2020 objective, dated and attributed as 000 gives it", () => {
    // 000 records no status and no disposition: the report says so rather than invent one.
    const source = "Reported by Policy and Communities team, report to Policy and Resources Committee, 20 October 2021.";
    expectActionRows(report, PROGRESS_2020_21, () => [source, "Status: Not recorded."]);
    const objectives = report.blocks.filter((b): b is DocParagraph => b.kind === "p" && b.text.startsWith("Objective: "));
    expect(objectives[0].text).toBe("Objective: To lead by example, to ensure every individual resident is connected and supported.");
  });

  test("counts the unrecorded statuses apart in the summary", () => {
    const summary = report.blocks.find((b): b is DocTable => b.kind === "tbl" && b.rows[0][0] === "Role")!;
    const header = summary.rows[0];
    const total = summary.rows.at(-1)!;
    expect(total[0]).toBe("All roles");
    expect(Number(total[header.indexOf("Not recorded")])).toBe(PROGRESS_2020_21.length);
    expect(Number(total[header.indexOf("On track")])).toBe(0);
    expect(Number(total[header.indexOf("Complete")])).toBe(0);
    expect(Number(total[header.indexOf("Open")])).toBe(PROGRESS_2020_21.length);
  });

  test("has an indicator table per objective: the consultations 000 counts, by type, and the measures with no figure yet", () => {
    const indicatorTables = () => {
      const out: Array<{ objective: string; table: DocTable; heading: string }> = [];
      let objective = "";
      let heading = "";
      for (const b of report.blocks) {
        // With the covering report first, the appendix is a section of the paper: its headings sit one level down.
        if (b.kind === "p" && /^Heading\d$/.test(b.style ?? "") && b.text.startsWith("Objective: ")) objective = b.text;
        else if (b.kind === "p" && /^Heading\d$/.test(b.style ?? "")) heading = b.text;
        if (b.kind === "tbl" && b.rows[0][0] === "Indicator") out.push({ objective, table: b, heading });
      }
      return out;
    };
    const found = indicatorTables();
    // Written out from 000 §2.10 and 001 by hand: the Community Leader's 2020 objective (CL-20-4) and the Service
    // Provider's (SP-20-7); the Employer's 2020 actions have no measurable success measure.
    expect(found.map((f) => f.objective)).toEqual([
      "Objective: To lead by example, to ensure every individual resident is connected and supported.",
      "Objective: To deliver inclusive services in accordance with Council's values.",
    ]);
    for (const f of found) {
      expect(f.heading).toBe("Indicators");
      expect(f.table.headerRows[0]).toBe(true);
      expect(f.table.rows[0]).toEqual(["Indicator", "Baseline", "Target", "Latest", "Trend", "Against target"]);
    }
    expect(found[0].table.rows.slice(1)).toEqual([
      ["Consultations completed\nAction CL-20-4", "None set", "None set", "23 (2020-21)", "23 in 2020-21", "No target"],
      ["External resident or stakeholder surveys", "", "", "14 (2020-21)", "14 in 2020-21", ""],
      ["Internal staff or Member surveys", "", "", "9 (2020-21)", "9 in 2020-21", ""],
    ]);
    expect(found[1].table.rows.slice(1)).toEqual([["Equalities Impact Assessments completed\nAction SP-20-7", "None set", "None set", "No value recorded", "No value recorded", "No target"]]);
  });
});

/** 000's covering report, written out by hand from the document: its headings and numbered paragraphs, in order. */
const COVER_HEADINGS_000 = [
  "Executive Summary",
  "Purpose of Report",
  "Timetable",
  "1. Cross-cutting issues and implications",
  "2. Introduction and background",
  "3. Available options",
  "4. Preferred option and reasons for recommendations",
  "5. Risk",
  "6. Consultation results and previous committee feedback",
  "7. Next steps: communication and implementation of the decision",
  "8. Report appendices",
];
const ISSUES_000 = [
  ["Impact on Corporate Priorities", "Head of Policy, Communications and Governance"],
  ["Cross Cutting Objectives", "Head of Policy, Communications and Governance"],
  ["Risk Management", "Head of Policy, Communications and Governance"],
  ["Financial", "Section 151 Officer & Finance Team"],
  ["Staffing", "Head of Policy, Communications and Governance"],
  ["Legal", "Legal Team"],
  ["Privacy and Data Protection", "Corporate Insight, Communications and Governance Team"],
  ["Equalities", "Equalities and Communities Officer"],
  ["Public Health", "Public Health Officer"],
  ["Crime and Disorder", "Head of Policy, Communications and Governance"],
  ["Procurement", "Head of Policy, Communications and Governance"],
];

describe("eap report --period 2020-21 reproduces the 2021 committee report's cover from the seed", () => {
  let report: DocxContent;
  let stdout: string;
  beforeAll(async () => {
    const out = join(dir, "cover-2020-21.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2020-21", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    report = await readDocx(readFileSync(out));
    rmSync(out);
  });
  const paragraphs = () => report.blocks.filter((b): b is DocParagraph => b.kind === "p");
  const tables = () => report.blocks.filter((b): b is DocTable => b.kind === "tbl");

  test("starts with the cover's title and details, the title also in the document's properties", () => {
    expect(stdout).toContain('the covering report "Equalities Objectives and Action Plan – Update", then Appendix 1 – Updates on actions from 2020-21');
    expect(report.blocks[0]).toMatchObject({ kind: "p", style: "Title", text: "Equalities Objectives and Action Plan – Update" });
    expect(report.coreXml).toContain("<dc:title>Equalities Objectives and Action Plan – Update</dc:title>");
    expect(paragraphs().slice(1, 6).map((p) => p.text)).toEqual([
      "Final Decision-Maker: Policy and Resources Committee",
      "Lead Head of Service: Head of Policy, Communications and Governance",
      "Lead Officer and Report Author: Corporate Insight, Communities and Governance; Senior Policy and Communities Officer",
      "Classification: Public",
      "Wards affected: All",
    ]);
  });

  test("has the template's sections as real Heading 1s, in order, then the appendix as a section of the paper", () => {
    const h1 = paragraphs().filter((p) => p.style === "Heading1").map((p) => p.text);
    expect(h1).toEqual([...COVER_HEADINGS_000, "Appendix 1 – Updates on actions from 2020-21"]);
    const h2 = paragraphs().filter((p) => p.style === "Heading2").map((p) => p.text);
    expect(h2.slice(0, 3)).toEqual(["Update on actions", "Looking Forward", "Summary"]);
    expect(h2).toContain("As a Community Leader");
    for (const id of ["Title", "Heading1", "Heading2", "Heading3", "Heading4"]) expect(report.stylesXml).toContain(`w:styleId="${id}"`);
  });

  test("has the summary, decision sought, purpose and the numbered recommendation as 000 words them", () => {
    const texts = paragraphs().map((p) => p.text);
    expect(texts).toContain(
      "This report provides an update on the current Equalities Objectives and Action Plan. The action plan was revised in 2020 in response to COVID-19 and the challenges faced in tackling disadvantage in Maidstone.",
    );
    expect(texts).toContain("This report is for discussion and noting.");
    expect(texts).toContain("To note the progress update to be taken to Committee.");
    const rec = paragraphs().find((p) => p.text.startsWith("To note the progress on the Equalities Objectives"))!;
    expect(rec.bullet).toBe(true); // a numbered list item (w:numPr)
    expect(report.numberingXml).toMatch(/<w:numFmt w:val="decimal"\/>\s*<w:lvlText w:val="%1."\/>/);
  });

  test("has the timetable and the cross-cutting implications as tables with header rows", () => {
    const [timetable, issues] = tables();
    expect(timetable.rows).toEqual([
      ["Meeting", "Date"],
      ["CLT", "5 October 2021"],
      ["Policy and Resources Committee", "20 October 2021"],
    ]);
    expect(timetable.headerRows).toEqual([true, false, false]);
    expect(issues.rows[0]).toEqual(["Issue", "Implications", "Sign-off"]);
    expect(issues.headerRows[0]).toBe(true);
    expect(issues.rows.slice(1).map((r) => [r[0], r[2]])).toEqual(ISSUES_000);
    const financial = issues.rows.find((r) => r[0] === "Financial")!;
    expect(financial[1]).toBe("All of the proposals set out in the recommendations are within approved budgetary headings and so need no new funding for implementation.");
    // The Strategic Plan objectives are a real list inside the cell.
    expect(issues.rows[1][1].split("\n")).toEqual([
      "The four Strategic Plan objectives are:",
      "Embracing Growth and Enabling Infrastructure",
      "Safe, Clean and Green",
      "Homes and Communities",
      "A Thriving Place",
      "Accepting the recommendations will materially improve the Council’s ability to achieve all 4 strategic priorities.",
    ]);
  });

  test("has every numbered paragraph with its number, and the recommended option marked", () => {
    const texts = paragraphs().map((p) => p.text);
    const numbers = texts.map((t) => /^(\d\.\d+) /.exec(t)?.[1]).filter(Boolean);
    const body = Array.from({ length: 13 }, (_, i) => `2.${i + 1}`);
    expect(numbers).toEqual([...body, "3.1", "3.2", "3.3", "4.1", "5.1", "6.1", "7.1"]);
    expect(texts).toContain(
      "3.1 Note the Equalities Objectives and Action Plan and continue to monitor the actions set to enable the organisation to continue to improve on the way in which it fulfils the Public Sector Equalities Duty. (recommended option)",
    );
    expect(texts.filter((t) => t.endsWith("(recommended option)"))).toHaveLength(1);
    expect(texts).toContain("6.1 None.");
    expect(texts).toContain("Appendix 1: Progress Update on the actions included in the Equalities Objective and Action Plan 2017-21");
  });

  test("puts the cover in portrait and the appendix in landscape, every table's words whole", () => {
    expect(report.sections.map((s) => s.orient)).toEqual(["portrait", "landscape"]);
    expect(report.sections[0]).toMatchObject({ width: 11906, height: 16838 });
    const [timetable, issues, summary] = tables();
    expect([timetable.section, issues.section, summary.section]).toEqual([0, 0, 1]);
    expect(tables().slice(2).every((t) => t.section === 1)).toBe(true);
    for (const t of tables()) expectWordsWhole(report, t);
  });

  test("--appendix-only leaves the cover out", async () => {
    const out = join(dir, "appendix-only.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2020-21", "--out", out, "--appendix-only"]);
    expect(r.code, r.stderr).toBe(0);
    const d = await readDocx(readFileSync(out));
    rmSync(out);
    expect(d.blocks[0]).toMatchObject({ style: "Title", text: "Appendix 1 – Updates on actions from 2020-21" });
    expect(d.sections.map((s) => s.orient)).toEqual(["landscape"]);
  });
});

describe("eap report: bad input ends with a message, exit code 1 and no file", () => {
  const noFileLeft = () => expect(readdirSync(dir).filter((f) => f !== "report.docx")).toEqual([]);

  test("a plan that does not exist lists the plans that do", async () => {
    const out = join(dir, "missing-plan.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", "Equality Plan 1999", "--period", "2022-23", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No plan called "Equality Plan 1999"');
    expect(r.stderr).toContain(`"${PLAN_2017}"`);
    expect(r.stderr).toContain('"Equality Objectives and Action Plan 2023-2027"');
    expect(existsSync(out)).toBe(false);
    noFileLeft();
  });

  test("a period with no updates says so", async () => {
    const out = join(dir, "empty.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2019-20", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("No progress updates for 2019-20");
    noFileLeft();
  });

  test("a period that is not a financial year is named", async () => {
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-24", "--out", join(dir, "x.docx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"2022-24" is not a financial year');
    noFileLeft();
  });

  test("an output folder that does not exist is named, and nothing is written", async () => {
    const out = join(dir, "no-such-folder", "r.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("does not exist");
    expect(existsSync(out)).toBe(false);
    noFileLeft();
  });

  test("an output path that is a folder is refused", async () => {
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", join(dir, "sub.docx")]);
    // sub.docx does not exist yet: this run succeeds; then a folder named like the target is refused.
    expect(r.code).toBe(0);
    rmSync(join(dir, "sub.docx"));
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dir, "folder.docx"));
    const r2 = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", join(dir, "folder.docx")]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("it is a folder");
    rmSync(join(dir, "folder.docx"), { recursive: true });
    noFileLeft();
  });
});

describe("eap report while an update of the period awaits approval", () => {
  const draft = "Draft from the Housing team: Mrs Example of Flat 3 was helped.";
  let updateId: number;
  beforeAll(async () => {
    updateId = (await officerDraft(site, "CL-22-1", draft)).id;
  });

  test("stops with the update named and the way on, and writes no file", async () => {
    const out = join(dir, "awaiting.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`1 progress update(s) for 2022-23 on the plan "${PLAN_2017}" await approval by the equalities lead:`);
    expect(r.stderr).toContain('- CL-22-1 Ongoing delivery of One View project.: update of 1 February 2023, "Draft from the Housing team');
    expect(r.stderr).toContain("--approved-only");
    expect(existsSync(out)).toBe(false);
  });

  test("--approved-only reports the approved updates, lists the one left out, and its words appear nowhere", async () => {
    const out = join(dir, "approved-only.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", out, "--approved-only"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/17 action\(s\)/);
    expect(r.stdout).toContain("Left out, awaiting approval (1):\n- CL-22-1 Ongoing delivery of One View project.: update of 1 February 2023");
    const d = await readDocx(readFileSync(out));
    rmSync(out);
    expect(d.documentXml).not.toContain("Mrs Example");
  });

  test("once the lead approves it with their edit, the report carries the approved words, never the original", async () => {
    const { sp: lead, reviewer } = await seededLead(site);
    await approveUpdate(lead, { update: await getUpdate(lead, updateId), reviewer, text: "A resident was helped to claim the support they were due.", now: new Date() });
    const out = join(dir, "approved.docx");
    const r = await runCli(["report", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const d = await readDocx(readFileSync(out));
    rmSync(out);
    const row = actionRows(d).find((w) => w.action.startsWith("Ongoing delivery of One View project"))!;
    expect(row.update).toContain("A resident was helped to claim the support they were due.");
    expect(d.documentXml).not.toContain("Mrs Example");
  });
});
