/**
 * A change to an existing EqIA whose reply was lost (the write committed; a gateway answered 504 or dropped the
 * connection) is saved once and never reported as someone else's change: PnPjs' re-sent MERGE, refused with 412
 * because our own write moved the ETag on, finds its write key on the item; and the person's retry of the same
 * submission (the tab re-sends it with the ETag it had) finds the change already there.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveEqia } from "../../../src/commands/index.ts";
import { createEqia, getEqia, type SPFI } from "../../../src/data/index.ts";
import { SEED_UPNS, seedPerson } from "../../../src/seed/people.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

let site: SeededSite;
let app: SPFI;
const lead = seedPerson(SEED_UPNS.equalitiesLead);
const caller = { oid: lead?.oid ?? "", upn: SEED_UPNS.equalitiesLead, name: lead?.name ?? "" };
const input = (title: string) => ({ title, assessedOn: "2024-05-01", characteristics: ["age"], outcome: "adjust", summary: "Opening hours widened." });

async function stats(): Promise<{ requests: Record<string, number>; errors: Record<string, number> }> {
  return (await fetch(`${site.baseUrl}/_local/stats`)).json();
}

beforeAll(async () => {
  site = await startSeededSite({ afterSeed: { faults: "504-after-commit:0.25,drop-after-commit:0.05", seed: 11, retryAfterSeconds: 0.01 } });
  app = site.appSp();
}, 120_000);
afterAll(async () => site?.close());

describe("an EqIA change whose reply was lost", () => {
  it("is recognised as ours when PnPjs re-sends it, and when the person's retry repeats it: never a conflict", async () => {
    const ctx = { sp: app, now: () => new Date() };
    const created = await createEqia(app, { input: input("Library opening hours") as never, submissionKey: randomUUID() });
    let etag = (await getEqia(app, created.id)).etag;
    const before = (await stats()).errors["412"] ?? 0;
    for (let n = 0; n < 16; n++) {
      const body = { eqiaId: created.id, etag, input: input(`Library opening hours, revision ${n}`), submissionKey: `lossy-eqia-${n}` };
      const r = await saveEqia(ctx, caller, body);
      // The tab re-sends a submission whose answer it never got: the same body, the ETag it had.
      const again = await saveEqia(ctx, caller, body);
      expect(again.eqia?.title).toBe(`Library opening hours, revision ${n}`);
      etag = r.eqia?.etag;
    }
    const now = await getEqia(app, created.id);
    expect(now.title).toBe("Library opening hours, revision 15");
    expect(now.etag).toBe(etag);
    // The scenario happened: replies were lost, and a re-sent MERGE met the ETag our own write had moved on.
    expect((await stats()).requests.faulted).toBeGreaterThan(3);
    expect((await stats()).errors["412"] ?? 0).toBeGreaterThan(before);
  });
});
