/** References: kept as written and unique, else made from the role's initials without clashing. */
import { describe, expect, test } from "vitest";
import type { RoleDraft } from "../../../src/import/plan/build-drafts.ts";
import { assignReferences } from "../../../src/import/plan/references.ts";
import { draft } from "../fixtures/drafts.ts";

const role = (name: string): RoleDraft => ({ name, statement: "", objectives: ["o"], place: {} });
const withRef = (n: number, roleIndex: number, reference = "") => draft(n, { roleIndex, reference, columns: { reference: "Ref" } });

describe("references", () => {
  test("made from the role's initials, skipping those the file uses", () => {
    const drafts = [withRef(2, 0), withRef(3, 0, "cl-2"), withRef(4, 0), withRef(5, 1)];
    expect(assignReferences(drafts, [role("Community Leader"), role("Employer")])).toEqual([]);
    expect(drafts.map((d) => d.reference)).toEqual(["CL-1", "cl-2", "CL-3", "EM-1"]);
  });

  test("a reference used twice is a problem at the second, with its column", () => {
    const drafts = [withRef(2, 0, "A-1"), withRef(3, 0, "a-1")];
    expect(assignReferences(drafts, [role("Employer")])).toEqual([
      { reason: "invalid", place: { table: "CSV", row: 3, column: "Ref" }, value: "a-1", message: "This reference is used by another action above.", rowKey: "CSV#3" },
    ]);
  });
});
