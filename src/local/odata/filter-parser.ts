/**
 * Parser for the subset of OData v3 `$filter` that SharePoint's list REST API accepts: comparisons, and/or/not,
 * parentheses, startswith/substringof, and literals (strings with '' escapes, numbers, booleans, null,
 * datetime'...'). It only builds an AST; sql-builder.ts decides what each property means for a list.
 */
import { Errors } from "../errors";

export type Literal =
  | { kind: "lit"; type: "string"; value: string }
  | { kind: "lit"; type: "number"; value: number }
  | { kind: "lit"; type: "bool"; value: boolean }
  | { kind: "lit"; type: "null"; value: null }
  | { kind: "lit"; type: "datetime"; value: string };
export type Operand = Literal | { kind: "prop"; path: string[] } | { kind: "call"; name: string; args: Operand[] };
export type CmpOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";
export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; expr: FilterNode }
  | { kind: "cmp"; op: CmpOp; left: Operand; right: Operand }
  | { kind: "bool"; call: Operand };

type Token =
  | { t: "ident"; v: string }
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "dt"; v: string }
  | { t: "("; v: string }
  | { t: ")"; v: string }
  | { t: ","; v: string };

const CMP = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const bad = (detail: string) => Errors.badExpression(src, detail);
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      out.push({ t: c, v: c });
      i++;
      continue;
    }
    if (c === "'") {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw bad("Unterminated string literal.");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: "str", v: s });
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[LlDdMmFf]?/.exec(src.slice(i));
    if (num && (c === "-" || /\d/.test(c))) {
      out.push({ t: "num", v: Number.parseFloat(num[0].replace(/[LlDdMmFf]$/, "")) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (id) {
      const word = id[0];
      i += word.length;
      // datetime'2019-03-31T00:00:00Z' and guid'...' are typed literals.
      if ((word.toLowerCase() === "datetime" || word.toLowerCase() === "guid") && src[i] === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw bad("Unterminated literal.");
        const raw = src.slice(i + 1, end);
        i = end + 1;
        if (word.toLowerCase() === "guid") out.push({ t: "str", v: raw });
        else {
          // Date-only literals are UTC midnight; date-times without an offset are taken as UTC, as SharePoint does.
          const d = new Date(!raw.includes("T") || /[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
          if (Number.isNaN(d.getTime())) throw bad(`'${raw}' is not a valid DateTime.`);
          out.push({ t: "dt", v: isoSeconds(d) });
        }
        continue;
      }
      out.push({ t: "ident", v: word });
      continue;
    }
    throw bad(`Syntax error at position ${i}.`);
  }
  return out;
}

/** SharePoint renders DateTime values as UTC to the second: 2019-03-31T00:00:00Z. */
export function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

export function parseFilter(src: string): FilterNode {
  const tokens = tokenize(src);
  let pos = 0;
  const bad = (detail: string) => Errors.badExpression(src, detail);
  const peek = () => tokens[pos];
  const isWord = (w: string) => {
    const t = tokens[pos];
    return t !== undefined && t.t === "ident" && t.v.toLowerCase() === w;
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isWord("or")) {
      pos++;
      left = { kind: "or", left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): FilterNode {
    let left = parseUnary();
    while (isWord("and")) {
      pos++;
      left = { kind: "and", left, right: parseUnary() };
    }
    return left;
  }
  function parseUnary(): FilterNode {
    if (isWord("not")) {
      pos++;
      return { kind: "not", expr: parseUnary() };
    }
    return parsePrimary();
  }
  function parsePrimary(): FilterNode {
    const t = peek();
    if (!t) throw bad("Unexpected end of expression.");
    if (t.t === "(") {
      pos++;
      const inner = parseOr();
      if (peek()?.t !== ")") throw bad("')' expected.");
      pos++;
      return inner;
    }
    const left = parseOperand();
    const op = peek();
    if (op && op.t === "ident" && CMP.has(op.v.toLowerCase())) {
      pos++;
      const right = parseOperand();
      return { kind: "cmp", op: op.v.toLowerCase() as CmpOp, left, right };
    }
    if (left.kind === "call") return { kind: "bool", call: left };
    throw bad("A comparison operator was expected.");
  }
  function parseOperand(): Operand {
    const t = peek();
    if (!t) throw bad("Unexpected end of expression.");
    pos++;
    switch (t.t) {
      case "str":
        return { kind: "lit", type: "string", value: t.v };
      case "num":
        return { kind: "lit", type: "number", value: t.v };
      case "dt":
        return { kind: "lit", type: "datetime", value: t.v };
      case "ident": {
        const w = t.v.toLowerCase();
        if (w === "true" || w === "false") return { kind: "lit", type: "bool", value: w === "true" };
        if (w === "null") return { kind: "lit", type: "null", value: null };
        if (peek()?.t === "(") {
          pos++;
          const args: Operand[] = [];
          if (peek()?.t !== ")") {
            for (;;) {
              args.push(parseOperand());
              if (peek()?.t === ",") {
                pos++;
                continue;
              }
              break;
            }
          }
          if (peek()?.t !== ")") throw bad("')' expected.");
          pos++;
          if (w !== "startswith" && w !== "substringof") throw bad(`Unknown function '${t.v}'.`);
          if (args.length !== 2) throw bad(`Function '${t.v}' takes two arguments.`);
          return { kind: "call", name: w, args };
        }
        return { kind: "prop", path: t.v.split("/") };
      }
      default:
        throw bad(`Unexpected '${t.v}'.`);
    }
  }

  if (tokens.length === 0) throw bad("The expression is empty.");
  const node = parseOr();
  if (pos !== tokens.length) throw bad(`Unexpected '${String(tokens[pos].v)}' at the end.`);
  return node;
}

export interface OrderKey {
  path: string[];
  desc: boolean;
}

export function parseOrderBy(src: string): OrderKey[] {
  return src
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) throw Errors.badExpression(src, "Invalid $orderby.");
      return { path: m[1].split("/"), desc: (m[2] ?? "").toLowerCase() === "desc" };
    });
}

/** The clauses of an `and` chain, left to right (an `or` or `not` is one clause). */
export function andChain(node: FilterNode): FilterNode[] {
  return node.kind === "and" ? [...andChain(node.left), ...andChain(node.right)] : [node];
}

/** Leftmost clause of an `and` chain: the clause SharePoint uses to decide whether an index can drive the query. */
export function firstClause(node: FilterNode): FilterNode {
  let n = node;
  while (n.kind === "and") n = n.left;
  return n;
}
