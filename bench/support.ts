/**
 * What the benchmarks share: the local SharePoint server in its own process (so its memory and CPU are its own),
 * and reading its request counters.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface ServerProcess {
  child: ChildProcess;
  siteUrl: string;
  baseUrl: string;
  stop(): void;
}

/** `eap serve-sharepoint` on a free loopback port with one site "bench"; extra flags as given. */
export async function startServerProcess(dataDir: string, extraArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(root, "bin/eap.mjs"), "serve-sharepoint", "--port", "0", "--data", dataDir, "--site", "bench", ...extraArgs], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const siteUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/sites\/bench)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  child.stdout!.resume();
  return { child, siteUrl, baseUrl: new URL(siteUrl).origin, stop: () => child.kill("SIGTERM") };
}

export interface StatsSnapshot {
  requests: Record<string, number>;
}

export async function readStats(baseUrl: string): Promise<StatsSnapshot> {
  return (await fetch(`${baseUrl}/_local/stats`)).json() as Promise<StatsSnapshot>;
}

/**
 * Top-level HTTP requests. The server counts each request once by kind, each $batch once as "batch" and its parts
 * again as "batch-parts" and by their own kind, and a throttled request also as "throttled".
 */
export function httpRequests(s: StatsSnapshot): number {
  const r = s.requests;
  let total = 0;
  for (const [k, v] of Object.entries(r)) if (k !== "batch-parts" && k !== "throttled") total += v;
  return total - (r["batch-parts"] ?? 0);
}

/** Operations carried inside $batch requests. */
export function batchParts(s: StatsSnapshot): number {
  return s.requests["batch-parts"] ?? 0;
}
