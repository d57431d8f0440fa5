/** The form's view of the covering report: text parts round-trip, a new year's start, changed parts and re-applying. */
import { describe, expect, it } from "vitest";
import { coverReportSchema } from "../../../../src/domain/cover-report.ts";
import { COVER_REPORT_2020_21 } from "../../../../src/seed/index.ts";
import { changedParts, coverOf, draftOf, newCover, problemInWords, reapply, textToParagraphs } from "../../../../src/tab/features/cover-report/cover-draft.ts";

const seeded = coverReportSchema.parse(COVER_REPORT_2020_21);

describe("cover-draft", () => {
  it("gives back the report it was made from, bullet lines inside paragraphs included", () => {
    expect(coverOf(draftOf(seeded))).toEqual(seeded);
    const withBullets = { ...seeded, executiveSummary: ["The four objectives are:\n• one\n• two", "Second paragraph."] };
    expect(coverOf(draftOf(withBullets)).executiveSummary).toEqual(withBullets.executiveSummary);
  });

  it("keeps a blank line being typed, and drops empty paragraphs only when read back", () => {
    const d = draftOf(seeded);
    d.texts.purpose = "First.\n\n";
    expect(d.texts.purpose).toBe("First.\n\n");
    expect(coverOf(d).purpose).toEqual(["First."]);
    expect(textToParagraphs("A\n  \nB\n\n\nC")).toEqual(["A", "B", "C"]);
  });

  it("starts a new year from the last year's words with the new period, or from a frame that asks to be filled", () => {
    const next = newCover("2021-22", seeded);
    expect(next.period).toBe("2021-22");
    expect(next.risks).toEqual(seeded.risks);
    next.timetable[0].date = "2022-01-01";
    expect(seeded.timetable[0].date).not.toBe("2022-01-01");
    const blank = newCover("2021-22", null);
    expect(coverReportSchema.safeParse(blank).success).toBe(false);
    expect(blank.options.filter((o) => o.recommended)).toHaveLength(1);
  });

  it("names the parts that differ and lays the lead's changes onto someone else's version", () => {
    const mine = { ...seeded, purpose: ["Mine."] };
    const theirs = { ...seeded, risks: [{ number: "5.1", text: "Theirs." }], purpose: ["Theirs too."] };
    expect(changedParts(seeded, mine)).toEqual(["purpose"]);
    expect(changedParts(seeded, theirs)).toEqual(["purpose", "risks"]);
    const merged = reapply(seeded, mine, theirs);
    expect(merged.purpose).toEqual(["Mine."]);
    expect(merged.risks).toEqual([{ number: "5.1", text: "Theirs." }]);
  });

  it("says the rules' problems in the form's words", () => {
    expect(problemInWords("executiveSummary[2]: Too small")).toBe("Executive summary, item 2: Too small");
    expect(problemInWords("sections[1].paragraphs[3].text: Too small")).toBe("Report sections, item 1 (paragraphs 3 text): Too small");
    expect(problemInWords("Recommendation 1: {{x}} is not a figure")).toBe("Recommendation 1: {{x}} is not a figure");
  });
});
