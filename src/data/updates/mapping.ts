/** Update items ↔ UpdateRecord (progress updates, date-change requests, review decisions). */
import {
  type ActionStatus,
  type ActionUpdate,
  type Person,
  PUBLICATION_STATES,
  type PublicationState,
  type ReviewDecision,
  UPDATE_DATE_PRECISIONS,
  type UpdateDatePrecision,
  type UpdateKind,
  type UpdatePublication,
} from "../../domain/types.ts";
import { PERSON_PROJECTION, personFrom } from "../people/mapping.ts";
import type { Item } from "../queries.ts";
import type { SiteDates } from "../site-time-zone.ts";
import { etagOf, fromSpInstant, idOrNull, numberOf, textOf } from "../values.ts";

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
  "Publication",
  "ApprovedText",
  "WithheldReason",
  "PublicationReviewedById",
  "PublicationReviewedAt",
  "ImportKey",
  ...PERSON_PROJECTION("UpdatedBy"),
] as const;
export const UPDATE_EXPAND = ["UpdatedBy"] as const;

export interface UpdateRecord extends ActionUpdate {
  author: Person | null;
  /**
   * For a "date-change-decision": the date-change request it answers (null for the lead's own change). Kept in the
   * item's unique key, `proposal-decision:<id>`, so that a request is answered at most once whoever answers.
   */
  answersProposalId?: number | null;
  /** The item's ETag: publication decisions are written with it (If-Match). */
  etag?: string;
}

/** An empty or unknown state reads as a draft: nothing is published that the lead has not approved. */
export function publicationFrom(i: Item): UpdatePublication {
  const raw = textOf(i.Publication);
  return {
    state: (PUBLICATION_STATES as readonly string[]).includes(raw) ? (raw as PublicationState) : "draft",
    approvedText: textOf(i.ApprovedText) || null,
    withheldReason: textOf(i.WithheldReason) || null,
    reviewedAt: fromSpInstant(i.PublicationReviewedAt),
    reviewedById: idOrNull(i.PublicationReviewedById),
  };
}

export function publicationToFields(p: UpdatePublication): Record<string, unknown> {
  return {
    Publication: p.state,
    ApprovedText: p.approvedText,
    WithheldReason: p.withheldReason,
    PublicationReviewedById: p.reviewedById,
    PublicationReviewedAt: p.reviewedAt,
  };
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
    answersProposalId: answeredProposal(textOf(i.ImportKey)),
    publication: publicationFrom(i),
    etag: etagOf(i),
  };
}

/** The unique key of an update submitted from the tab or a card: the same submission is never saved twice. */
export const submissionKey = (key: string): string => `submission:${key}`;

/** The unique key of the answer to date-change request `proposalId`: one answer per request, whoever gives it. */
export const proposalDecisionKey = (proposalId: number): string => `proposal-decision:${proposalId}`;

function answeredProposal(key: string): number | null {
  const m = /^proposal-decision:(\d+)$/.exec(key);
  return m ? Number(m[1]) : null;
}
