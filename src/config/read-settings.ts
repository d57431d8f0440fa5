/**
 * Reads settings from the table (./settings.ts) the way every command does: options > environment > default, as
 * microsoft/teams.ts does. Empty strings count as unset (App Service and .env files write them for blank values).
 * Old names are still read, with a warning saying from which release they are ignored. Every value is validated and
 * every problem is collected, so that an operator fixes a deployment in one pass.
 */
import { ConfigError, type ConfigProblem, type ConfigProblemReason, type ConfigWarning } from "./config-error.ts";
import { OLD_NAMES_REMOVED_IN, type Scope, SETTINGS, type SettingDef, type SettingKey, type SettingValue } from "./settings.ts";

export type RawValue = string | number | boolean;

/** A value and where it came from: a flag ("--port"), an environment variable ("PORT"), or "default". */
export interface Given {
  value: RawValue;
  from: string;
}

export interface Reading<K extends SettingKey> {
  scope: Scope;
  given: Partial<Record<K, Given>>;
  warnings: ConfigWarning[];
}

export interface ReadInput<K extends SettingKey> {
  /** Values given as options (flags or a caller's arguments); undefined and "" count as not given. */
  options?: Partial<Record<K, unknown>>;
  /** For options that came from a flag: the flag typed, when it is an old one (e.g. "--site-url"). */
  flagsUsed?: Partial<Record<K, string>>;
  env?: NodeJS.ProcessEnv;
}

const flagName = (flag: string) => flag.split(" ")[0];
const present = (v: unknown): v is RawValue => (typeof v === "string" ? v.trim() !== "" : typeof v === "number" || typeof v === "boolean");

function oldNameWarning(old: string, key: SettingKey, ignored: boolean): ConfigWarning {
  const d: SettingDef = SETTINGS[key];
  const now = old.startsWith("--") ? (d.flag ? flagName(d.flag) : d.env) : d.env;
  return {
    setting: old,
    message: ignored
      ? `is an old name of ${now} and is ignored because ${now} is set; remove it (old names are not read at all from release ${OLD_NAMES_REMOVED_IN}).`
      : `is an old name: use ${now} instead. It is still read, but not from release ${OLD_NAMES_REMOVED_IN}.`,
  };
}

/** Gathers what was given for `keys`: options first, then the setting's environment variables, then old names. */
export function gather<K extends SettingKey>(scope: Scope, keys: readonly K[], input: ReadInput<K> = {}): Reading<K> {
  const env = input.env ?? process.env;
  const given: Partial<Record<K, Given>> = {};
  const warnings: ConfigWarning[] = [];
  for (const key of keys) {
    const d: SettingDef = SETTINGS[key];
    const olds = (d.oldNames ?? []).filter((o) => !o.scopes || o.scopes.includes(scope));
    const option = input.options?.[key];
    const typed = input.flagsUsed?.[key];
    if (present(option)) {
      const from = typed ?? (d.flag ? flagName(d.flag) : `option ${key}`);
      given[key] = { value: typeof option === "string" ? option.trim() : option, from };
      if (typed && olds.some((o) => o.flag && flagName(o.flag) === typed)) warnings.push(oldNameWarning(typed, key, false));
    }
    for (const name of [d.env, ...(d.alsoFrom ?? [])]) {
      const v = env[name]?.trim();
      if (!given[key] && v) given[key] = { value: v, from: name };
    }
    for (const o of olds) {
      const v = o.env ? env[o.env]?.trim() : undefined;
      if (!o.env || !v) continue;
      warnings.push(oldNameWarning(o.env, key, Boolean(given[key])));
      given[key] ??= { value: v, from: o.env };
    }
  }
  return { scope, given, warnings };
}

/** Fills a setting that was not given: its default from the table, or one the command computed. */
export function withDefault<K extends SettingKey>(r: Reading<K>, key: K, value?: RawValue): void {
  const v = value ?? (SETTINGS[key] as SettingDef).default;
  if (!r.given[key] && v !== undefined) r.given[key] = { value: v, from: "default" };
}

/** The value as given, for rules across settings that must run even when a value is malformed. */
export function rawOf<K extends SettingKey>(r: Reading<K>, key: K): RawValue | undefined {
  return r.given[key]?.value;
}

/** A problem named by the setting's environment variable, with the value and where it came from (never a secret). */
export function problem<K extends SettingKey>(r: Reading<K>, key: K, message: string, reason: ConfigProblemReason): ConfigProblem {
  const d: SettingDef = SETTINGS[key];
  const g = r.given[key];
  const shown = !g || d.secret || g.from === "default" ? "" : ` (got "${String(g.value)}"${g.from === d.env ? "" : ` from ${g.from}`})`;
  return { setting: d.env, message: `${message}${shown}`, reason };
}

export type Values<K extends SettingKey> = { [P in K]: SettingValue<P> | undefined };

/** Validates everything given; the problems are in the order of `keys`. */
export function validate<K extends SettingKey>(r: Reading<K>, keys: readonly K[]): { values: Values<K>; problems: ConfigProblem[] } {
  const values = {} as Values<K>;
  const problems: ConfigProblem[] = [];
  for (const key of keys) {
    const g = r.given[key];
    if (!g) continue;
    const parsed = SETTINGS[key].schema.safeParse(g.value);
    if (parsed.success) values[key] = parsed.data as SettingValue<K>;
    else problems.push(...parsed.error.issues.map((i) => problem(r, key, i.message, "invalid")));
  }
  return { values, problems };
}

/** Throws one ConfigError listing every problem, or returns the warnings to show. */
export function settle(what: string, problems: ConfigProblem[], warnings: ConfigWarning[]): ConfigWarning[] {
  // A setting read for two reasons (the tenant of the site and of the bot) is reported once.
  const once = <T extends { setting: string; message: string }>(list: T[]) =>
    list.filter((x, i) => list.findIndex((y) => y.setting === x.setting && y.message === x.message) === i);
  if (problems.length) throw new ConfigError(what, once(problems), once(warnings));
  return once(warnings);
}

/** "is required …" when the setting was not given (and has no default). */
export function need<K extends SettingKey>(r: Reading<K>, key: K, why: string): ConfigProblem[] {
  return r.given[key] ? [] : [problem(r, key, `is required ${why}`, "missing")];
}
