/**
 * Provisioning (src/data/provision.ts) against the real local SharePoint server: every list, column and index of
 * the schema is created, and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, LIST_ORDER, LISTS, type SPFI } from "../../src/data/index.ts";
import { provision } from "../../src/data/provision.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let lead: SPFI;

beforeAll(async () => {
  server = await startTestSharePoint({ site: "edi" });
  lead = createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_EQUALITIES_LEAD_UPN)));
});
afterAll(async () => server?.close());

describe("provision", () => {
  it("creates every list, column and index, and a second run changes nothing", async () => {
    const first = await provision(lead);
    expect(first.changes.filter((c) => c.what === "created the list")).toHaveLength(LIST_ORDER.length);
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
  });
});
