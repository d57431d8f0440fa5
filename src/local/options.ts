/** Options of startLocalSharePoint(), their defaults and their checks (options > defaults; the CLI maps its flags here). */
import { Directory, type DirectoryEntry } from "./directory/directory";
import { FaultInjector } from "./http/faults";
import { type SiteTimeZone, timeZoneByName } from "./model/time-zones";
import { type CatalogApp, catalogEntry, type TeamsAppRegistration } from "./graph/teams-routes";
import { type GrantRole, isGrantRole } from "./security/permissions";

export interface LocalSharePointOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** Directory holding one SQLite database per site. */
  dataDir: string;
  /** Sites created at start (each also reachable later via PUT /_local/sites/<name>). */
  sites?: string[];
  /** List view threshold (default 5000, as in SharePoint Online). */
  threshold?: number;
  /** Fault spec, e.g. "429:0.2,503:0.05". */
  faults?: string;
  /** Seed making fault injection reproducible. */
  seed?: number;
  /** Retry-After seconds sent with injected faults (default 1). */
  retryAfterSeconds?: number;
  /** Delay added to every response. */
  latencyMs?: number;
  /** Accept requests without a bearer token (as the System Account). */
  anonymous?: boolean;
  /** true: one line per request to stderr; a function: receives each line. */
  log?: boolean | ((line: string) => void);
  /** Largest accepted request body (default 2 MB, the largest $batch SharePoint has been reported to take); larger bodies get 413. */
  maxBodyBytes?: number;
  /**
   * An Entra-shaped directory (a JSON file, or the entries themselves). With it, tokens must name an enabled
   * directory user by `oid`, people resolve against it, and its first person is every site's administrator.
   */
  directory?: string | DirectoryEntry[];
  /** Regional time zone (IANA name) of sites this server creates; default Europe/London. */
  timeZone?: string;
  /**
   * After a failed part of a `$batch` changeset, SharePoint has been seen to fail the changeset's later parts
   * (500 IndexOutOfRangeException). true: every part stands alone (the other behaviour seen). Default false.
   */
  batchPartsIndependent?: boolean;
  /** Accept `$filter` on multi-value person/lookup columns as "contains" (SharePoint documents them as not queryable). Default false. */
  multiValueFilters?: boolean;
  /**
   * With a directory: "everyone" (default) puts "Everyone except external users" into the Members group (Edit) of
   * new sites, as a council's staff are members of its site; "none" leaves Members empty.
   */
  siteMembers?: "everyone" | "none";
  /** Sites.Selected grants made at start on every site served, e.g. { "<appId>": "write" }. */
  grants?: Record<string, string>;
  /** Teams apps in the org catalog (Graph's appCatalogs): a manifest id, or its details. */
  teamsApps?: (string | TeamsAppRegistration)[];
  /** Exchange RBAC for Applications: the mailboxes an app may send as without the tenant-wide Mail.Send role. */
  mailSenders?: Record<string, string[]>;
}

export interface LocalSharePoint {
  baseUrl: string;
  port: number;
  siteUrl(name: string): string;
  close(): Promise<void>;
}

/** The options after defaults and checks. */
export interface Settings {
  host: string;
  port: number;
  dataDir: string;
  sites: string[];
  threshold: number;
  faults: FaultInjector;
  retryAfterSeconds: number;
  latencyMs: number;
  anonymous: boolean;
  log?: (line: string) => void;
  maxBodyBytes: number;
  /** Lifetime of a request digest, as SharePoint's default. */
  digestSeconds: number;
  directory?: Directory;
  timeZone: SiteTimeZone;
  batchPartsIndependent: boolean;
  multiValueFilters: boolean;
  siteMembers: "everyone" | "none";
  grants: [string, GrantRole][];
  catalog: CatalogApp[];
  mailSenders: Record<string, string[]>;
}

export const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

export function resolveSettings(o: LocalSharePointOptions): Settings {
  const host = o.host ?? "127.0.0.1";
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(
      `Refusing to listen on '${host}': the local SharePoint reads bearer tokens without verifying them, so it only listens on a loopback address (127.0.0.1, ::1 or localhost).`,
    );
  }
  if (!o.dataDir) throw new Error("dataDir is required: the directory where each site's SQLite database is kept.");
  const directory = typeof o.directory === "string" ? Directory.fromFile(o.directory) : o.directory ? new Directory(o.directory) : undefined;
  if (o.siteMembers !== undefined && o.siteMembers !== "everyone" && o.siteMembers !== "none") throw new Error(`siteMembers must be "everyone" or "none" (got '${o.siteMembers}').`);
  if (directory && o.anonymous) throw new Error("anonymous and directory cannot be combined: with a directory every request must name a directory user (or an app).");
  const log = typeof o.log === "function" ? o.log : o.log ? (l: string) => process.stderr.write(`${l}\n`) : undefined;
  return {
    host,
    port: o.port ?? 0,
    dataDir: o.dataDir,
    sites: o.sites ?? [],
    threshold: o.threshold ?? 5000,
    faults: new FaultInjector(o.faults, o.seed),
    retryAfterSeconds: o.retryAfterSeconds ?? 1,
    latencyMs: o.latencyMs ?? 0,
    anonymous: o.anonymous === true,
    log,
    maxBodyBytes: o.maxBodyBytes ?? 2 * 1024 * 1024,
    digestSeconds: 1800,
    directory,
    timeZone: timeZoneByName(o.timeZone ?? "Europe/London"),
    batchPartsIndependent: o.batchPartsIndependent === true,
    multiValueFilters: o.multiValueFilters === true,
    siteMembers: o.siteMembers ?? "everyone",
    catalog: (o.teamsApps ?? []).map((a) => {
      const r = typeof a === "string" ? { manifestId: a } : a;
      if (!r.manifestId?.trim()) throw new Error("A Teams app needs its manifest id.");
      return catalogEntry(r);
    }),
    mailSenders: Object.fromEntries(Object.entries(o.mailSenders ?? {}).map(([appId, boxes]) => [appId.toLowerCase(), boxes])),
    grants: Object.entries(o.grants ?? {}).map(([appId, role]) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) throw new Error(`Invalid grant '${appId}=${role}': the app id must be a GUID.`);
      if (!isGrantRole(role)) throw new Error(`Invalid grant '${appId}=${role}': the role must be read, write, manage or fullcontrol.`);
      return [appId.toLowerCase(), role] as [string, GrantRole];
    }),
  };
}
