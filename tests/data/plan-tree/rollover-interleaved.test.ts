/**
 * Rollover is ETag-safe: a review decision recorded while a rollover runs is kept, never overwritten. The decision
 * (an EDI group's "remains ongoing" on an action the rollover's snapshot saw open) is sent as a $batch that a proxy
 * (tests/helpers/batch-interleaver.ts) holds until the rollover's first batch of closing writes arrives, then runs the
 * two part by part: the decision lands between the rollover's read of that action and its write. Closing it with
 * If-Match * from the snapshot (the old code) made it "closed"; now the write meets 412, the action is read again,
 * kept as decided and reported, and running the rollover again carries it into the new plan.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { DevAppAuth } from "../../../src/data/auth/dev-token.ts";
import { type ActionRecord, createSp, getAction, getPlanActions, list, requirePlan, type SPFI } from "../../../src/data/index.ts";
import { rolloverPlan } from "../../../src/data/plan-tree/index.ts";
import { rolloverFate } from "../../../src/domain/rollover.ts";
import { type BatchInterleaver, startBatchInterleaver } from "../../helpers/batch-interleaver.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

const FROM = "Equality Objectives and Action Plan 2017-2021";
const TO = "Equality Objectives and Action Plan 2021-2025 (rolled over meanwhile)";

let site: SeededSite;
let proxy: BatchInterleaver;
let app: SPFI;
let target: ActionRecord;
/** The old plan's actions the rollover closes (its snapshot's open ones). */
let toClose: number;

beforeAll(async () => {
  site = await startSeededSite();
  app = site.appSp();
  let closingBatches = 0;
  proxy = await startBatchInterleaver(site.siteUrl, {
    mode: "cascade",
    // The decision's batch, and the rollover's first batch of closing writes: the pair the proxy races.
    interleave: (body) => body.includes('"Disposition":"ongoing"') || (body.includes('"Disposition":"closed"') && ++closingBatches === 1),
    pairWithinMs: 120_000,
  });
  const plan = await requirePlan(app, FROM);
  const open = (await getPlanActions(app, plan.id)).filter((a) => rolloverFate(a.disposition) === "closed").sort((a, b) => a.id - b.id);
  target = open[0];
  toClose = open.length;
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await site?.close();
});

describe("a review decision recorded while a rollover runs", () => {
  it("is kept and reported, not overwritten; running the rollover again carries it", async () => {
    expect(target.disposition).toBe("open");
    // The EDI group reads the action, then records its decision; the proxy holds the write until the rollover closes.
    const viaProxy = createSp(proxy.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY), { retryIntervalMs: 20 });
    const read = await getAction(app, target.id);
    const [batched, execute] = viaProxy.batched();
    const decided = list(batched, "actions").items.getById(target.id).update({ Disposition: "ongoing" }, read.etag);
    const decision = execute().then(() => decided);

    const r = await rolloverPlan(viaProxy, { from: FROM, to: TO, period: "2021-2025" });
    await decision;
    expect(proxy.pairs).toBe(1);

    expect((await getAction(app, target.id)).disposition).toBe("ongoing");
    expect(r.keptDecisions).toEqual([{ id: target.id, reference: target.reference, was: "open", now: "ongoing" }]);
    const newPlan = await requirePlan(app, TO);
    expect((await getPlanActions(app, newPlan.id)).map((a) => a.reference)).not.toContain(target.reference);
    // Every other action the snapshot saw open is closed.
    expect(r.closed).toBe(toClose - 1);

    // Running it again finishes the job: the decision is carried, nothing else changes.
    const again = await rolloverPlan(app, { from: FROM, to: TO, period: "2021-2025" });
    expect(again.keptDecisions).toEqual([]);
    expect((await getPlanActions(app, newPlan.id)).map((a) => a.reference)).toContain(target.reference);
    expect((await requirePlan(app, TO)).status).toBe("active");
    expect((await getAction(app, target.id)).disposition).toBe("ongoing");
  });
});
