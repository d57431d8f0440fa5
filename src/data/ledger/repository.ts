/**
 * The reminder ledger: one row per nudge (action, lead time, officer). NudgeKey is a unique column, so adding the
 * row IS the lock: whoever adds it first sends the nudge, a second instance gets SharePoint's duplicate-value
 * error and skips. Rows are claimed before sending ("pending") and marked after ("sent"), in $batch requests.
 */
import type { LedgerEntry } from "../../domain/types.ts";
import { settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import { datetime, eq, ge } from "../odata.ts";
import { list, queryOnce, queryWindowed } from "../queries.ts";
import { toSpInstant } from "../values.ts";
import { type Claim, claimFields, LEDGER_SELECT, type LedgerMark, ledgerFrom, markFields } from "./mapping.ts";

/**
 * Ledger operations per $batch HTTP request. Our own number rather than batching.BATCH_SIZE (operations per execute):
 * a run writes two rows' worth per nudge, so the request count is the ledger's main cost; 50 stays well under
 * SharePoint's 100 per batch.
 */
export const LEDGER_BATCH_SIZE = 50;

/** Entries claimed or sent since `since` (RunAt), read by ID windows so the query is index-first at any size. */
export async function getLedgerSince(sp: SPFI, since: Date): Promise<LedgerEntry[]> {
  return callSharePoint("Reading the reminder ledger", async () =>
    (await queryWindowed(sp, "ledger", { filter: ge("RunAt", datetime(toSpInstant(since))), select: LEDGER_SELECT })).map(ledgerFrom),
  );
}

/** Entries by key (NudgeKey is indexed and unique): one $batch request per 50 keys. */
export async function getLedgerByKeys(sp: SPFI, keys: readonly string[]): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  for (let i = 0; i < keys.length; i += LEDGER_BATCH_SIZE) {
    const chunk = keys.slice(i, i + LEDGER_BATCH_SIZE);
    const pages = await callSharePoint("Reading reminder ledger entries", () =>
      settleBatch(sp, (b) => chunk.map((k) => queryOnce(b, "ledger", { filter: eq("NudgeKey", k), select: LEDGER_SELECT, top: 1 })), LEDGER_BATCH_SIZE),
    );
    for (const p of pages) {
      if (p.ok) out.push(...p.value.map(ledgerFrom));
      else throw toDataError(p.error, "Reading reminder ledger entries");
    }
  }
  return out;
}

export type ClaimOutcome = { key: string; outcome: "claimed"; id: number } | { key: string; outcome: "taken" } | { key: string; outcome: "error"; error: DataError };

/**
 * Adds a "pending" row per claim, 50 per $batch request. "taken": the unique key already exists (another instance, or an
 * earlier run) and this caller must not send. Each part settles on its own: one failure does not lose the others.
 */
export async function claimNudges(sp: SPFI, claims: readonly Claim[], groupOf: (c: Claim) => unknown = (c) => c.officerId): Promise<ClaimOutcome[]> {
  const out: ClaimOutcome[] = [];
  for (const chunk of packGroups(claims, groupOf)) {
    const results = await settleBatch(sp, (b) => chunk.map((c) => list(b, "ledger").items.add(claimFields(c))), LEDGER_BATCH_SIZE);
    results.forEach((r, j) => {
      const key = chunk[j].key;
      if (r.ok) {
        const v = r.value as { Id?: number; data?: { Id?: number } };
        out.push({ key, outcome: "claimed", id: Number(v.Id ?? v.data?.Id) });
        return;
      }
      const e = toDataError(r.error, `Claiming reminder ${key}`);
      out.push(e.reason === "duplicate" ? { key, outcome: "taken" } : { key, outcome: "error", error: e });
    });
  }
  return out;
}

/**
 * Takes over an entry left "pending" by a crashed run (older than the lease) or "failed": an update with the
 * entry's ETag, so of two instances trying at once exactly one wins; the loser gets false.
 */
export async function reclaimEntry(sp: SPFI, entry: LedgerEntry, runAt: Date): Promise<boolean> {
  if (!entry.id || !entry.etag) throw new DataError("invalid", "A ledger entry is reclaimed with the id and ETag it was read with.");
  try {
    await callSharePoint(`Reclaiming reminder ${entry.key}`, () =>
      list(sp, "ledger")
        .items.getById(entry.id as number)
        .update({ LedgerState: "pending", RunAt: toSpInstant(runAt), Attempts: entry.attempts + 1 }, entry.etag),
    );
    return true;
  } catch (err) {
    if (err instanceof DataError && err.reason === "conflict") return false;
    throw err;
  }
}

/** Records outcomes, 50 per $batch. Returns the ids whose write failed (the caller logs them; see docs/bot.md). */
export async function markLedger(sp: SPFI, marks: readonly LedgerMark[]): Promise<number[]> {
  const failed: number[] = [];
  for (let i = 0; i < marks.length; i += LEDGER_BATCH_SIZE) {
    const chunk = marks.slice(i, i + LEDGER_BATCH_SIZE);
    const results = await settleBatch(sp, (b) => chunk.map((m) => list(b, "ledger").items.getById(m.id).update(markFields(m), "*")), LEDGER_BATCH_SIZE);
    results.forEach((r, j) => {
      if (!r.ok) failed.push(chunk[j].id);
    });
  }
  return failed;
}

/** Entries not about one action (ActionRef 0, indexed): the EDI channel digests, newest first. */
export async function getEdiDigestEntries(sp: SPFI): Promise<LedgerEntry[]> {
  return callSharePoint("Reading EDI digest history", async () =>
    (await queryOnce(sp, "ledger", { filter: eq("ActionRef", 0), select: LEDGER_SELECT }))
      .map(ledgerFrom)
      .sort((a, b) => b.runAt.localeCompare(a.runAt)),
  );
}

/**
 * Batches of at most LEDGER_BATCH_SIZE that do not split a group (consecutive claims with the same groupOf) unless the
 * group alone is larger: two instances racing then win or lose an officer's claims together, so the officer
 * gets one digest, not one from each.
 */
export function packGroups<T>(items: readonly T[], groupOf: (x: T) => unknown, size = LEDGER_BATCH_SIZE): T[][] {
  const groups: T[][] = [];
  for (const x of items) {
    const last = groups[groups.length - 1];
    if (last && groupOf(last[0]) === groupOf(x)) last.push(x);
    else groups.push([x]);
  }
  const batches: T[][] = [];
  let cur: T[] = [];
  for (const g of groups) {
    if (cur.length && cur.length + g.length > size) {
      batches.push(cur);
      cur = [];
    }
    for (let i = 0; i < g.length; i += size) {
      const part = g.slice(i, i + size);
      if (cur.length + part.length > size) {
        batches.push(cur);
        cur = [];
      }
      cur.push(...part);
    }
  }
  if (cur.length) batches.push(cur);
  return batches;
}
