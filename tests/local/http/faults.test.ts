import { describe, expect, it } from "vitest";
import { FaultInjector, parseFaults } from "../../../src/local/http/faults";

describe("faults", () => {
  it("parses specs and is reproducible with a seed", () => {
    expect(parseFaults("429:0.2, 503:0.05, 504-after-commit:0.1, drop:0.01, DROP-after-commit:0.02")).toEqual([
      { status: 429, rate: 0.2, afterCommit: false, inBatch: false },
      { status: 503, rate: 0.05, afterCommit: false, inBatch: false },
      { status: 504, rate: 0.1, afterCommit: true, inBatch: false },
      { status: "drop", rate: 0.01, afterCommit: false, inBatch: false },
      { status: "drop", rate: 0.02, afterCommit: true, inBatch: false },
    ]);
    expect(() => parseFaults("504-before-commit:0.1")).toThrow(/Invalid fault spec/);
    expect(() => parseFaults("429")).toThrow();
    expect(() => parseFaults("200:0.5")).toThrow();
    expect(() => parseFaults("429:0.7,503:0.7")).toThrow();
    const a = new FaultInjector("429:0.3", 5);
    const b = new FaultInjector("429:0.3", 5);
    const seqA = Array.from({ length: 50 }, () => a.pick()?.status);
    expect(Array.from({ length: 50 }, () => b.pick()?.status)).toEqual(seqA);
    expect(seqA.filter((x) => x === 429).length).toBeGreaterThan(5);
  });

  it("draws part faults for the parts of a $batch only, with their own rates", () => {
    expect(parseFaults("429:0.9,429-in-batch:0.9")).toEqual([
      { status: 429, rate: 0.9, afterCommit: false, inBatch: false },
      { status: 429, rate: 0.9, afterCommit: false, inBatch: true },
    ]);
    expect(() => parseFaults("drop-in-batch:0.1")).toThrow(/cannot be dropped/);
    expect(() => parseFaults("429-in-batch:0.7,503-in-batch:0.7")).toThrow(/In-batch fault rates/);
    const parts = new FaultInjector("429-in-batch:1", 1);
    expect(parts.pick()).toBeUndefined();
    expect(parts.pickPart()?.status).toBe(429);
  });
});

