/**
 * This device's copy of the first view (who I am on the site, the EDI group, the plans, my actions), so that a
 * repeat visit shows My actions at once, marked with its age, while the same single request refreshes it.
 *
 * - Per person and per site: keyed by the Entra object id and the site URL; a copy is only ever read for the
 *   person the host or the token names.
 * - No more than that person could read: it holds exactly what their own first read returned, replaced whole by
 *   each fresh read, and dropped when a read says they are no longer allowed (401/403).
 * - Never a source for writes: actions are stored without their ETag, so nothing can be written from the copy;
 *   the action view reads the item (and its ETag) afresh before any change.
 * - One person at a time: a fresh read for one person removes other people's copies, and signing out removes all.
 */
import type { ActionRecord } from "../../data/actions/mapping.ts";
import type { Member } from "../../data/members/mapping.ts";
import type { Person, Plan } from "../../domain/types.ts";

export interface FirstView {
  me: Person;
  members: Member[];
  plans: Plan[];
  myActions: ActionRecord[];
}

export interface CachedFirstView extends FirstView {
  /** When this copy was read from SharePoint (ISO instant). */
  savedAt: string;
}

const PREFIX = "eap.firstView.v1|";
const keyOf = (siteUrl: string, oid: string) => `${PREFIX}${siteUrl.toLowerCase()}|${oid.toLowerCase()}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (privacy settings): the tab works without a copy
  }
}

function isFirstView(v: unknown): v is CachedFirstView {
  const c = v as Partial<CachedFirstView> | null;
  return (
    !!c &&
    typeof c.savedAt === "string" &&
    !Number.isNaN(Date.parse(c.savedAt)) &&
    typeof c.me?.id === "number" &&
    Array.isArray(c.members) &&
    Array.isArray(c.plans) &&
    Array.isArray(c.myActions)
  );
}

export function readFirstView(siteUrl: string, oid: string): CachedFirstView | null {
  const raw = storage()?.getItem(keyOf(siteUrl, oid));
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isFirstView(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keeps the fresh first view for this person and site, and removes every other person's copy on this device. */
export function saveFirstView(siteUrl: string, oid: string, view: FirstView, savedAt: Date): void {
  const s = storage();
  if (!s) return;
  const mine = keyOf(siteUrl, oid);
  const others = keysWithPrefix(s).filter((k) => !k.endsWith(`|${oid.toLowerCase()}`));
  for (const k of others) s.removeItem(k);
  const copy: CachedFirstView = { ...view, myActions: view.myActions.map((a) => ({ ...a, etag: undefined })), savedAt: savedAt.toISOString() };
  try {
    s.setItem(mine, JSON.stringify(copy));
  } catch {
    s.removeItem(mine); // quota: better no copy than a stale one
  }
}

/** Removes this person's copy for this site (their access changed: nothing of it may be shown again). */
export function dropFirstView(siteUrl: string, oid: string): void {
  storage()?.removeItem(keyOf(siteUrl, oid));
}

/** Signing out: no copy of anyone's first view stays on this device. */
export function clearFirstViews(): void {
  const s = storage();
  if (s) for (const k of keysWithPrefix(s)) s.removeItem(k);
}

function keysWithPrefix(s: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) out.push(k);
  }
  return out;
}
