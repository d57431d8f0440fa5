/** The covering report's figures come from the data (src/domain/cover-report.ts), and its sections number on. */
import { describe, expect, test } from "vitest";
import { coverFiguresFrom, coverReportProblems, coverReportSchema, coverSectionNumbers, fillCoverFigures } from "../../src/domain/cover-report.ts";
import { COVER_REPORT_2020_21 } from "../../src/seed/index.ts";

const seed = coverReportSchema.parse(COVER_REPORT_2020_21);
const summaryTotal = {
  label: "All roles",
  total: 17,
  byStatus: { "not-started": 0, "on-track": 0, "at-risk": 0, complete: 0, "not-recorded": 17 },
  byDisposition: { open: 0, closed: 7, ongoing: 8, developed: 2 },
};

describe("figures in the lead's words", () => {
  const figures = coverFiguresFrom({ period: "2022-23", summary: [summaryTotal] });

  test("are the appendix's counts", () => {
    expect(figures).toMatchObject({ period: "2022-23", actions: "17", closed: "7", ongoing: "8", developed: "2", "not-recorded": "17" });
  });

  test("are filled in wherever the lead wrote them, and nothing else changes", () => {
    const withFigures = {
      ...seed,
      executiveSummary: ["Of the {{actions}} actions reported on in {{ period }}, {{closed}} are now closed."],
      options: seed.options.map((o, i) => (i === 0 ? { ...o, text: "Note the {{ongoing}} continuing actions." } : o)),
    };
    const filled = fillCoverFigures(withFigures, figures);
    expect(filled.executiveSummary).toEqual(["Of the 17 actions reported on in 2022-23, 7 are now closed."]);
    expect(filled.options[0].text).toBe("Note the 8 continuing actions.");
    expect(filled.crossCuttingImplications).toEqual(seed.crossCuttingImplications);
    expect(withFigures.executiveSummary[0]).toContain("{{actions}}");
  });

  test("a figure the report cannot fill in is a problem named by its place", () => {
    expect(coverReportProblems(COVER_REPORT_2020_21)).toEqual([]);
    const bad = { ...seed, sections: [{ number: "2", heading: "Introduction", paragraphs: [{ number: "2.1", text: "{{closd}} closed" }] }] };
    expect(coverReportProblems(bad)).toEqual([
      expect.stringMatching(/^Introduction, paragraph 2\.1: \{\{closd\}\} is not a figure the report can fill in \(one of: \{\{period\}\}, \{\{actions\}\}/),
    ]);
  });
});

test("the template's fixed sections follow the body's own numbers, as in the 2021 report (options are 3, appendices 8)", () => {
  expect(coverSectionNumbers(seed)).toEqual({ crossCutting: "1", options: "3", preferredOption: "4", risks: "5", consultation: "6", nextSteps: "7", appendices: "8" });
  expect(coverSectionNumbers({ sections: [] }).options).toBe("2");
});
