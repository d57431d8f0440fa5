/**
 * OData `$filter` text for the few shapes our queries use. Every value goes through `literal`, so a quote in a
 * person's UPN, an import key or a period can never end the string early and change the query (SharePoint's
 * OData escapes a single quote by doubling it).
 */

/** A value written into the filter as it is, e.g. `datetime'2024-06-28T00:00:00Z'`. */
export interface ODataRaw {
  readonly odata: string;
}

export type ODataValue = string | number | boolean | ODataRaw;

/** A string literal: `O'Brien` → `'O''Brien'`. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A DateTime literal for an instant SharePoint can compare with (ISO 8601, UTC). */
export function datetime(instant: string): ODataRaw {
  return { odata: `datetime'${instant}'` };
}

export function literal(v: ODataValue): string {
  if (typeof v === "string") return quote(v);
  if (typeof v === "object") return v.odata;
  return String(v);
}

export const eq = (field: string, v: ODataValue): string => `${field} eq ${literal(v)}`;
export const ne = (field: string, v: ODataValue): string => `${field} ne ${literal(v)}`;
export const gt = (field: string, v: ODataValue): string => `${field} gt ${literal(v)}`;
export const ge = (field: string, v: ODataValue): string => `${field} ge ${literal(v)}`;
export const le = (field: string, v: ODataValue): string => `${field} le ${literal(v)}`;

/** Joins the clauses that are present; an absent one (undefined, false, "") is left out. */
export function and(...clauses: Array<string | false | null | undefined>): string {
  return clauses.filter(Boolean).join(" and ");
}

/** A clause in parentheses, so that an `or` inside it cannot escape into the surrounding `and`s. */
export function grouped(clause: string | undefined): string | undefined {
  return clause ? `(${clause})` : undefined;
}
