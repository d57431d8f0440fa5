/**
 * `eap remind [--dry-run] [--now ISO]`: one reminder run through the bot's own code (same claims, ledger, cards
 * and pacing as the schedule). A dry run prints who would get what and writes and sends nothing.
 *
 * Settings (src/config/remind-config.ts): the site and its sign-in as for every site command, and the bot's identity
 * as the server reads it (EAP_BOT_ID, EAP_BOT_SECRET, EAP_TENANT_ID) to send on a real site. On the local site
 * (loopback URL) no credentials are used: messages go to the service URL saved in each person's conversation
 * reference, i.e. the local Agents Playground's connector.
 */
import type { Command } from "commander";
import { parseNow } from "../now.ts";
import { printWarnings } from "../say.ts";
import { SCOPE_SETTINGS } from "../../config/settings.ts";
import { addSettingOptions, typedSettings } from "../setting-options.ts";
import { authFor } from "../site.ts";

export const register = (program: Command) => {
  addSettingOptions(
    program
      .command("remind")
      .description("Run the reminder bot once: one digest card per officer with due or overdue actions, each nudge sent exactly once.")
      .option("--dry-run", "print who would get what; write and send nothing")
      .option("--now <iso>", "the instant to run as (default: now), e.g. 2026-11-24T09:00:00Z")
      .option("--edi-digest", "also send the EDI group's channel digest (EAP_EDI_CHANNEL, EAP_EDI_SERVICE_URL)"),
    "remind",
    SCOPE_SETTINGS.remind,
  ).action(async (opts, cmd: Command) => {
    const { toCliError } = await import("../report-error.ts");
    const { loadRemindConfig } = await import("../../config/remind-config.ts");
    const now = parseNow(opts.now);
    const dryRun = Boolean(opts.dryRun);
    const c = loadRemindConfig(typedSettings(cmd, SCOPE_SETTINGS.remind).options, process.env, { dryRun, ediDigest: Boolean(opts.ediDigest) });
    printWarnings(c.warnings);

    const { createBot } = await import("../../bot/index.ts");
    const { emailOptionsFor, graphOptionsFor } = await import("../../bot/graph-options.ts");
    const { LOCAL_APP_IDENTITY } = await import("../../config/local-identities.ts");
    // Locally, Graph is the list server's, as the product's own app (the bot); in a tenant, the app's credentials.
    const signIn = c.local ? { kind: "dev-app", app: LOCAL_APP_IDENTITY } : c.access.signIn;
    const graph = graphOptionsFor(signIn, c.access.siteUrl, { clientId: c.botId, clientSecret: c.botSecret, tenantId: c.tenantId });
    try {
      const bot = await createBot({
        siteUrl: c.access.siteUrl,
        spAuth: await authFor(c.access),
        clientId: c.botId,
        clientSecret: c.botSecret,
        tenantId: c.tenantId,
        // The bot never listens here (no server is given), so skipping inbound authentication exposes nothing.
        skipAuth: c.local || (dryRun && !c.botId),
        appBaseUrl: c.appBaseUrl,
        teamsAppId: c.teamsAppId,
        ediChannel: c.ediChannel,
        schedule: false,
        graph,
        email: emailOptionsFor(c.reminderEmail, c.mailSender, graph),
      });
      await bot.start();
      const report = await bot.runReminders({ now, dryRun });
      console.log(formatReport(report));
      if (opts.ediDigest) {
        const edi = await bot.runEdiDigest({ now, dryRun });
        console.log(`EDI digest: ${edi.outcome} (overdue ${edi.overdue}, due this month ${edi.dueThisMonth}, updated ${edi.updatedSince})${edi.detail ? `: ${edi.detail}` : ""}`);
      }
      await bot.stop();
      if (report.failed > 0) process.exitCode = 1;
    } catch (err) {
      throw toCliError(err);
    }
  });
};

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof import("../../bot/index.ts").createBot>>["runReminders"]>>;

export function formatReport(r: Report): string {
  const lines: string[] = [];
  const when = `${r.now}${r.dryRun ? " (dry run: nothing written or sent)" : ""}`;
  if (r.skipped) return `Reminder run at ${when}: nothing to do (${r.skipped}).`;
  lines.push(`Reminder run at ${when}: ${r.actionsRead} action(s) in the due window, ${r.nudgesDue} nudge(s) due.`);
  const verb: Record<string, string> = {
    "would-send": "would get",
    sent: "sent",
    emailed: "emailed",
    "would-email": "would be emailed",
    "would-install": "would get (after installing the app)",
    "no-conversation": "NOT REACHED (no app installed):",
    unreachable: "NOT REACHED:",
    "not-reached": "NOT REACHED:",
    failed: "FAILED:",
    stopped: "not sent (stopped):",
  };
  for (const d of r.digests) {
    const who = `${d.officerName || `officer ${d.officerId}`} <${d.email || "no email"}>`;
    lines.push(`  ${who} ${verb[d.outcome] ?? d.outcome} a digest of ${d.actionIds.length} action(s) [${d.nudgeKeys.map((k) => k.split(":")[1]).join(", ")}]${d.detail ? `: ${d.detail}` : ""}`);
  }
  if (!r.dryRun) {
    lines.push(`Sent ${r.sent}, failed ${r.failed}, held by another run ${r.nudgesTaken}.`);
    lines.push(`Reached by installing the app: ${r.installed}; by email: ${r.emailed}; Microsoft Graph requests: ${r.graphRequests} (429s waited out: ${r.graphThrottled}).`);
  }
  if (r.reachProblem) lines.push(`Installing or emailing stopped: ${r.reachProblem}`);
  return lines.join("\n");
}
