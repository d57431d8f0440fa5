import type { Command } from "commander";
import { addSiteOptions, connect, siteAccess } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("provision")
      .description("Create or update the lists, columns, indexes and versioning on a site (safe to run again)."),
  ).action(async (_opts, cmd: Command) => {
    const { provision } = await import("../../data/provision.ts");
    const { toCliError } = await import("../report-error.ts");
    const access = siteAccess(cmd);
    try {
      const sp = await connect(access);
      const report = await provision(sp, (l) => process.stderr.write(`  checking ${l}\n`));
      if (report.changes.length === 0) {
        console.log(`Nothing to change: ${report.lists} lists and ${report.fields} columns already match the schema on ${access.siteUrl}.`);
      } else {
        for (const c of report.changes) console.log(`  ${c.list}: ${c.what}`);
        console.log(`${report.changes.length} change(s) made on ${access.siteUrl}.`);
      }
    } catch (err) {
      throw toCliError(err);
    }
  });
};
