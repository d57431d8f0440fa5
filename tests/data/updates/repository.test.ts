/**
 * Submitting a progress update (src/data/updates/repository.ts) on the seeded plan keeps its promises: a stale ETag
 * writes nothing and says it is a conflict; re-applied on the fresh action it lands once, even when retried with the
 * same submission key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError, getAction, getPlanActions, getUpdatesForAction, submitUpdate } from "../../../src/data/index.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

let seeded: SeededSite;

beforeAll(async () => {
  seeded = await startSeededSite({ now: new Date("2026-11-23T10:00:00Z") });
});
afterAll(async () => seeded?.close());

describe("writes", () => {
  it("a progress update with a stale ETag writes nothing and says it is a conflict", async () => {
    // Two writers, as two server requests make them with the app's identity (people only read the lists).
    const lead = seeded.appSp();
    const sp = seeded.appSp();
    const actions = await getPlanActions(lead, seeded.currentPlanId);
    const target = actions.find((a) => a.owner)!;
    const stale = await getAction(sp, target.id);
    // Someone else changes the action first.
    await submitUpdate(lead, { action: stale, text: "First writer", status: "at-risk", author: null, authorName: "Lead", submissionKey: "k-first", now: new Date() });
    const before = await getUpdatesForAction(sp, target.id);
    const err = await submitUpdate(sp, { action: stale, text: "Second writer", status: "on-track", author: null, submissionKey: "k-second", now: new Date() }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).reason).toBe("conflict");
    expect(await getUpdatesForAction(sp, target.id)).toHaveLength(before.length);
    // Re-applied on the fresh item it lands, once, even when retried with the same submission key.
    const fresh = await getAction(sp, target.id);
    await submitUpdate(sp, { action: fresh, text: "Second writer", status: "on-track", author: null, submissionKey: "k-second", now: new Date() });
    const fresher = await getAction(sp, target.id);
    await submitUpdate(sp, { action: fresher, text: "Second writer", status: "on-track", author: null, submissionKey: "k-second", now: new Date() });
    const texts = (await getUpdatesForAction(sp, target.id)).map((u) => u.text);
    expect(texts.filter((t) => t === "Second writer")).toHaveLength(1);
    expect(texts).toContain("First writer");
  });
});
