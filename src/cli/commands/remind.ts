/**
 * `eap remind [--dry-run] [--now ISO]`: one reminder run through the bot's own code (same claims, ledger, cards
 * and pacing as the schedule). A dry run prints who would get what and writes and sends nothing.
 *
 * Sending needs the bot's identity: EAP_BOT_CLIENT_ID, EAP_BOT_CLIENT_SECRET and EAP_BOT_TENANT_ID on a real
 * site. On the local site (loopback URL) no credentials are used: messages go to the service URL saved in each
 * person's conversation reference, i.e. the local Agents Playground's connector.
 */
import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { addSiteOptions, authFor, isLoopback, siteSettings } from "../site.ts";

export interface RemindEnv {
  EAP_BOT_CLIENT_ID?: string;
  EAP_BOT_CLIENT_SECRET?: string;
  EAP_BOT_TENANT_ID?: string;
  EAP_APP_BASE_URL?: string;
  EAP_TEAMS_APP_ID?: string;
  EAP_EDI_CONVERSATION_ID?: string;
  EAP_EDI_SERVICE_URL?: string;
}

export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime())) {
    throw new CliError("usage", `--now "${value}" is not an ISO date-time such as 2026-11-24T09:00:00Z`);
  }
  return d;
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("remind")
      .description("Run the reminder bot once: one digest card per officer with due or overdue actions, each nudge sent exactly once.")
      .option("--dry-run", "print who would get what; write and send nothing")
      .option("--now <iso>", "the instant to run as (default: now), e.g. 2026-11-24T09:00:00Z")
      .option("--edi-digest", "also send the EDI group's channel digest (EAP_EDI_CONVERSATION_ID, EAP_EDI_SERVICE_URL)")
      .option("--app-url <url>", "the tab's URL for links in cards (env EAP_APP_BASE_URL)"),
  ).action(async (opts) => {
    const { toCliError } = await import("../report-error.ts");
    const settings = siteSettings(opts);
    const now = parseNow(opts.now);
    const env = process.env as RemindEnv;
    const local = isLoopback(settings.site);
    const appBaseUrl = opts.appUrl ?? env.EAP_APP_BASE_URL ?? (local ? "http://127.0.0.1:5173" : undefined);
    if (!appBaseUrl) throw new CliError("config", "no tab URL for the cards' links: pass --app-url or set EAP_APP_BASE_URL");
    if (!local && !opts.dryRun && (!env.EAP_BOT_CLIENT_ID || !env.EAP_BOT_CLIENT_SECRET)) {
      throw new CliError("config", "sending on a real site needs the bot's credentials: set EAP_BOT_CLIENT_ID, EAP_BOT_CLIENT_SECRET and EAP_BOT_TENANT_ID");
    }
    const ediChannel = env.EAP_EDI_CONVERSATION_ID && env.EAP_EDI_SERVICE_URL ? { conversationId: env.EAP_EDI_CONVERSATION_ID, serviceUrl: env.EAP_EDI_SERVICE_URL } : undefined;
    if (opts.ediDigest && !ediChannel) throw new CliError("config", "--edi-digest needs EAP_EDI_CONVERSATION_ID and EAP_EDI_SERVICE_URL");

    const { createBot } = await import("../../bot/index.ts");
    try {
      const bot = await createBot({
        siteUrl: settings.site,
        spAuth: await authFor(settings),
        clientId: local ? undefined : env.EAP_BOT_CLIENT_ID,
        clientSecret: local ? undefined : env.EAP_BOT_CLIENT_SECRET,
        tenantId: local ? undefined : env.EAP_BOT_TENANT_ID,
        skipAuth: local || (opts.dryRun && !env.EAP_BOT_CLIENT_ID),
        appBaseUrl,
        teamsAppId: env.EAP_TEAMS_APP_ID,
        ediChannel,
        schedule: false,
      });
      await bot.start();
      const report = await bot.runReminders({ now, dryRun: Boolean(opts.dryRun) });
      console.log(formatReport(report));
      if (opts.ediDigest) {
        const edi = await bot.runEdiDigest({ now, dryRun: Boolean(opts.dryRun) });
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
    "no-conversation": "NOT REACHED (no app installed):",
    unreachable: "NOT REACHED (blocked the bot):",
    failed: "FAILED:",
    stopped: "not sent (stopped):",
  };
  for (const d of r.digests) {
    const who = `${d.officerName || `officer ${d.officerId}`} <${d.email || "no email"}>`;
    lines.push(`  ${who} ${verb[d.outcome] ?? d.outcome} a digest of ${d.actionIds.length} action(s) [${d.nudgeKeys.map((k) => k.split(":")[1]).join(", ")}]${d.detail ? `: ${d.detail}` : ""}`);
  }
  if (!r.dryRun) lines.push(`Sent ${r.sent}, failed ${r.failed}, held by another run ${r.nudgesTaken}.`);
  return lines.join("\n");
}
