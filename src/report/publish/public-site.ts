/**
 * The public progress page's files, from SharePoint: read the plan's year (the report pipeline's reading), build
 * the committee report's model (approved text only), see it as the public page, refuse it if it names an officer,
 * and render index.html and the CSV beside it. `eap publish` writes them to a folder; the tab can offer them too.
 */
import type { SPFI } from "../../data/create-sp.ts";
import { getPlanValues } from "../../data/indicator-values/repository.ts";
import { getPlanIndicators } from "../../data/indicators/repository.ts";
import { buildPublicPage, checkedPublicPage, type PublicIndicator, type PublicPage, publicIndicatorsOf } from "../../domain/public-progress.ts";
import { type AwaitingPolicy, buildReportModel, normalisePeriod, type ReportModel } from "../../domain/report-model.ts";
import type { Person, Plan } from "../../domain/types.ts";
import { type PeriodData, readPeriod } from "../pipeline.ts";
import { publicCsvName, publicProgressCsv } from "./public-page-csv.ts";
import { publicPageHtml } from "./public-page-html.ts";

export interface SiteFile {
  name: string;
  bytes: Uint8Array;
}

export interface PublicSiteRequest {
  /** The day of publication (London civil date, YYYY-MM-DD), shown on the page. */
  publishedOn: string;
  /** Updates still awaiting approval: stop with ReportError("awaiting-approval") (default), or leave them out. */
  awaiting?: AwaitingPolicy;
  /**
   * Indicators to publish instead of the plan's own (read from its indicator lists and judged at the year's end,
   * as the committee report's tables are).
   */
  indicators?: PublicIndicator[];
}

/** Everyone the plan names in a person column: its actions' owners and officers, and its updates' authors. */
export function peopleNamed(d: PeriodData): Person[] {
  return [...d.actions.flatMap((a) => [a.owner, ...(a.officers ?? [])]), ...d.updates.map((u) => u.author)].filter((p): p is Person => Boolean(p));
}

/** The page and its files: index.html and progress-<period>.csv. Throws ReportError, PublicPageError or DataError. */
export async function publicSiteFiles(sp: SPFI, plan: Plan, period: string, o: PublicSiteRequest): Promise<{ model: ReportModel; page: PublicPage; files: SiteFile[] }> {
  const fy = normalisePeriod(period);
  const [data, indicators, values] = await Promise.all([readPeriod(sp, plan, fy), getPlanIndicators(sp, plan.id), getPlanValues(sp, plan.id)]);
  const model = buildReportModel({ ...data, period: fy, awaiting: o.awaiting, indicators, values });
  const page = checkedPublicPage(buildPublicPage(model, { publishedOn: o.publishedOn, indicators: o.indicators ?? publicIndicatorsOf(model) }), peopleNamed(data));
  const csvName = publicCsvName(fy);
  const html = await publicPageHtml(page, csvName);
  return {
    model,
    page,
    files: [
      { name: "index.html", bytes: new TextEncoder().encode(html) },
      { name: csvName, bytes: publicProgressCsv(page) },
    ],
  };
}
