import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { errorOf, pnp, raw } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true });
});
afterAll(async () => {
  await t.close();
});

describe("fields through PnPjs", () => {
  it("adds every kind of column the way PnPjs sends it and reads the definitions back", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Plans");
    const plans = await sp.web.lists.getByTitle("Plans")();
    await sp.web.lists.add("Fields");
    const f = sp.web.lists.getByTitle("Fields").fields;
    await f.addText("Due Note", { MaxLength: 20 });
    await f.addMultilineText("Body");
    await f.addNumber("Score");
    await f.addDateTime("Due");
    await f.addBoolean("Done");
    await f.addChoice("Status", { Choices: ["Open", "Closed"] });
    await f.addMultiChoice("Tags", { Choices: ["a", "b"] });
    await f.addUser("Owner", { SelectionMode: 0 });
    await f.addUser("Officers", { SelectionMode: 0, AllowMultipleValues: true } as never);
    await f.addLookup("Plan", { LookupListId: plans.Id, LookupFieldName: "Title" });
    await f.addLookup("Plans", { LookupListId: plans.Id, LookupFieldName: "Title", AllowMultipleValues: true } as never);
    await f.createFieldAsXml(
      `<Field Type="Text" Name="Code" StaticName="Code" DisplayName="Code" Required="TRUE" Indexed="TRUE" EnforceUniqueValues="TRUE" MaxLength="40" />`,
    );
    await f.createFieldAsXml(`<Field Type="UserMulti" Name="Reviewers" DisplayName="Reviewers" Mult="TRUE" UserSelectionMode="PeopleOnly" />`);
    await f.createFieldAsXml(`<Field Type="LookupMulti" Name="Linked" DisplayName="Linked" Mult="TRUE" List="{${plans.Id}}" ShowField="Title" />`);
    await f.createFieldAsXml(
      `<Field Type="Choice" Name="Priority" DisplayName="Priority"><CHOICES><CHOICE>High</CHOICE><CHOICE>Low &amp; slow</CHOICE></CHOICES></Field>`,
    );
    await f.createFieldAsXml(`<Field Type="DateTime" Name="Start" DisplayName="Start" Format="DateTime" />`);

    const defs = await f.select("InternalName", "TypeAsString", "FieldTypeKind", "Indexed", "EnforceUniqueValues", "Required")();
    const byName = Object.fromEntries(defs.map((d) => [d.InternalName, d]));
    expect(byName.Due_x0020_Note).toMatchObject({ TypeAsString: "Text", FieldTypeKind: 2 });
    expect(byName.Body.TypeAsString).toBe("Note");
    expect(byName.Score.TypeAsString).toBe("Number");
    expect(byName.Due.TypeAsString).toBe("DateTime");
    expect(byName.Done.TypeAsString).toBe("Boolean");
    expect(byName.Status.TypeAsString).toBe("Choice");
    expect(byName.Tags.TypeAsString).toBe("MultiChoice");
    expect(byName.Owner.TypeAsString).toBe("User");
    expect(byName.Officers.TypeAsString).toBe("UserMulti");
    expect(byName.Plan.TypeAsString).toBe("Lookup");
    expect(byName.Plans.TypeAsString).toBe("LookupMulti");
    expect(byName.Code).toMatchObject({ TypeAsString: "Text", Indexed: true, EnforceUniqueValues: true, Required: true });
    expect(byName.Reviewers.TypeAsString).toBe("UserMulti");
    expect(byName.Linked.TypeAsString).toBe("LookupMulti");
    for (const b of ["ID", "Title", "Created", "Modified", "Author", "Editor"]) expect(byName[b]).toBeDefined();

    const code = await f.getByInternalNameOrTitle("Code")();
    expect(code).toMatchObject({ MaxLength: 40, StaticName: "Code", Title: "Code" });
    const prio = await f.getByInternalNameOrTitle("Priority")();
    expect(prio.Choices).toEqual(["High", "Low & slow"]);
    const plan = await f.getByInternalNameOrTitle("Plan")();
    expect(plan).toMatchObject({ LookupList: `{${plans.Id}}`, LookupField: "Title", AllowMultipleValues: false });
    const officers = (await f.getByInternalNameOrTitle("Officers")()) as { AllowMultipleValues?: boolean };
    expect(officers.AllowMultipleValues).toBe(true);
    const note = await f.getByInternalNameOrTitle("Due Note")();
    expect(note).toMatchObject({ InternalName: "Due_x0020_Note", MaxLength: 20 });
    expect((await errorOf(f.getByInternalNameOrTitle("Nope")())).status).toBe(404);
  });

  it("updates Indexed and EnforceUniqueValues with SharePoint's rules", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Idx");
    const list = sp.web.lists.getByTitle("Idx");
    await list.fields.addText("Ref");
    await list.fields.addUser("People", { SelectionMode: 0, AllowMultipleValues: true } as never);
    const ref = list.fields.getByInternalNameOrTitle("Ref");
    // Unique needs an index first.
    const notIndexed = await errorOf(ref.update({ EnforceUniqueValues: true }, "SP.FieldText"));
    expect(notIndexed.status).toBe(400);
    await ref.update({ Indexed: true }, "SP.FieldText");
    await ref.update({ EnforceUniqueValues: true }, "SP.FieldText");
    expect(await ref.select("Indexed", "EnforceUniqueValues")()).toMatchObject({ Indexed: true, EnforceUniqueValues: true });
    // Multi-value columns cannot be indexed.
    expect((await errorOf(list.fields.getByInternalNameOrTitle("People").update({ Indexed: true }, "SP.FieldUser"))).status).toBe(400);
    await list.items.add({ Ref: "A" });
    await list.fields.addText("Dup");
    await list.items.add({ Ref: "B", Dup: "x" });
    await list.items.add({ Ref: "C", Dup: "x" });
    const dup = list.fields.getByInternalNameOrTitle("Dup");
    await dup.update({ Indexed: true }, "SP.FieldText");
    expect((await errorOf(dup.update({ EnforceUniqueValues: true }, "SP.FieldText"))).status).toBe(500);
    expect((await dup.select("EnforceUniqueValues")()).EnforceUniqueValues).toBe(false);
    await list.fields.getByInternalNameOrTitle("Dup").delete();
    expect((await errorOf(list.fields.getByInternalNameOrTitle("Dup")())).status).toBe(404);
  });
});

describe("updating a column (MERGE)", () => {
  it("reads an untyped body as SP.Field: a property of a derived type (Choices, MaxLength) is SharePoint's 400", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Typed");
    const list = sp.web.lists.getByTitle("Typed");
    await list.fields.addChoice("Status", { Choices: ["Open", "Closed"] });
    await list.fields.addText("Code");
    const status = list.fields.getByInternalNameOrTitle("Status");
    // PnPjs v4 looks the type up and then sends the body without it.
    const e = await errorOf(status.update({ Choices: ["Open", "Closed", "Parked"] }, "SP.FieldChoice"));
    expect(e.status).toBe(400);
    expect(e.message).toContain("-1, Microsoft.SharePoint.Client.InvalidClientQueryException");
    expect(e.message).toContain("The property 'Choices' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.");
    expect((await errorOf(list.fields.getByInternalNameOrTitle("Code").update({ MaxLength: 20 }))).message).toContain("The property 'MaxLength' does not exist on type 'SP.Field'");
    // SP.Field's own properties need no type.
    await status.update({ Title: "State", Indexed: true });
    expect(await status.select("Title", "Indexed", "Choices")()).toMatchObject({ Title: "State", Indexed: true, Choices: ["Open", "Closed"] });
  });

  it("accepts typed bodies (minimal odata.type, verbose __metadata) and SchemaXml; refuses a type that is not the column's", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Typed2");
    const list = await sp.web.lists.getByTitle("Typed2")();
    await sp.web.lists.getByTitle("Typed2").fields.addChoice("Status", { Choices: ["Open"] });
    const url = `${t.siteUrl}/_api/web/lists(guid'${list.Id}')/fields/getbyinternalnameortitle('Status')`;
    const merge = (headers: Record<string, string>, body: unknown) => raw(url, devToken({ upn: "ann.admin@contoso.test" }), { method: "POST", headers: { "X-HTTP-Method": "MERGE", ...headers }, body });
    expect((await merge({}, { "odata.type": "SP.FieldChoice", Choices: ["Open", "Closed"] })).status).toBe(204);
    expect((await merge({ "Content-Type": "application/json;odata=verbose" }, { __metadata: { type: "SP.FieldChoice" }, Choices: { results: ["Open", "Closed", "Parked"] }, FillInChoice: true })).status).toBe(204);
    const choice = (await sp.web.lists.getByTitle("Typed2").fields.getByInternalNameOrTitle("Status")()) as { Choices?: string[]; FillInChoice?: boolean };
    expect(choice).toMatchObject({ Choices: ["Open", "Closed", "Parked"], FillInChoice: true });
    const xml = `<Field Type="Choice" Name="Status" DisplayName="Status" FillInChoice="FALSE"><CHOICES><CHOICE>Open</CHOICE><CHOICE>Done</CHOICE></CHOICES></Field>`;
    expect((await merge({}, { SchemaXml: xml })).status).toBe(204);
    expect(await sp.web.lists.getByTitle("Typed2").fields.getByInternalNameOrTitle("Status").select("Choices", "FillInChoice")()).toMatchObject({ Choices: ["Open", "Done"], FillInChoice: false });
    const wrongType = await merge({}, { "odata.type": "SP.FieldText", MaxLength: 10 });
    expect(wrongType.status).toBe(400);
    expect((await merge({}, { "odata.type": "SP.FieldWhatever", Title: "x" })).json["odata.error"].message.value).toContain("A type named 'SP.FieldWhatever' could not be resolved by the model");
    expect((await merge({}, { SchemaXml: `<Field Type="Text" Name="Status" />` })).status).toBe(400);
  });
});

describe("choice values", () => {
  it("takes only listed choices unless the column allows fill-in choices; nothing is written on refusal", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Choices");
    const list = sp.web.lists.getByTitle("Choices");
    await list.fields.addChoice("Status", { Choices: ["Open", "Closed"] });
    await list.fields.addMultiChoice("Tags", { Choices: ["a", "b"] });
    await list.fields.createFieldAsXml(`<Field Type="Choice" Name="Free" DisplayName="Free" FillInChoice="TRUE"><CHOICES><CHOICE>x</CHOICE></CHOICES></Field>`);
    await list.items.add({ Status: "Open", Tags: ["a", "b"], Free: "anything" });
    const bad = await errorOf(list.items.add({ Status: "open" }));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain("The value 'open' is not one of the choices of the column 'Status'");
    expect((await errorOf(list.items.add({ Tags: ["a", "c"] }))).message).toContain("'c' is not one of the choices of the column 'Tags'");
    expect((await list.select("ItemCount")()).ItemCount).toBe(1);
  });
});
