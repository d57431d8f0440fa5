/**
 * Microsoft 365 Agents Playground, so a developer can chat with the local bot in a Teams-like page:
 * telemetry off, no browser opened, listening on 127.0.0.1 only (see ./playground-loopback.cjs: the Playground has
 * no host option and would otherwise listen on every interface).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PlaygroundOptions {
  /** http://127.0.0.1:<port>/api/messages */
  botEndpoint: string;
  /** 0 or absent: a free port. */
  port?: number;
  host: "127.0.0.1";
  /** Where the Playground writes its log (default: a file under the OS temp directory). */
  logFile?: string;
  /** A .m365agentsplayground.yml: who the chat's user is (e.g. a seeded officer, so card actions are allowed). */
  configPath?: string;
  startTimeoutMs?: number;
}

export interface Playground {
  url: string;
  close(): Promise<void>;
}

export class PlaygroundError extends Error {
  readonly reason: "not-installed" | "start-failed" | "invalid";
  constructor(reason: PlaygroundError["reason"], message: string) {
    super(message);
    this.name = "PlaygroundError";
    this.reason = reason;
  }
}

export async function startPlayground(o: PlaygroundOptions): Promise<Playground> {
  if (o.host !== "127.0.0.1") throw new PlaygroundError("invalid", `the Playground listens on 127.0.0.1 only, not "${o.host}"`);
  let cli: string;
  try {
    cli = createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/cli.js");
  } catch {
    throw new PlaygroundError("not-installed", "@microsoft/m365agentsplayground is not installed (it is a devDependency: run npm install).");
  }
  const preload = join(dirname(fileURLToPath(import.meta.url)), "playground-loopback.cjs");
  const { tmpdir } = await import("node:os");
  const args = ["--require", preload, cli, "-e", o.botEndpoint, "-c", "msteams", "--disable-telemetry"];
  // -p 0: a free port (its default, 56150, could collide with another developer on this machine).
  args.push("-p", String(o.port ?? 0));
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: "none",
      M365_AGENTS_PLAYGROUND_LOGFILE: o.logFile ?? join(tmpdir(), `eap-agents-playground-${process.pid}.log`),
      ...(o.configPath ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: o.configPath } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => fail(new PlaygroundError("start-failed", `the Playground did not start within ${(o.startTimeoutMs ?? 30_000) / 1000} s. Output: ${out.slice(-500)}`)), o.startTimeoutMs ?? 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(e);
    };
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.once("exit", (code) => fail(new PlaygroundError("start-failed", `the Playground exited (code ${code}) before listening. Output: ${out.slice(-500)}`)));
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}
