/**
 * People as SharePoint hands them over: expanded person columns (`Owner/Title` …) and site users. Email is for
 * display and for matching imported text only; a person without a mailbox shows their UPN instead.
 */
import type { Person } from "../../domain/types.ts";

/** The $select of an expanded person column (expand the column itself too). */
export const PERSON_PROJECTION = (field: string) => [`${field}/Id`, `${field}/Title`, `${field}/EMail`];

export function personFrom(value: unknown): Person | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { Id?: number; Title?: string; EMail?: string; Email?: string };
  if (!v.Id) return null;
  return { id: v.Id, name: v.Title ?? "", email: v.EMail ?? v.Email ?? "" };
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

export const siteUserToPerson = (u: SiteUserInfo): Person => ({ id: u.Id, name: u.Title, email: u.Email || u.UserPrincipalName || "" });
