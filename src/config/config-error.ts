/**
 * Configuration errors list EVERY problem at once (not the first one found), each named by the setting an operator
 * actually types: the environment variable, not an internal property path. Secrets are never echoed back.
 */
export interface ConfigProblem {
  /** The environment variable (or option) at fault, e.g. "EAP_SITE_URL". */
  setting: string;
  message: string;
}

export class ConfigError extends Error {
  readonly reason = "invalid-config" as const;
  readonly problems: ConfigProblem[];
  constructor(what: string, problems: ConfigProblem[]) {
    super(`${what}: ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p.setting}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Maps zod issues (paths are schema keys) to problems named by environment variable, shown with their values. */
export function problemsFrom(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  settingOf: (key: string) => string,
  raw: Record<string, unknown>,
  secret: ReadonlySet<string> = new Set(),
): ConfigProblem[] {
  return issues.map((i) => {
    const key = String(i.path[0] ?? "");
    const v = raw[key];
    const shown = v === undefined || v === "" || secret.has(key) ? "" : ` (got "${String(v)}")`;
    return { setting: key ? settingOf(key) : "(configuration)", message: `${i.message}${shown}` };
  });
}

/** Empty strings in the environment mean "not set": App Service and .env files produce them for blank values. */
export function envValue(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n]?.trim();
    if (v) return v;
  }
  return undefined;
}

export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export function isLoopbackUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname;
    return h === "localhost" || h === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(h);
  } catch {
    return false;
  }
}
