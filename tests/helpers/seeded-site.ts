/**
 * A real local SharePoint server with the seeded plan, for integration tests:
 * provisions the lists, registers the fictional people and writes the seeds' plan, exactly as `eap seed` does.
 * The server is the strict one (see local-sharepoint.ts), and what `npm start` shows is what tests see: once the
 * plan is written, the officer who has left the council is marked departed (his site user stays; SharePoint no
 * longer resolves him).
 */
import { rmSync } from "node:fs";
import { devIdentity, LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { DevAppAuth } from "../../src/data/auth/dev-token.ts";
import { createSp, DevTokenAuth, type SPFI } from "../../src/data/index.ts";
import { localSeedTarget, seedSite } from "../../src/seeding/seed-site.ts";
import { SEED_DEPARTURES } from "../../src/seed/directory.ts";
import { markDeparted, startTestSharePoint, type TestSharePointOptions } from "./local-sharepoint.ts";

export interface SeededSite {
  siteUrl: string;
  baseUrl: string;
  /** A PnPjs client acting as this person (development token). */
  spAs(email: string): SPFI;
  /**
   * The product's own app, app-only (its Sites.Selected write grant): the only identity besides site owners that
   * writes the EAP lists, as the server does on a person's behalf after checking them.
   */
  appSp(): SPFI;
  currentPlanId: number;
  close(): Promise<void>;
}

const spFor = (siteUrl: string) => (who: string) => createSp(siteUrl, DevTokenAuth(devIdentity(who)), { retryIntervalMs: 50 });
const appFor = (siteUrl: string) => createSp(siteUrl, DevAppAuth(LOCAL_APP_IDENTITY), { retryIntervalMs: 50 });

/**
 * `afterSeed`: options the server restarts with once the seed is written (same data, another port), such as
 * injected faults that the seeding itself should not meet; `beforeRestart` writes what the test needs first.
 */
export async function startSeededSite(
  opts: {
    shiftToToday?: boolean;
    now?: Date;
    threshold?: number;
    afterSeed?: TestSharePointOptions;
    beforeRestart?: (spAs: (who: string) => SPFI, app: SPFI) => Promise<void>;
  } = {},
): Promise<SeededSite> {
  let server = await startTestSharePoint({ threshold: opts.threshold });
  const seeded = await seedSite(localSeedTarget(server.siteUrl), { shiftToToday: opts.shiftToToday ?? false, now: opts.now ?? new Date(), say: () => {} });
  if (opts.afterSeed) {
    await opts.beforeRestart?.(spFor(server.siteUrl), appFor(server.siteUrl));
    const dataDir = server.dataDir;
    await server.close({ keepData: true });
    const restarted = await startTestSharePoint({ threshold: opts.threshold, ...opts.afterSeed, dataDir });
    server = {
      ...restarted,
      close: async () => {
        await restarted.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  // The directory is the server's own: marked on the server the test talks to, after any restart.
  for (const upn of SEED_DEPARTURES) await markDeparted(server.baseUrl, upn);
  return {
    siteUrl: server.siteUrl,
    baseUrl: server.baseUrl,
    spAs: spFor(server.siteUrl),
    appSp: () => appFor(server.siteUrl),
    currentPlanId: seeded.planId,
    close: server.close,
  };
}
