/**
 * What `eap report` and `eap publish` share: reading a plan's period from SharePoint into the report model, and
 * saying what to do when updates of the period still await the equalities lead's approval.
 */
import type { ActionRecord, SPFI } from "../data/index.ts";
import type { PlanStructure } from "../data/plans/structure.ts";
import type { UpdateRecord } from "../data/updates/mapping.ts";
import { type AwaitingUpdate, awaitingLines, buildReportModel, type ReportModel, ReportError } from "../domain/report-model.ts";
import { CliError } from "./errors.ts";

export interface PeriodData {
  structure: PlanStructure;
  actions: ActionRecord[];
  updates: UpdateRecord[];
}

/** The plan, its structure, its actions and the period's updates: a $batch and two windowed reads. */
export async function readPeriod(sp: SPFI, planName: string, period: string): Promise<PeriodData> {
  const data = await import("../data/index.ts");
  const plan = await data.requirePlan(sp, planName);
  const [structure, actions, updates] = await Promise.all([data.getPlanStructure(sp, plan), data.getPlanActions(sp, plan.id), data.getPlanUpdates(sp, plan.id, period)]);
  return { structure, actions, updates };
}

/**
 * The report model; updates awaiting approval stop it with the list and the way on (`approvedOnly`: leave them
 * out, to be listed by the caller from `model.leftOut`).
 */
export function periodModel(d: PeriodData, period: string, approvedOnly: boolean, what: string): ReportModel {
  try {
    return buildReportModel({ ...d, period, awaiting: approvedOnly ? "leave-out" : "refuse" });
  } catch (err) {
    if (err instanceof ReportError && err.reason === "awaiting-approval") {
      throw new CliError(
        "invalid-input",
        `${err.message}\nThe equalities lead approves or withholds each of them first, or run again with --approved-only to ${what} the approved updates and leave these out.`,
      );
    }
    if (err instanceof ReportError) throw new CliError(err.reason === "no-updates" ? "not-found" : "invalid-input", err.message);
    throw err;
  }
}

/** "Left out, awaiting approval:" and one line each; nothing when none was left out. */
export function leftOutNote(leftOut: readonly AwaitingUpdate[]): string {
  return leftOut.length ? `\nLeft out, awaiting approval (${leftOut.length}):\n${awaitingLines(leftOut).join("\n")}` : "";
}
