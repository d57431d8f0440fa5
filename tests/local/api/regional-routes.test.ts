/**
 * A site's regional time zone and SharePoint's date-only rule: whatever instant is written, the civil date it falls
 * on in the site's zone is kept, as that day's local midnight in UTC.
 */
import "@pnp/sp/regional-settings/web";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { pnp } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true });
});
afterAll(async () => {
  await t.close();
});

async function dateList(siteUrl: string) {
  const sp = pnp(siteUrl);
  await sp.web.lists.add("Dates");
  const list = sp.web.lists.getByTitle("Dates");
  await list.fields.addDateTime("Due"); // PnPjs makes it date-only (DisplayFormat 0)
  await list.fields.createFieldAsXml(`<Field Type="DateTime" Name="At" DisplayName="At" Format="DateTime" />`);
  return list;
}

describe("regional settings", () => {
  it("answers GET web/RegionalSettings/TimeZone in SharePoint's shape; London (Id 2) by default", async () => {
    const sp = pnp(t.siteUrl);
    expect(await sp.web.regionalSettings.timeZone()).toMatchObject({
      Description: "(UTC) Dublin, Edinburgh, Lisbon, London",
      Id: 2,
      Information: { Bias: 0, DaylightBias: -60, StandardBias: 0 },
    });
    expect(await sp.web.regionalSettings.timeZone.utcToLocalTime("2026-06-30T11:00:00Z")).toBe("2026-06-30T12:00:00");
    expect(await sp.web.regionalSettings.timeZone.localTimeToUTC("2026-06-30T12:00:00")).toBe("2026-06-30T11:00:00Z");
    expect(await sp.web.regionalSettings.timeZone.localTimeToUTC("2026-01-15T12:00:00")).toBe("2026-01-15T12:00:00Z");
  });

  it("keeps a date-only value as local midnight of its civil date in the site's zone (London, with British Summer Time)", async () => {
    const list = await dateList(t.siteUrl);
    const read = async (v: string) => {
      const added = await list.items.add({ Due: v, At: v });
      return list.items.getById(added.Id).select("Due", "At")();
    };
    // 00:00Z on 30 June is 01:00 BST on 30 June: the day is 30 June, whose midnight is 23:00Z on the 29th.
    expect(await read("2026-06-30T00:00:00Z")).toMatchObject({ Due: "2026-06-29T23:00:00Z", At: "2026-06-30T00:00:00Z" });
    // Writing the stored form again changes nothing.
    expect((await read("2026-06-29T23:00:00Z")).Due).toBe("2026-06-29T23:00:00Z");
    // Noon UTC lands on its own day; in winter London is on UTC.
    expect((await read("2026-01-15T12:00:00Z")).Due).toBe("2026-01-15T00:00:00Z");
    // Late evening UTC in summer is already the next day in London.
    expect((await read("2026-07-01T23:30:00Z")).Due).toBe("2026-07-01T23:00:00Z");
    // Day filters compare the stored instants: the local midnight matches, UTC midnight does not.
    const on = await list.items.filter("Due eq datetime'2026-06-29T23:00:00Z'").select("Id")();
    expect(on).toHaveLength(2);
    expect(await list.items.filter("Due eq datetime'2026-06-30T00:00:00Z'")()).toHaveLength(0);
  });

  it("follows each site's own zone: Berlin, New York, Auckland and UTC", async () => {
    const zones: [string, string, number, string][] = [
      ["berlin", "Europe/Berlin", 4, "2026-03-30T22:00:00Z"],
      ["newyork", "America/New_York", 10, "2026-03-30T04:00:00Z"],
      ["auckland", "Pacific/Auckland", 17, "2026-03-30T11:00:00Z"],
      ["utc", "UTC", 93, "2026-03-31T00:00:00Z"],
    ];
    for (const [site, zone, id, stored] of zones) {
      const z = await startTestSharePoint({ open: true, site, timeZone: zone });
      try {
        const sp = pnp(z.siteUrl);
        expect((await sp.web.regionalSettings.timeZone()).Id, site).toBe(id);
        const list = await dateList(z.siteUrl);
        // The notes' worked example: 2026-03-31T00:00:00Z, written to a date-only column.
        const added = await list.items.add({ Due: "2026-03-31T00:00:00Z" });
        expect((await list.items.getById(added.Id).select("Due")()).Due, site).toBe(stored);
      } finally {
        await z.close();
      }
    }
  });

  it("a site keeps the zone it was created with; an unknown zone is refused at start", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "eap-local-tz-"));
    try {
      const first = await startTestSharePoint({ open: true, dataDir, site: "kept", timeZone: "Pacific/Auckland" });
      await first.close({ keepData: true });
      const second = await startTestSharePoint({ open: true, dataDir, site: "kept", timeZone: "Europe/London" });
      try {
        expect((await pnp(second.siteUrl).web.regionalSettings.timeZone()).Id).toBe(17);
      } finally {
        await second.close({ keepData: true });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    await expect(startTestSharePoint({ open: true, timeZone: "Mars/Olympus_Mons" })).rejects.toThrow(/Unsupported time zone 'Mars\/Olympus_Mons'/);
  });
});
