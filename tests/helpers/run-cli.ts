/**
 * Test helper: runs the real operator CLI (`bin/eap.mjs`) in a child process, as an operator would, and returns
 * what it said and its exit code. The EAP_* variables of the test run are not passed on (a developer's own
 * settings must not change a test); `env` adds what a test sets. Asynchronous on purpose: a local SharePoint
 * server started by the test in this process must keep answering while the CLI runs.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/eap.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("EAP_") && k !== "PORT" && k !== "TEAMS_APP_ID"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
