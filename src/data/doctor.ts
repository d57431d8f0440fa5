/**
 * `eap doctor`: a check of a real site before go-live and after changes, reading only. Each check answers pass,
 * warn or fail with what it found and what to do; a check that cannot run is a failure of its own, never a crash.
 *
 * Checks are a list (DOCTOR_CHECKS): a new concern is one more entry. The permission model (the EAP site groups,
 * the lists' own permissions, the system lists closed to members) is checked by permissions/doctor-check.ts.
 */
import { batchOps } from "./batching.ts";
import type { SPFI } from "./create-sp.ts";
import { isPassing, sharePointText, toDataError } from "./errors.ts";
import { eq } from "./odata.ts";
import { PERSON_PROJECTION, peopleFrom, personFrom } from "./people/mapping.ts";
import { ensurePerson } from "./people/repository.ts";
import { checkPermissions } from "./permissions/doctor-check.ts";
import { getPlans } from "./plans/repository.ts";
import { queryWindowed } from "./queries.ts";
import { LIST_ORDER, LISTS } from "./schema/lists.ts";
import type { ListKey } from "./schema/vocabulary.ts";
import { type Difference, describeDifference, differences, type ListState, readListState } from "./site-schema.ts";
import { COUNCIL_TIME_ZONE, siteDates } from "./site-time-zone.ts";

export type CheckStatus = "pass" | "warn" | "fail";

export interface CheckResult {
  /** Which check ("lists", "time zone", ...). */
  check: string;
  status: CheckStatus;
  message: string;
  details?: string[];
}

export interface DoctorContext {
  /** The operator's access to the site (a site owner, or the app). */
  sp: SPFI;
  /** The app's own (app-only) access, to see that the bot can work; undefined when it cannot be tried. */
  appSp?: SPFI;
  /** Why the app's access is not checked, when appSp is absent. */
  appNotChecked?: string;
  /** SharePoint Online's list view threshold (5,000); lower only to rehearse on the local server. */
  threshold?: number;
  /** The site's lists, read once and shared by the checks. */
  lists?: Map<ListKey, ListState>;
}

export interface DoctorCheck {
  name: string;
  run(ctx: Required<Pick<DoctorContext, "lists">> & DoctorContext): Promise<CheckResult[]>;
}

export const SHAREPOINT_ONLINE_THRESHOLD = 5000;
/** "Near" the threshold: a list this full without its indexes is one busy year away from refused queries. */
const NEAR = 0.8;

/** How much a difference from the schema matters: a missing list, column, index or choice breaks the product. */
function severity(d: Difference): CheckStatus {
  switch (d.kind) {
    case "missing-list":
    case "missing-field":
      return "fail";
    case "field":
      return d.what.some((w) => w === "Indexed" || w === "EnforceUniqueValues" || w === "Choices") ? "fail" : "warn";
    case "versioning":
      // History is what the action view shows; the bot's bookkeeping lists merely keep versions they do not need.
      return d.want ? "fail" : "warn";
    case "title-label":
    case "not-in-view":
      return "warn";
  }
}

const worst = (s: CheckStatus[]): CheckStatus => (s.includes("fail") ? "fail" : s.includes("warn") ? "warn" : "pass");

const schemaCheck: DoctorCheck = {
  name: "lists",
  async run({ lists }) {
    return LIST_ORDER.map((key) => {
      const state = lists.get(key)!;
      const def = LISTS[key];
      const diffs = differences(state);
      if (diffs.length === 0) {
        const indexes = def.fields.filter((f) => f.indexed).length;
        return { check: "lists", status: "pass", message: `${def.title}: ${def.fields.length} columns, ${indexes} indexes, versioning ${def.versioning ? "on" : "off"}, as the schema says.` };
      }
      const status = worst(diffs.map(severity));
      return {
        check: "lists",
        status,
        message: `${def.title}: ${diffs.length} difference(s) from the schema${status === "fail" ? "; run eap provision" : ""}.`,
        details: diffs.map((d) => `${severity(d)}: ${describeDifference(d)}`),
      };
    });
  },
};

const timeZoneCheck: DoctorCheck = {
  name: "time zone",
  async run({ sp }) {
    const { zone, isCouncilZone } = await siteDates(sp);
    if (isCouncilZone) return [{ check: "time zone", status: "pass", message: `The site's regional time zone is ${zone.description}.` }];
    return [
      {
        check: "time zone",
        status: "warn",
        message: `The site's regional time zone is ${zone.description} (${zone.iana}), not ${COUNCIL_TIME_ZONE}. Due dates stay right (they are written and read in the site's zone), but SharePoint's own pages and exports show the site's days; set the zone in Site settings > Regional settings.`,
        details: zone.approximate ? [`SharePoint's zone ${zone.id} is not one the product knows by name: only its standard offset is followed, without daylight saving.`] : undefined,
      },
    ];
  },
};

const thresholdCheck: DoctorCheck = {
  name: "threshold",
  async run({ lists, threshold = SHAREPOINT_ONLINE_THRESHOLD }) {
    const out: CheckResult[] = [];
    let largest: ListState | undefined;
    for (const key of LIST_ORDER) {
      const state = lists.get(key)!;
      if (!state.id) continue;
      if (!largest || state.itemCount > largest.itemCount) largest = state;
      const missing = state.def.fields.filter((f) => f.indexed && !state.fields.get(f.name)?.Indexed).map((f) => f.name);
      if (state.itemCount < threshold * NEAR) continue;
      const count = state.itemCount.toLocaleString("en-GB");
      if (missing.length === 0) {
        out.push({ check: "threshold", status: "pass", message: `${state.def.title}: ${count} items, every index the product's queries need is in place.` });
      } else {
        const over = state.itemCount > threshold;
        out.push({
          check: "threshold",
          status: "fail",
          message: `${state.def.title}: ${count} items, ${over ? "over" : "near"} the ${threshold.toLocaleString("en-GB")}-item list view threshold, without indexes on ${missing.join(", ")}: queries filtered on them ${over ? "are refused now" : "will be refused"}. Run eap provision.`,
        });
      }
    }
    if (out.length === 0 && largest) {
      out.push({ check: "threshold", status: "pass", message: `Every list is well under the ${threshold.toLocaleString("en-GB")}-item list view threshold (largest: ${largest.def.title}, ${largest.itemCount.toLocaleString("en-GB")} items).` });
    }
    return out;
  },
};

const peopleCheck: DoctorCheck = {
  name: "people",
  async run({ sp, lists }) {
    if (!lists.get("plans")?.id || !lists.get("actions")?.id) return [{ check: "people", status: "warn", message: "Not checked: the plan lists do not exist yet." }];
    const current = (await getPlans(sp)).filter((p) => p.status === "active");
    if (current.length === 0) return [{ check: "people", status: "warn", message: "There is no active plan to check." }];
    const places = new Map<string, { name: string; refs: string[] }>();
    for (const plan of current) {
      // Only the people columns: the check must work on a site whose other columns are not as the schema says.
      const items = await queryWindowed(sp, "actions", {
        filter: eq("PlanId", plan.id),
        select: ["Id", "Reference", "Disposition", ...PERSON_PROJECTION("Owner", { email: false }), ...PERSON_PROJECTION("Officers", { email: false })],
        expand: ["Owner", "Officers"],
      });
      for (const a of items) {
        if (a.Disposition !== "open") continue;
        const reference = String(a.Reference ?? a.Id);
        for (const p of [personFrom(a.Owner), ...peopleFrom(a.Officers)]) {
          if (!p?.upn) continue;
          const entry = places.get(p.upn) ?? { name: p.name, refs: [] };
          if (!entry.refs.includes(reference)) entry.refs.push(reference);
          places.set(p.upn, entry);
        }
      }
    }
    // SharePoint's people resolution is the test: it refuses anyone no longer in the directory. Everyone asked is
    // already a site user, so asking changes nothing on the site.
    const upns = [...places.keys()];
    const settled = await batchOps(
      sp,
      upns.map((u) => (b: SPFI) => ensurePerson(b, u)),
    );
    const gone: string[] = [];
    settled.forEach((s, i) => {
      if (s.ok) return;
      if (isPassing(s.error) || ![400, 404].includes(toDataError(s.error).status ?? 0)) throw toDataError(s.error, `Resolving ${upns[i]}`);
      const { name, refs } = places.get(upns[i])!;
      gone.push(`${name} (${upns[i]}) on ${refs.join(", ")}: ${sharePointText(s.error)}`);
    });
    const plans = current.map((p) => `"${p.title}"`).join(", ");
    if (gone.length === 0) return [{ check: "people", status: "pass", message: `All ${upns.length} people named on open actions of ${plans} still resolve.` }];
    return [
      {
        check: "people",
        status: "fail",
        message: `${gone.length} of ${upns.length} people named on open actions of ${plans} no longer resolve (left, or disabled): their actions need a new owner (eap rollover --reassign old=new carries them to someone else).`,
        details: gone,
      },
    ];
  },
};

const appAccessCheck: DoctorCheck = {
  name: "app access",
  async run({ appSp, appNotChecked }) {
    if (!appSp) return [{ check: "app access", status: "warn", message: `The app's own access (the bot's) was not checked: ${appNotChecked ?? "no app sign-in was given"}.` }];
    const failures: string[] = [];
    for (const key of LIST_ORDER) {
      const l = appSp.web.lists.getByTitle(LISTS[key].title);
      try {
        await l.items.select("Id").top(1)();
      } catch (err) {
        const e = toDataError(err);
        failures.push(`${LISTS[key].title}: HTTP ${e.status ?? "?"} ${sharePointText(err)}`);
      }
    }
    if (failures.length === 0) return [{ check: "app access", status: "pass", message: `The app reads all ${LIST_ORDER.length} lists with its own (app-only) sign-in.` }];
    return [
      {
        check: "app access",
        status: "fail",
        message: `The app cannot read ${failures.length} of ${LIST_ORDER.length} lists with its own sign-in: the bot would fail. Check the certificate (EAP_CERT_*), the app id, and that the app is granted Sites.Selected write on this site (docs/deploy.md, section 3).`,
        details: failures,
      },
    ];
  },
};

const permissionsCheck: DoctorCheck = {
  name: "permissions",
  run: ({ sp }) => checkPermissions(sp),
};

/** The checks, in the order they are reported. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [schemaCheck, timeZoneCheck, thresholdCheck, peopleCheck, permissionsCheck, appAccessCheck];

/** Runs every check; a check that throws is reported as failed with what went wrong, and the others still run. */
export async function runDoctor(ctx: DoctorContext, checks: readonly DoctorCheck[] = DOCTOR_CHECKS): Promise<CheckResult[]> {
  let lists = ctx.lists;
  try {
    lists ??= new Map(await Promise.all(LIST_ORDER.map(async (k) => [k, await readListState(ctx.sp, LISTS[k])] as const)));
  } catch (err) {
    return [{ check: "site", status: "fail", message: `The site cannot be read: ${toDataError(err).message}` }];
  }
  const out: CheckResult[] = [];
  for (const c of checks) {
    try {
      out.push(...(await c.run({ ...ctx, lists })));
    } catch (err) {
      out.push({ check: c.name, status: "fail", message: `The check could not run: ${toDataError(err).message}` });
    }
  }
  return out;
}
