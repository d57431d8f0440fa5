/**
 * The reminder ledger: one row per nudge (action, lead time, officer), one per officer's digest of the day, one per
 * EDI channel digest. NudgeKey is a unique column, so adding the row IS the lock: whoever adds it first owns it, a
 * second instance gets SharePoint's duplicate-value error. Rows are claimed before sending ("pending") and marked
 * after ("sent", "failed", "uncertain"), in $batch requests.
 *
 * A $batch is never trusted to be atomic, nor its parts to stand alone: SharePoint has been seen to fail the later
 * parts of a changeset after one failed part, and to run them. So a claim that did not come back "claimed" is
 * looked up again by key, and decided from what is there (see claimLedger).
 */
import type { LedgerEntry } from "../../domain/types.ts";
import { settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import { and, datetime, eq, ge } from "../odata.ts";
import { list, queryOnce, queryWindowed } from "../queries.ts";
import { toSpInstant } from "../values.ts";
import { type Claim, claimFields, isClaimable, LEDGER_SELECT, type LedgerMark, type LedgerRecord, ledgerFrom, markFields, recordFields } from "./mapping.ts";

/**
 * Ledger operations per $batch HTTP request. Our own number rather than batching.BATCH_SIZE (operations per execute):
 * a run writes several rows' worth per officer, so the request count is the ledger's main cost; 50 stays well under
 * SharePoint's 100 per batch.
 */
export const LEDGER_BATCH_SIZE = 50;

/**
 * Nudges and EDI digests claimed or sent since `since` (RunAt), read by ID windows so the query is index-first at
 * any size. Officers' digest rows (ActionRef -1, one per officer and day) are left out unless asked for: a run
 * does not need them.
 */
export async function getLedgerSince(sp: SPFI, since: Date, opts: { officersDigests?: boolean } = {}): Promise<LedgerEntry[]> {
  const filter = and(ge("RunAt", datetime(toSpInstant(since))), !opts.officersDigests && ge("ActionRef", 0));
  return callSharePoint("Reading the reminder ledger", async () => (await queryWindowed(sp, "ledger", { filter, select: LEDGER_SELECT })).map(ledgerFrom));
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
 * Adds a "pending" row per claim, 50 per $batch request, a group's rows (groupOf) packed into one request where they
 * fit. "taken": the unique key exists. "error": the part failed otherwise, and may or may not have landed.
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

export type ReclaimOutcome = "claimed" | "conflict" | "error";

/**
 * Takes over entries (see isClaimable) with an update carrying each entry's ETag, 50 per $batch request: of two
 * instances trying at once exactly one wins; the other gets 412 ("conflict").
 */
export async function reclaimEntries(sp: SPFI, entries: readonly LedgerEntry[], runAt: Date): Promise<Map<string, ReclaimOutcome>> {
  const out = new Map<string, ReclaimOutcome>();
  for (const e of entries) if (!e.id || !e.etag) throw new DataError("invalid", "A ledger entry is reclaimed with the id and ETag it was read with.");
  for (let i = 0; i < entries.length; i += LEDGER_BATCH_SIZE) {
    const chunk = entries.slice(i, i + LEDGER_BATCH_SIZE);
    const results = await settleBatch(
      sp,
      (b) =>
        chunk.map((e) =>
          list(b, "ledger")
            .items.getById(e.id as number)
            .update({ LedgerState: "pending", RunAt: toSpInstant(runAt), Attempts: e.attempts + 1 }, e.etag),
        ),
      LEDGER_BATCH_SIZE,
    );
    results.forEach((r, j) => {
      out.set(chunk[j].key, r.ok ? "claimed" : toDataError(r.error).reason === "conflict" ? "conflict" : "error");
    });
  }
  return out;
}

/** Rounds of "add, look up what did not come back claimed, take over what may be": enough for two racing instances. */
const CLAIM_ROUNDS = 3;

/**
 * Claims each key for this caller, whatever else is running: adds the rows; for every one that did not come back
 * "claimed" (a duplicate, or a part that failed and may or may not have landed) reads what is there, takes over
 * what may be taken over (ETag update), adds again what is not there, and leaves what another holds. Outcomes:
 * "claimed" (send it), "taken" (another instance or an earlier run has it), "error" (undecided: next run).
 */
export async function claimLedger(
  sp: SPFI,
  claims: readonly Claim[],
  opts: { now: Date; leaseMs: number; groupOf?: (c: Claim) => unknown },
): Promise<Map<string, ClaimOutcome>> {
  const out = new Map<string, ClaimOutcome>();
  const byKey = new Map(claims.map((c) => [c.key, c]));
  let toAdd: Claim[] = [...claims];
  let toCheck: string[] = [];
  const lastError = new Map<string, DataError>();
  for (let round = 0; round < CLAIM_ROUNDS && (toAdd.length || toCheck.length); round++) {
    for (const r of await claimNudges(sp, toAdd, opts.groupOf)) {
      if (r.outcome === "claimed") out.set(r.key, r);
      else {
        if (r.outcome === "error") lastError.set(r.key, r.error);
        toCheck.push(r.key);
      }
    }
    toAdd = [];
    if (!toCheck.length) break;
    const found = new Map((await getLedgerByKeys(sp, toCheck)).map((e) => [e.key, e]));
    const takeOver: LedgerEntry[] = [];
    for (const key of toCheck) {
      const e = found.get(key);
      if (!e) toAdd.push(byKey.get(key) as Claim); // the add failed without landing: try again
      else if (isClaimable(e, opts.now, opts.leaseMs)) takeOver.push(e);
      else out.set(key, { key, outcome: "taken" });
    }
    toCheck = [];
    for (const [key, r] of await reclaimEntries(sp, takeOver, opts.now)) {
      const e = found.get(key) as LedgerEntry;
      if (r === "claimed") out.set(key, { key, outcome: "claimed", id: e.id as number });
      else if (r === "conflict") out.set(key, { key, outcome: "taken" });
      else toCheck.push(key); // failed after another part failed: look again
    }
  }
  for (const key of [...toAdd.map((c) => c.key), ...toCheck]) {
    out.set(key, { key, outcome: "error", error: lastError.get(key) ?? new DataError("sharepoint", `Claiming reminder ${key}: undecided after ${CLAIM_ROUNDS} rounds.`) });
  }
  return out;
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

/**
 * Adds rows for nudges that went out (or may have) with their officer's digest, 50 per $batch. A key that exists
 * already was recorded by an earlier run: nothing to add. Returns the keys whose row could not be written.
 */
export async function recordNudges(sp: SPFI, rows: readonly LedgerRecord[]): Promise<string[]> {
  let pending = [...rows];
  // A second round for parts that failed after another part of their changeset did (see the top of this file).
  for (let round = 0; round < 2 && pending.length; round++) {
    const failed: LedgerRecord[] = [];
    for (let i = 0; i < pending.length; i += LEDGER_BATCH_SIZE) {
      const chunk = pending.slice(i, i + LEDGER_BATCH_SIZE);
      const results = await settleBatch(sp, (b) => chunk.map((r) => list(b, "ledger").items.add(recordFields(r))), LEDGER_BATCH_SIZE);
      results.forEach((r, j) => {
        if (!r.ok && toDataError(r.error).reason !== "duplicate") failed.push(chunk[j]);
      });
    }
    pending = failed;
  }
  return pending.map((r) => r.key);
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
 * group alone is larger, so that one failed request costs whole officers, not parts of them.
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
