/**
 * Provisioning (src/data/provision.ts) against the real local SharePoint server: every list, column, index and
 * default-view column of the schema is created, and a second run changes nothing. On a site provisioned by an older
 * schema it changes what SharePoint lets it change the way SharePoint accepts it: a choice column's choices and a
 * text column's length go in a body that declares the column's type (an untyped body is refused with 400), and
 * columns missing from the default view are put back. A site whose time zone is not London gets a warning.
 */
import "@pnp/sp/fields";
import "@pnp/sp/views";
import { body } from "@pnp/queryable";
import { spPostMerge } from "@pnp/sp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, LIST_ORDER, LISTS, type SPFI } from "../../src/data/index.ts";
import { provision } from "../../src/data/provision.ts";
import { SEED_ADMINISTRATOR } from "../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let lead: SPFI;

beforeAll(async () => {
  server = await startTestSharePoint({ site: "edi" });
  lead = createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
});
afterAll(async () => server?.close());

const viewOf = async (sp: SPFI, list: string) => ((await sp.web.lists.getByTitle(list).defaultView.fields()) as { Items: string[] }).Items;

describe("provision", () => {
  it("creates every list, column, index and default-view column, and a second run changes nothing", async () => {
    const first = await provision(lead);
    expect(first.changes.filter((c) => c.what === "created the list")).toHaveLength(LIST_ORDER.length);
    expect(first.warnings).toEqual([]);
    const second = await provision(lead);
    expect(second.changes).toEqual([]);

    const actions = lead.web.lists.getByTitle(LISTS.actions.title);
    const info = (await actions.select("EnableVersioning")()) as { EnableVersioning: boolean };
    expect(info.EnableVersioning).toBe(true);
    const fields = (await actions.fields.select("InternalName", "Indexed", "EnforceUniqueValues")()) as Array<{
      InternalName: string;
      Indexed: boolean;
      EnforceUniqueValues: boolean;
    }>;
    const indexed = fields.filter((f) => f.Indexed).map((f) => f.InternalName);
    for (const f of LISTS.actions.fields.filter((x) => x.indexed)) expect(indexed).toContain(f.name);
    expect(fields.find((f) => f.InternalName === "ImportKey")?.EnforceUniqueValues).toBe(true);

    // The lists read sensibly in SharePoint itself: every column people read is in the default view, keys are not.
    const view = await viewOf(lead, LISTS.actions.title);
    expect(view[0]).toBe("LinkTitle");
    for (const f of LISTS.actions.fields) expect(view.includes(f.name), f.name).toBe(!f.hiddenFromView);
  });

  it("brings an older site up to the schema: choices and lengths in a typed body, columns back into the view", async () => {
    const status = lead.web.lists.getByTitle(LISTS.actions.title).fields.getByInternalNameOrTitle("ActionStatus");
    // SharePoint refuses a type's own property in an untyped body, as PnPjs v4's field.update() sends it.
    const untyped = await spPostMerge(status, body({ Choices: ["not-started", "complete"] })).catch((e) => e);
    expect((untyped as { status?: number }).status).toBe(400);
    // An older schema: fewer choices, a longer period column, a column missing from the view.
    await spPostMerge(status, body({ __metadata: { type: "SP.FieldChoice" }, Choices: { results: ["not-started", "complete"] } }));
    await spPostMerge(lead.web.lists.getByTitle(LISTS.updates.title).fields.getByInternalNameOrTitle("Period"), body({ __metadata: { type: "SP.FieldText" }, MaxLength: 50 }));
    await lead.web.lists.getByTitle(LISTS.actions.title).defaultView.fields.remove("DueDate");

    const report = await provision(lead);
    expect(report.changes).toEqual([
      { list: LISTS.actions.title, what: "updated column ActionStatus: Choices" },
      { list: LISTS.actions.title, what: "column DueDate shown in the default view" },
      { list: LISTS.updates.title, what: "updated column Period: MaxLength" },
    ]);
    const choices = (await status.select("Choices")()) as { Choices: string[] };
    expect(choices.Choices).toEqual(LISTS.actions.fields.find((f) => f.name === "ActionStatus")?.choices);
    expect(await viewOf(lead, LISTS.actions.title)).toContain("DueDate");
    expect((await provision(lead)).changes).toEqual([]);
  });

  it("warns when the site's time zone is not the council's", async () => {
    const ny = await startTestSharePoint({ site: "ny", timeZone: "America/New_York" });
    try {
      const sp = createSp(ny.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
      const report = await provision(sp);
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]).toMatch(/Eastern Time.*America\/New_York.*not Europe\/London/);
    } finally {
      await ny.close();
    }
  });
});
