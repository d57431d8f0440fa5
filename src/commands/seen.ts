/**
 * What the person saw of the action when they asked: the command compares it with the action as just read, so a
 * change they did not see is reported ("conflict", with what changed), never overwritten. Only what was sent is
 * compared: the tab sends the fields it shows and edits, a card the status, due date and latest update it showed.
 * Nothing here is trusted as an ETag: the write uses the ETag the command itself read.
 */
import { z } from "zod";
import { ACTION_STATUS_LABELS, type ActionStatus, MULTI_LINE_MAX } from "../domain/types.ts";
import type { ActionRecord } from "../data/actions/index.ts";
import type { FieldChange } from "./errors.ts";

const short = z.string().max(40);
export const seenSchema = z
  .object({
    status: short.optional(),
    due: short.nullable().optional(),
    lastUpdateAt: short.nullable().optional(),
    disposition: short.optional(),
    text: z.string().max(MULTI_LINE_MAX).optional(),
    teams: z.string().max(MULTI_LINE_MAX).optional(),
    successMeasures: z.array(z.string().max(MULTI_LINE_MAX)).max(500).optional(),
    characteristics: z.array(z.string().max(60)).max(100).optional(),
    ownerId: z.number().int().positive().nullable().optional(),
    officerIds: z.array(z.number().int().positive()).max(500).optional(),
  })
  .strict();
export type Seen = z.infer<typeof seenSchema>;

/** Instants compared to the second: SharePoint keeps seconds, the clock that wrote them may not. */
const instant = (v: string | null | undefined) => (v ? String(Math.floor(Date.parse(v) / 1000)) : "");
const lines = (v: readonly (string | number)[] | undefined) => (v ?? []).join("\n");

const FIELDS: { [K in keyof Seen]-?: { label: string; key: (v: Seen[K]) => string; of: (a: ActionRecord) => Seen[K]; show?: (v: Seen[K]) => string } } = {
  status: { label: "Status", key: (v) => v ?? "", of: (a) => a.status, show: (v) => ACTION_STATUS_LABELS[v as ActionStatus] ?? "" },
  due: { label: "Delivery date", key: (v) => v ?? "", of: (a) => a.due.date, show: (v) => v ?? "none" },
  lastUpdateAt: { label: "Latest update", key: instant, of: (a) => a.lastUpdateAt, show: (v) => v ?? "none" },
  disposition: { label: "Review outcome", key: (v) => v ?? "", of: (a) => a.disposition },
  text: { label: "Action", key: (v) => v ?? "", of: (a) => a.text },
  teams: { label: "Responsible teams", key: (v) => v ?? "", of: (a) => a.teams },
  successMeasures: { label: "Success measures", key: lines, of: (a) => a.successMeasures, show: lines },
  characteristics: { label: "Protected characteristics", key: (v) => [...(v ?? [])].sort().join(","), of: (a) => a.characteristics, show: (v) => (v ?? []).join(", ") },
  ownerId: { label: "Accountable officer", key: (v) => String(v ?? ""), of: (a) => a.ownerId, show: (v) => String(v ?? "none") },
  officerIds: { label: "Responsible officers", key: (v) => [...(v ?? [])].sort().join(","), of: (a) => a.officerIds, show: (v) => (v ?? []).join(", ") },
};

/** The fields that differ between what was seen and the action as it is now (only fields that were sent). */
export function changesSince(seen: Seen, now: ActionRecord): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(seen) as (keyof Seen)[]) {
    const f = FIELDS[field] as { label: string; key: (v: unknown) => string; of: (a: ActionRecord) => unknown; show?: (v: unknown) => string };
    const before = seen[field];
    const after = f.of(now);
    if (f.key(before) === f.key(after)) continue;
    const show = f.show ?? ((v: unknown) => String(v ?? ""));
    out.push({ field, label: f.label, before: show(before), after: show(after) });
  }
  return out;
}

/** What a person sees of an action, for a client that wants to send it back with its next command. */
export function seenOf(a: ActionRecord): Seen {
  return { status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt };
}
