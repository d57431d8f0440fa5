/** Pure pieces of the local SharePoint, tested without HTTP. */
import { describe, expect, it } from "vitest";
import { buildBatchResponse, parseBatch } from "../../src/local/batch";
import { FaultInjector, parseFaults } from "../../src/local/faults";
import { fieldFromXml, internalNameFromTitle } from "../../src/local/field-model";
import { firstClause, parseFilter, parseOrderBy } from "../../src/local/odata-filter";

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

describe("fields", () => {
  it("derives internal names as SharePoint does", () => {
    expect(internalNameFromTitle("Due Date")).toBe("Due_x0020_Date");
    expect(internalNameFromTitle("Café")).toBe("Caf_x00e9_");
    expect(internalNameFromTitle("A very long column title that goes on").length).toBeLessThanOrEqual(32);
  });

  it("reads CAML field XML", () => {
    const f = fieldFromXml(`<Field Type="LookupMulti" Name="Plans" DisplayName="Plans &amp; more" Mult="TRUE" List="{11111111-1111-1111-1111-111111111111}" ShowField="Code" Required="TRUE"/>`);
    expect(f).toMatchObject({ internalName: "Plans", title: "Plans & more", kind: "Lookup", multi: true, required: true, lookupField: "Code", lookupList: "11111111-1111-1111-1111-111111111111" });
  });
});

describe("faults", () => {
  it("parses specs and is reproducible with a seed", () => {
    expect(parseFaults("429:0.2, 503:0.05")).toEqual([
      { status: 429, rate: 0.2 },
      { status: 503, rate: 0.05 },
    ]);
    expect(() => parseFaults("429")).toThrow();
    expect(() => parseFaults("200:0.5")).toThrow();
    expect(() => parseFaults("429:0.7,503:0.7")).toThrow();
    const a = new FaultInjector("429:0.3", 5);
    const b = new FaultInjector("429:0.3", 5);
    const seqA = Array.from({ length: 50 }, () => a.pick());
    expect(Array.from({ length: 50 }, () => b.pick())).toEqual(seqA);
    expect(seqA.filter((x) => x === 429).length).toBeGreaterThan(5);
  });
});

describe("batch wire format", () => {
  it("flattens changesets and answers with a newline-terminated closing boundary", () => {
    const body = [
      "--batch_1",
      'Content-Type: multipart/mixed; boundary="changeset_2"',
      "",
      "--changeset_2",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "MERGE http://127.0.0.1:1/sites/a/_api/web/lists/getbytitle('X')/items(1) HTTP/1.1",
      'IF-Match: "1"',
      "",
      '{"Title":"x"}',
      "",
      "--changeset_2--",
      "",
      "--batch_1",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "GET http://127.0.0.1:1/sites/a/_api/web HTTP/1.1",
      "",
      "--batch_1--",
      "",
    ].join("\r\n");
    const parts = parseBatch(body, "multipart/mixed; boundary=batch_1");
    expect(parts.map((p) => [p.method, p.headers["if-match"], p.body])).toEqual([
      ["MERGE", '"1"', '{"Title":"x"}'],
      ["GET", undefined, ""],
    ]);
    const out = buildBatchResponse([
      { status: 204, headers: { ETag: '"2"' }, body: "" },
      { status: 200, headers: {}, body: "{}" },
    ]);
    expect(out.body.endsWith(`--${out.boundary}--\n`)).toBe(true);
    expect(out.body).toContain("HTTP/1.1 204 No Content\nETAG: \"2\"\n");
  });
});
