import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { errorOf, pnp } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true });
});
afterAll(async () => {
  await t.close();
});

describe("lists through PnPjs", () => {
  it("adds, reads by title and id, updates with MERGE, ensures and deletes lists", async () => {
    const sp = pnp(t.siteUrl);
    const added = await sp.web.lists.add("Objectives", "Equality objectives", 100, false, { EnableVersioning: true });
    expect(added.Title).toBe("Objectives");
    expect(added.EnableVersioning).toBe(true);
    expect(added.ListItemEntityTypeFullName).toBe("SP.Data.ObjectivesListItem");
    const byTitle = await sp.web.lists.getByTitle("objectives")();
    expect(byTitle.Id).toBe(added.Id);
    expect(byTitle.ItemCount).toBe(0);
    expect(byTitle.BaseTemplate).toBe(100);
    const byId = await sp.web.lists.getById(added.Id).select("Title", "Description")();
    expect(byId).toMatchObject({ Title: "Objectives", Description: "Equality objectives" });
    await sp.web.lists.getByTitle("Objectives").update({ Description: "Changed" });
    expect((await sp.web.lists.getByTitle("Objectives")()).Description).toBe("Changed");

    const ensured = await sp.web.lists.ensure("Objectives");
    expect(ensured.created).toBe(false);
    const ensuredNew = await sp.web.lists.ensure("Actions", "Actions", 100, false, { EnableVersioning: false });
    expect(ensuredNew.created).toBe(true);
    const all = await sp.web.lists.select("Title")();
    expect(all.map((l) => l.Title).sort()).toEqual(["Actions", "Objectives"]);
    const filtered = await sp.web.lists.filter("Title eq 'Actions'")();
    expect(filtered).toHaveLength(1);

    await sp.web.lists.getByTitle("Actions").delete();
    const gone = await errorOf(sp.web.lists.getByTitle("Actions")());
    expect(gone.status).toBe(404);
    expect(gone.message).toContain("List 'Actions' does not exist at site with URL");
    expect((await errorOf(sp.web.lists.add("Objectives"))).status).toBe(500);
  });
});
