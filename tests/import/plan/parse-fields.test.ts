/** Field parsing alone: each cell → its value and the problem it has, with SharePoint's limits. */
import { describe, expect, test } from "vitest";
import { MULTI_LINE_MAX } from "../../../src/domain/types.ts";
import {
  actionLines,
  checkActionText,
  checkDue,
  dueWords,
  readAction,
  readLines,
  readCommitment,
  readObjective,
  readReference,
  readRoleCell,
  readStatus,
} from "../../../src/import/plan/parse-fields.ts";
import { cellFromText } from "../../../src/import/read/table-model.ts";

const c = (t: string) => cellFromText(t);

describe("field parsing", () => {
  test("roles from a Role column", () => {
    expect(readRoleCell(c("Community Leader: We will listen.")).role).toEqual({ name: "Community Leader", statement: "We will listen." });
    expect(readRoleCell(c("")).role).toBeNull();
    expect(readRoleCell({ ...c("Employer"), covered: true }).role).toBeNull();
    expect(readRoleCell(c("We will do more")).problem?.reason).toBe("unknown-role");
    expect(readRoleCell(c("x".repeat(300))).problem?.reason).toBe("too-long");
  });

  test("objectives on one line; a merged cell gives none", () => {
    expect(readObjective(c("Improve\naccess")).text).toBe("Improve access");
    expect(readObjective({ ...c("Improve"), covered: true }).text).toBe("");
    // Longer than any SharePoint field: the text was not kept (nothing proportional to it is made), only its size.
    expect(readObjective(c("x".repeat(MULTI_LINE_MAX + 1)))).toEqual({
      text: "",
      problem: { reason: "too-long", value: "", message: "This cell holds 64,000 characters; at most 63,999 are allowed (the most SharePoint keeps in a field)." },
    });
  });

  test("action lines keep bullets; empty and oversized actions are problems", () => {
    expect(actionLines(c("• Audit\n• Fix\nReport"))).toEqual(["• Audit", "• Fix", "Report"]);
    expect(checkActionText("")?.message).toBe("This row has no action text.");
    expect(checkActionText("x".repeat(MULTI_LINE_MAX + 1))?.reason).toBe("too-long");
    expect(readAction(c("x".repeat(MULTI_LINE_MAX + 1))).problem?.message).toMatch(/^This cell holds 64,000 characters/);
    expect(readLines(c("x".repeat(100_000))).problem?.message).toMatch(/^This cell holds 100,000 characters/);
    expect(checkActionText("ok")).toBeUndefined();
  });

  test("status words, references, commitments", () => {
    expect(readStatus(c("Amber")).status).toBe("at-risk");
    expect(readStatus(c("")).status).toBe("not-started");
    expect(readStatus(c("Purple")).problem?.reason).toBe("bad-status");
    // A paper that gave no status says so: it stays "not recorded", never "not started".
    expect(readStatus(c("Not recorded")).status).toBe("not-recorded");
    expect(readStatus(c("not  recorded")).status).toBe("not-recorded");
    expect(readStatus(c("Not recorded")).problem).toBeUndefined();
    expect(readReference(c(" CL  1 ")).reference).toBe("CL 1");
    expect(readReference(c("r".repeat(256))).problem?.reason).toBe("too-long");
    expect(readCommitment(c("We will\nlisten")).commitment).toBe("We will listen");
    expect(readCommitment(c("")).commitment).toBeNull();
  });

  test("dates: words on one line, checked by the domain's rules", () => {
    expect(dueWords(c("Review by March\n2018"))).toBe("Review by March 2018");
    expect(checkDue("Review by March 2018")).toBeUndefined();
    expect(checkDue("Spring 2019")?.message).toMatch(/^"Spring 2019" is not a date: seasons have no agreed end date/);
    expect(checkDue(`March 2019 ${"x".repeat(250)}`)?.reason).toBe("too-long");
  });
});
