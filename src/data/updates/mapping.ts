/** Update items ↔ UpdateRecord (progress updates, date-change requests, review decisions). */
import { type ActionStatus, type ActionUpdate, type Person, type ReviewDecision, UPDATE_DATE_PRECISIONS, type UpdateDatePrecision, type UpdateKind } from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import { fromSpInstant, idOrNull, numberOf, textOf } from "../values.ts";

export const UPDATE_SELECT = [
  "Id",
  "ActionId",
  "PlanId",
  "UpdateDate",
  "UpdatedById",
  "AuthorName",
  "Body",
  "StatusAtTime",
  "UpdateKind",
  "Period",
  "Decision",
  "MeetingDate",
  "RequestedDueDate",
  "UpdateSource",
  "DatePrecision",
  ...PERSON_PROJECTION("UpdatedBy"),
] as const;
export const UPDATE_EXPAND = ["UpdatedBy"] as const;

export interface UpdateRecord extends ActionUpdate {
  author: Person | null;
}

export function updateFrom(i: Item, dates: SiteDates): UpdateRecord {
  const author = personFrom(i.UpdatedBy);
  return {
    id: i.Id,
    actionId: numberOf(i.ActionId),
    planId: numberOf(i.PlanId),
    date: fromSpInstant(i.UpdateDate) ?? "",
    authorId: idOrNull(i.UpdatedById),
    authorName: textOf(i.AuthorName) || author?.name || "",
    text: textOf(i.Body),
    statusAtTime: (textOf(i.StatusAtTime) || null) as ActionStatus | null,
    kind: (textOf(i.UpdateKind) || "progress") as UpdateKind,
    period: textOf(i.Period),
    decision: (textOf(i.Decision) || null) as ReviewDecision | null,
    meetingDate: dates.fromSpDate(i.MeetingDate),
    requestedDueDate: dates.fromSpDate(i.RequestedDueDate),
    source: textOf(i.UpdateSource),
    datePrecision: UPDATE_DATE_PRECISIONS.includes(textOf(i.DatePrecision) as UpdateDatePrecision) ? (textOf(i.DatePrecision) as UpdateDatePrecision) : "exact",
    author,
  };
}
