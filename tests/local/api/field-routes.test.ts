import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestSharePoint, startTestSharePoint } from "../../helpers/local-sharepoint";
import { errorOf, pnp } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint();
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
