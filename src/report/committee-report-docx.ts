/**
 * The committee report as a Word document: the covering report in portrait (docx/cover.ts: the lead's words with
 * the figures filled in from the data), then the appendix of progress in landscape (docx/appendix.ts). Without a
 * covering report the document is the appendix alone.
 *
 * Accessibility is a legal duty for councils (PSED, Public Sector Bodies Accessibility Regulations 2018), so:
 * real heading styles (Title, Heading 1-4) for navigation, a header row on every table (repeated on each page and
 * announced by screen readers), real lists, column widths that keep words whole (docx/table.ts), the document
 * title in its properties and the language (en-GB) in the document defaults. Text from people goes in as text
 * runs: nothing is interpreted as markup. Only approved text reaches the model (src/domain/publication.ts).
 */
import { AlignmentType, Document, LevelFormat, Packer, PageOrientation, type Paragraph, type Table } from "docx";
import { type CoverReport, coverFiguresFrom, fillCoverFigures } from "../domain/cover-report.ts";
import type { ReportModel } from "../domain/report-model.ts";
import { appendixBlocks } from "./docx/appendix.ts";
import { coverBlocks, RECOMMENDATIONS_NUMBERING } from "./docx/cover.ts";
import { BODY_PT } from "./docx/table.ts";

const LANGUAGE = "en-GB";

export interface CommitteeReportOptions {
  creator?: string;
  /** The lead's covering report for the period, its {{figures}} still to fill in; absent: the appendix alone. */
  cover?: CoverReport | null;
}

const A4 = { width: 11906, height: 16838 };
const page = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({ page: { size: { ...A4, orientation } } });

export function buildCommitteeReportDocument(model: ReportModel, opts: CommitteeReportOptions = {}): Document {
  const cover = opts.cover ? fillCoverFigures(opts.cover, coverFiguresFrom(model)) : null;
  const sections: Array<{ properties: ReturnType<typeof page>; children: Array<Paragraph | Table> }> = [];
  if (cover) sections.push({ properties: page(PageOrientation.PORTRAIT), children: coverBlocks(cover) });
  sections.push({ properties: page(PageOrientation.LANDSCAPE), children: appendixBlocks(model, cover ? 1 : 0) });
  return new Document({
    title: cover?.title ?? model.title,
    subject: `${model.planTitle}: updates on actions from ${model.period}`,
    description: `Committee report for ${model.period}`,
    creator: opts.creator ?? "Equality Action Plan",
    lastModifiedBy: opts.creator ?? "Equality Action Plan",
    styles: { default: { document: { run: { language: { value: LANGUAGE }, font: "Arial", size: BODY_PT * 2 } } } },
    numbering: {
      config: [
        {
          reference: RECOMMENDATIONS_NUMBERING,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections,
  });
}

/** The .docx bytes, in Node and in the browser alike (the tab wraps them in a Blob). */
export async function committeeReportBytes(model: ReportModel, opts: CommitteeReportOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildCommitteeReportDocument(model, opts)));
}
