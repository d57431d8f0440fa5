/**
 * The EqIA register: one item per Equality Impact Assessment (the policy or decision, when, the characteristics
 * considered, the outcome, where it is published, when it is reviewed). Council-wide, not per plan; its links to
 * actions are the EqIA links list.
 */
import { EQIA_OUTCOMES } from "../../domain/measure-constants.ts";
import { importKeyField, type ListDef } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const EQIAS_LIST: ListDef = {
  key: "eqias",
  title: LIST_TITLES.eqias,
  description: "The register of Equality Impact Assessments, their outcomes, publication and review dates.",
  versioning: true,
  titleLabel: "Policy or decision",
  fields: [
    { name: "AssessedOn", title: "Assessed on", type: "DateTime", dateOnly: true, required: true },
    { name: "Characteristics", title: "Characteristics considered", type: "Note" },
    { name: "Outcome", title: "Outcome", type: "Choice", choices: EQIA_OUTCOMES, required: true },
    { name: "OutcomeSummary", title: "Outcome (summary)", type: "Note" },
    { name: "PublishedLink", title: "Published at", type: "Note" },
    // Indexed: the review reminders read "review due by" windows, index-first.
    { name: "ReviewDate", title: "Review by", type: "DateTime", dateOnly: true, indexed: true },
    { name: "EqiaOwner", title: "Owner", type: "User", indexed: true },
    importKeyField,
    // The key of the last change through the product (the submission's): a change whose reply was lost is
    // recognised by it, both when PnPjs' re-sent MERGE is refused with 412 and when the person's retry arrives with
    // the ETag it had before. Not indexed: read only on the one item being written.
    { name: "WriteKey", title: "Last write key", type: "Text", maxLength: 255, hiddenFromView: true },
  ],
};
