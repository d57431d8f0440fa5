/** The updates list: dated progress updates, date-change requests and review decisions on actions. */
import { ACTION_STATUSES, PUBLICATION_STATES, REVIEW_DECISIONS, UPDATE_DATE_PRECISIONS, UPDATE_KINDS } from "../../domain/constants.ts";
import { importKeyField, type ListDef, planLookupField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const UPDATES_LIST: ListDef = {
  key: "updates",
  title: LIST_TITLES.updates,
  description: "Dated progress updates and review decisions on actions.",
  versioning: true,
  titleLabel: "Update (short)",
  fields: [
    { name: "Action", title: "Action", type: "Lookup", lookupList: "actions", indexed: true, required: true },
    planLookupField,
    { name: "UpdateDate", title: "Date", type: "DateTime", indexed: true, required: true },
    { name: "UpdatedBy", title: "Updated by", type: "User" },
    { name: "AuthorName", title: "Author (as written)", type: "Text", maxLength: 255 },
    { name: "Body", title: "Update", type: "Note", required: true },
    { name: "StatusAtTime", title: "Status at the time", type: "Choice", choices: ACTION_STATUSES },
    { name: "UpdateKind", title: "Kind", type: "Choice", choices: UPDATE_KINDS, indexed: true, required: true },
    { name: "Period", title: "Period", type: "Text", maxLength: 7, indexed: true },
    { name: "Decision", title: "Review decision", type: "Choice", choices: REVIEW_DECISIONS },
    { name: "MeetingDate", title: "Meeting date", type: "DateTime", dateOnly: true },
    { name: "RequestedDueDate", title: "Requested new date", type: "DateTime", dateOnly: true },
    // Updates brought in from committee papers: the body that reported them, and whether the date is only the
    // period's end. Not authorship (that is UpdatedBy, or SharePoint's Created By).
    { name: "UpdateSource", title: "Reported by", type: "Text", maxLength: 255 },
    { name: "DatePrecision", title: "Date precision", type: "Choice", choices: UPDATE_DATE_PRECISIONS },
    // Approval before publication (src/domain/publication.ts), written only by the server for the equalities lead.
    // Empty reads as a draft, so updates written before these columns existed await the lead like any other.
    // Not indexed: read with their period's updates (PlanId and Period come first), never filtered on.
    { name: "Publication", title: "Publication", type: "Choice", choices: PUBLICATION_STATES },
    { name: "ApprovedText", title: "Approved text (published)", type: "Note" },
    { name: "WithheldReason", title: "Why withheld", type: "Text", maxLength: 255 },
    { name: "PublicationReviewedBy", title: "Publication decided by", type: "User" },
    { name: "PublicationReviewedAt", title: "Publication decided on", type: "DateTime" },
    importKeyField,
  ],
};
