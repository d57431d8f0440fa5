import { describe, expect, it } from "vitest";
import { carriedHistory, historyNeeded } from "../../src/domain/carried-history.ts";

const source = { reference: "CL-20-4", lastUpdateAt: "2023-03-01T10:00:00Z", lastUpdateSummary: "Survey sent", successMeasures: ["Response rate above 30%"] };
const carried = { carriedFromId: 7, lastUpdateAt: null, successMeasures: [] as string[] };

describe("carried history", () => {
  it("a carried action without its own shows the source's last update and measures, naming the source", () => {
    expect(carriedHistory(carried, source)).toEqual({ from: "CL-20-4", lastUpdate: { at: source.lastUpdateAt, summary: "Survey sent" }, successMeasures: ["Response rate above 30%"] });
  });
  it("its own last update and measures win, each on its own", () => {
    expect(carriedHistory({ ...carried, lastUpdateAt: "2026-01-01T00:00:00Z" }, source)?.lastUpdate).toBeNull();
    expect(carriedHistory({ ...carried, successMeasures: ["Own"] }, source)?.successMeasures).toEqual([]);
    expect(carriedHistory({ ...carried, lastUpdateAt: "2026-01-01T00:00:00Z", successMeasures: ["Own"] }, source)).toBeNull();
  });
  it("nothing for an action that was not carried, or whose source is gone", () => {
    expect(carriedHistory({ ...carried, carriedFromId: null }, source)).toBeNull();
    expect(carriedHistory(carried, undefined)).toBeNull();
  });
  it("asks only for the sources still needed", () => {
    expect(historyNeeded([carried, { ...carried }, { ...carried, carriedFromId: 9, lastUpdateAt: "x", successMeasures: ["m"] }, { ...carried, carriedFromId: null }])).toEqual([7]);
  });
});
