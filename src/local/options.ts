/** Options of startLocalSharePoint(), their defaults and their checks (options > defaults; the CLI maps its flags here). */
import { FaultInjector } from "./http/faults";

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
  /** Largest accepted request body (default 10 MB); larger bodies get 413. */
  maxBodyBytes?: number;
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
    maxBodyBytes: o.maxBodyBytes ?? 10 * 1024 * 1024,
    digestSeconds: 1800,
  };
}
