/**
 * Item queries with SharePoint's paging and list view threshold rules: $filter/$orderby/$top become one SQL query;
 * paging is keyset-based like SharePoint's (`$skiptoken=Paged=TRUE&p_ID=N`, plus `p_<Field>=value` for other
 * sort columns).
 */
import { Errors } from "../errors";
import { type FieldDef, isMultiValued, isRef, sqlType } from "../model/field-model";
import type { ListMeta, Row } from "../model/list-model";
import { andChain, type FilterNode, firstClause, type OrderKey, parseFilter, parseOrderBy } from "../odata/filter-parser";
import type { ListStore } from "./list-store";
import { queryResolver } from "./query-resolver";
import type { SiteDb } from "./site-db";
import { q, type Resolver, SqlBuilder } from "./sql-builder";

export interface ItemQueryOptions {
  filter?: string;
  orderby?: string;
  top?: string;
  skiptoken?: string;
  /** Person/lookup columns the projection already joins. */
  lookups?: Set<string>;
  /** Columns in $expand: only their properties (`Owner/EMail`) may be filtered on. */
  expanded?: Set<string>;
  /** Security trimming: SQL keeping only the rows the caller may see. */
  visible?: { sql: string; params: unknown[] };
}

/** SharePoint Online's lookup column threshold: joins (person, lookup columns) per list query. */
export const LOOKUP_THRESHOLD = 12;

interface SortKey {
  sql: string;
  field: FieldDef;
  desc: boolean;
}

export class ItemQuery {
  constructor(
    private readonly db: SiteDb,
    private readonly lists: ListStore,
    private readonly options: { threshold: number; multiValueFilters: boolean },
  ) {}

  get threshold(): number {
    return this.options.threshold;
  }

  /** One page of rows and the $skiptoken of the next page when there is one. */
  run(list: ListMeta, opts: ItemQueryOptions): { rows: Row[]; nextSkiptoken?: string } {
    const topRaw = opts.top === undefined ? 100 : Number(opts.top);
    if (!Number.isInteger(topRaw) || topRaw < 0) throw Errors.badExpression(opts.top ?? "", "$top must be a non-negative integer.");
    // An explicit $top above the threshold on a list past it, with no filter to narrow the scan, is refused: a
    // query may not return more rows than the threshold (PnP-JS-Core#203).
    if (opts.top !== undefined && !opts.filter && topRaw > this.threshold && list.itemCount > this.threshold) throw Errors.throttled();
    const top = Math.min(topRaw, 5000);
    const joined = new Set(opts.lookups ?? []);
    const resolver = this.tracking(queryResolver(this.lists, list), joined, opts.expanded ?? new Set());
    const builder = new SqlBuilder(resolver, opts.filter ?? "", this.options.multiValueFilters);
    const ast = opts.filter ? parseFilter(opts.filter) : undefined;
    const where: string[] = [];
    if (ast) where.push(builder.build(ast));
    const params = [...builder.params];
    if (opts.visible) {
      where.push(`(${opts.visible.sql})`);
      params.push(...opts.visible.params);
    }
    const order = opts.orderby ? parseOrderBy(opts.orderby) : [];
    // Sort keys up to and including ID (unique, so later keys never matter); ID ascending breaks ties.
    const keys: SortKey[] = [];
    for (const k of order) {
      const r = resolver.resolve(k.path, opts.orderby ?? "");
      if (r.type !== "column" || isMultiValued(r.field) || r.field.kind === "Note") {
        throw Errors.badExpression(opts.orderby ?? "", `The column '${k.path.join("/")}' cannot be used to sort.`);
      }
      keys.push({ sql: r.sql, field: r.field, desc: k.desc });
      if (r.sql === "ID") break;
    }
    if (!keys.some((k) => k.sql === "ID")) keys.push({ sql: "ID", field: list.fields[0], desc: false });
    if (joined.size > LOOKUP_THRESHOLD) throw Errors.lookupThreshold();
    this.enforceThreshold(list, ast, order, resolver, opts.filter ?? "");
    if (opts.skiptoken) {
      const token = new URLSearchParams(opts.skiptoken);
      if (!token.has("p_ID") || !/^\d+$/.test(token.get("p_ID") ?? "")) throw Errors.badExpression(opts.skiptoken, "Invalid $skiptoken.");
      const prev = token.get("PagedPrev")?.toUpperCase() === "TRUE";
      const clause = keysetAfter(keys, token, prev, params);
      if (clause) where.push(clause);
    }
    const orderSql = keys.map((k) => `${k.sql} ${k.desc ? "DESC" : "ASC"}`);
    const sql = `SELECT * FROM ${q(list.table)}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${orderSql.join(", ")} LIMIT ?`;
    const rows = this.db.stmt(sql).all(...params, top + 1) as Row[];
    let nextSkiptoken: string | undefined;
    if (rows.length > top && top > 0) {
      rows.length = top;
      const last = rows[rows.length - 1];
      const t = new URLSearchParams({ Paged: "TRUE" });
      for (const k of keys) {
        if (k.sql === "ID") continue;
        const v = last[k.field.column];
        // A missing p_<Field> stands for an empty (null) sort value.
        if (v !== null && v !== undefined) t.set(`p_${k.field.internalName}`, String(v));
      }
      t.set("p_ID", String(last.ID));
      nextSkiptoken = t.toString().replace(/%3A/gi, ":");
    }
    return { rows, nextSkiptoken };
  }

  /**
   * A resolver that notes every person/lookup column the query joins, and refuses a property of one
   * (`Owner/EMail`) unless that column is expanded, as SharePoint requires.
   */
  private tracking(inner: Resolver, joined: Set<string>, expanded: Set<string>): Resolver {
    return {
      resolve: (path, src) => {
        const r = inner.resolve(path, src);
        if (isRef(r.field)) joined.add(r.field.internalName);
        if (path.length > 1 && !expanded.has(path[0])) {
          throw Errors.badExpression(src, `To use '${path.join("/")}' in a query, '${path[0]}' must be in $expand.`);
        }
        return r;
      },
    };
  }

  /**
   * The list view threshold, as SharePoint Online applies it: on a list holding more items than the threshold, a
   * query must be driven by an index. Its first filter clause (leftmost of an `and` chain) must compare an indexed
   * column and by itself select no more than the threshold; without a filter, only orders by ID or by an indexed
   * column are allowed.
   */
  private enforceThreshold(list: ListMeta, ast: FilterNode | undefined, order: OrderKey[], resolver: Resolver, src: string): void {
    if (list.itemCount <= this.threshold) return;
    if (!ast) {
      for (const k of order) {
        const r = resolver.resolve(k.path, src);
        if (!(r.type === "column" && r.indexed)) throw Errors.throttled();
      }
      return;
    }
    const first = firstClause(ast);
    if (first.kind !== "cmp" || first.op === "ne") throw Errors.throttled();
    const prop = first.left.kind === "prop" ? first.left : first.right.kind === "prop" ? first.right : undefined;
    if (!prop) throw Errors.throttled();
    const r = resolver.resolve(prop.path, src);
    if (!(r.type === "column" && r.indexed)) throw Errors.throttled();
    // Clauses right after the first that compare the same indexed column bound the same index scan: an ID window
    // "ID gt 5000 and ID le 10000 and ..." is how large lists are read in SharePoint, and it scans one window.
    const key = prop.path.join("/");
    const range: FilterNode[] = [first];
    for (const c of andChain(ast).slice(1)) {
      if (c.kind !== "cmp" || c.op === "ne") break;
      const p = c.left.kind === "prop" ? c.left : c.right.kind === "prop" ? c.right : undefined;
      if (!p || p.path.join("/") !== key) break;
      range.push(c);
    }
    const narrowed = range.reduce((left, right) => ({ kind: "and", left, right }) as FilterNode);
    const b = new SqlBuilder(resolver, src, this.options.multiValueFilters);
    const clause = b.build(narrowed);
    const n = (
      this.db.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(list.table)} WHERE ${clause} LIMIT ?)`).get(...b.params, this.threshold + 1) as { n: number }
    ).n;
    if (n > this.threshold) throw Errors.throttled();
  }
}

/**
 * WHERE clause selecting the rows after the token's position in the given order (SQLite sorts NULLs first in
 * ascending order and last in descending order): OR over i of (keys before i equal) AND (key i after its value).
 */
function keysetAfter(keys: SortKey[], token: URLSearchParams, prev: boolean, params: unknown[]): string {
  const value = (k: SortKey): unknown => {
    if (k.sql === "ID") return Number(token.get("p_ID"));
    const raw = token.get(`p_${k.field.internalName}`);
    if (raw === null) return null;
    return sqlType(k.field).startsWith("TEXT") ? raw : Number(raw);
  };
  const ors: string[] = [];
  const eqs: string[] = [];
  const eqParams: unknown[] = [];
  for (const k of keys) {
    const v = value(k);
    // PagedPrev walks backwards: the same comparison with the direction flipped.
    const desc = k.desc !== prev;
    let after: string | undefined;
    const afterParams: unknown[] = [];
    if (v === null) after = desc ? undefined : `${k.sql} IS NOT NULL`;
    else {
      after = desc ? `(${k.sql} < ? OR ${k.sql} IS NULL)` : `${k.sql} > ?`;
      afterParams.push(v);
    }
    if (after) {
      ors.push(`(${[...eqs, after].join(" AND ")})`);
      params.push(...eqParams, ...afterParams);
    }
    if (v === null) eqs.push(`${k.sql} IS NULL`);
    else {
      eqs.push(`${k.sql} = ?`);
      eqParams.push(v);
    }
  }
  return ors.length ? `(${ors.join(" OR ")})` : "0";
}
