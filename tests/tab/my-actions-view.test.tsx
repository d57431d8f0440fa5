// @vitest-environment jsdom
/**
 * "My actions" against the real local SharePoint: grouped overdue / due within 30 days / later / no date with each
 * action's last update, and the cost of getting there after sign-in: one request.
 */
import { cleanup, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getMyActions } from "../../src/data/index.ts";
import { groupMyActions } from "../../src/domain/status.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { localIdentity, localTokenProvider } from "../../src/tab/app/auth/local-auth.ts";
import { startSession } from "../../src/tab/app/session.ts";
import { MyActionsView } from "../../src/tab/features/my-actions/my-actions-view.tsx";
import { startSeededSite, type SeededSite } from "../helpers/seeded-site.ts";
import { renderInApp, signedIn } from "./support.tsx";

let site: SeededSite;

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
});
afterEach(() => cleanup());
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

describe("My actions", () => {
  it("groups my actions by when they are due and shows each one's last update", async () => {
    const app = await signedIn(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);
    renderInApp(<MyActionsView />, app);
    await screen.findByRole("heading", { name: "My actions", level: 1 });
    const expected = groupMyActions(
      (await getMyActions(app.value.sp, app.value.me.id)).filter((a) => a.planId === app.value.plan?.id),
      new Date(),
    );
    expect(expected.length).toBeGreaterThan(1);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(expected.map((g) => `${g.title} (${g.actions.length})`));
    for (const g of expected) {
      const section = screen.getByRole("region", { name: `${g.title} (${g.actions.length})` });
      const items = within(section).getAllByRole("article");
      expect(items.map((i) => i.getAttribute("data-action-id"))).toEqual(g.actions.map((a) => String(a.id)));
      for (const [i, a] of g.actions.entries()) {
        expect(within(items[i]).getByText(a.lastUpdateAt ? /^Last update / : "No update yet")).toBeTruthy();
        // Status in words, never colour alone.
        expect(within(items[i]).getByText(g.bucket === "overdue" ? "Overdue" : /^(Not started|On track|At risk)$/)).toBeTruthy();
      }
    }
  });

  it("costs one request after sign-in: the EDI group, plans and my actions travel in one $batch", async () => {
    const id = localIdentity(SEED_EQUALITIES_LEAD_UPN)!;
    const config = { mode: "local" as const, siteUrl: site.siteUrl };
    // Signing in resolves who I am on the site once (remembered for the browser session).
    await startSession(config, localTokenProvider(id), SEED_EQUALITIES_LEAD_UPN);
    const before = await requests();
    const session = await startSession(config, localTokenProvider(id), SEED_EQUALITIES_LEAD_UPN);
    expect((await requests()) - before).toBe(1);
    expect(session.plans.length).toBeGreaterThan(0);
    expect(session.members.some((m) => m.person.email === SEED_EQUALITIES_LEAD_UPN)).toBe(true);
    expect(session.myActions.every((a) => a.ownerId === session.me.id)).toBe(true);
  });
});
