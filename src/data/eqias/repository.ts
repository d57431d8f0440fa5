/** The EqIA register: the whole register, one assessment, those due for review, and writing them. */
import { checkEqia, type EqiaInput } from "../../domain/evidence.ts";
import { addOnce } from "../add-once.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { checked } from "../measure-invalid.ts";
import { datetime, le } from "../odata.ts";
import { type Item, list, queryByIds, queryWindowed } from "../queries.ts";
import { siteDates, withSiteDates } from "../site-time-zone.ts";
import { newWriteKey } from "../values.ts";
import { updateWithWriteKey } from "../keyed-update.ts";
import { EQIA_EXPAND, EQIA_SELECT, type EqiaRecord, eqiaFields, eqiaFrom } from "./mapping.ts";

const newestFirst = (a: EqiaRecord, b: EqiaRecord) => b.assessedOn.localeCompare(a.assessedOn) || b.id - a.id;

/** The register, newest assessment first, by ID windows (index-first at any size). */
export async function getEqias(sp: SPFI): Promise<EqiaRecord[]> {
  return callSharePoint("Reading the EqIA register", () =>
    withSiteDates(sp, queryWindowed(sp, "eqias", { select: EQIA_SELECT, expand: EQIA_EXPAND }), (items, dates) => items.map((i) => eqiaFrom(i, dates)).sort(newestFirst)),
  );
}

/** The request is issued before anything is awaited, so that it can travel in a $batch (with the site's dates). */
export async function getEqia(sp: SPFI, id: number): Promise<EqiaRecord> {
  return callSharePoint(`Reading EqIA ${id}`, async () => {
    const [item, dates] = await Promise.all([list(sp, "eqias").items.getById(id).select(...EQIA_SELECT).expand(...EQIA_EXPAND)() as Promise<Item>, siteDates(sp)]);
    return eqiaFrom(item, dates);
  });
}

/** Assessments by id (the card's "Impact assessments to review", re-read with a press), in the caller's $batch. */
export async function getEqiasByIds(sp: SPFI, ids: readonly number[]): Promise<EqiaRecord[]> {
  if (ids.length === 0) return [];
  return callSharePoint("Reading EqIAs by id", () =>
    withSiteDates(sp, queryByIds(sp, "eqias", ids, { select: EQIA_SELECT, expand: EQIA_EXPAND }), (items, dates) => items.map((i) => eqiaFrom(i, dates))),
  );
}

/** Assessments to be reviewed by `upTo` (a civil date), overdue ones included: what the review reminders need. */
export async function getEqiasDueForReview(sp: SPFI, upTo: string): Promise<EqiaRecord[]> {
  // The filter needs the site's zone first: the day's local midnight is what SharePoint stores for it.
  const dates = await siteDates(sp);
  return callSharePoint("Reading EqIAs due for review", async () =>
    (await queryWindowed(sp, "eqias", { filter: le("ReviewDate", datetime(dates.toSpDate(upTo) ?? "")), select: EQIA_SELECT, expand: EQIA_EXPAND })).map((i) => eqiaFrom(i, dates)),
  );
}

export interface NewEqia {
  input: EqiaInput;
  /** Local characteristics the council considers (the current plan's). */
  localCharacteristics?: readonly string[];
  submissionKey: string;
}

export async function createEqia(sp: SPFI, n: NewEqia): Promise<EqiaRecord> {
  const dates = await siteDates(sp);
  const { eqia } = checked("The EqIA cannot be saved", checkEqia(n.input, { localCharacteristics: n.localCharacteristics }));
  const { item } = await addOnce(sp, {
    list: "eqias",
    fields: { ...eqiaFields(eqia, dates), ImportKey: `submission:${n.submissionKey}` },
    keyField: "ImportKey",
    select: EQIA_SELECT,
    expand: EQIA_EXPAND,
    what: "Saving the EqIA",
  });
  return eqiaFrom(item, dates);
}

/** The WriteKey a change made for a submission carries: its retry finds it there. */
export const eqiaWriteKey = (submissionKey: string) => `submission:${submissionKey}`;

/**
 * Changes an assessment with the ETag it was read with; a 412 is DataError("conflict") and nothing is written.
 * The change carries a write key (the submission's, else a fresh one): when SharePoint applied a MERGE whose reply
 * was lost, PnPjs' re-send is refused with 412 because our own write moved the ETag on, and finding our key on the
 * item shows the write landed: success, not a conflict.
 */
export async function updateEqia(
  sp: SPFI,
  e: EqiaRecord,
  input: EqiaInput,
  ctx: { localCharacteristics?: readonly string[]; writeKey?: string } = {},
): Promise<string | undefined> {
  const dates = await siteDates(sp);
  if (!e.etag) throw new DataError("invalid", "An EqIA is changed with the ETag it was read with.");
  const { eqia } = checked("The EqIA cannot be changed", checkEqia(input, ctx));
  const change = { fields: eqiaFields(eqia, dates), etag: e.etag, writeKey: ctx.writeKey ?? newWriteKey() };
  return updateWithWriteKey(sp, "eqias", e.id, change, `Changing EqIA "${e.title}"`);
}
