/** SharePoint's REST path syntax: `web/lists/getByTitle('a/b')/items(3)` as segments with their arguments. */
import { Errors } from "../errors";

export interface Seg {
  /** Lower-cased name. */
  name: string;
  raw: string;
  args?: string;
}

/** Splits a path into segments, keeping quoted arguments (which may hold '/' and doubled quotes) intact. */
export function parseSegments(path: string): Seg[] {
  const segs: Seg[] = [];
  let cur = "";
  let inQuote = false;
  let depth = 0;
  const push = () => {
    if (!cur) return;
    const m = /^([^(]*)(?:\((.*)\))?$/s.exec(cur);
    if (!m) throw Errors.resource(cur);
    segs.push({ name: m[1].toLowerCase(), raw: m[1], args: m[2] });
    cur = "";
  };
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "'" && depth > 0) {
      if (inQuote && path[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
    }
    if (!inQuote && c === "(") depth++;
    if (!inQuote && c === ")") depth--;
    if (c === "/" && !inQuote && depth === 0) push();
    else cur += c;
  }
  push();
  return segs;
}

/** `'X'` -> X (with '' unescaped), `guid'..'` -> .., `3` -> 3. */
export function argString(args: string | undefined): string {
  const a = (args ?? "").trim();
  const m = /^(?:guid)?'(.*)'$/is.exec(a);
  if (m) return m[1].replace(/''/g, "'");
  return a;
}

export function argInt(args: string | undefined): number {
  const s = argString(args);
  if (!/^\d+$/.test(s)) throw Errors.badExpression(args ?? "", "An integer was expected.");
  return Number(s);
}
