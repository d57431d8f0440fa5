/**
 * Plans split across tables (Word) and sheets (Excel) import whole: consecutive tables with the same header continue
 * the same plan — the role, the objective and the row in progress carry over, a first row with an empty objective
 * continues the previous table's last row, and the repeated header row is skipped. The result equals the unsplit
 * plan's, for two, three and five pieces with a row cut across each break.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { PlanTreeInput } from "../../src/domain/plan-tree.ts";
import { describeProblem, parsePlanFile } from "../../src/import/index.ts";
import { readDocxTables } from "../../src/import/read/read-docx.ts";
import { readXlsxTables } from "../../src/import/read/read-xlsx.ts";
import type { SourceTable } from "../../src/import/read/table-model.ts";
import { buildDocx, seedDocRows } from "./fixtures/build-docx.ts";
import { buildXlsx } from "./fixtures/build-sheets.ts";
import { seedTableRows } from "./fixtures/seed-2017.ts";
import { splitDocx, splitXlsx } from "./fixtures/split-plan.ts";

const opts = { title: "Equality Objectives 2017-2021", period: "2017-2021" };
let whole: PlanTreeInput;

beforeAll(async () => {
  const r = await parsePlanFile(await buildDocx([seedDocRows(seedTableRows())]), { ...opts, fileName: "plan.docx" });
  expect(r.problems).toEqual([]);
  whole = r.tree!;
});

/** The file really is split, a row cut at each break (the next piece opens with an empty objective); it imports whole. */
async function importsWhole(bytes: Uint8Array, fileName: string, pieces: SourceTable[], count: number) {
  expect(pieces).toHaveLength(count);
  for (const t of pieces.slice(1)) expect(t.rows[1].cells[0].lines).toEqual([]);
  const r = await parsePlanFile(bytes, { ...opts, fileName });
  expect(r.problems.map(describeProblem)).toEqual([]);
  expect(r.tree).toEqual(whole);
  expect(r.notes).toEqual(pieces.slice(1).map((t, i) => `${t.label} continues the plan from ${pieces[i].label} (the same columns).`));
}

describe.each([2, 3, 5])("a plan split into %i pieces", (count) => {
  test("Word tables: the same plan as the unsplit table", async () => {
    const bytes = await splitDocx(seedDocRows(seedTableRows()), count);
    await importsWhole(bytes, "plan.docx", await readDocxTables(bytes), count);
  });

  test("Excel sheets: the same plan as the unsplit sheet", async () => {
    const bytes = await splitXlsx(whole, count);
    await importsWhole(bytes, "plan.xlsx", await readXlsxTables(bytes), count);
  });
});

describe("what does not continue", () => {
  test("the unsplit workbook from the same plan is the same plan (the fixture's own check)", async () => {
    const r = await parsePlanFile(await splitXlsx(whole, 1), { ...opts, fileName: "plan.xlsx" });
    expect(r.tree).toEqual((await parsePlanFile(await buildXlsx(whole), { ...opts, fileName: "plan.xlsx" })).tree);
  });

  test("a table with other columns starts afresh, and a table between breaks the run", async () => {
    const header = ["Objective", "Actions", "Responsible officer", "To be delivered by"];
    const first = [{ header }, [{ span: 4, text: "Role 1: As an Employer: To have a workforce that feels valued." }], ["Fair pay", "Publish the pay gap", "HR", "March 2024"]];
    const other = [["Objective", "Actions", "Lead"], ["", "More", "HR"]];
    const r = await parsePlanFile(await buildDocx([first, other]), { ...opts, fileName: "plan.docx" });
    expect(r.problems.map(describeProblem)).toEqual(['Table 2, row 2, column "Objective": This row has no objective and there is none above it in this role.']);
    const between = [["Version", "Date"], ["1.0", "2023"]];
    const again = await parsePlanFile(await buildDocx([first, between, [{ header }, ["", "More", "", "June 2025"]]]), { ...opts, fileName: "plan.docx" });
    expect(again.problems.map(describeProblem)).toEqual(['Table 3, row 2, column "Objective": This row has no objective and there is none above it in this role.']);
  });

  test("a continuing table's first row with its own officer and date is a new action under the same objective", async () => {
    const header = ["Objective", "Actions", "Responsible officer", "To be delivered by"];
    const r = await parsePlanFile(
      await buildDocx([
        [{ header }, [{ span: 4, text: "Role 1: As an Employer: To have a workforce that feels valued." }], ["Fair pay", "Publish the pay gap", "HR", "March 2024"]],
        [{ header }, ["", "Review grades", "HR", "June 2024"]],
      ]),
      { ...opts, fileName: "plan.docx" },
    );
    expect(r.problems).toEqual([]);
    expect(r.tree!.roles[0].objectives![0].actions!.map((a) => a.text)).toEqual(["Publish the pay gap", "Review grades"]);
  });
});
