/**
 * A list's default view (src/local/api/view-routes.ts): what provisioning needs so that a list reads sensibly in
 * SharePoint itself. A new list shows its title; a column created with AddFieldToDefaultView (Options & 16) joins
 * the view; addviewfield/removeviewfield change it (ManageLists); an unknown column is refused.
 */
import "@pnp/sp/views";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { ACCESS_DENIED, CAST, CAST_DIRECTORY, pnpApp, pnpAs, refusal, statusOf } from "../helpers";

const WRITER_APP = "11111111-2222-4333-8444-555555555555";
let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ directory: CAST_DIRECTORY, siteMembers: "none", grants: { [WRITER_APP]: "write" } });
});
afterAll(async () => t.close());

describe("default view", () => {
  it("starts with the title, takes columns added to the default view, and keeps their order", async () => {
    const sp = pnpAs(t.siteUrl, CAST.ann);
    await sp.web.lists.add("Viewed");
    const l = sp.web.lists.getByTitle("Viewed");
    expect(((await l.defaultView.fields()) as { Items: string[] }).Items).toEqual(["LinkTitle"]);
    await l.fields.createFieldAsXml({ SchemaXml: `<Field Type="Text" Name="Code" DisplayName="Code" />`, Options: 8 | 16 } as never);
    await l.fields.createFieldAsXml({ SchemaXml: `<Field Type="Text" Name="Hidden1" DisplayName="Hidden1" />`, Options: 8 } as never);
    await l.defaultView.fields.add("Hidden1");
    const view = (await l.defaultView.fields()) as { Items: string[]; SchemaXml: string };
    expect(view.Items).toEqual(["LinkTitle", "Code", "Hidden1"]);
    expect(view.SchemaXml).toBe('<FieldRef Name="LinkTitle" /><FieldRef Name="Code" /><FieldRef Name="Hidden1" />');
    await l.defaultView.fields.remove("Code");
    expect(((await l.defaultView.fields()) as { Items: string[] }).Items).toEqual(["LinkTitle", "Hidden1"]);
    // A deleted column leaves the view too.
    await l.fields.getByInternalNameOrTitle("Hidden1").delete();
    expect(((await l.defaultView.fields()) as { Items: string[] }).Items).toEqual(["LinkTitle"]);
  });

  it("refuses a column the list does not have, and changes by someone without ManageLists", async () => {
    const sp = pnpAs(t.siteUrl, CAST.ann);
    await sp.web.lists.add("Guarded");
    expect(await statusOf(sp.web.lists.getByTitle("Guarded").defaultView.fields.add("NoSuchColumn"))).toBe(404);
    // An app granted `write` (Contribute) writes items, not lists: its view change is refused as SharePoint does.
    const app = pnpApp(t.siteUrl, WRITER_APP);
    expect(((await app.web.lists.getByTitle("Guarded").defaultView.fields()) as { Items: string[] }).Items).toEqual(["LinkTitle"]);
    expect(await refusal(app.web.lists.getByTitle("Guarded").defaultView.fields.add("Title"))).toEqual(ACCESS_DENIED);
  });
});
