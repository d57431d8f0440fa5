/**
 * A real local SharePoint server with the seeded plan, for integration tests:
 * provisions the lists, registers the fictional people and writes the seeds' plan, exactly as `eap seed` does.
 */
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, type SPFI } from "../../src/data/index.ts";
import { localSeedTarget, seedSite } from "../../src/seeding/seed-site.ts";
import { startTestSharePoint } from "./local-sharepoint.ts";

export interface SeededSite {
  siteUrl: string;
  baseUrl: string;
  /** A PnPjs client acting as this person (development token). */
  spAs(email: string): SPFI;
  currentPlanId: number;
  close(): Promise<void>;
}

export async function startSeededSite(opts: { shiftToToday?: boolean; now?: Date; threshold?: number } = {}): Promise<SeededSite> {
  const server = await startTestSharePoint({ threshold: opts.threshold });
  const seeded = await seedSite(localSeedTarget(server.siteUrl), { shiftToToday: opts.shiftToToday ?? false, now: opts.now ?? new Date(), say: () => {} });
  return {
    siteUrl: server.siteUrl,
    baseUrl: server.baseUrl,
    spAs: (email: string) => createSp(server.siteUrl, DevTokenAuth(devIdentity(email)), { retryIntervalMs: 50 }),
    currentPlanId: seeded.planId,
    close: server.close,
  };
}
