/**
 * Test helper: drafts and decisions on the seeded plan, as officers and the equalities lead make them (through the
 * data layer's own functions): an officer's new progress update awaiting approval, and the lead as a reviewer.
 * Officers and the lead read the lists but cannot write them: the writes are the app's (app-only), as the server
 * makes them on a person's behalf, with the person it established as the author or reviewer.
 */
import { getAction, getCurrentPerson, getPlanActions, getUpdate, requirePlan, type SPFI, submitUpdate, type UpdateRecord } from "../../src/data/index.ts";
import type { PublicationReviewer } from "../../src/domain/publication.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../src/seed/people.ts";
import type { SeededSite } from "./seeded-site.ts";

export const PLAN_2017 = "Equality Objectives and Action Plan 2017-2021";
/** An instant in 2022-23, so a new update belongs to the seeded appendix's year. */
export const IN_2022_23 = new Date("2023-02-01T10:00:00Z");

let submissions = 0;

/** A Housing officer's new progress update on the seeded action `reference`, in 2022-23: a draft, with its ETag. */
export async function officerDraft(site: SeededSite, reference: string, text: string): Promise<UpdateRecord> {
  const officer = site.spAs(SEED_UPNS.housing);
  const plan = await requirePlan(officer, PLAN_2017);
  const target = (await getPlanActions(officer, plan.id)).find((a) => a.reference === reference);
  if (!target) throw new Error(`no action ${reference} on the seeded plan`);
  const action = await getAction(officer, target.id);
  const author = await getCurrentPerson(officer);
  const { update } = await submitUpdate(site.appSp(), { action, text, status: "on-track", author, submissionKey: `draft-${process.pid}-${++submissions}`, now: IN_2022_23 });
  return getUpdate(site.spAs(SEED_EQUALITIES_LEAD_UPN), update.id);
}

/** The seeded equalities lead as the reviewer the server would establish, and the app's client that writes for them. */
export async function seededLead(site: SeededSite): Promise<{ sp: SPFI; reviewer: PublicationReviewer }> {
  const lead = site.spAs(SEED_EQUALITIES_LEAD_UPN);
  return { sp: site.appSp(), reviewer: { personId: (await getCurrentPerson(lead)).id, isEqualitiesLead: true } };
}
