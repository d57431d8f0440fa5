/**
 * Word layouts beyond the seed: an objective cell merged down over several actions, a role's statement on its own
 * row across the table, typed bullets, email addresses in the officer cell, a second table that is not an action
 * plan (left out with a note), and the header row found under a title row.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, test } from "vitest";
import { parsePlanFile } from "../../src/import/index.ts";

const p = (t: string) => new Paragraph(t);
const cell = (t: string | string[], o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ ...o, children: (Array.isArray(t) ? t : [t]).map(p) });

async function docx(tables: TableRow[][]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [p("Appendix A")];
  for (const rows of tables) children.push(new Table({ rows }), p(""));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe("Word layouts", () => {
  test("merged objective cells, a statement row, typed bullets, emails and a non-plan table", async () => {
    const plan = [
      new TableRow({ children: [cell("Equality Objectives and Action Plan 2023-2027", { columnSpan: 5 })] }),
      new TableRow({ children: ["Aim", "What we will do", "Lead", "Success measures", "Deadline"].map((h) => cell(h)) }),
      new TableRow({ children: [cell("Role 2: As a Service Provider", { columnSpan: 5 })] }),
      new TableRow({ children: [cell("We will ensure our services are inclusive.", { columnSpan: 5 })] }),
      new TableRow({
        children: [
          cell("Improve access to services", { rowSpan: 2 }),
          cell(["• Audit the website", "• Fix what the audit finds"]),
          cell("Web team – ana.silva@example.org"),
          cell(["- Audit published", "- Issues fixed"]),
          cell("Q3 2024-25"),
        ],
      }),
      new TableRow({ children: [cell("Train staff in accessible documents"), cell("HR; Robin Ashdown"), cell("200 staff trained"), cell("31/03/2025")] }),
    ];
    const other = [
      new TableRow({ children: [cell("Version"), cell("Date"), cell("Author")] }),
      new TableRow({ children: [cell("1.0"), cell("2023"), cell("Policy team")] }),
    ];
    const r = await parsePlanFile(await docx([plan, other]), {
      fileName: "appendix.docx",
      title: "Plan",
      period: "2023-2027",
      people: [{ login: "robin.ashdown@example.org", email: "robin.ashdown@example.org", name: "Robin Ashdown" }],
    });
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([expect.stringMatching(/^Table 2 was left out: none of its columns is recognised/)]);
    expect(r.tables[0].headerRow).toBe(2);
    const role = r.tree!.roles[0];
    expect(role.name).toBe("Service Provider");
    expect(role.statement).toBe("We will ensure our services are inclusive.");
    expect(role.objectives).toHaveLength(1);
    const actions = role.objectives![0].actions!;
    expect(actions.map((a) => a.text)).toEqual(["• Audit the website\n• Fix what the audit finds", "Train staff in accessible documents"]);
    expect(actions.map((a) => a.successMeasures)).toEqual([["Audit published", "Issues fixed"], ["200 staff trained"]]);
    expect(actions.map((a) => a.officerLogins)).toEqual([["ana.silva@example.org"], ["robin.ashdown@example.org"]]);
    expect(actions.map((a) => a.dueText)).toEqual(["Q3 2024-25", "31/03/2025"]);
    expect(actions.map((a) => a.reference)).toEqual(["SP-1", "SP-2"]);
  });

  test("a row with an empty objective but its own officer and date is another action under the same objective", async () => {
    const rows = [
      new TableRow({ children: ["Objective", "Action", "Responsible officer", "To be delivered by"].map((h) => cell(h)) }),
      new TableRow({ children: [cell("Role 1: As an Employer: To have a workforce that feels valued.", { columnSpan: 4 })] }),
      new TableRow({ children: [cell("Fair recruitment"), cell("Review job adverts"), cell("HR"), cell("June 2024")] }),
      new TableRow({ children: [cell(""), cell("Anonymise applications"), cell("HR"), cell("December 2024")] }),
      new TableRow({ children: [cell(""), cell("and shortlisting"), cell(""), cell("")] }),
    ];
    const r = await parsePlanFile(await docx([rows]), { fileName: "p.docx", title: "Plan", period: "2023-2027" });
    expect(r.problems).toEqual([]);
    const obj = r.tree!.roles[0].objectives!;
    expect(obj).toHaveLength(1);
    expect(obj[0].actions!.map((a) => [a.text, a.dueText])).toEqual([
      ["Review job adverts", "June 2024"],
      ["Anonymise applications\nand shortlisting", "December 2024"],
    ]);
  });
});
