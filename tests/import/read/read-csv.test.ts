/** CSV: UTF-8 or Windows-1252, any usual delimiter, quoted line breaks; binary data refused. */
import { describe, expect, test } from "vitest";
import { readCsvTable } from "../../../src/import/read/read-csv.ts";

const texts = (bytes: Uint8Array) => {
  const r = readCsvTable(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.table.rows.map((row) => row.cells.map((c) => c.lines.join("|")));
};

describe("reading CSV", () => {
  test("UTF-8 with a byte-order mark, semicolons, and a quoted line break", () => {
    const bytes = new TextEncoder().encode('\ufeffObjective;Actions;Lead\r\n"Fair pay";"• Publish\n• Review";HR\r\n');
    expect(texts(bytes)).toEqual([["Objective", "Actions", "Lead"], ["Fair pay", "Publish|Review", "HR"], [""]]);
  });

  test("Windows-1252 (what Excel saves as CSV in the UK): £ and curly quotes survive", () => {
    const bytes = Uint8Array.from([0x41, 0x2c, 0x42, 0x0d, 0x0a, 0xa3, 0x35, 0x2c, 0x93, 0x71, 0x94]);
    expect(texts(bytes)).toEqual([["A", "B"], ["£5", "“q”"]]);
  });

  test("binary data and unclosed quotes are refused with a reason", () => {
    expect(readCsvTable(Uint8Array.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, reason: "not-text" });
    expect(readCsvTable(new TextEncoder().encode('A,B\r\n"open,x\r\n'))).toMatchObject({ ok: false, reason: "corrupt" });
  });
});
