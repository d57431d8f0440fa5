import { describe, expect, it } from "vitest";
import { firstClause, parseFilter, parseOrderBy } from "../../../src/local/odata/filter-parser";

describe("$filter parser", () => {
  it("parses precedence, functions and typed literals", () => {
    const ast = parseFilter("Status eq 'Open' and (Score gt 2 or not startswith(Title, 'It''s')) and Due ge datetime'2019-03-31T00:00:00'");
    expect(firstClause(ast)).toEqual({ kind: "cmp", op: "eq", left: { kind: "prop", path: ["Status"] }, right: { kind: "lit", type: "string", value: "Open" } });
    expect(JSON.stringify(ast)).toContain('"value":"It\'s"');
    expect(JSON.stringify(ast)).toContain('"value":"2019-03-31T00:00:00Z"');
    expect(parseFilter("Owner/EMail eq null")).toMatchObject({ left: { path: ["Owner", "EMail"] }, right: { type: "null" } });
    expect(parseFilter("Score eq -1.5")).toMatchObject({ right: { type: "number", value: -1.5 } });
    expect(parseFilter("Done eq true")).toMatchObject({ right: { type: "bool", value: true } });
  });

  it("rejects malformed expressions with SharePoint's 400", () => {
    for (const bad of ["", "Status eq", "Status eq 'x", "(Status eq 'x'", "Status xx 1", "foo(Title, 'x')", "Status eq 'x' extra"]) {
      expect(() => parseFilter(bad), bad).toThrowError(expect.objectContaining({ status: 400 }));
    }
  });

  it("parses $orderby", () => {
    expect(parseOrderBy("Title, Score desc,ID asc")).toEqual([
      { path: ["Title"], desc: false },
      { path: ["Score"], desc: true },
      { path: ["ID"], desc: false },
    ]);
  });
});

