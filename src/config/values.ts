/**
 * The kinds of value a setting can take, as zod schemas that accept what arrives from the environment or a flag (a
 * string) and what a caller passes as an option (a number, a boolean). Each message says what is expected; the
 * value itself is appended by the reader (./read-settings.ts), unless the setting is secret.
 */
import { Cron } from "croner";
import { z } from "zod";

export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export const guid = (what: string) => z.string().regex(GUID, `must be a GUID (the ${what})`);

export const text = () => z.string().min(1);

/** Accepted spellings of a yes/no setting; App Service and .env files write strings. */
export const bool = () =>
  z.union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })]).transform((v) => v === true || v === "true" || v === "1" || v === "yes");

export const int = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d+$/, "must be a whole number")])
    .transform(Number)
    .pipe(z.number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** An absolute http(s) URL, kept without trailing slashes (site URLs are joined with paths). */
export const httpUrl = (message = "is not an absolute http(s) URL") =>
  z
    .string()
    .refine((s) => /^https?:\/\/[^/]+/i.test(s) && URL.canParse(s), message)
    .transform((s) => s.replace(/\/+$/, ""));

export const httpsUrl = (what: string) => z.string().regex(/^https:\/\/[^\s/]+(\/\S*)?$/i, `must be an https:// URL (${what})`);

/** A public DNS host name: no scheme, port or path (Teams' validDomains and the NAA redirect take it as is). */
export const hostName = () =>
  z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, "must be a public DNS host name without scheme, port or path, e.g. eap.contoso.gov.uk");

export const cron = () =>
  z.string().refine((s) => {
    try {
      new Cron(s, { paused: true, timezone: "Europe/London" }).stop();
      return true;
    } catch {
      return false;
    }
  }, "is not a valid cron expression (five fields, e.g. 0 9 * * 1-5)");

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message?: string) =>
  z.enum(values, { error: message ?? `must be one of ${values.join(", ")}` });

/**
 * A certificate thumbprint: SHA-256 (64 hex digits, what MSAL sends as x5t#S256) or SHA-1 (40, which msal-node keeps
 * only for old ADFS and marks deprecated). The kind follows from the length, here and in src/data/auth/msal-node.ts.
 */
export const thumbprint = () =>
  z.string().regex(/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/, "must be the certificate's SHA-256 thumbprint (64 hex digits; a SHA-1 thumbprint of 40 is still accepted)");

export const isSha1Thumbprint = (t: unknown): boolean => typeof t === "string" && /^[0-9a-fA-F]{40}$/.test(t);

export const email = () => z.string().email("is not an email address");
