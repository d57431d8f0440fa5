// @vitest-environment jsdom
/**
 * "My actions" against the real local SharePoint: grouped overdue / due within 30 days / later / no date with each
 * action's last update.
 */
import { cleanup, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getMyActions } from "../../../../src/data/index.ts";
import { groupMyActions } from "../../../../src/domain/status.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../../../src/seed/people.ts";
import { MyActionsView } from "../../../../src/tab/features/my-actions/my-actions-view.tsx";
import { type SeededSite, startSeededSite } from "../../../helpers/seeded-site.ts";
import { renderInApp, signedIn } from "../../support.tsx";

let site: SeededSite;

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
});
afterEach(() => cleanup());
afterAll(async () => {
  await site?.close();
});

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
});
