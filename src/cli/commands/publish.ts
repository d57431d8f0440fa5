/**
 * `eap publish`: the public progress page for one financial year of one plan, as a static, self-contained and
 * accessible HTML site (index.html and the progress as CSV) ready to upload to the council's website. Only
 * approved updates are published: updates still awaiting approval stop it (listed) unless --approved-only; a page
 * that would name an officer is refused. The folder is written whole or not at all (a temporary folder beside it,
 * then renamed), and checked before SharePoint is read.
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

interface PublishOptions {
  plan: string;
  period: string;
  out: string;
  approvedOnly?: boolean;
  publishedOn?: string;
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("publish")
      .description("Write the public progress page (a static HTML site with its CSV) for one financial year: approved progress only, no officers' names.")
      .requiredOption("--plan <name>", "the plan's title (or its period, e.g. 2017-2021)")
      .requiredOption("--period <year>", "financial year, e.g. 2022-23")
      .requiredOption("--out <folder>", "the folder to write (new, empty, or an earlier publication to replace)")
      .option("--approved-only", "leave out updates still awaiting approval (they are listed) instead of stopping")
      .option("--published-on <date>", "the date of publication shown on the page, YYYY-MM-DD (default: today, UK time)"),
  ).action(async (opts: PublishOptions, cmd: Command) => {
    const { CliError } = await import("../errors.ts");
    const { leftOutNote, planFileError } = await import("../report-error.ts");
    const { normalisePeriod } = await import("../../domain/report-model.ts");
    const { londonDate } = await import("../../domain/london-time.ts");
    const { checkPublishFolder, writeFolderAtomic } = await import("../../report/publish/write-folder.ts");
    const { GENERATOR } = await import("../../report/publish/public-page-html.ts");
    const access = siteAccess(cmd);
    const publishedOn = opts.publishedOn ?? londonDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedOn) || new Date(`${publishedOn}T12:00:00Z`).toISOString().slice(0, 10) !== publishedOn) {
      throw new CliError("usage", `--published-on "${publishedOn}" is not a date such as 2026-11-24`);
    }
    try {
      const period = normalisePeriod(opts.period);
      checkPublishFolder(opts.out, GENERATOR);
      const { connect } = await import("../site.ts");
      const { requirePlan } = await import("../../data/index.ts");
      const { publicSiteFiles } = await import("../../report/publish/public-site.ts");
      const sp = await connect(access);
      const plan = await requirePlan(sp, opts.plan);
      const { model, files } = await publicSiteFiles(sp, plan, period, { publishedOn, awaiting: opts.approvedOnly ? "leave-out" : "refuse" });
      writeFolderAtomic(opts.out, files, GENERATOR);
      console.log(
        `Published ${model.actionCount} action(s) of "${plan.title}" for ${period} to ${opts.out} (${files.map((f) => f.name).join(", ")}), dated ${publishedOn}.${leftOutNote(model.leftOut)}`,
      );
    } catch (err) {
      throw planFileError(err);
    }
  });
};
