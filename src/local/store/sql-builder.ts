/**
 * Turns a parsed $filter into a parameterised SQLite WHERE clause for one list table. Values are always bound
 * as parameters; column names come only from the list's own field definitions, never from the request.
 */
import { Errors, SpError } from "../errors";
import type { FieldDef } from "../model/field-model";
import { isMultiValued, typeAsString } from "../model/field-model";
import type { CmpOp, FilterNode, Literal, Operand } from "../odata/filter-parser";
import { isoSeconds } from "../odata/filter-parser";

/** What a property path in a query refers to. */
export type Resolved =
  | { type: "column"; field: FieldDef; sql: string; indexed: boolean }
  /** `Owner/Title`: a property of the site user a person column points at. */
  | { type: "user"; field: FieldDef; sql: string; userColumn: string; userKind: "number" | "text" }
  /** `Plan/Title`: a column of the item a lookup column points at. */
  | { type: "lookup"; field: FieldDef; sql: string; table: string; target: FieldDef | "ID" };

export interface Resolver {
  resolve(path: string[], src: string): Resolved;
}

const SQL_OP: Record<CmpOp, string> = { eq: "=", ne: "<>", lt: "<", le: "<=", gt: ">", ge: ">=" };
const FLIP: Record<CmpOp, CmpOp> = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" };

export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

type ValueKind = "number" | "text" | "bool" | "date";

function kindOf(f: FieldDef | "ID"): ValueKind {
  if (f === "ID") return "number";
  switch (f.kind) {
    case "Boolean":
      return "bool";
    case "DateTime":
      return "date";
    case "Number":
    case "Currency":
    case "Integer":
    case "Counter":
    case "User":
    case "Lookup":
      return "number";
    default:
      return "text";
  }
}

function convert(lit: Literal, kind: ValueKind, src: string): unknown {
  const bad = () => Errors.badExpression(src, "The literal does not match the column's type.");
  switch (kind) {
    case "number": {
      if (lit.type === "number") return lit.value;
      if (lit.type === "string" && lit.value.trim() !== "" && Number.isFinite(Number(lit.value))) return Number(lit.value);
      throw bad();
    }
    case "bool":
      if (lit.type === "bool") return lit.value ? 1 : 0;
      if (lit.type === "number") return lit.value ? 1 : 0;
      throw bad();
    case "date": {
      if (lit.type === "datetime") return lit.value;
      if (lit.type === "string") {
        const d = new Date(lit.value);
        if (!Number.isNaN(d.getTime())) return isoSeconds(d);
      }
      throw bad();
    }
    default:
      if (lit.type === "string" || lit.type === "datetime") return lit.value;
      if (lit.type === "number") return String(lit.value);
      if (lit.type === "bool") return lit.value ? "1" : "0";
      throw bad();
  }
}

export class SqlBuilder {
  readonly params: unknown[] = [];
  constructor(
    private readonly resolver: Resolver,
    private readonly src: string,
    /** Accept multi-value person/lookup columns (as "contains"); SharePoint documents them as not queryable. */
    private readonly multiValueFilters = false,
  ) {}

  /** A column the filter may use: never multiple lines of text; multi-value person/lookup only when allowed. */
  private filterable(r: Resolved): Resolved {
    const f = r.field;
    if (f.kind === "Note" || (f.multi && !this.multiValueFilters)) {
      throw new SpError(400, "-1, Microsoft.SharePoint.SPException", `The field '${f.internalName}' of type '${typeAsString(f)}' cannot be used in the query filter expression.`);
    }
    return r;
  }

  build(node: FilterNode): string {
    switch (node.kind) {
      case "and":
      case "or":
        return `(${this.build(node.left)} ${node.kind.toUpperCase()} ${this.build(node.right)})`;
      case "not":
        return `(NOT ${this.build(node.expr)})`;
      case "bool":
        return this.call(node.call);
      case "cmp":
        return this.cmp(node.op, node.left, node.right);
    }
  }

  private call(op: Operand): string {
    if (op.kind !== "call") throw Errors.badExpression(this.src);
    const [a, b] = op.args;
    const [propArg, litArg] = op.name === "startswith" ? [a, b] : [b, a];
    if (propArg.kind !== "prop" || litArg.kind !== "lit" || litArg.type !== "string") {
      throw Errors.badExpression(this.src, `${op.name} takes a column and a string.`);
    }
    const escaped = litArg.value.replace(/[\\%_]/g, (c) => `\\${c}`);
    const pattern = op.name === "startswith" ? `${escaped}%` : `%${escaped}%`;
    return this.predicate(this.filterable(this.resolver.resolve(propArg.path, this.src)), (expr) => {
      this.params.push(pattern);
      return `${expr} LIKE ? ESCAPE '\\'`;
    }, "text");
  }

  private cmp(op: CmpOp, left: Operand, right: Operand): string {
    // `substringof('x', Title) eq true` and friends.
    if (left.kind === "call" || right.kind === "call") {
      const [call, other] = left.kind === "call" ? [left, right] : [right, left];
      if (other.kind !== "lit" || other.type !== "bool" || (op !== "eq" && op !== "ne")) throw Errors.badExpression(this.src);
      const inner = this.call(call);
      return other.value === (op === "eq") ? inner : `(NOT ${inner})`;
    }
    let o = op;
    let prop = left;
    let lit = right;
    if (left.kind === "lit" && right.kind === "prop") {
      prop = right;
      lit = left;
      o = FLIP[op];
    }
    if (prop.kind !== "prop" || lit.kind !== "lit") throw Errors.badExpression(this.src, "Compare a column with a value.");
    const r = this.filterable(this.resolver.resolve(prop.path, this.src));
    if (lit.type === "null") {
      if (o !== "eq" && o !== "ne") throw Errors.badExpression(this.src, "null can only be compared with eq or ne.");
      const multi = isMultiValued(r.field);
      const isNull = multi ? `(${r.sql} IS NULL OR ${r.sql} = '[]')` : `${r.sql} IS NULL`;
      if (r.type !== "column") {
        // `Owner/Title eq null`: the person is unset.
        return o === "eq" ? isNull : `(NOT ${isNull})`;
      }
      return o === "eq" ? isNull : `(NOT ${isNull})`;
    }
    const valueKind: ValueKind = r.type === "column" ? kindOf(r.field.kind === "Counter" ? "ID" : r.field) : r.type === "user" ? r.userKind : kindOf(r.target);
    const value = convert(lit, valueKind, this.src);
    return this.predicate(r, (expr) => {
      this.params.push(value);
      return `${expr} ${SQL_OP[o]} ?`;
    }, valueKind, o === "ne");
  }

  /**
   * Applies `test` to the value a resolved path denotes. Multi-valued columns (JSON arrays) mean "contains", as
   * SharePoint's `OfficersId eq 7` does; `ne` on them means "does not contain".
   */
  private predicate(r: Resolved, test: (expr: string) => string, _kind: ValueKind, negate = false): string {
    const multi = isMultiValued(r.field);
    if (r.type === "column") {
      if (!multi) return test(r.sql);
      const t = negate ? test("value").replace(/ <> \?$/, " = ?") : test("value");
      const exists = `EXISTS (SELECT 1 FROM json_each(${r.sql}) WHERE ${t})`;
      return negate ? `(NOT ${exists})` : exists;
    }
    const inner =
      r.type === "user"
        ? `SELECT id FROM _users WHERE ${test(q(r.userColumn))}`
        : `SELECT ID FROM ${q(r.table)} WHERE ${test(r.target === "ID" ? "ID" : q(r.target.column))}`;
    if (!multi) return `${r.sql} IN (${inner})`;
    return `EXISTS (SELECT 1 FROM json_each(${r.sql}) WHERE value IN (${inner}))`;
  }
}
