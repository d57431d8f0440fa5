/**
 * Role rows as the seeds write them: "Role 1: As a Community Leader: We will engage with residents ..." (also
 * without the colon, or without "Role 1") → role "Community Leader" and its statement.
 */

export interface RoleText {
  name: string;
  statement: string;
}

const PREFIX = /^(?:role\s*(?:\d+|[ivx]+)?\s*[:.\-–—)]?\s*)?(?:as\s+(?:an?|the|our)(?:\s+|$))?/i;
const LOOKS_LIKE_ROLE = /^(?:role\b|as\s+(?:an?|the|our)\b)/i;
/** Where the statement starts when there is no colon: "Community Leader We will engage ..." */
const STATEMENT_START = /\s(?=(?:We|To|Our|Working|Ensuring|Being)\b)/;

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Parses a role row's text; null when the text does not present itself as a role. */
export function parseRoleRow(text: string): RoleText | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (!LOOKS_LIKE_ROLE.test(t)) return null;
  return splitRole(t.replace(PREFIX, ""));
}

/** A Role column's value: "Community Leader", "Community Leader: We will ...", or a whole role row's text. */
export function parseRoleCell(text: string): RoleText {
  const t = text.replace(/\s+/g, " ").trim();
  return parseRoleRow(t) ?? splitRole(t);
}

function splitRole(rest: string): RoleText {
  const colon = rest.indexOf(":");
  let name: string;
  let statement: string;
  if (colon >= 0) {
    name = rest.slice(0, colon);
    statement = rest.slice(colon + 1);
  } else {
    const m = STATEMENT_START.exec(rest);
    name = m ? rest.slice(0, m.index) : rest;
    statement = m ? rest.slice(m.index) : "";
  }
  name = name.replace(/[\s.,;:–—-]+$/, "").trim();
  // "We will ..." without a name is not a role, whatever the prefix said.
  if (/^(?:we|to|our)\b/i.test(name)) return { name: "", statement: rest.trim() };
  return { name: capitalise(name), statement: statement.trim() };
}

/** "Community Leader" → "CL"; used for action references when the file has none. */
export function roleAbbreviation(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return "R";
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return words.map((w) => w[0].toUpperCase()).join("").slice(0, 4);
}
