/** Test helper: reads an HTML page back with parse5 (the HTML standard's parser), so tests check the file on disk. */
import { parse } from "parse5";

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
  parent: El | null;
}

type P5Node = { nodeName: string; tagName?: string; value?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: P5Node[]; content?: P5Node };

function convert(n: P5Node, parent: El | null): El | string | null {
  if (n.nodeName === "#text") return n.value ?? "";
  if (!n.tagName) return null;
  const el: El = { tag: n.tagName, attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])), children: [], parent };
  for (const c of n.content?.childNodes ?? n.childNodes ?? []) {
    const k = convert(c, el);
    if (k !== null) el.children.push(k);
  }
  return el;
}

export function readHtml(html: string): El {
  const doc = parse(html) as unknown as P5Node;
  const root = (doc.childNodes ?? []).find((n) => n.tagName === "html");
  return convert(root as P5Node, null) as El;
}

/** Every element under `el` (document order) that matches. */
export function all(el: El, match: (e: El) => boolean): El[] {
  const out: El[] = [];
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (match(c)) out.push(c);
    out.push(...all(c, match));
  }
  return out;
}

export const byTag = (el: El, tag: string) => all(el, (e) => e.tag === tag);

/** The text of an element as a reader gets it: whitespace collapsed. */
export function textOf(el: El | string): string {
  if (typeof el === "string") return el;
  return el.children
    .map((c) => (typeof c !== "string" && c.tag === "br" ? " " : textOf(c)))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** The nearest enclosing element that matches, or null. */
export function closest(el: El, match: (e: El) => boolean): El | null {
  for (let p = el.parent; p; p = p.parent) if (match(p)) return p;
  return null;
}
