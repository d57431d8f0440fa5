/**
 * `eap serve-sharepoint`: runs the local SharePoint (src/local) until SIGINT/SIGTERM, so the tab, bot and CLI can
 * be developed against the production PnPjs code without a tenant.
 */
import type { Command } from "commander";
import { CliError } from "../errors";

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  site?: string[];
  threshold: string;
  faults?: string;
  seed?: string;
  retryAfter: string;
  latency: string;
  anonymous?: boolean;
  log?: boolean;
  maxBody: string;
  directory?: string;
  timeZone: string;
  batchPartsIndependent?: boolean;
  multiValueFilters?: boolean;
  siteMembers: string;
  grant?: string[];
  teamsApp?: string[];
  mailSender?: string[];
}

const repeat = (v: string, acc: string[] | undefined) => [...(acc ?? []), v];

/** `a=b` pairs of a repeatable flag. */
function pairs(flag: string, values: string[] | undefined, example: string): [string, string][] {
  return (values ?? []).map((v) => {
    const [k, val, ...extra] = v.split("=");
    if (!k || !val || extra.length) throw new CliError("usage", `--${flag} expects ${example} (got '${v}').`);
    return [k, val];
  });
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new CliError("usage", `--retry-after must be a number of seconds >= 0 (got '${value}').`);
  return n;
}

function int(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CliError("usage", `--${name} must be an integer >= ${min} (got '${value}').`);
  return n;
}

export const register = (program: Command) => {
  program
    .command("serve-sharepoint")
    .description("Run the local SharePoint-compatible list server (development and tests only; tokens are read, not verified).")
    .option("--port <port>", "port to listen on (0 = any free port)", "4321")
    .option("--host <host>", "loopback address to listen on", "127.0.0.1")
    .option("--data <dir>", "directory for the per-site SQLite databases", "./.data")
    .option("--site <name>", "site to create at start; repeatable (default: edi)", (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
    .option("--threshold <n>", "list view threshold", "5000")
    .option("--faults <spec>", 'inject failures, e.g. "429:0.2,503:0.05,504-after-commit:0.05,drop-after-commit:0.01,429-in-batch:0.1"')
    .option("--seed <n>", "seed for reproducible fault injection")
    .option("--retry-after <seconds>", "Retry-After sent with injected faults (decimals allowed, as Graph sends them)", "1")
    .option("--latency <ms>", "delay added to every response", "0")
    .option("--anonymous", "accept requests without a bearer token (as the System Account)")
    .option("--log", "log one line per request")
    .option("--max-body <bytes>", "largest accepted request body", String(2 * 1024 * 1024))
    .option("--directory <file>", "Entra-shaped directory (JSON array of people): tokens must name an enabled person by oid; first person = site admin")
    .option("--time-zone <iana>", "regional time zone of sites created now (e.g. Europe/London, America/New_York, UTC)", "Europe/London")
    .option("--batch-parts-independent", "after a failed $batch part, still apply the changeset's later parts (default: they fail, as SharePoint has been seen to do)")
    .option("--site-members <who>", "with --directory: 'everyone' puts Everyone except external users in the Members group of new sites, 'none' leaves it empty", "everyone")
    .option("--grant <appId=role>", "Sites.Selected grant for an app on every site (read, write, manage, fullcontrol); repeatable", repeat)
    .option("--teams-app <manifestId[=botAppId]>", "register a Teams app in Graph's org catalog (its catalog id differs from the manifest id); repeatable", repeat)
    .option("--mail-sender <appId=mailbox>", "Exchange RBAC: a mailbox an app may send as without the tenant-wide Mail.Send role; repeatable", repeat)
    .option("--multi-value-filters", "accept $filter on multi-value person/lookup columns as 'contains' (default: refused, as documented)")
    .action(async (opts: ServeOptions) => {
      const { startLocalSharePoint } = await import("../../local/index");
      const sites = opts.site?.length ? opts.site : ["edi"];
      let server: Awaited<ReturnType<typeof startLocalSharePoint>>;
      try {
        server = await startLocalSharePoint({
          port: int("port", opts.port, 0),
          host: opts.host,
          dataDir: opts.data,
          sites,
          threshold: int("threshold", opts.threshold, 1),
          faults: opts.faults,
          seed: opts.seed === undefined ? undefined : int("seed", opts.seed, 0),
          retryAfterSeconds: seconds(opts.retryAfter),
          latencyMs: int("latency", opts.latency, 0),
          anonymous: opts.anonymous === true,
          log: opts.log === true,
          maxBodyBytes: int("max-body", opts.maxBody, 1),
          directory: opts.directory,
          timeZone: opts.timeZone,
          batchPartsIndependent: opts.batchPartsIndependent === true,
          multiValueFilters: opts.multiValueFilters === true,
          siteMembers: opts.siteMembers as "everyone" | "none",
          grants: Object.fromEntries(pairs("grant", opts.grant, "<appId>=<role>, e.g. 00000000-0000-0000-0000-000000000000=write")),
          teamsApps: (opts.teamsApp ?? []).map((v) => {
            const [manifestId, appId] = v.split("=");
            return { manifestId, appId };
          }),
          mailSenders: pairs("mail-sender", opts.mailSender, "<appId>=<mailbox>").reduce<Record<string, string[]>>((acc, [appId, box]) => {
            acc[appId] = [...(acc[appId] ?? []), box];
            return acc;
          }, {}),
        });
      } catch (e) {
        if (e instanceof CliError) throw e;
        const err = e as NodeJS.ErrnoException;
        if (err.code === "EADDRINUSE") throw new CliError("io", `Port ${opts.port} is already in use; pick another with --port (0 = any free port).`);
        throw new CliError("config", err.message ?? String(e));
      }
      const out = process.stdout;
      out.write("Local SharePoint (development only) is listening.\n");
      // Each site URL on a line of its own, unindented, so scripts can wait for it.
      for (const s of sites) out.write(`${server.siteUrl(s)}\n`);
      out.write(`  data: ${opts.data}   threshold: ${opts.threshold}   time zone: ${opts.timeZone}${opts.faults ? `   faults: ${opts.faults}` : ""}\n`);
      out.write(opts.directory ? `  directory: ${opts.directory} (tokens must name an enabled person in it by oid)\n` : "  directory: none (open mode: a token's claims are taken at their word)\n");
      out.write("  control: GET /_local/health, GET /_local/stats, POST /_local/stats/reset, PUT /_local/sites/<name>, GET /_local/outbox\n");
      out.write(`  Graph: ${server.baseUrl}/v1.0 (users, appCatalogs, teamwork/installedApps, sendMail, sites/permissions)\n`);
      out.write("\n  !!! WARNING: bearer tokens are READ, NOT VERIFIED. Anyone who can reach this port can act as anyone. !!!\n");
      out.write("  !!! Development and tests only; it listens on loopback and must never be exposed.                    !!!\n");
      if (opts.anonymous) out.write("  !!! --anonymous: requests without any token are accepted as the System Account.                      !!!\n");
      out.write("\nPress Ctrl+C to stop.\n");
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      await server.close();
      out.write("Local SharePoint stopped.\n");
    });
};
