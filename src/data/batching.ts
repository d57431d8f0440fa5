/**
 * $batch requests. PnPjs splits a batched SPFI's requests into $batch HTTP requests of 20 operations by default;
 * SharePoint Online takes at most 100 per batch.
 */
import type { SPFI } from "./create-sp.ts";

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
 * Operations grouped per `execute()`. PnPjs splits each group into $batch requests of at most 20 operations (its
 * default), a modest size SharePoint Online handles well; grouping more per execute only saves promise overhead.
 */
export const BATCH_SIZE = 100;

export async function inBatches<I, T>(sp: SPFI, inputs: readonly I[], one: (batched: SPFI, input: I) => Promise<T>, size = BATCH_SIZE, onProgress?: (done: number) => void): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < inputs.length; i += size) {
    const chunk = inputs.slice(i, i + size);
    out.push(...(await inBatch(sp, (b) => chunk.map((x) => one(b, x)))));
    onProgress?.(Math.min(i + size, inputs.length));
  }
  return out;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * One $batch whose parts settle independently (inBatch throws the first failure instead). `maxRequests`: operations
 * per $batch HTTP request (PnPjs' default 20 when absent).
 */
export async function settleBatch<T>(sp: SPFI, build: (batched: SPFI) => Promise<T>[], maxRequests?: number): Promise<Settled<T>[]> {
  const [batched, execute] = maxRequests === undefined ? sp.batched() : sp.batched({ maxRequests });
  const promises = build(batched);
  // A failure of the batch request itself (after PnPjs' retries) rejects execute and every part.
  await execute();
  const settled = await Promise.allSettled(promises);
  return settled.map((s) => (s.status === "fulfilled" ? { ok: true, value: s.value } : { ok: false, error: s.reason }));
}
