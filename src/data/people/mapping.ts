/**
 * People as SharePoint hands them over: expanded person columns (`Owner/Title` …) and site users. People are
 * matched on their UPN, from the claims login `i:0#.f|membership|<upn>` (`Name`), never on their email, which is
 * for display and for matching imported text only (a person without a mailbox shows their UPN instead).
 */
import type { Person } from "../../domain/types.ts";

/**
 * The $select of an expanded person column (expand the column itself too). `email: false` for multi-value columns:
 * projecting EMail of one fails the whole query (HTTP 500 "Cannot get value for projected field …_x005f_EMail")
 * when anyone in it has no mailbox (SharePoint/sp-dev-docs#10562, pnp/pnpjs#778).
 */
export const PERSON_PROJECTION = (field: string, opts: { email?: boolean } = {}) => [
  `${field}/Id`,
  `${field}/Title`,
  `${field}/Name`,
  ...(opts.email === false ? [] : [`${field}/EMail`]),
];

const MEMBERSHIP_CLAIM = /^i:0#\.f\|membership\|(.+)$/i;

/** The UPN in a claims login (`i:0#.f|membership|<upn>`), lower-case; "" for anything else (apps, groups, system). */
export function upnOfLogin(login: unknown): string {
  const m = typeof login === "string" ? MEMBERSHIP_CLAIM.exec(login) : null;
  return m ? m[1].toLowerCase() : "";
}

export function personFrom(value: unknown): Person | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { Id?: number; Title?: string; EMail?: string; Email?: string; Name?: string };
  if (!v.Id) return null;
  return { id: v.Id, name: v.Title ?? "", email: v.EMail ?? v.Email ?? "", upn: upnOfLogin(v.Name) };
}

export function peopleFrom(value: unknown): Person[] {
  const arr = Array.isArray(value) ? value : (value as { results?: unknown[] } | null)?.results;
  return (arr ?? []).map(personFrom).filter((p): p is Person => p !== null);
}

/** A site user (`web/currentUser`, `web/siteUsers`, `ensureUser`). */
export interface SiteUserInfo {
  Id: number;
  Title: string;
  Email?: string;
  UserPrincipalName?: string | null;
  LoginName?: string;
}

export const SITE_USER_SELECT = ["Id", "Title", "Email", "UserPrincipalName", "LoginName"] as const;

export const siteUserToPerson = (u: SiteUserInfo): Person => ({
  id: u.Id,
  name: u.Title,
  email: u.Email || u.UserPrincipalName || "",
  upn: (u.UserPrincipalName || upnOfLogin(u.LoginName)).toLowerCase(),
});
