import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { errorOf, pnp, statusOf } from "../helpers";

let t: TestSharePoint;
let ann: number;
let bob: number;
let planA: number;
let planB: number;

beforeAll(async () => {
  t = await startTestSharePoint({ open: true });
  const sp = pnp(t.siteUrl);
  ann = (await sp.web.currentUser()).Id;
  bob = (await sp.web.ensureUser("bob.builder@contoso.test")).Id;
  await sp.web.lists.add("Plans");
  const plans = sp.web.lists.getByTitle("Plans");
  planA = (await plans.items.add({ Title: "Plan A" })).Id;
  planB = (await plans.items.add({ Title: "Plan B" })).Id;
  const plansId = (await plans.select("Id")()).Id;
  await sp.web.lists.add("Actions", "", 100, false, { EnableVersioning: true });
  const f = sp.web.lists.getByTitle("Actions").fields;
  await f.addText("Status", { Indexed: true } as never);
  await f.addNumber("Score");
  await f.addDateTime("Due");
  await f.addBoolean("Done");
  await f.addMultiChoice("Tags", { Choices: ["red", "green", "blue"] });
  await f.addUser("Owner", { SelectionMode: 0 });
  await f.addUser("Officers", { SelectionMode: 0, AllowMultipleValues: true } as never);
  await f.addLookup("Plan", { LookupListId: plansId, LookupFieldName: "Title" });
  await f.addLookup("Plans", { LookupListId: plansId, LookupFieldName: "Title", AllowMultipleValues: true } as never);
  await f.createFieldAsXml(`<Field Type="Text" Name="Code" DisplayName="Code" Indexed="TRUE" EnforceUniqueValues="TRUE" />`);
  await f.createFieldAsXml(`<Field Type="Text" Name="Short" DisplayName="Short" MaxLength="5" />`);
  await f.createFieldAsXml(`<Field Type="Text" Name="Must" DisplayName="Must" Required="TRUE" />`);
  await f.addMultilineText("Notes");
  const items = sp.web.lists.getByTitle("Actions").items;
  const rows = [
    { Title: "Alpha", Status: "Open", Score: 1, Due: "2019-03-31T00:00:00Z", Done: false, Tags: ["red"], OwnerId: ann, OfficersId: [ann, bob], PlanId: planA, PlansId: [planA], Code: "A1", Must: "x" },
    { Title: "Bravo", Status: "Closed", Score: 5, Due: "2020-01-15T12:00:00Z", Done: true, Tags: ["green", "blue"], OwnerId: bob, OfficersId: [bob], PlanId: planB, PlansId: [planA, planB], Code: "B2", Must: "x" },
    { Title: "Charlie's", Status: "Open", Score: 10, Due: "2021-06-01T00:00:00Z", Done: false, Tags: [], OwnerId: bob, OfficersId: { results: [ann] }, PlanId: planA, PlansId: { results: [planB] }, Code: "C3", Must: "x" },
    { Title: "Delta", Status: null, Score: null, Due: null, Done: true, OwnerId: null, Code: "D4", Must: "x" },
  ];
  for (const r of rows) await items.add(r);
});
afterAll(async () => {
  await t.close();
});

const actions = () => pnp(t.siteUrl).web.lists.getByTitle("Actions");
const titles = async (filter: string, ...expand: string[]) =>
  (await (expand.length ? actions().items.expand(...expand) : actions().items).select("Title").filter(filter).orderBy("ID")()).map((i) => i.Title);

describe("items", () => {
  it("adds with 201 and the item, stores values in SharePoint's shapes", async () => {
    const item = await actions().items.getById(1)();
    expect(item["odata.etag"]).toBe('"1"');
    expect(item).toMatchObject({
      Id: 1,
      ID: 1,
      Title: "Alpha",
      Status: "Open",
      Score: 1,
      Due: "2019-03-31T00:00:00Z",
      Done: false,
      Tags: ["red"],
      OwnerId: ann,
      OfficersId: [ann, bob],
      PlanId: planA,
      PlansId: [planA],
      AuthorId: ann,
      EditorId: ann,
    });
    expect(item.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("filters like SharePoint", async () => {
    expect(await titles("Status eq 'Open'")).toEqual(["Alpha", "Charlie's"]);
    expect(await titles("Status eq 'open'")).toEqual(["Alpha", "Charlie's"]);
    expect(await titles("Status ne 'Open'")).toEqual(["Bravo"]);
    expect(await titles("Score gt 1 and Score le 10")).toEqual(["Bravo", "Charlie's"]);
    expect(await titles("Score lt 5 or Done eq true")).toEqual(["Alpha", "Bravo", "Delta"]);
    expect(await titles("not (Status eq 'Open')")).toEqual(["Bravo"]);
    expect(await titles("(Status eq 'Open' or Status eq 'Closed') and Score ge 5")).toEqual(["Bravo", "Charlie's"]);
    expect(await titles("startswith(Title, 'Br')")).toEqual(["Bravo"]);
    expect(await titles("substringof('arl', Title)")).toEqual(["Charlie's"]);
    expect(await titles("Title eq 'Charlie''s'")).toEqual(["Charlie's"]);
    expect(await titles("Due ge datetime'2020-01-01T00:00:00Z'")).toEqual(["Bravo", "Charlie's"]);
    expect(await titles("Due lt datetime'2020-01-01T00:00:00'")).toEqual(["Alpha"]);
    expect(await titles("Due eq null")).toEqual(["Delta"]);
    expect(await titles("Status ne null")).toEqual(["Alpha", "Bravo", "Charlie's"]);
    expect(await titles("Done eq false")).toEqual(["Alpha", "Charlie's"]);
    expect(await titles(`OwnerId eq ${bob}`)).toEqual(["Bravo", "Charlie's"]);
    expect(await titles(`PlanId eq ${planA}`)).toEqual(["Alpha", "Charlie's"]);
    expect(await titles("Tags eq 'blue'")).toEqual(["Bravo"]);
    expect(await titles("Owner/EMail eq 'bob.builder@contoso.test'", "Owner")).toEqual(["Bravo", "Charlie's"]);
    expect(await titles("Plan/Title eq 'Plan B'", "Plan")).toEqual(["Bravo"]);
    expect(await titles("ID eq 2")).toEqual(["Bravo"]);
    expect(await titles("Id ge 3")).toEqual(["Charlie's", "Delta"]);
    expect(await titles("Due lt datetime'2020-01-01'")).toEqual(["Alpha"]);
    expect(await titles(`AuthorId eq ${ann} and Score eq 1`)).toEqual(["Alpha"]);
    expect(await titles("Created ge datetime'2000-01-01T00:00:00Z' and ID le 2")).toEqual(["Alpha", "Bravo"]);
  });

  it("refuses filters on multi-value person/lookup columns and on multiple lines of text, as SharePoint cannot query them", async () => {
    for (const [filter, field, type] of [
      [`OfficersId eq ${ann}`, "Officers", "UserMulti"],
      [`PlansId eq ${planB}`, "Plans", "LookupMulti"],
      ["Officers/Title eq 'Ann Admin'", "Officers", "UserMulti"],
      ["OfficersId eq null", "Officers", "UserMulti"],
      ["substringof('x', Notes)", "Notes", "Note"],
    ] as const) {
      const e = await errorOf(actions().items.expand("Officers").filter(filter)());
      expect(e.status, filter).toBe(400);
      expect(e.message, filter).toContain(`The field '${field}' of type '${type}' cannot be used in the query filter expression.`);
    }
  });

  it("multiValueFilters reads eq on a multi-value column as 'contains' (the behaviour reported by some)", async () => {
    const loose = await startTestSharePoint({ open: true, multiValueFilters: true });
    try {
      const sp = pnp(loose.siteUrl);
      const me = (await sp.web.currentUser()).Id;
      await sp.web.lists.add("Loose");
      await sp.web.lists.getByTitle("Loose").fields.addUser("Officers", { SelectionMode: 0, AllowMultipleValues: true } as never);
      await sp.web.lists.getByTitle("Loose").items.add({ Title: "mine", OfficersId: [me] });
      await sp.web.lists.getByTitle("Loose").items.add({ Title: "nobody's", OfficersId: [] });
      expect((await sp.web.lists.getByTitle("Loose").items.filter(`OfficersId eq ${me}`).select("Title")()).map((i) => i.Title)).toEqual(["mine"]);
    } finally {
      await loose.close();
    }
  });

  it("filters on a person's or lookup's property only when that column is expanded", async () => {
    const e = await errorOf(actions().items.select("Title").filter("Owner/EMail eq 'bob.builder@contoso.test'")());
    expect(e.status).toBe(400);
    expect(e.message).toContain("'Owner' must be in $expand");
    expect((await errorOf(actions().items.select("Title").filter("Plan/Title eq 'Plan B'")())).status).toBe(400);
  });

  it("refuses malformed OData and unknown columns with 400", async () => {
    expect((await errorOf(actions().items.filter("Status eq")())).status).toBe(400);
    expect((await errorOf(actions().items.filter("Status eq 'x")())).status).toBe(400);
    expect((await errorOf(actions().items.filter("Status xx 'x'")())).status).toBe(400);
    const unknown = await errorOf(actions().items.filter("Nope eq 1")());
    expect(unknown.status).toBe(400);
    expect(unknown.message).toContain("Column 'Nope' does not exist");
    expect((await errorOf(actions().items.select("Nope")())).status).toBe(400);
    expect((await errorOf(actions().items.select("Owner/Title")())).status).toBe(400);
    expect((await errorOf(actions().items.filter("Score eq 'abc'")())).status).toBe(400);
  });

  it("orders by several keys and limits with $top", async () => {
    const r = await actions().items.select("Title").orderBy("Done", true).orderBy("Score", false).top(3)();
    expect(r.map((i) => i.Title)).toEqual(["Charlie's", "Alpha", "Bravo"]);
  });

  it("projects person and lookup columns through $select/$expand", async () => {
    const r = await actions()
      .items.select("Title", "Owner/Title", "Owner/EMail", "Owner/Id", "Officers/Title", "Plan/Title", "Plans/Title", "PlanId")
      .expand("Owner", "Officers", "Plan", "Plans")
      .filter("ID eq 1")();
    expect(r[0].Owner).toMatchObject({ Title: "Ann Admin", EMail: "ann.admin@contoso.test", Id: ann });
    expect(r[0].Officers.map((o: { Title: string }) => o.Title)).toEqual(["Ann Admin", "Bob Builder"]);
    expect(r[0].Plan.Title).toBe("Plan A");
    expect(r[0].Plans.map((p: { Title: string }) => p.Title)).toEqual(["Plan A"]);
    expect(r[0].PlanId).toBe(planA);
    const d = await actions().items.select("Owner/Title").expand("Owner").filter("ID eq 4")();
    expect(d[0].Owner).toBeNull();
    const byAuthor = await actions().items.select("Title", "Author/Title", "Editor/EMail").expand("Author", "Editor").filter("ID eq 1")();
    expect(byAuthor[0]).toMatchObject({ Author: { Title: "Ann Admin" }, Editor: { EMail: "ann.admin@contoso.test" } });
  });

  it("updates with MERGE and etags: 204 + new ETag; stale etag 412 and nothing changes", async () => {
    const item = actions().items.getById(2);
    const before = await item();
    const res = await item.update({ Score: 6 }, before["odata.etag"]);
    expect(res.etag).toBe('"2"');
    const stale = await errorOf(item.update({ Score: 7 }, before["odata.etag"]));
    expect(stale.status).toBe(412);
    expect(stale.message).toContain(`The request ETag value '\\"1\\"' does not match the object's ETag value '\\"2\\"'`);
    const after = await item();
    expect(after.Score).toBe(6);
    expect(after["odata.etag"]).toBe('"2"');
    await item.update({ Score: 8 });
    expect((await item()).Score).toBe(8);
    expect((await item()).EditorId).toBe(ann);
    const asBob = pnp(t.siteUrl, "bob.builder@contoso.test", "Bob Builder").web.lists.getByTitle("Actions").items.getById(2);
    await asBob.update({ Score: 9 });
    expect((await item()).EditorId).toBe(bob);
  });

  it("keeps versions when the list has versioning on", async () => {
    const versions = await actions().items.getById(2).versions();
    expect(versions.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(["4.0", "3.0", "2.0", "1.0"]);
    expect(versions[0].IsCurrentVersion).toBe(true);
    expect(versions[3].Score).toBe(5);
    expect(versions[0].Score).toBe(9);
    expect(versions[0].Editor.LookupId).toBe(bob);
  });

  it("refuses invalid writes with 400s naming the field and writes nothing", async () => {
    const items = actions().items;
    const count = async () => (await actions().select("ItemCount")()).ItemCount;
    const n = await count();
    const unknown = await errorOf(items.add({ Title: "x", Must: "x", Nope: 1 }));
    expect(unknown.status).toBe(400);
    expect(unknown.message).toContain("'Nope'");
    const wrong = await errorOf(items.add({ Title: "x", Must: "x", Score: "many" }));
    expect(wrong.status).toBe(400);
    expect(wrong.message).toContain("'Score'");
    const tooLong = await errorOf(items.add({ Title: "x".repeat(256), Must: "x" }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.message).toContain("'Title'");
    expect((await errorOf(items.add({ Title: "x", Must: "x", Short: "123456" }))).message).toContain("'Short'");
    const missing = await errorOf(items.add({ Title: "x" }));
    expect(missing.status).toBe(400);
    expect(missing.message).toContain("'Must'");
    const dup = await errorOf(items.add({ Title: "x", Must: "x", Code: "a1" }));
    expect(dup.status).toBe(500);
    expect(dup.message).toContain("duplicate values were found in the following field(s) in the list: [Code]");
    expect((await errorOf(items.add({ Title: "x", Must: "x", OwnerId: 999 }))).status).toBe(400);
    expect((await errorOf(actions().items.getById(1).update({ Code: "B2" }))).status).toBe(500);
    expect((await actions().items.getById(1)()).Code).toBe("A1");
    expect(await count()).toBe(n);
  });

  it("deletes and recycles items", async () => {
    const items = actions().items;
    const a = await items.add({ Title: "to delete", Must: "x" });
    const b = await items.add({ Title: "to recycle", Must: "x" });
    expect(await statusOf(items.getById(a.Id).delete("\"7\""))).toBe(412);
    await items.getById(a.Id).delete();
    const recycled = await items.getById(b.Id).recycle();
    expect(recycled).toMatch(/^[0-9a-f-]{36}$/);
    expect(await statusOf(items.getById(a.Id)())).toBe(404);
    expect(await statusOf(items.getById(b.Id)())).toBe(404);
  });
});
