/**
 * Approval before publication, as the equalities lead's commands: approve one progress update (as written, or with
 * the lead's edit, the original kept), withhold one with a reason, or approve every draft of a period that the lead
 * was shown. Only a member of "EAP Equalities Leads" decides (403 "not-lead"); the reviewer recorded is the
 * authenticated caller. Each decision names the ETag of the update as the lead saw it: an update changed since
 * (someone decided, or its officer edited it) is reported with what changed (412 "conflict"), never overwritten.
 */
import { DataError } from "../data/errors.ts";
import type { UpdateRecord } from "../data/updates/mapping.ts";
import { approveUpdate, approveUpdates, getUpdate, withholdUpdate } from "../data/updates/publication.ts";
import { getPlanUpdates } from "../data/updates/repository.ts";
import { PUBLICATION_STATE_LABELS, type PublicationState } from "../domain/constants.ts";
import { PublicationError, type PublicationReviewer, publicationOf } from "../domain/publication.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError, type FieldChange, invalid } from "./errors.ts";
import { type ApproveAllInput, approveAllInput, type ApproveUpdateInput, approveUpdateInput, type PublicationSeen, type WithholdUpdateInput, withholdUpdateInput } from "./inputs.ts";
import { readAsLead } from "./lead.ts";
import { parseInput } from "./result.ts";

export interface PublicationResult {
  outcome: "approved" | "withheld";
  message: string;
  /** The update as it now stands, with its new ETag. */
  update: UpdateRecord;
}

export interface ApproveAllResult {
  outcome: "approved";
  message: string;
  /** Approved now, as they now stand. */
  approved: UpdateRecord[];
  /** Changed since the lead saw them (another decision, an officer's edit): left alone, as they are now. */
  changed: UpdateRecord[];
  /** Not written for another reason (SharePoint refused or was busy): left as they are; approve all again. */
  failed: Array<{ id: number; reason: string; message: string }>;
  /** Shown to the lead but no longer in the plan's period (deleted, or not a progress update of it). */
  missing: number[];
}

/**
 * What differs between the update as the lead saw it and as it is now: its decision, the approved words, the
 * officer's words. Without `seen` (a client that sends only the ETag) every one of them is reported as it now is.
 */
export function updateChanges(current: UpdateRecord, seen: PublicationSeen = {}): FieldChange[] {
  const p = publicationOf(current);
  const fields = [
    { field: "publication", label: "Publication", before: seen.publication, after: p.state, show: (v: string) => PUBLICATION_STATE_LABELS[v as PublicationState] ?? v },
    { field: "approvedText", label: "Text to publish", before: seen.approvedText, after: p.approvedText ?? "", show: (v: string) => v },
    { field: "text", label: "Update", before: seen.text, after: current.text, show: (v: string) => v },
  ];
  return fields
    .filter((f) => f.before === undefined || (f.before ?? "") !== f.after)
    .map((f) => ({ field: f.field, label: f.label, before: f.before === undefined ? "" : f.show(f.before ?? ""), after: f.show(f.after) }));
}

function changedError(current: UpdateRecord, seen?: PublicationSeen): CommandError {
  const changes = updateChanges(current, seen);
  const what = changes.length ? ` (${changes.map((c) => c.label.toLowerCase()).join(", ")})` : "";
  return new CommandError("conflict", `Nothing was saved: someone changed this update since you saw it${what}. Look at it again and decide.`, { changes });
}

/** The domain's refusals (text, reason, not a progress update) as the command's 400, naming the field. */
async function deciding<T>(write: () => Promise<T>, current: () => Promise<UpdateRecord>, seen?: PublicationSeen): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof PublicationError) {
      const field = err.reason === "invalid-text" ? "text" : err.reason === "invalid-reason" ? "reason" : "updateId";
      throw invalid(field, `${err.message} Nothing was saved.`);
    }
    if (err instanceof DataError && err.reason === "conflict") throw changedError(await current(), seen);
    throw err;
  }
}

/**
 * One decision: the group and the update in one $batch (the caller must be a lead, the update as they saw it),
 * then `write` with the update as just read; a change landing in between is a conflict too.
 */
async function decide(
  ctx: CommandContext,
  caller: Caller,
  i: { updateId: number; etag: string; seen?: PublicationSeen },
  write: (update: UpdateRecord, reviewer: PublicationReviewer) => Promise<UpdateRecord>,
): Promise<UpdateRecord> {
  const { lead, value: update } = await readAsLead(ctx, caller, "publication-decision", (b) => getUpdate(b, i.updateId), "This update no longer exists.");
  if (update.etag !== i.etag) throw changedError(update, i.seen);
  return deciding(() => write(update, { personId: lead.id, isEqualitiesLead: true }), () => getUpdate(ctx.sp, update.id), i.seen);
}

export async function approvePublication(ctx: CommandContext, caller: Caller, input: ApproveUpdateInput): Promise<PublicationResult> {
  const i = parseInput(approveUpdateInput, input);
  const saved = await decide(ctx, caller, i, (update, reviewer) => approveUpdate(ctx.sp, { update, reviewer, text: i.text, now: ctx.now() }));
  return { outcome: "approved", message: i.text === undefined ? "Approved for publication as written." : "Approved for publication with your edit; the original is kept.", update: saved };
}

export async function withholdPublication(ctx: CommandContext, caller: Caller, input: WithholdUpdateInput): Promise<PublicationResult> {
  const i = parseInput(withholdUpdateInput, input);
  const saved = await decide(ctx, caller, i, (update, reviewer) => withholdUpdate(ctx.sp, { update, reviewer, reason: i.reason, now: ctx.now() }));
  return { outcome: "withheld", message: "Withheld: the update stays internal, with your reason.", update: saved };
}

/**
 * The drafts the lead was shown (each with its ETag), approved as written: one changed since is not approved but
 * returned as it is now.
 */
export async function approveAllShown(ctx: CommandContext, caller: Caller, input: ApproveAllInput): Promise<ApproveAllResult> {
  const i = parseInput(approveAllInput, input);
  // The group first: the period's updates are read by ID windows, one request after another (no $batch to share).
  const { lead } = await readAsLead(ctx, caller, "publication-decision");
  const updates = await getPlanUpdates(ctx.sp, i.planId, i.period);
  const now = new Map(updates.map((u) => [u.id, u]));
  const seen = new Map(i.shown.map((s) => [s.id, s.etag]));
  const missing = [...seen.keys()].filter((id) => !now.has(id));
  const shown = updates.filter((u) => seen.has(u.id));
  const changed = shown.filter((u) => u.etag !== seen.get(u.id));
  const asSeen = shown.filter((u) => u.etag === seen.get(u.id));
  const r = await approveUpdates(ctx.sp, asSeen, i.period, { personId: lead.id, isEqualitiesLead: true }, ctx.now());
  const out: ApproveAllResult = {
    outcome: "approved",
    message: "",
    approved: r.approved,
    changed: [...changed, ...r.conflicts],
    failed: r.failed.map((f) => ({ id: f.update.id, reason: f.error.reason, message: f.error.message })),
    missing,
  };
  const parts = [`Approved ${out.approved.length} update(s) as written.`];
  if (out.changed.length) parts.push(`${out.changed.length} had changed since you saw them and were left as they are.`);
  if (out.failed.length) parts.push(`${out.failed.length} could not be saved: approve all again to finish.`);
  out.message = parts.join(" ");
  return out;
}
