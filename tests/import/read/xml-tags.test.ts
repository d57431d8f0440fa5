/** The streaming tag reader under the limit scans: tags cut across chunks, quoted ">", entities, comments. */
import { describe, expect, test } from "vitest";
import { columnLetters, cellAddress, namedCells } from "../../../src/import/read/scan-xlsx.ts";
import { attr, decodeEntities, type XmlTag, XmlTagStream } from "../../../src/import/read/xml-tags.ts";

function tagsOf(xml: string, chunk: number): Array<[string, string, string | undefined]> {
  const out: Array<[string, string, string | undefined]> = [];
  const s = new XmlTagStream((t: XmlTag) => out.push([t.kind, t.local, attr(t, "val")]));
  const bytes = new TextEncoder().encode(xml);
  for (let i = 0; i < bytes.length; i += chunk) s.write(bytes.subarray(i, i + chunk));
  s.end();
  return out;
}

describe("XML tags as they stream", () => {
  const xml = '<?xml version="1.0"?><w:tc><!-- <w:tr> --><w:gridSpan x="a>b" w:val="&#53;0"/><![CDATA[<w:tr>]]><t>é</t></w:tc>';
  const expected = [
    ["open", "tc", undefined],
    ["empty", "gridSpan", "50"],
    ["open", "t", undefined],
    ["close", "t", undefined],
    ["close", "tc", undefined],
  ];

  test("the same tags whatever the chunk size, a multi-byte character cut in two included", () => {
    for (const chunk of [1, 2, 3, 7, 64, 10_000]) expect(tagsOf(xml, chunk), `chunk ${chunk}`).toEqual(expected);
  });

  test("entities in attributes are decoded as a parser decodes them", () => {
    expect(decodeEntities("&#x35;&#48;&amp;&lt;&unknown;")).toBe("50&<&unknown;");
  });
});

describe("cell references as exceljs reads them", () => {
  test("addresses, letters and named ranges", () => {
    expect(cellAddress("XFD1048576")).toEqual({ col: 16_384, row: 1_048_576 });
    expect(cellAddress("$B$7")).toEqual({ col: 2, row: 7 });
    expect(columnLetters(16_384)).toBe("XFD");
    expect(columnLetters(27)).toBe("AA");
    expect(namedCells("Plan!$A$1:$F$200,Plan!$H$3")).toEqual({ range: "$A$1:$F$200", cells: 1_200 });
    expect(namedCells("Plan!$1:$1").cells).toBe(0);
  });
});
