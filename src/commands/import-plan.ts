/**
 * The lead imports a plan from Word, Excel or CSV. The server takes the FILE, never a tree parsed by a client (a
 * client could send any tree): it parses it with the same parsers and the same hostile-file limits as the tab's
 * preview and the CLI (src/import), resolves everyone it names (a successor for each who has left, by the CLI's
 * rule), and writes with the app's identity as the CLI does: a draft first, made active last, so an interrupted
 * import is finished by sending the same file again (same import id), without duplicates.
 */
import { z } from "zod";
import { checkPlanPeople } from "../data/plan-tree/index.ts";
import { londonDate } from "../domain/london-time.ts";
import { importIdFor } from "../import/import-id.ts";
import { MAX_FILE_BYTES } from "../import/limits.ts";
import { describeProblem, IMPORT_FIELDS, type ImportResult } from "../import/types.ts";
import { knownPeople } from "../import/write/known-people.ts";
import { writeImportedPlan } from "../import/write/write-import.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError, invalid } from "./errors.ts";
import { reassignmentsOf, reassignSchema, refusingPlan } from "./plan-lead.ts";
import { readAsLead } from "./lead.ts";
import { parseInput } from "./result.ts";

/** The file travels as base64 in the JSON body: 4 characters for every 3 bytes, and room for the options. */
export const IMPORT_BODY_MAX_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 64 * 1024;

export const importPlanInput = z
  .object({
    fileName: z.string().trim().min(1, "name the file (its extension tells CSV from Word or Excel)").max(255),
    /** The file's bytes, base64. */
    file: z.string().min(1, "send the file"),
    title: z.string().trim().min(1, "give the new plan a name").max(255, "a plan's name may be at most 255 characters"),
    period: z.string().trim().max(20).optional(),
    /** Header as written → field (as the preview's column step chose). */
    mapping: z.record(z.string().max(255), z.enum([...IMPORT_FIELDS, "ignore"])).default({}),
    skipInvalid: z.boolean().default(false),
    defaultRole: z.string().trim().max(255).optional(),
    /** Who takes over from each person the file names who cannot be found: old sign-in name → new. */
    reassign: reassignSchema,
    /** Check the file and the people it names; write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type ImportPlanInput = z.input<typeof importPlanInput>;

export interface ImportPlanResult {
  outcome: "imported" | "checked";
  message: string;
  importId: string;
  /** Actions imported (or that would be), and those left out at the lead's request. */
  actions: number;
  skipped: number;
  period: string;
  /** Absent on a dry run. */
  planId?: number;
  created?: number;
  /** Items already there from an earlier, interrupted attempt. */
  existing?: number;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fileBytes(base64: string): Uint8Array {
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) throw invalid("file", "Nothing was written: the file must be sent as base64.");
  const bytes = Buffer.from(base64, "base64");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The parsers' refusal: each problem with its place; over the size limit is a 413. */
function fileRefused(fileName: string, r: ImportResult): CommandError {
  const [first] = r.problems;
  const reason = first?.reason === "too-large" ? "too-large" : "invalid-file";
  const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length === 2 ? "" : "s"})` : "";
  const what = first ? `${describeProblem(first)}${more}` : "it holds no plan";
  return new CommandError(reason, `"${fileName}" cannot be imported: ${what}. Nothing was written.`, { details: { problems: r.problems } });
}

export async function importPlan(ctx: CommandContext, caller: Caller, input: ImportPlanInput): Promise<ImportPlanResult> {
  const i = parseInput(importPlanInput, input);
  // Who asks is settled before the file is looked at: a hostile file from anyone else costs no parsing.
  await readAsLead(ctx, caller, "import");
  const reassign = reassignmentsOf(i.reassign);
  const bytes = fileBytes(i.file);
  // Loaded when first needed: the parsers bring mammoth and exceljs, which the bot and the other routes never use.
  const { parsePlanFile } = await import("../import/import-plan.ts");
  const result = await parsePlanFile(bytes, {
    fileName: i.fileName,
    title: i.title,
    period: i.period || undefined,
    mapping: i.mapping,
    people: await knownPeople(ctx.sp),
    skipInvalid: i.skipInvalid,
    defaultRole: i.defaultRole || undefined,
    today: londonDate(ctx.now()),
  });
  const tree = result.tree;
  if (!tree) throw fileRefused(i.fileName, result);
  const skipped = result.actions.filter((a) => a.skipped).length;
  const summary = { importId: await importIdFor(bytes, i.title), actions: result.actions.length - skipped, skipped, period: result.period?.value ?? tree.period };
  if (i.dryRun) {
    await refusingPlan(() => checkPlanPeople(ctx.sp, tree, reassign));
    return { outcome: "checked", message: `"${i.fileName}" can be imported: ${summary.actions} action(s), and everyone it names can be found.`, ...summary };
  }
  const w = await refusingPlan(() => writeImportedPlan(ctx.sp, tree, { importId: summary.importId, reassign }));
  const message =
    w.createdCount === 0
      ? `"${i.title}" was already imported; nothing new to write.`
      : `Imported "${i.title}": ${w.createdCount} item(s) written${w.existing ? `, ${w.existing} already there from an earlier attempt` : ""}.`;
  return { outcome: "imported", message, ...summary, planId: w.planId, created: w.createdCount, existing: w.existing };
}
