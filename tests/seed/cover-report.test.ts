/** The 2020-21 covering report in the seed: a valid CoverReport, and word for word what 000 says. */
import { describe, expect, it } from "vitest";
import { coverReportSchema } from "../../src/domain/cover-report.ts";
import { parseDuePhrase } from "../../src/domain/due-phrases.ts";
import { COVER_REPORT_2020_21 } from "../../src/seed/index.ts";
import { describeWithDocs, norm, seedDoc } from "./seed-docs.ts";

const report = coverReportSchema.parse(COVER_REPORT_2020_21);

describe("covering report type", () => {
  it("accepts the seed's 2020-21 report", () => {
    expect(report.period).toBe("2020-21");
    expect(report.options.filter((o) => o.recommended)).toHaveLength(1);
  });

  it("refuses a report with no recommended option or two, a date that is not a date, or a missing decision-maker", () => {
    const bad = [
      { ...COVER_REPORT_2020_21, options: report.options.map((o) => ({ ...o, recommended: false })) },
      { ...COVER_REPORT_2020_21, options: report.options.map((o) => ({ ...o, recommended: true })) },
      { ...COVER_REPORT_2020_21, timetable: [{ meeting: "CLT", date: "5 October 2021" }] },
      { ...COVER_REPORT_2020_21, finalDecisionMaker: "" },
    ];
    for (const b of bad) expect(coverReportSchema.safeParse(b).success).toBe(false);
  });
});

describeWithDocs("covering report against 000", () => {
  const doc = seedDoc("000_");
  const flat = norm(doc.replace(/<[^>]+>/g, " "));
  const header = (label: string) => doc.split("\n").find((l) => l.startsWith(`${label}\t`))?.split("\t")[1];

  it("has the report's details as 000 gives them", () => {
    expect(flat).toContain(report.title);
    expect(header("Final Decision-Maker")).toBe(report.finalDecisionMaker);
    expect(header("Classification")).toBe(report.classification);
    expect(header("Wards affected")).toBe(report.wardsAffected);
    for (const r of report.leadRoles) expect(header(r.role), r.role).toContain(r.holder);
    for (const p of [...report.executiveSummary, report.decisionSought, ...report.purpose]) expect(flat, p).toContain(norm(p));
    for (const [i, r] of report.recommendations.entries()) expect(flat).toContain(`${i + 1}. ${r}`);
  });

  it("has the timetable's meetings and dates", () => {
    // 000's Timetable: "CLT 5 October 2021", "Policy and Resources Committee 20 October 2021".
    for (const m of report.timetable) {
      const row = doc.split("\n").find((l) => l.startsWith(`${m.meeting}\t`))!;
      const [day, month, year] = row.split("\t")[1].split(" ");
      const parsed = parseDuePhrase(`${month} ${year}`);
      expect(parsed.ok && parsed.due.date?.slice(0, 7), m.meeting).toBe(m.date.slice(0, 7));
      expect(Number(m.date.slice(8))).toBe(Number(day));
    }
  });

  it("has every cross-cutting issue, in order, with its implications and the role that signs it off", () => {
    const rows = doc.split("\n").filter((l) => l.split("\t").length === 3 && !l.startsWith("Issue\t"));
    expect(report.crossCuttingImplications.map((r) => r.issue)).toEqual(rows.map((l) => l.split("\t")[0]));
    for (const [i, r] of report.crossCuttingImplications.entries()) {
      const [, implications, signOff] = rows[i].split("\t");
      expect(signOff.trim(), r.issue).toBe(r.signOff);
      for (const p of r.implications) expect(norm(implications.replace(/<[^>]+>/g, " ")), r.issue).toContain(norm(p));
    }
  });

  it("names the Strategic Plan objectives and the cross-cutting objectives, never 'All'", () => {
    for (const o of [...report.strategicPlanObjectives, ...report.crossCuttingObjectives]) expect(doc).toContain(`• ${o}`);
    expect(report.strategicPlanObjectives).toHaveLength(4); // 000: "The four Strategic Plan objectives are: …"
    expect(report.crossCuttingObjectives).toHaveLength(4); // 000: "The four cross-cutting objectives are: …"
    expect(report.strategicPlanObjectives).not.toContain("All");
  });

  it("has every numbered paragraph of the body, options, reasons, risk, consultation and next steps, verbatim", () => {
    const paragraphs = [
      ...report.sections.flatMap((s) => s.paragraphs),
      ...report.options,
      ...report.preferredOptionReasons,
      ...report.risks,
      ...report.consultation,
      ...report.nextSteps,
    ];
    // 000 numbers 2.1 to 2.13, 3.1 to 3.3, 4.1, 5.1, 6.1 and 7.1.
    const numbered = [...doc.matchAll(/^(?:- )?(\d\.\d+) /gm)].map((m) => m[1]);
    expect(paragraphs.map((p) => p.number)).toEqual(numbered);
    for (const p of paragraphs) for (const piece of p.text.split("\n")) expect(flat, p.number).toContain(norm(piece));
    expect(report.options.find((o) => o.recommended)?.number).toBe("3.1");
    for (const a of report.appendices) expect(flat).toContain(a);
  });
});
