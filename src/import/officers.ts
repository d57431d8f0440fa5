/**
 * Responsible officers are kept as written (teams) and, where the text names someone the site knows, matched to
 * that person: an email address or sign-in name anywhere in the text, a person's name, or their job title ("Data
 * Intelligence Officer"). A known person is named by their sign-in name (UPN), which may differ from their email;
 * an address nobody on the site has is kept as written, for SharePoint to resolve. Matches are ordered as they
 * appear, so the first named is the accountable owner.
 */
import type { KnownPerson } from "./types.ts";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrase = (s: string) => new RegExp(`(?:^|[^A-Za-z])${escapeRegExp(s).replace(/\s+/g, "\\s+")}(?![A-Za-z])`, "i");

export function matchOfficers(text: string, people: readonly KnownPerson[] = []): string[] {
  const found: Array<{ at: number; login: string }> = [];
  const byAddress = new Map<string, string>();
  for (const p of people) for (const a of [p.login, p.email]) if (a) byAddress.set(a.toLowerCase(), p.login.toLowerCase());
  for (const m of text.matchAll(EMAIL)) {
    const address = m[0].toLowerCase();
    found.push({ at: m.index ?? 0, login: byAddress.get(address) ?? address });
  }
  for (const p of people) {
    const keys = [p.name];
    const title = p.jobTitle?.split(",")[0]?.trim();
    // A one-word title ("Procurement") would match too much; two words or more are specific enough.
    if (title && title.split(/\s+/).length >= 2) keys.push(title);
    for (const k of keys) {
      if (!k.trim()) continue;
      const m = phrase(k).exec(text);
      if (m) found.push({ at: m.index, login: p.login.toLowerCase() });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.login))];
}
