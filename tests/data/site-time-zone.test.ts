/**
 * Date-only values are right whatever the site's regional time zone (src/data/site-time-zone.ts). SharePoint keeps
 * a date-only value as the local midnight of its day in the site's zone; the product writes exactly that and reads
 * it back in that zone. On London, New York and Auckland sites, over both daylight saving seasons: what is stored,
 * what comes back, what a due-window query (the reminders' "due by") includes, and an edit's round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, getAction, getOpenActionsDueBy, getPlanActions, list, SiteDates, type SPFI, siteDates, siteTimeZoneFrom, updateAction } from "../../src/data/index.ts";
import { writePlanTree } from "../../src/data/plan-tree/index.ts";
import { provision } from "../../src/data/provision.ts";
import { IANA_BY_SHAREPOINT_ID } from "../../src/data/time-zone-ids.ts";
import type { PlanTreeInput } from "../../src/domain/plan-tree.ts";
import { SEED_ADMINISTRATOR, } from "../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

const DUES = ["2026-01-15", "2026-03-29", "2026-06-30", "2026-07-01", "2026-10-25", "2026-12-31"];

const tree: PlanTreeInput = {
  title: "Zoned plan",
  period: "2023-2027",
  roles: [{ name: "Employer", objectives: [{ statement: "Objective", actions: DUES.map((d, i) => ({ reference: `Z-${i + 1}`, text: `Due ${d}`, dueText: d })) }] }],
};

/** What each zone keeps for each due date: its local midnight, in UTC. */
const STORED: Record<string, Record<string, string>> = {
  "Europe/London": {
    "2026-01-15": "2026-01-15T00:00:00Z",
    "2026-03-29": "2026-03-29T00:00:00Z", // clocks go forward at 01:00, after midnight
    "2026-06-30": "2026-06-29T23:00:00Z",
    "2026-07-01": "2026-06-30T23:00:00Z",
    "2026-10-25": "2026-10-24T23:00:00Z", // clocks go back at 02:00, after midnight
    "2026-12-31": "2026-12-31T00:00:00Z",
  },
  "America/New_York": {
    "2026-01-15": "2026-01-15T05:00:00Z",
    "2026-03-29": "2026-03-29T04:00:00Z",
    "2026-06-30": "2026-06-30T04:00:00Z",
    "2026-07-01": "2026-07-01T04:00:00Z",
    "2026-10-25": "2026-10-25T04:00:00Z",
    "2026-12-31": "2026-12-31T05:00:00Z",
  },
  "Pacific/Auckland": {
    "2026-01-15": "2026-01-14T11:00:00Z", // NZDT, UTC+13
    "2026-03-29": "2026-03-28T11:00:00Z",
    "2026-06-30": "2026-06-29T12:00:00Z", // NZST, UTC+12
    "2026-07-01": "2026-06-30T12:00:00Z",
    "2026-10-25": "2026-10-24T11:00:00Z",
    "2026-12-31": "2026-12-30T11:00:00Z",
  },
};

describe.each(Object.keys(STORED))("a site in %s", (zone) => {
  let server: TestSharePoint;
  let sp: SPFI;
  let planId: number;

  beforeAll(async () => {
    server = await startTestSharePoint({ site: "zoned", timeZone: zone });
    sp = createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
    await provision(sp);
    planId = (await writePlanTree(sp, tree, { importId: "zoned" })).planId;
  });
  afterAll(async () => server?.close());

  it("reads the site's zone", async () => {
    expect((await siteDates(sp)).zone.iana).toBe(zone);
  });

  it("stores each due date as the site's local midnight and reads the same date back", async () => {
    const raw = (await list(sp, "actions").items.select("Reference", "DueDate")()) as Array<{ Reference: string; DueDate: string }>;
    const byRef = new Map(raw.map((r) => [r.Reference, r.DueDate]));
    DUES.forEach((d, i) => {
      expect(byRef.get(`Z-${i + 1}`), d).toBe(STORED[zone][d]);
    });
    const actions = await getPlanActions(sp, planId);
    expect(actions.map((a) => a.due.date)).toEqual(DUES);
  });

  it("a due-window query includes its last day and nothing after it", async () => {
    const due = (await getOpenActionsDueBy(sp, "2026-06-30")).map((a) => a.due.date).sort();
    expect(due).toEqual(["2026-01-15", "2026-03-29", "2026-06-30"]);
    expect((await getOpenActionsDueBy(sp, "2026-07-01")).map((a) => a.due.date).sort()).toEqual(["2026-01-15", "2026-03-29", "2026-06-30", "2026-07-01"]);
    expect(await getOpenActionsDueBy(sp, "2026-01-14")).toEqual([]);
  });

  it("an edited due date round-trips", async () => {
    const [first] = await getPlanActions(sp, planId);
    for (const date of ["2026-03-30", "2026-11-01", "2027-02-28"]) {
      const a = await getAction(sp, first.id);
      await updateAction(sp, a.id, a.etag!, { due: { date, precision: "day", kind: "deliver-by", text: date } });
      expect((await getAction(sp, first.id)).due.date).toBe(date);
    }
  });
});

describe("SharePoint's zones", () => {
  it("map to IANA zones by SharePoint's own id; an unknown one is followed by its bias and marked approximate", () => {
    expect(siteTimeZoneFrom({ Id: 2, Description: "(UTC) Dublin, Edinburgh, Lisbon, London" }).iana).toBe("Europe/London");
    expect(siteTimeZoneFrom({ Id: 17, Description: "(UTC+12:00) Auckland, Wellington" }, IANA_BY_SHAREPOINT_ID).iana).toBe("Pacific/Auckland");
    for (const [id, iana] of Object.entries(IANA_BY_SHAREPOINT_ID)) expect(siteTimeZoneFrom({ Id: Number(id), Description: "" }, IANA_BY_SHAREPOINT_ID), iana).toMatchObject({ iana, approximate: false });
    const odd = siteTimeZoneFrom({ Id: 999, Description: "(UTC-05:00) Somewhere", Information: { Bias: 300, DaylightBias: -60, StandardBias: 0 } }, IANA_BY_SHAREPOINT_ID);
    expect(odd).toEqual({ id: 999, description: "(UTC-05:00) Somewhere", iana: "Etc/GMT+5", approximate: true });
    const dates = new SiteDates(odd);
    expect(dates.toSpDate("2026-06-30")).toBe("2026-06-30T05:00:00Z");
    expect(dates.fromSpDate("2026-06-30T05:00:00Z")).toBe("2026-06-30");
    expect(dates.isCouncilZone).toBe(false);
  });
});
