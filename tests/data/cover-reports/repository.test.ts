/**
 * Covering reports in SharePoint (src/data/cover-reports), over HTTP against the seeded local SharePoint: the
 * seed's 2020-21 report reads back word for word; the lead's words are saved whole or not at all, never over
 * someone else's unseen; an item broken in SharePoint's own list view is named, not guessed at.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DataError, getCoverReport, list, requirePlan, type SPFI, saveCoverReport } from "../../../src/data/index.ts";
import { type CoverReportInput, coverReportSchema } from "../../../src/domain/cover-report.ts";
import { COVER_REPORT_2020_21 } from "../../../src/seed/index.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

let seeded: SeededSite;
let sp: SPFI;
let planId: number;

beforeAll(async () => {
  seeded = await startSeededSite();
  // Covering reports are written by the app, as the server does for the lead.
  sp = seeded.appSp();
  planId = (await requirePlan(sp, "Equality Objectives and Action Plan 2017-2021")).id;
});
afterAll(async () => seeded?.close());

const cover2223 = (): CoverReportInput => ({
  ...COVER_REPORT_2020_21,
  period: "2022-23",
  executiveSummary: ["Of the {{actions}} actions reported on in {{period}}, {{closed}} are now closed."],
  timetable: [{ meeting: "Policy and Resources Committee", date: "2023-07-19" }],
});

const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DataError);

describe("covering reports", () => {
  it("reads the seed's 2020-21 covering report back word for word, and none for a year that has none", async () => {
    const got = await getCoverReport(sp, planId, "2020-21");
    expect(got?.cover).toEqual(coverReportSchema.parse(COVER_REPORT_2020_21));
    expect(got?.etag).toBeTruthy();
    expect(await getCoverReport(sp, planId, "2019-20")).toBeNull();
  });

  it("refuses a report with a figure it cannot fill in, or a missing decision-maker, listing every problem and saving nothing", async () => {
    const bad = { ...cover2223(), finalDecisionMaker: "", recommendations: ["Note the {{clossed}} actions."] };
    const err = await errorOf(saveCoverReport(sp, planId, bad, null));
    expect(err?.reason).toBe("invalid");
    expect(err?.message).toContain("finalDecisionMaker");
    const onlyFigure = await errorOf(saveCoverReport(sp, planId, { ...cover2223(), recommendations: ["Note the {{clossed}} actions."] }, null));
    expect(onlyFigure?.message).toContain("Recommendation 1: {{clossed}} is not a figure the report can fill in");
    expect(await getCoverReport(sp, planId, "2022-23")).toBeNull();
  });

  it("saves a new year's words, and an edit only over what was read: a stale edit or a second first save is a conflict", async () => {
    const first = await saveCoverReport(sp, planId, cover2223(), null);
    expect(first.cover.executiveSummary).toEqual(["Of the {{actions}} actions reported on in {{period}}, {{closed}} are now closed."]);
    const twin = await errorOf(saveCoverReport(sp, planId, cover2223(), null));
    expect(twin?.reason).toBe("conflict");

    const edited = await saveCoverReport(sp, planId, { ...first.cover, purpose: ["To note the progress."] }, first);
    expect(edited.cover.purpose).toEqual(["To note the progress."]);
    const stale = await errorOf(saveCoverReport(sp, planId, { ...first.cover, purpose: ["Overwrites unseen."] }, first));
    expect(stale?.reason).toBe("conflict");
    expect((await getCoverReport(sp, planId, "2022-23"))?.cover.purpose).toEqual(["To note the progress."]);
  });

  it("names an item whose content was broken in SharePoint's own list view instead of guessing", async () => {
    const saved = (await getCoverReport(sp, planId, "2022-23"))!;
    await list(sp, "coverReports").items.getById(saved.id).update({ CoverContent: "{ not json" }, "*");
    const err = await errorOf(getCoverReport(sp, planId, "2022-23"));
    expect(err?.reason).toBe("invalid");
    expect(err?.message).toMatch(/The covering report for 2022-23 \(EAP Cover Reports, item \d+\) cannot be read/);
  });
});
