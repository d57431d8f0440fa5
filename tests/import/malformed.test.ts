/**
 * Over 200 generated malformed inputs (corrupt and cut-short zips, wrong file types, zip bombs, missing or
 * unrecognisable columns, bad dates, oversized text, unknown roles, empty files, ...) through the parsers: each gets
 * a clear, specific problem that names its place, and no plan tree (so nothing could be written).
 * A representative subset goes through the CLI against the local SharePoint in cli-import.test.ts.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { describeProblem, parsePlanFile } from "../../src/import/index.ts";
import { buildDocx, seedDocRows } from "./fixtures/build-docx.ts";
import { type MalformedCase, malformedCases } from "./fixtures/malformed.ts";
import { seedTableRows } from "./fixtures/seed-2017.ts";

let cases: MalformedCase[] = [];

beforeAll(async () => {
  cases = await malformedCases(await buildDocx([seedDocRows(seedTableRows())]));
}, 120_000);

describe("malformed inputs", () => {
  test("there are at least 200 of them, of every kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(cases.flatMap((c) => c.reasons[0]));
    for (const k of ["empty-file", "too-large", "over-limit", "corrupt", "unsupported-type", "zip-bomb", "no-columns", "missing-column", "bad-date", "too-long", "unknown-role", "no-role"]) {
      expect(kinds, k).toContain(k);
    }
  });

  test("each gets a clear problem with its place, and no plan", async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const r = await parsePlanFile(c.bytes, { fileName: c.fileName, title: c.title ?? "Imported plan", period: c.period ?? "2023-2027" });
      const why = (m: string) => failures.push(`${c.name}: ${m} — got ${JSON.stringify(r.problems.map((p) => [p.reason, describeProblem(p)]))}`);
      if (r.tree !== null) {
        why("a tree was produced");
        continue;
      }
      const main = r.problems.find((p) => p.reason === c.reasons[0]);
      if (!main) {
        why(`expected a "${c.reasons[0]}" problem`);
        continue;
      }
      if (main.message.length < 15) why("the message is too short to help");
      if (c.row !== undefined && main.place.row !== c.row) why(`expected row ${c.row}`);
      if (c.column !== undefined && main.place.column !== c.column) why(`expected column "${c.column}"`);
      if (c.row !== undefined && !describeProblem(main).includes(`row ${c.row}`)) why("the message does not name the row");
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test("a few messages, word for word enough to be useful", async () => {
    const pick = async (name: string) => {
      const c = cases.find((x) => x.name === name)!;
      const r = await parsePlanFile(c.bytes, { fileName: c.fileName, title: "P", period: "2023-2027" });
      return r.problems.map(describeProblem).join("\n");
    };
    expect(await pick('CSV date "Spring 2019"')).toMatch(/^CSV, row 3, column "To be delivered by": "Spring 2019" is not a date: seasons have no agreed end date/);
    expect(await pick("zip bomb: 60 MB of zeros")).toMatch(/unpack to 60\.0 MB \(at most 50\.0 MB\)/);
    expect(await pick("PDF named plan.docx")).toMatch(/is a PDF; open the plan in Word and save it as \.docx/);
    expect(await pick("oversized big.csv")).toMatch(/the limit is 10\.0 MB/);
    expect(await pick('DOCX spanning row "Lorem ipsum dolor sit amet"')).toMatch(/^Table 1, row 4: A row across the whole table must name a role/);
  });
});

describe("leaving bad rows out", () => {
  test("only when asked: the other rows are imported and the left-out ones are listed", async () => {
    const c = cases.find((x) => x.name === 'CSV date "2019"')!;
    const strict = await parsePlanFile(c.bytes, { fileName: c.fileName, title: "P", period: "2023-2027" });
    expect(strict.tree).toBeNull();
    const lenient = await parsePlanFile(c.bytes, { fileName: c.fileName, title: "P", period: "2023-2027", skipInvalid: true });
    expect(lenient.tree).not.toBeNull();
    const refs = lenient.tree!.roles.flatMap((r) => (r.objectives ?? []).flatMap((o) => (o.actions ?? []).map((a) => a.text)));
    expect(refs).toEqual(["Provide ward analysis.", "• Equalities in service plans\n• Staff presentation"]);
    expect(lenient.problems).toHaveLength(1);
    expect(lenient.actions.filter((a) => a.skipped).map((a) => a.place.row)).toEqual([3]);
  });

  test("problems with the whole file cannot be left out", async () => {
    const c = cases.find((x) => x.name === "CSV with no role at all")!;
    const r = await parsePlanFile(c.bytes, { fileName: c.fileName, title: "P", period: "2023-2027", skipInvalid: true });
    expect(r.tree).toBeNull();
  });
});
