/**
 * The tags of an XML part as its bytes stream out of the zip, without building a tree: enough to count rows and
 * cells and read a few attributes before a real parser allocates anything. Quoted attribute values may hold ">"
 * (so a tag cannot be cut short to hide an attribute), comments, CDATA and processing instructions are skipped,
 * and entities in attribute values are decoded as a parser would decode them.
 */

export interface XmlTag {
  /** Qualified name as written ("w:tc", "c"). */
  name: string;
  /** Local name, without the prefix ("tc"). */
  local: string;
  kind: "open" | "close" | "empty";
  /** The raw text inside the brackets; read attributes with attr(). */
  raw: string;
}

/** A tag longer than this is kept no further (no tag this importer reads comes near it). */
const MAX_TAG_CHARS = 64 * 1024;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== "#") return ENTITIES[e] ?? m;
    const code = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** An attribute by local name ("val" finds w:val="3"), entities decoded; undefined when absent. */
export function attr(tag: XmlTag, local: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag.raw.slice(tag.name.length));
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}

export class XmlTagStream {
  private readonly decoder = new TextDecoder("utf-8");
  private carry = "";
  /** When set, text between tags is passed to onText (only while a scanner needs it). */
  wantText = false;

  constructor(
    private readonly onTag: (tag: XmlTag) => void,
    private readonly onText: (text: string) => void = () => {},
  ) {}

  write(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.feed(this.decoder.decode());
    this.carry = "";
  }

  private feed(text: string): void {
    const s = this.carry + text;
    this.carry = "";
    let i = 0;
    while (i < s.length) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        if (this.wantText) this.onText(s.slice(i));
        return;
      }
      if (this.wantText && lt > i) this.onText(s.slice(i, lt));
      const end = tagEnd(s, lt);
      if (end < 0) {
        // The tag goes on in the next chunk; a runaway one is dropped (it is none that this importer reads).
        if (s.length - lt <= MAX_TAG_CHARS) this.carry = s.slice(lt);
        return;
      }
      const raw = s.slice(lt + 1, end);
      if (raw[0] !== "!" && raw[0] !== "?") this.onTag(tagOf(raw));
      i = end + 1;
    }
  }
}

/** Index of the ">" that closes the tag opening at `lt`, quotes respected; -1 when not in `s` yet. */
function tagEnd(s: string, lt: number): number {
  if (s.startsWith("<!--", lt)) return endOf(s, "-->", lt);
  if (s.startsWith("<![CDATA[", lt)) return endOf(s, "]]>", lt);
  if (s.startsWith("<?", lt)) return endOf(s, "?>", lt);
  let quote = "";
  for (let j = lt + 1; j < s.length; j++) {
    const ch = s[j];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return j;
  }
  return -1;
}

function endOf(s: string, close: string, from: number): number {
  const at = s.indexOf(close, from);
  return at < 0 ? -1 : at + close.length - 1;
}

function tagOf(raw: string): XmlTag {
  const close = raw[0] === "/";
  const body = close ? raw.slice(1) : raw;
  const name = /^[^\s/>]*/.exec(body)?.[0] ?? "";
  const colon = name.indexOf(":");
  return { name, local: colon >= 0 ? name.slice(colon + 1) : name, kind: close ? "close" : raw.endsWith("/") ? "empty" : "open", raw: body };
}
