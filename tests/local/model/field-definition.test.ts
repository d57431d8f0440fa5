import { describe, expect, it } from "vitest";
import { fieldFromXml, internalNameFromTitle } from "../../../src/local/model/field-definition";

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

