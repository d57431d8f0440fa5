/** The bot logs through a pino-like logger; the Teams SDK wants its own ILogger shape, adapted here. */
import type { ILogger, LogLevel } from "@microsoft/teams.common";

export interface PinoLike {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
  child?(bindings: Record<string, unknown>): PinoLike;
}

/** Silent unless asked: tests and the CLI pass their own. */
export const SILENT: PinoLike = { info() {}, warn() {}, error() {}, debug() {} };

export function toTeamsLogger(log: PinoLike, name = "teams"): ILogger {
  const out = (level: "info" | "warn" | "error" | "debug") => (...msg: unknown[]) => log[level]({ sdk: name }, msg.map((m) => (typeof m === "string" ? m : safeJson(m))).join(" "));
  const logger: ILogger = {
    debug: out("debug"),
    info: out("info"),
    warn: out("warn"),
    error: out("error"),
    trace: out("debug"),
    log: (level: LogLevel, ...msg: unknown[]) => out(level === "trace" ? "debug" : level)(...msg),
    child: (child: string) => toTeamsLogger(log, `${name}/${child}`),
  };
  return logger;
}

function safeJson(v: unknown): string {
  if (v instanceof Error) return v.stack ?? v.message;
  try {
    return JSON.stringify(v)?.slice(0, 2000) ?? String(v);
  } catch {
    return String(v);
  }
}
