// @vitest-environment jsdom
/**
 * The review's stage view of a carried action that has no update of its own yet, against the real local
 * SharePoint: it shows the last update of the action it came from, said to be that action's.
 */
import { cleanup, screen } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { getAction, getPlanActions } from "../../../../src/data/index.ts";
import type { ActionRecord } from "../../../../src/data/actions/mapping.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../../../src/seed/people.ts";
import { ReviewStage } from "../../../../src/tab/features/review/review-stage.tsx";
import { type SeededSite, startSeededSite } from "../../../helpers/seeded-site.ts";
import { renderInApp, signedIn, type TestApp } from "../../support.tsx";

let site: SeededSite;
let app: TestApp;
let bare: ActionRecord;
let source: ActionRecord;

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
  app = await signedIn(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);
  const plan = await getPlanActions(app.value.sp, site.currentPlanId);
  for (const a of plan.filter((x) => x.carriedFromId && !x.lastUpdateAt)) {
    const from = await getAction(app.value.sp, a.carriedFromId as number);
    if (from.lastUpdateAt && from.lastUpdateSummary) {
      bare = a;
      source = from;
      break;
    }
  }
  expect(bare, "a carried action with no update of its own, from one that has").toBeDefined();
}, 90_000);
afterEach(() => cleanup());
afterAll(async () => {
  await site?.close();
});

it("shows the previous plan's last update for a carried action without its own", async () => {
  renderInApp(<ReviewStage entries={[{ action: bare, reasons: [], decided: null }]} index={0} meetingDate="2026-11-24" onIndex={() => {}} onDecide={async () => {}} />, app);
  expect(await screen.findByText(new RegExp(`^On ${source.reference} in the previous plan, `))).toBeTruthy();
  expect(screen.getByText(source.lastUpdateSummary as string)).toBeTruthy();
});
