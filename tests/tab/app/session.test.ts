// @vitest-environment jsdom
/** Signing in and the first read against the real local SharePoint: after sign-in, My actions costs one request. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_EQUALITIES_LEAD_EMAIL } from "../../../src/seed/people.ts";
import { localIdentity, localTokenProvider } from "../../../src/tab/app/dev-sign-in/local-auth.ts";
import { startSession } from "../../../src/tab/app/session.ts";
import { startSeededSite, type SeededSite } from "../../helpers/seeded-site.ts";

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

describe("session", () => {
  it("costs one request after sign-in: the EDI group, plans and my actions travel in one $batch", async () => {
    const id = localIdentity(SEED_EQUALITIES_LEAD_EMAIL)!;
    const config = { mode: "local" as const, siteUrl: site.siteUrl };
    // Signing in resolves who I am on the site once (remembered for the browser session).
    await startSession(config, localTokenProvider(id), SEED_EQUALITIES_LEAD_EMAIL);
    const before = await requests();
    const session = await startSession(config, localTokenProvider(id), SEED_EQUALITIES_LEAD_EMAIL);
    expect((await requests()) - before).toBe(1);
    expect(session.plans.length).toBeGreaterThan(0);
    expect(session.members.some((m) => m.person.email === SEED_EQUALITIES_LEAD_EMAIL)).toBe(true);
    expect(session.myActions.every((a) => a.ownerId === session.me.id)).toBe(true);
  });
});
