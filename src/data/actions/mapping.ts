/**
 * Action items ↔ ActionRecord (the tab's main type), and an ActionPatch → the item fields it writes.
 */
import { ACTION_STATUSES, DISPOSITIONS } from "../../domain/constants.ts";
import type { Action, ActionStatus, Disposition, Due, DueKind, DuePrecision, Person } from "../../domain/types.ts";
import { PERSON_PROJECTION, peopleFrom, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import {
  etagOf,
  fromKeys,
  fromLines,
  fromSpInstant,
  idList,
  idOrNull,
  numberOf,
  shortTitle,
  textOf,
  toKeys,
  toLines,
} from "../values.ts";

/** An action with the people it names, as one query returns them (person columns expanded). */
export interface ActionRecord extends Action {
  owner: Person | null;
  officers: Person[];
}

export const ACTION_SELECT = [
  "Id",
  "PlanId",
  "ObjectiveId",
  "CommitmentId",
  "Reference",
  "ActionText",
  "OwnerId",
  "OfficersId",
  "Teams",
  "SuccessMeasures",
  "DueDate",
  "DuePrecision",
  "DueKind",
  "DueText",
  "ActionStatus",
  "Disposition",
  "Characteristics",
  "CarriedFromId",
  "LastUpdateAt",
  "LastUpdateSummary",
  "SnoozedUntil",
  "SortOrder",
  "Modified",
  ...PERSON_PROJECTION("Owner"),
  ...PERSON_PROJECTION("Officers", { email: false }),
] as const;
export const ACTION_EXPAND = ["Owner", "Officers"] as const;

export function actionFrom(i: Item, dates: SiteDates): ActionRecord {
  const status = textOf(i.ActionStatus) as ActionStatus;
  const disposition = textOf(i.Disposition) as Disposition;
  return {
    id: i.Id,
    planId: numberOf(i.PlanId),
    objectiveId: numberOf(i.ObjectiveId),
    commitmentId: idOrNull(i.CommitmentId),
    reference: textOf(i.Reference),
    text: textOf(i.ActionText),
    ownerId: idOrNull(i.OwnerId),
    officerIds: idList(i.OfficersId),
    teams: textOf(i.Teams),
    successMeasures: fromLines(i.SuccessMeasures),
    due: {
      date: dates.fromSpDate(i.DueDate),
      precision: (textOf(i.DuePrecision) || "day") as DuePrecision,
      kind: (textOf(i.DueKind) || "deliver-by") as DueKind,
      text: textOf(i.DueText),
    },
    status: ACTION_STATUSES.includes(status) ? status : "not-started",
    disposition: DISPOSITIONS.includes(disposition) ? disposition : "open",
    characteristics: fromKeys(i.Characteristics),
    carriedFromId: idOrNull(i.CarriedFromId),
    order: numberOf(i.SortOrder),
    lastUpdateAt: fromSpInstant(i.LastUpdateAt),
    lastUpdateSummary: textOf(i.LastUpdateSummary) || null,
    snoozedUntil: fromSpInstant(i.SnoozedUntil),
    modifiedAt: fromSpInstant(i.Modified) ?? undefined,
    etag: etagOf(i),
    owner: personFrom(i.Owner),
    officers: peopleFrom(i.Officers),
  };
}

/** Fields a person may edit on an action (tab edit form, card "propose a new date" once accepted). */
export interface ActionPatch {
  text?: string;
  teams?: string;
  successMeasures?: string[];
  due?: Due;
  status?: ActionStatus;
  disposition?: Disposition;
  characteristics?: string[];
  ownerId?: number | null;
  officerIds?: number[];
  snoozedUntil?: string | null;
  lastUpdateAt?: string | null;
  lastUpdateSummary?: string | null;
}

/**
 * The record as it stands after `patch` was written with `etag` (the ETag SharePoint returned), without reading it
 * again. Expanded people (owner, officers) are kept as read: only their ids follow the patch.
 */
export function withPatch(a: ActionRecord, patch: ActionPatch, etag: string | undefined): ActionRecord {
  const next: ActionRecord = { ...a, etag };
  if (patch.text !== undefined) next.text = patch.text;
  if (patch.teams !== undefined) next.teams = patch.teams;
  if (patch.successMeasures !== undefined) next.successMeasures = patch.successMeasures;
  if (patch.due !== undefined) next.due = patch.due;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.disposition !== undefined) next.disposition = patch.disposition;
  if (patch.characteristics !== undefined) next.characteristics = patch.characteristics;
  if (patch.ownerId !== undefined) next.ownerId = patch.ownerId;
  if (patch.officerIds !== undefined) next.officerIds = patch.officerIds;
  if (patch.snoozedUntil !== undefined) next.snoozedUntil = patch.snoozedUntil;
  if (patch.lastUpdateAt !== undefined) next.lastUpdateAt = patch.lastUpdateAt;
  if (patch.lastUpdateSummary !== undefined) next.lastUpdateSummary = patch.lastUpdateSummary;
  return next;
}

/** The fields a patch writes; `dates` (the site's) is needed when the patch changes the due date. */
export function actionPatchToFields(p: ActionPatch, dates?: SiteDates): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (p.text !== undefined) {
    f.ActionText = p.text;
    f.Title = shortTitle(p.text);
  }
  if (p.teams !== undefined) f.Teams = p.teams;
  if (p.successMeasures !== undefined) f.SuccessMeasures = toLines(p.successMeasures);
  if (p.due !== undefined) {
    if (!dates) throw new Error("A due date is written in the site's time zone: pass the site's dates.");
    f.DueDate = dates.toSpDate(p.due.date);
    f.DuePrecision = p.due.precision;
    f.DueKind = p.due.kind;
    f.DueText = p.due.text;
  }
  if (p.status !== undefined) f.ActionStatus = p.status;
  if (p.disposition !== undefined) f.Disposition = p.disposition;
  if (p.characteristics !== undefined) f.Characteristics = toKeys(p.characteristics);
  if (p.ownerId !== undefined) f.OwnerId = p.ownerId;
  if (p.officerIds !== undefined) f.OfficersId = p.officerIds;
  if (p.snoozedUntil !== undefined) f.SnoozedUntil = p.snoozedUntil;
  if (p.lastUpdateAt !== undefined) f.LastUpdateAt = p.lastUpdateAt;
  if (p.lastUpdateSummary !== undefined) f.LastUpdateSummary = p.lastUpdateSummary;
  return f;
}
