/**
 * The CLI is a shell, not a library: tests and benchmarks call the pipelines it calls (src/seeding,
 * src/report/pipeline.ts, src/data ...), never src/cli. `npm run lint` checks src; this runs the same rules
 * (.dependency-cruiser.cjs) over tests and bench.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

describe("tests and benchmarks", () => {
  it("follow the architecture rules, nothing-imports-cli included", async () => {
    const bin = join(ROOT, "node_modules", ".bin", "depcruise");
    const r = await promisify(execFile)(bin, ["tests", "bench", "--config", ".dependency-cruiser.cjs"], { cwd: ROOT }).catch((e) => e);
    expect(r.stdout, r.stdout).toContain("no dependency violations found");
  }, 60_000);
});
