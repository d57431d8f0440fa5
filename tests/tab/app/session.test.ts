/**
 * The first read against the real local SharePoint: two $batch requests the first time, ONE when this device
 * already knows who I am on the site, and a copy that names the wrong site user is corrected in the same visit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../src/seed/people.ts";
import { localIdentity, localTokenProvider } from "../../../src/tab/app/dev-sign-in/local-auth.ts";
import { readFirstView, siteClient } from "../../../src/tab/app/session.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

let site: SeededSite;

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
});
afterAll(async () => {
  await site?.close();
});

const requests = async () => {
  const s = (await (await fetch(`${site.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
  // Each part of a $batch is counted under its own kind as well as in "batch-parts": HTTP requests are the rest.
  const parts = s.requests["batch-parts"] ?? 0;
  const all = Object.entries(s.requests)
    .filter(([k]) => k !== "batch-parts" && k !== "local")
    .reduce((n, [, v]) => n + v, 0);
  return all - parts;
};

const clientFor = (email: string) => siteClient({ mode: "local", siteUrl: site.siteUrl }, localTokenProvider(localIdentity(email)!));

describe("first read", () => {
  it("takes two $batch requests the first time: who I am with the EDI group and plans, then my actions", async () => {
    const before = await requests();
    const view = await readFirstView(clientFor(SEED_EQUALITIES_LEAD_UPN), null);
    expect((await requests()) - before).toBe(2);
    expect(view.plans.length).toBeGreaterThan(0);
    expect(view.members.some((m) => m.person.email === SEED_EQUALITIES_LEAD_UPN)).toBe(true);
    expect(view.myActions.length).toBeGreaterThan(0);
    expect(view.myActions.every((a) => a.ownerId === view.me.id)).toBe(true);
  });

  it("takes ONE request when who I am is known: the EDI group, plans and my actions travel in one $batch", async () => {
    const sp = clientFor(SEED_EQUALITIES_LEAD_UPN);
    const first = await readFirstView(sp, null);
    const before = await requests();
    const again = await readFirstView(sp, first.me);
    expect((await requests()) - before).toBe(1);
    expect(again.me).toEqual(first.me);
    expect(again.myActions.map((a) => a.id).sort()).toEqual(first.myActions.map((a) => a.id).sort());
  });

  it("reads my actions again when the copy named another site user, so nobody sees someone else's list", async () => {
    const sp = clientFor(SEED_EQUALITIES_LEAD_UPN);
    const other = await readFirstView(clientFor(SEED_UPNS.housing), null);
    const view = await readFirstView(sp, other.me);
    expect(view.me.id).not.toBe(other.me.id);
    expect(view.myActions.length).toBeGreaterThan(0);
    expect(view.myActions.every((a) => a.ownerId === view.me.id)).toBe(true);
  });
});
