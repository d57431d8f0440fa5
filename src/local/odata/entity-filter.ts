/**
 * $filter over small in-memory collections (lists, fields, site users), which SharePoint also lets callers filter,
 * e.g. `siteusers?$filter=Email eq 'x'` or `fields?$filter=Hidden eq false`.
 */
import type { FilterNode, Operand } from "./filter-parser";

function value(o: Record<string, unknown>, op: Operand): unknown {
  if (op.kind === "lit") return op.value;
  if (op.kind === "prop") {
    let v: unknown = o;
    for (const p of op.path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
    return v;
  }
  const [a, b] = op.args.map((x) => String(value(o, x) ?? "").toLowerCase());
  return op.name === "startswith" ? a.startsWith(b) : b.includes(a);
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase().localeCompare(b.toLowerCase());
  if (a === b) return 0;
  return (a as number) < (b as number) ? -1 : 1;
}

export function evalFilter(node: FilterNode, o: Record<string, unknown>): boolean {
  switch (node.kind) {
    case "and":
      return evalFilter(node.left, o) && evalFilter(node.right, o);
    case "or":
      return evalFilter(node.left, o) || evalFilter(node.right, o);
    case "not":
      return !evalFilter(node.expr, o);
    case "bool":
      return value(o, node.call) === true;
    case "cmp": {
      const a = value(o, node.left);
      const b = value(o, node.right);
      if (a === null || a === undefined || b === null || b === undefined) {
        const eq = (a ?? null) === (b ?? null);
        return node.op === "eq" ? eq : node.op === "ne" ? !eq : false;
      }
      const c = cmp(a, b);
      switch (node.op) {
        case "eq":
          return c === 0;
        case "ne":
          return c !== 0;
        case "lt":
          return c < 0;
        case "le":
          return c <= 0;
        case "gt":
          return c > 0;
        case "ge":
          return c >= 0;
      }
    }
  }
  return false;
}
