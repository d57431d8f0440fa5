/**
 * Conversions between SharePoint column values and domain values, shared by every entity's mapping. Reads validate
 * nothing beyond shape: SharePoint is the source of truth and people may edit lists in SharePoint's own UI.
 */
import { SINGLE_LINE_MAX } from "../domain/constants.ts";

/** A text column's value; null and absent read as "". */
export const textOf = (v: unknown): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

/** A number column's value; absent or unreadable reads as 0. */
export const numberOf = (v: unknown): number => (typeof v === "number" ? v : Number(v) || 0);

/** Single-line text columns hold 255 characters; a longer value would be refused by SharePoint. */
export const clip = (s: string, max = SINGLE_LINE_MAX): string => (s.length <= max ? s : s.slice(0, max));

/*
 * Date-only values depend on the site's time zone: see SiteDates in site-time-zone.ts (toSpDate, fromSpDate).
 */

/** An instant as SharePoint writes it: UTC, whole seconds. */
export function toSpInstant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function fromSpInstant(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? new Date(value).toISOString() : null;
}

/**
 * Lists of short texts (why it matters, outcomes, measures) are kept one item per line in a multi-line column, so
 * they read naturally in SharePoint's own list view. A line break inside an item becomes an indented continuation
 * line, and is restored on reading.
 */
export function toLines(list: readonly string[]): string {
  return list
    .map((item) =>
      item
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l, i) => (i === 0 ? l : `    ${l}`))
        .join("\n"),
    )
    .filter(Boolean)
    .join("\n");
}

export function fromLines(value: unknown): string[] {
  if (typeof value !== "string") return [];
  const out: string[] = [];
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^\s/.test(raw) && out.length > 0) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

/** Characteristic keys, "; "-separated (readable in SharePoint's own list view). */
export function toKeys(keys: readonly string[]): string {
  return keys.join("; ");
}

export function fromKeys(value: unknown): string[] {
  if (typeof value !== "string") return [];
  return value
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Title is single-line text: keep the first 255 characters, cut at a word where possible. */
export function shortTitle(text: string, max = SINGLE_LINE_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Multi-value person and lookup ids come as an array (minimal metadata) or { results } (verbose). */
export function idList(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  if (value && typeof value === "object" && Array.isArray((value as { results?: unknown[] }).results)) {
    return idList((value as { results: unknown[] }).results);
  }
  return [];
}

export function idOrNull(value: unknown): number | null {
  const n = Number(value);
  return value === null || value === undefined || !Number.isFinite(n) || n <= 0 ? null : n;
}

/**
 * A key for one write, kept in the item's WriteKey column: if the reply to the write is lost and the retry is
 * refused (412, the ETag moved), finding our key on the item shows the write landed.
 */
export function newWriteKey(): string {
  return globalThis.crypto.randomUUID();
}

export function etagOf(item: Record<string, unknown>): string | undefined {
  const e = item["odata.etag"] ?? (item.__metadata as { etag?: string } | undefined)?.etag;
  return typeof e === "string" ? e : undefined;
}
