/**
 * The covering reports list: the equalities lead's words around the annual progress report, one item per plan and
 * financial year (src/domain/cover-report.ts). The figures are not stored: the report fills them in from the data.
 * The details a list view should show are columns; the structured body (paragraphs, tables, options) is one JSON
 * document in a multi-line column, validated on every read and write.
 */
import { type ListDef, planLookupField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const COVER_REPORTS_LIST: ListDef = {
  key: "coverReports",
  title: LIST_TITLES.coverReports,
  description: "The covering report that takes each year's progress to committee: the equalities lead's words.",
  versioning: true,
  titleLabel: "Report title",
  fields: [
    planLookupField,
    { name: "Period", title: "Financial year", type: "Text", maxLength: 7, indexed: true, required: true },
    // "<plan id>/<period>": one covering report per plan and year, enforced by SharePoint itself.
    { name: "CoverKey", title: "Plan and year", type: "Text", maxLength: 255, indexed: true, unique: true, required: true },
    { name: "FinalDecisionMaker", title: "Final decision-maker", type: "Text", maxLength: 255 },
    { name: "Classification", title: "Classification", type: "Text", maxLength: 255 },
    { name: "WardsAffected", title: "Wards affected", type: "Text", maxLength: 255 },
    { name: "CoverContent", title: "Report content (JSON)", type: "Note", required: true },
  ],
};
