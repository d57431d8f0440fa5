/** Word: tables through mammoth; paragraphs and list items as lines; merged cells on the grid. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, test } from "vitest";
import { readDocxTables } from "../../../src/import/read/read-docx.ts";

const p = (text: string, bullet = false) => new Paragraph({ text, ...(bullet ? { bullet: { level: 0 } } : {}) });

describe("reading Word", () => {
  test("bullets stay bullets; a cell merged down covers the cells below it; a spanning cell spans", async () => {
    const rows = [
      new TableRow({ children: [new TableCell({ columnSpan: 2, children: [p("Role 1: As an Employer")] })] }),
      new TableRow({ children: [new TableCell({ rowSpan: 2, children: [p("Fair pay")] }), new TableCell({ children: [p("Publish", true), p("Review", true)] })] }),
      new TableRow({ children: [new TableCell({ children: [p("Report")] })] }),
    ];
    const doc = new Document({ sections: [{ children: [p("Title"), new Table({ rows })] }] });
    const [t] = await readDocxTables(new Uint8Array(await Packer.toBuffer(doc)));
    expect(t.label).toBe("Table 1");
    expect(t.rows.map((r) => r.cells.map((c) => ({ lines: c.lines, bullets: c.bullets, span: c.span, covered: c.covered })))).toEqual([
      [{ lines: ["Role 1: As an Employer"], bullets: [false], span: 2, covered: false }],
      [
        { lines: ["Fair pay"], bullets: [false], span: 1, covered: false },
        { lines: ["Publish", "Review"], bullets: [true, true], span: 1, covered: false },
      ],
      [
        { lines: ["Fair pay"], bullets: [false], span: 1, covered: true },
        { lines: ["Report"], bullets: [false], span: 1, covered: false },
      ],
    ]);
  });
});
