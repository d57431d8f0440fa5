/**
 * $batch requests, and what SharePoint does to them that a writer must not trust:
 * - inside a $batch, requests are judged one by one: one part may be throttled (429/503 with its own Retry-After)
 *   while the others succeed, and PnPjs never retries a part (only the whole HTTP request);
 * - PnPjs puts consecutive writes into one changeset, and after one failed part SharePoint has been seen to answer
 *   the changeset's later parts with 500 IndexOutOfRangeException without applying them (pnp/pnpjs#486, #1275);
 * - a whole $batch whose reply was lost is re-sent by the retry policy, so its adds come back as duplicates of
 *   themselves and its ETag-guarded updates as 412s.
 * So operations here are units of their own: a part that failed for a passing reason (throttled, busy, collateral
 * damage of another part) is sent again in a later $batch, after the wait SharePoint asked for, and a failed write
 * may be recognised as having landed (`recover`: e.g. found by its unique key) instead of being reported.
 *
 * PnPjs splits a batched SPFI's requests into $batch HTTP requests of 20 operations by default; SharePoint Online
 * takes at most 100 per batch.
 */
import type { Queryable } from "@pnp/queryable";
import type { SPFI } from "./create-sp.ts";
import { isPassing, isThrottled, partRetryAfterMs, unwrapStatus } from "./errors.ts";
import { ambientRetryPolicy, backoffMs, reportWait, sleep } from "./throttling.ts";

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** One operation of a batch: issues its request(s) on the batched SPFI it is given. */
export type BatchOp<T> = (batched: SPFI) => Promise<T>;

export interface BatchOptions<T> {
  /** Operations per $batch HTTP request (PnPjs' default, 20, when absent; SharePoint takes at most 100). */
  maxRequests?: number;
  /**
   * After a round, finds out which failed ops landed anyway (a duplicate or a 412 after a lost reply, a part that
   * committed before its $batch reply was lost): their results by op index. Called before anything is re-sent.
   */
  recover?: (failed: ReadonlyArray<{ index: number; error: unknown }>) => Promise<ReadonlyMap<number, T>>;
  /** Rounds that may wait for throttling (the first round included); default: the retry policy's attempts. */
  rounds?: number;
}

/** A part still pending when its $batch request itself failed: it will never settle. */
const NEVER_SETTLED = Symbol("never settled");

/** Runs one $batch (split by PnPjs per maxRequests) and settles each op; a failed $batch fails all its ops. */
async function runOnce<T>(sp: SPFI, ops: ReadonlyArray<BatchOp<T>>, maxRequests?: number): Promise<Settled<T>[]> {
  const [batched, execute] = maxRequests === undefined ? sp.batched() : sp.batched({ maxRequests });
  return runBuilt(
    ops.map((op) => op(batched)),
    execute,
  );
}

/** How long to wait before re-sending `failures`: the longest Retry-After, else our back-off; 0 when none throttled. */
function waitFor(failures: readonly unknown[], round: number): { ms: number; told: boolean; status: number | "network" } | null {
  const throttled = failures.filter(isThrottled);
  if (throttled.length === 0) return null;
  const after = throttled.map(partRetryAfterMs).filter((x): x is number => x !== undefined);
  const status = (unwrapStatus(throttled[0]) ?? "network") as number | "network";
  return { ms: after.length ? Math.max(...after) : backoffMs(ambientRetryPolicy(), round), told: after.length > 0, status };
}

/**
 * Runs `ops` as $batch requests and settles each one on its own. Failures that pass are sent again in a new $batch:
 * throttled ones after the longest Retry-After among them (at most `rounds` times), a changeset's collateral
 * failures at once (each round settles at least the part that caused them). `recover` turns a failure that in fact
 * landed into a success first.
 */
export async function batchOps<T>(sp: SPFI, ops: ReadonlyArray<BatchOp<T>>, o: BatchOptions<T> = {}): Promise<Settled<T>[]> {
  const results: Settled<T>[] = new Array(ops.length);
  let pending = ops.map((_, i) => i);
  const rounds = o.rounds ?? ambientRetryPolicy().attempts;
  let throttledRounds = 0;
  while (pending.length > 0) {
    const got = await runOnce(
      sp,
      pending.map((i) => ops[i]),
      o.maxRequests,
    );
    pending.forEach((i, n) => {
      results[i] = got[n];
    });
    const failed = pending.filter((i) => !results[i].ok).map((i) => ({ index: i, error: (results[i] as { error: unknown }).error }));
    if (failed.length > 0 && o.recover) {
      for (const [i, value] of await o.recover(failed)) results[i] = { ok: true, value };
    }
    const again = pending.filter((i) => !results[i].ok && isPassing((results[i] as { error: unknown }).error));
    const wait = waitFor(
      again.map((i) => (results[i] as { error: unknown }).error),
      throttledRounds + 1,
    );
    if (wait) {
      if (++throttledRounds >= rounds) break;
      reportWait({ status: wait.status, waitMs: wait.ms, attempt: throttledRounds, method: "BATCH", url: `${again.length} part(s)`, scope: "batch-part", toldBy: wait.told });
      await sleep(wait.ms);
    } else if (again.length === pending.length) {
      // Only collateral failures and nothing settled: nothing would change by sending them again.
      break;
    }
    pending = again;
  }
  return results;
}

/**
 * Which methods a build function's requests use. Re-running a build is safe only when all of them are reads.
 */
function recordMethods(sp: SPFI, methods: string[]): SPFI {
  return sp.using((instance: Queryable) => {
    instance.on.pre(async (url, init, result) => {
      methods.push((init.method ?? "GET").toUpperCase());
      return [url, init, result];
    });
    return instance;
  });
}

/**
 * One $batch whose parts settle independently (inBatch throws the first failure instead). `maxRequests`: operations
 * per $batch HTTP request (PnPjs' default 20 when absent). When every part is a read, parts that failed for a passing
 * reason are read again (the build runs again on a new batch and only their answers are kept); writes are never
 * re-sent here (use batchOps with per-op writes and a `recover`).
 */
export async function settleBatch<T>(sp: SPFI, build: (batched: SPFI) => Promise<T>[], maxRequests?: number): Promise<Settled<T>[]> {
  const methods: string[] = [];
  let results: Settled<T>[] | undefined;
  for (let round = 1; ; round++) {
    const [batched, execute] = maxRequests === undefined ? sp.batched() : sp.batched({ maxRequests });
    const promises = build(round === 1 ? recordMethods(batched, methods) : batched);
    const settled = await runBuilt(promises, execute);
    if (!results) results = settled;
    else results = results.map((r, i) => (r.ok || !isPassing(r.error) ? r : settled[i]));
    const passing = results.filter((r) => !r.ok && isPassing(r.error)).map((r) => (r as { error: unknown }).error);
    const readsOnly = methods.every((m) => m === "GET");
    if (passing.length === 0 || !readsOnly || round >= ambientRetryPolicy().attempts) return results;
    const wait = waitFor(passing, round) ?? { ms: 0, told: false, status: 500 };
    if (wait.ms > 0) reportWait({ status: wait.status, waitMs: wait.ms, attempt: round, method: "BATCH", url: `${passing.length} part(s)`, scope: "batch-part", toldBy: wait.told });
    await sleep(wait.ms);
  }
}

/** Settles the parts of an executed $batch; when the $batch request itself failed, its unanswered parts fail with it. */
async function runBuilt<T>(promises: Promise<T>[], execute: () => Promise<void>): Promise<Settled<T>[]> {
  const settled: Array<Settled<T> | typeof NEVER_SETTLED> = promises.map(() => NEVER_SETTLED);
  const parts = promises.map((p, i) =>
    p.then(
      (value) => {
        settled[i] = { ok: true, value };
      },
      (error) => {
        settled[i] = { ok: false, error };
      },
    ),
  );
  try {
    await execute();
  } catch (error) {
    // Parts that got no answer never settle: they are failed with the batch's error instead of being awaited.
    return settled.map((s) => (s === NEVER_SETTLED ? { ok: false, error } : s));
  }
  await Promise.all(parts);
  return settled as Settled<T>[];
}

/**
 * Runs the requests `build` makes on a batched SPFI as one $batch and returns their results in order.
 * If any part failed, the first failure is thrown after all parts settled.
 */
export async function inBatch<T>(sp: SPFI, build: (batched: SPFI) => Promise<T>[]): Promise<T[]> {
  const settled = await settleBatch(sp, build);
  const failed = settled.find((s) => !s.ok);
  if (failed && !failed.ok) throw failed.error;
  return settled.map((s) => (s as { value: T }).value);
}

/**
 * Operations grouped per round of batchOps. PnPjs splits each group into $batch requests of at most 20 operations
 * (its default), a modest size SharePoint Online handles well; grouping more per execute only saves promise overhead.
 */
export const BATCH_SIZE = 100;

export interface InBatchesOptions<I, T> {
  size?: number;
  onProgress?: (done: number) => void;
  /** Which failed inputs' writes landed anyway (e.g. their unique keys are found): their results, by input. */
  recover?: (failed: readonly I[]) => Promise<ReadonlyMap<I, T>>;
}

/**
 * `one` for every input, in $batch requests, each input a unit of its own (see batchOps). Throws the first lasting
 * failure once every input has settled; the others have been applied.
 */
export async function inBatches<I, T>(
  sp: SPFI,
  inputs: readonly I[],
  one: (batched: SPFI, input: I) => Promise<T>,
  options: number | InBatchesOptions<I, T> = {},
  onProgress?: (done: number) => void,
): Promise<T[]> {
  const o: InBatchesOptions<I, T> = typeof options === "number" ? { size: options, onProgress } : { onProgress, ...options };
  const size = o.size ?? BATCH_SIZE;
  const out: T[] = [];
  for (let i = 0; i < inputs.length; i += size) {
    const chunk = inputs.slice(i, i + size);
    const settled = await batchOps(
      sp,
      chunk.map((x) => (b: SPFI) => one(b, x)),
      {
        recover: o.recover
          ? async (failed) => {
              const found = await o.recover!(failed.map((f) => chunk[f.index]));
              return new Map(failed.flatMap((f) => (found.has(chunk[f.index]) ? [[f.index, found.get(chunk[f.index]) as T]] : [])));
            }
          : undefined,
      },
    );
    const failed = settled.find((s) => !s.ok);
    if (failed && !failed.ok) throw failed.error;
    out.push(...settled.map((s) => (s as { value: T }).value));
    o.onProgress?.(Math.min(i + size, inputs.length));
  }
  return out;
}
