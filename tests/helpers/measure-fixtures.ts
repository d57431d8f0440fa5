/**
 * Fixtures for the digest's "Figures due" and "Impact assessments to review", written with the app's identity as
 * the product writes them: an open action due next year (no reminder of its own) with a quarterly percentage
 * indicator whose values are expected from April 2026 (so at NOW, Q2 2026-27's value is due), and an EqIA to review.
 */
import { createEqia, createIndicator, ensurePerson, getPlanActions, list, siteDates } from "../../src/data/index.ts";
import { appSpOf, type Site } from "./bot-harness.ts";

export interface FigureAction {
  ownerUpn: string;
  reference: string;
  title: string;
  text: string;
  indicatorName: string;
  submissionKey: string;
}

export async function addActionWithFigure(site: Site, f: FigureAction): Promise<{ actionId: number; indicatorId: number; ownerId: number }> {
  const sp = appSpOf(site);
  const owner = await ensurePerson(sp, f.ownerUpn);
  const [any] = await getPlanActions(sp, site.planId);
  const dates = await siteDates(sp);
  const added = (await list(sp, "actions").items.add({
    Title: f.title,
    PlanId: site.planId,
    ObjectiveId: any.objectiveId,
    Reference: f.reference,
    ActionText: f.text,
    OwnerId: owner.id,
    OfficersId: [owner.id],
    DueDate: dates.toSpDate("2027-09-30"),
    DuePrecision: "day",
    DueKind: "deliver-by",
    ActionStatus: "on-track",
    Disposition: "open",
    SortOrder: 900,
  })) as { Id?: number; data?: { Id?: number } };
  const actionId = Number(added.Id ?? added.data?.Id);
  const indicator = await createIndicator(sp, {
    action: { id: actionId, planId: site.planId },
    input: { name: f.indicatorName, unit: "percent", direction: "higher-is-better", frequency: "quarterly", valuesFrom: "2026-04-01" },
    submissionKey: f.submissionKey,
  });
  return { actionId, indicatorId: indicator.id, ownerId: owner.id };
}

/** An EqIA of `ownerUpn`'s to be reviewed on 1 December 2026 (a week after NOW). */
export async function addEqiaToReview(site: Site, ownerUpn: string, title: string, submissionKey: string): Promise<{ eqiaId: number; ownerId: number }> {
  const sp = appSpOf(site);
  const owner = await ensurePerson(sp, ownerUpn);
  const eqia = await createEqia(sp, {
    input: { title, assessedOn: "2025-12-01", characteristics: ["age", "disability"], outcome: "adjust", reviewDate: "2026-12-01", ownerId: owner.id },
    submissionKey,
  });
  return { eqiaId: eqia.id, ownerId: owner.id };
}
