/**
 * The seeded demo, written to a site: provisions, registers the fictional people, writes the seeds' plan as the
 * documents give it with its 2020-21 covering report, writes the demonstration 2023-2027 plan that carries its
 * continuing actions, and optionally moves the new plan's dates near today. Every step is idempotent. Used by `eap seed`, `npm start`, the tests and the
 * benchmarks alike (the seed's content is in src/seed).
 */
import { addDays, formatDue } from "../domain/dates.ts";
import { londonDate } from "../domain/london-time.ts";
import {
  addMember,
  createSp,
  DataError,
  DevTokenAuth,
  ensurePerson,
  findPlan,
  getCoverReport,
  getCurrentPerson,
  getMembers,
  getPlanActions,
  inBatches,
  list,
  saveCoverReport,
  type SPFI,
  siteDates,
} from "../data/index.ts";
import { writePlanIndicators, writePlanTree } from "../data/plan-tree/index.ts";
import { provision } from "../data/provision.ts";
import { COVER_REPORT_2020_21 } from "../seed/cover-report-2020-21.ts";
import { DEMONSTRATION_PLAN_TITLE, demonstrationPlan } from "../seed/demonstration-plan.ts";
import { demonstrationIndicators, SEED_INDICATORS_2017_21 } from "../seed/indicators.ts";
import { MAIDSTONE_PLAN_2017_21 } from "../seed/maidstone-plan.ts";
import { SEED_ADMINISTRATOR, SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../seed/people.ts";
import { devIdentity } from "../config/local-identities.ts";

export const SEED_IMPORT_ID = "seed:maidstone-2017-21";
export const DEMONSTRATION_IMPORT_ID = "seed:demonstration-2023-27";
export const CURRENT_PLAN_TITLE = DEMONSTRATION_PLAN_TITLE;

/** Offsets in days from today, cycled over the current plan's actions: some overdue, some due soon, some later. */
const SHIFT_OFFSETS = [-21, -6, 0, 2, 6, 13, 27, 45, 75, 120];

export interface SeedOptions {
  shiftToToday: boolean;
  now: Date;
  say: (m: string) => void;
  /** Progress of the writes: list, items done, items to write. */
  progress?: (stage: string, done: number, total: number) => void;
}

/** The site to seed and who writes there (a site owner). */
export interface SeedTarget {
  siteUrl: string;
  sp: SPFI;
  /** The local list server: each person "visits" once with their own development token, as people do in SharePoint. */
  local: boolean;
}

/**
 * A local list server's site, written through development tokens by the site collection administrator by default:
 * provisioning takes Full Control, and once the lists have their own permissions only site owners (and the app)
 * write them.
 */
export function localSeedTarget(siteUrl: string, as: string = SEED_ADMINISTRATOR.upn): SeedTarget {
  return { siteUrl, sp: createSp(siteUrl, DevTokenAuth(devIdentity(as))), local: true };
}

export async function seedSite(target: SeedTarget, o: SeedOptions): Promise<{ summary: string; planId: number }> {
  const { sp } = target;
  const prov = await provision(sp);
  o.say(prov.changes.length ? `Provisioned: ${prov.changes.length} change(s).` : "Lists already provisioned.");

  // People: in local mode each person "visits" the site once, as in SharePoint, so their names are known.
  for (const p of SEED_PEOPLE) {
    if (target.local) await getCurrentPerson(createSp(target.siteUrl, DevTokenAuth(devIdentity(p.oid))));
    else await ensurePerson(sp, p.upn);
  }
  // The cast's lead into "EAP Equalities Leads", the other EDI members into "EAP EDI Group" (site groups).
  const members = await getMembers(sp);
  for (const p of SEED_PEOPLE.filter((x) => x.ediGroup)) {
    const person = await ensurePerson(sp, p.upn);
    if (!members.some((m) => m.person.id === person.id)) await addMember(sp, person, p.upn === SEED_EQUALITIES_LEAD_UPN ? "equalities-lead" : "edi-group");
  }

  const progress = o.progress ?? (() => {});
  const w = await writePlanTree(sp, MAIDSTONE_PLAN_2017_21, { importId: SEED_IMPORT_ID, onProgress: progress });
  const createdCount = Object.values(w.created).reduce((a, b) => a + b, 0);
  o.say(createdCount ? `Seeded plan "${MAIDSTONE_PLAN_2017_21.title}": ${createdCount} item(s) written.` : `Plan "${MAIDSTONE_PLAN_2017_21.title}" already seeded.`);
  if (!(await getCoverReport(sp, w.planId, COVER_REPORT_2020_21.period))) {
    await saveCoverReport(sp, w.planId, COVER_REPORT_2020_21, null);
    o.say(`Covering report for ${COVER_REPORT_2020_21.period} written.`);
  }
  const local = MAIDSTONE_PLAN_2017_21.localCharacteristics ?? [];
  const ind = await writePlanIndicators(sp, w.planId, SEED_INDICATORS_2017_21, { importId: `${SEED_IMPORT_ID}/indicators`, localCharacteristics: local, now: o.now });
  if (ind.created || ind.values.added) o.say(`Indicators of "${MAIDSTONE_PLAN_2017_21.title}": ${ind.created} indicator(s), ${ind.values.added} value(s) from the documents.`);

  // Not a rollover: that would close the 2017-2021 plan's other actions, which no document says happened.
  const demo = demonstrationPlan();
  const d = await writePlanTree(sp, demo, { importId: DEMONSTRATION_IMPORT_ID, onProgress: progress }).catch((err) => {
    if (err instanceof DataError && err.reason === "duplicate")
      throw new DataError(
        "duplicate",
        `This site already has a plan called "${CURRENT_PLAN_TITLE}" that this seed did not write (an earlier version of the seed made it by a rollover). Seed an empty site: for npm start, delete the local data folder (.data) and start again.`,
        { cause: err },
      );
    throw err;
  });
  const carried = demo.roles.flatMap((r) => (r.objectives ?? []).flatMap((ob) => ob.actions ?? []));
  o.say(`Demonstration plan "${CURRENT_PLAN_TITLE}": ${carried.length} action(s) carried from the 2022-23 appendix.`);
  await writePlanIndicators(sp, d.planId, demonstrationIndicators(carried.map((a) => a.reference)), {
    importId: `${DEMONSTRATION_IMPORT_ID}/indicators`,
    localCharacteristics: local,
    now: o.now,
  });

  if (o.shiftToToday) {
    const n = await shiftToToday(sp, d.planId, o.now);
    o.say(`Moved ${n} delivery date(s) near ${londonDate(o.now)}.`);
  }
  const current = await findPlan(sp, CURRENT_PLAN_TITLE);
  return { summary: `Seed complete on ${target.siteUrl}.`, planId: current?.id ?? d.planId };
}

/** Gives the current plan's open actions day-precision dates around today (deterministic by plan order). */
export async function shiftToToday(sp: SPFI, planId: number, now: Date): Promise<number> {
  const today = londonDate(now);
  const dates = await siteDates(sp);
  const actions = (await getPlanActions(sp, planId)).filter((a) => a.disposition === "open" && a.status !== "complete");
  await inBatches(sp, actions, (b, a) => {
    const date = addDays(today, SHIFT_OFFSETS[(a.order - 1 + SHIFT_OFFSETS.length) % SHIFT_OFFSETS.length]);
    const due = { date, precision: "day" as const, kind: "deliver-by" as const, text: "" };
    return list(b, "actions").items.getById(a.id).update({ DueDate: dates.toSpDate(date), DuePrecision: "day", DueKind: "deliver-by", DueText: formatDue(due) }, "*");
  });
  return actions.length;
}
