/**
 * The bot's typed errors, each with a `reason` callers branch on (as microsoft/teams.ts and src/data do): a bad
 * setting stops createBot with every problem named; a send that Teams refused says whether the person is
 * unreachable and whether it may be retried.
 */

export class BotConfigError extends Error {
  readonly reason = "config" as const;
  /** Each problem on its own line: `setting "value": why`. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `invalid bot settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "BotConfigError";
    this.problems = problems;
  }
}

export type SendFailureReason =
  /** 403 MessageWritesBlocked / ConversationBlockedByUser / BotDisabledByAdmin: the person blocked or removed the bot. */
  | "blocked"
  /** 404: Teams does not know the conversation any more. */
  | "not-found"
  /** 429 still refused after the retries. */
  | "throttled"
  /** Refused before Teams accepted anything (412, a connection never made), still failing after the retries. */
  | "transient"
  /** A 5xx or a timeout: Teams may have delivered it, so it is never sent again automatically. */
  | "uncertain"
  /** Any other 4xx: the message itself was refused. */
  | "rejected"
  /** The service URL is not a Teams host: nothing was sent (the bot's token never leaves for it). */
  | "unsafe-service-url"
  /** The bot is stopping: the request never left. */
  | "cancelled";

export class SendError extends Error {
  readonly reason: SendFailureReason;
  readonly status?: number;
  constructor(reason: SendFailureReason, message: string, status?: number, cause?: unknown) {
    super(message, { cause });
    this.name = "SendError";
    this.reason = reason;
    this.status = status;
  }
  /**
   * The person blocked or uninstalled the bot, the conversation is gone, or its saved service URL is not Teams':
   * stop trying until they write to the bot again (which saves a fresh reference).
   */
  get unreachable(): boolean {
    return this.reason === "blocked" || this.reason === "not-found" || this.reason === "unsafe-service-url";
  }
}
