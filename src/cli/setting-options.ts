/**
 * Flags from the settings table (src/config/settings.ts): each command offers the flags of the settings it reads,
 * with the table's description, environment variable and default in --help, and hands what was typed to the
 * command's loader in src/config, which applies options > environment > defaults. Old flags still work, hidden
 * from --help, with a warning.
 */
import { type Command, Option } from "commander";
import { type Scope, type SettingDef, SETTINGS, type SettingKey } from "../config/settings.ts";

const plain = (s: string) => s.replace(/`/g, "");

function helpText(key: SettingKey): string {
  const d: SettingDef = SETTINGS[key];
  const dflt = d.defaultText ?? (d.default === undefined ? undefined : String(d.default));
  return `${plain(d.flagText ?? d.description)} (env ${d.env}${dflt ? `; default ${plain(dflt)}` : ""})`;
}

/** Adds the flags of `keys` to a command of `scope` (old flags are kept where they meant this setting). */
export function addSettingOptions(cmd: Command, scope: Scope, keys: readonly SettingKey[]): Command {
  for (const key of keys) {
    const d: SettingDef = SETTINGS[key];
    if (!d.flag) continue;
    cmd.addOption(new Option(d.flag, helpText(key)));
    for (const old of d.oldNames ?? []) if (old.flag && (!old.scopes || old.scopes.includes(scope))) cmd.addOption(new Option(old.flag).hideHelp());
  }
  return cmd;
}

/** What was typed on the command line for `keys`: values by setting, and which old flags were used. */
export function typedSettings<K extends SettingKey>(cmd: Command, keys: readonly K[]): { options: Partial<Record<K, unknown>>; flagsUsed: Partial<Record<K, string>> } {
  const opts = cmd.opts();
  const options: Partial<Record<K, unknown>> = {};
  const flagsUsed: Partial<Record<K, string>> = {};
  const typed = (flag: string) => {
    const name = new Option(flag).attributeName();
    return cmd.getOptionValueSource(name) === "cli" ? opts[name] : undefined;
  };
  for (const key of keys) {
    const d: SettingDef = SETTINGS[key];
    if (!d.flag) continue;
    const value = typed(d.flag);
    if (value !== undefined) options[key] = value;
    for (const old of d.oldNames ?? []) {
      const v = old.flag ? typed(old.flag) : undefined;
      if (v === undefined || options[key] !== undefined) continue;
      options[key] = v;
      flagsUsed[key] = old.flag!.split(" ")[0];
    }
  }
  return { options, flagsUsed };
}
