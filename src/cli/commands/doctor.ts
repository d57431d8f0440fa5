/**
 * `eap doctor --site URL`: checks a site before go-live and after changes, reading only (src/data/doctor.ts): the
 * lists, columns, indexes, versioning and default views against the schema; the site's time zone; lists near the
 * list view threshold without their indexes; people on the active plan's open actions who no longer resolve; and
 * whether the app's own (app-only) sign-in can read the lists, as the bot must. One line per finding, PASS, WARN or
 * FAIL; exit 1 when anything fails.
 *
 * The app's access is tried with the app's certificate when it is given (EAP_CERT_KEY_PATH, EAP_CERT_THUMBPRINT and
 * the app's id), with the development app identity on a local site, and with the command's own sign-in when that is
 * already the app's (--auth certificate).
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("doctor")
      .description("Check a site before go-live and after changes (reads only): lists, columns, indexes, versioning, views, time zone, list sizes, people who left, the app's own access. Exit 1 on any failure.")
      .option("--threshold <n>", "the list view threshold to check against (SharePoint Online: 5000; lower only to rehearse locally)", "5000"),
  ).action(async (opts: { threshold: string }, cmd: Command) => {
    const [{ CliError }, { toCliError }, { connect }, { runDoctor }, { createSp, DevAppAuth }, { loadSiteAccess }, { spAuthFrom }, { typedSettings }, { SCOPE_SETTINGS }, { LOCAL_APP_IDENTITY }] = await Promise.all([
      import("../errors.ts"),
      import("../report-error.ts"),
      import("../site.ts"),
      import("../../data/doctor.ts"),
      import("../../data/index.ts"),
      import("../../config/site-access.ts"),
      import("../../data/auth/sp-auth.ts"),
      import("../setting-options.ts"),
      import("../../config/settings.ts"),
      import("../../config/local-identities.ts"),
    ]);
    const threshold = Number(opts.threshold);
    if (!Number.isInteger(threshold) || threshold < 1) throw new CliError("usage", `--threshold must be a whole number of items (got '${opts.threshold}').`);
    const access = siteAccess(cmd);
    try {
      const sp = await connect(access);
      let appSp: ReturnType<typeof createSp> | undefined;
      let appNotChecked: string | undefined;
      if (access.signIn.kind === "dev" || access.signIn.kind === "dev-app") appSp = createSp(access.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
      else if (access.signIn.kind === "certificate") appSp = sp;
      else {
        // A person signed in; the app's certificate, when its settings are given, shows what the bot can do.
        try {
          const { options } = typedSettings(cmd, SCOPE_SETTINGS.site);
          const app = loadSiteAccess({ ...options, auth: "certificate" }, process.env).access;
          appSp = createSp(app.siteUrl, await spAuthFrom(app.signIn as Parameters<typeof spAuthFrom>[0]));
        } catch (e) {
          appNotChecked = `give the app's certificate settings to check it (${(e as Error).message.split("\n").slice(1).join(" ").trim() || (e as Error).message})`;
        }
      }
      const results = await runDoctor({ sp, appSp, appNotChecked, threshold });
      for (const r of results) {
        console.log(`${r.status.toUpperCase().padEnd(4)}  ${r.check.padEnd(10)}  ${r.message}`);
        for (const d of r.details ?? []) console.log(`${" ".repeat(18)}- ${d}`);
      }
      const count = (s: string) => results.filter((r) => r.status === s).length;
      console.log(`${count("pass")} passed, ${count("warn")} warning(s), ${count("fail")} failed on ${access.siteUrl}.`);
      if (count("fail") > 0) throw new CliError("sharepoint", `${count("fail")} check(s) failed.`);
    } catch (err) {
      throw toCliError(err);
    }
  });
};
