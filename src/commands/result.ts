/** What a command answers when it wrote, and the one way inputs are parsed (a refusal names what is wrong). */
import type { z } from "zod";
import type { ActionRecord } from "../data/actions/index.ts";
import type { UpdateRecord } from "../data/updates/mapping.ts";
import type { EqiaRecord } from "../data/eqias/mapping.ts";
import type { IndicatorValueRecord } from "../data/indicator-values/mapping.ts";
import type { IndicatorRecord } from "../data/indicators/mapping.ts";
import type { Evidence, EqiaLink } from "../domain/evidence.ts";
import { CommandError } from "./errors.ts";

export type CommandOutcome = "saved" | "proposed" | "date-changed" | "accepted" | "declined" | "snoozed" | "removed";

export interface CommandResult {
  outcome: CommandOutcome;
  /** What happened, in words for the person who asked. */
  message: string;
  /** The action as it now stands (its new ETag included), without reading it again. */
  action: ActionRecord;
  /** The update item written (progress, proposal, answer, review decision), if any. */
  update?: UpdateRecord;
  /** A value recorded, with its indicator's summary as it now stands. */
  value?: IndicatorValueRecord;
  indicator?: IndicatorRecord;
  evidence?: Evidence;
}

/** What an EqIA command answers: the register is not an action's, so it names no action. */
export interface EqiaResult {
  outcome: "saved" | "removed";
  message: string;
  eqia?: EqiaRecord;
  link?: EqiaLink;
}

/** The input, or CommandError("invalid") naming the first problem; nothing is written on bad input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join(".") ?? "";
  const what = issue?.code === "unrecognized_keys" ? `${issue.message.replace(/^Unrecognized keys?/, "it names what it may not")}` : (issue?.message ?? "unexpected input");
  throw new CommandError("invalid", `Nothing was saved: ${what}${field ? ` (${field})` : ""}.`, { field });
}
