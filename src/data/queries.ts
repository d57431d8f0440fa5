/**
 * Access to our lists by key, and the paged/windowed reads that keep every query under SharePoint's list view
 * threshold at any list size.
 */
import type { IList } from "@pnp/sp/lists";
import { inBatch } from "./batching.ts";
import type { SPFI } from "./create-sp.ts";
import { and, grouped, gt, le } from "./odata.ts";
import { LIST_TITLES } from "./schema/list-titles.ts";
import type { ListKey } from "./schema/vocabulary.ts";

export const MAX_PAGE = 5000;
/** ID windows per $batch request when scanning a big list: 20, PnPjs' own split size, so one HTTP request each. */
const WINDOWS_PER_BATCH = 20;

export function list(sp: SPFI, key: ListKey): IList {
  return sp.web.lists.getByTitle(LIST_TITLES[key]);
}

export type Item = Record<string, unknown> & { Id: number };

export interface Query {
  filter?: string;
  select?: readonly string[];
  expand?: readonly string[];
  orderBy?: { field: string; ascending?: boolean };
  top?: number;
}

function apply(l: IList, q: Query) {
  let items = l.items;
  if (q.filter) items = items.filter(q.filter);
  if (q.select?.length) items = items.select(...q.select);
  if (q.expand?.length) items = items.expand(...q.expand);
  if (q.orderBy) items = items.orderBy(q.orderBy.field, q.orderBy.ascending ?? true);
  return items.top(Math.min(q.top ?? MAX_PAGE, MAX_PAGE));
}

/** One request: the caller guarantees the filter starts with an indexed column that narrows below the threshold. */
export async function queryOnce(sp: SPFI, key: ListKey, q: Query): Promise<Item[]> {
  return (await apply(list(sp, key), q)()) as Item[];
}

/** Ids to a query of `queryByIds`: 40 clauses keep the URL well under SharePoint's 2,048-character path limit. */
const IDS_PER_QUERY = 40;

/**
 * Items by id (the Id column is always indexed), 40 to a query. Every query is issued before anything is awaited,
 * so they can travel in the caller's $batch. `q.filter` is ignored: the ids are the filter.
 */
export async function queryByIds(sp: SPFI, key: ListKey, ids: readonly number[], q: Omit<Query, "filter"> = {}): Promise<Item[]> {
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) chunks.push(ids.slice(i, i + IDS_PER_QUERY));
  const read = await Promise.all(chunks.map((c) => queryOnce(sp, key, { ...q, filter: c.map((id) => `Id eq ${id}`).join(" or ") })));
  return read.flat();
}

/** Follows odata.nextLink page by page (the filter must still be index-first on big lists). */
export async function queryAllPages(sp: SPFI, key: ListKey, q: Query): Promise<Item[]> {
  const out: Item[] = [];
  for await (const page of apply(list(sp, key), q)) out.push(...(page as Item[]));
  return out;
}

/**
 * Reads every item matching `filter` from a list of any size by scanning ID windows of 5,000: each query's first
 * clause is the ID range (always indexed), so none exceeds the threshold however many items match the rest.
 * The windows travel in $batch requests: 30,000 items cost one request for the highest ID and one batch.
 */
export async function queryWindowed(sp: SPFI, key: ListKey, q: Query): Promise<Item[]> {
  const top = (await list(sp, key).items.select("Id").orderBy("Id", false).top(1)()) as Item[];
  if (top.length === 0) return [];
  const maxId = top[0].Id;
  const windows: Array<[number, number]> = [];
  for (let lo = 0; lo < maxId; lo += MAX_PAGE) windows.push([lo, Math.min(lo + MAX_PAGE, maxId)]);
  const out: Item[] = [];
  for (let i = 0; i < windows.length; i += WINDOWS_PER_BATCH) {
    const chunk = windows.slice(i, i + WINDOWS_PER_BATCH);
    const pages = await inBatch(sp, (b) =>
      chunk.map(([lo, hi]) =>
        apply(list(b, key), {
          ...q,
          orderBy: undefined,
          filter: and(gt("Id", lo), le("Id", hi), grouped(q.filter)),
          top: MAX_PAGE,
        })(),
      ),
    );
    for (const p of pages) out.push(...(p as Item[]));
  }
  if (q.orderBy) {
    const { field, ascending = true } = q.orderBy;
    out.sort((a, b) => compare(a[field], b[field]) * (ascending ? 1 : -1));
  }
  return out;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

/**
 * One indexed query (the common case: an action's or an indicator's few hundred values), or, when SharePoint
 * refuses it because that index value alone holds more items than the threshold, the same read by ID windows.
 * Correct at any size; one request while the index narrows enough.
 */
export async function queryNarrow(sp: SPFI, key: ListKey, q: Query): Promise<Item[]> {
  try {
    return await queryAllPages(sp, key, q);
  } catch (err) {
    if (!isThresholdRefusal(err)) throw err;
    return queryWindowed(sp, key, q);
  }
}

/** SharePoint's "exceeds the list view threshold" (HTTP 500, SPQueryThrottledException). */
export function isThresholdRefusal(err: unknown): boolean {
  const e = err as { status?: number; message?: string; reason?: string };
  return e?.reason === "threshold" || (e?.status === 500 && /SPQueryThrottledException|list view threshold/i.test(e?.message ?? ""));
}
