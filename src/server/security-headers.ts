/**
 * Response headers for every answer of the production server. The Content-Security-Policy is what lets Teams (and
 * Outlook / the Microsoft 365 app, which host Teams tabs too) frame the tab and nothing else, and limits the tab's
 * network access to its own origin, the council's SharePoint and Entra sign-in.
 *
 * frame-ancestors: Microsoft's documented list for Teams tabs ("Tab requirements", learn.microsoft.com):
 * *.cloud.microsoft (all hosts, new domain), teams.microsoft.com, *.teams.microsoft.com, *.microsoft365.com,
 * *.office.com, outlook.office.com, outlook.office365.com, outlook-sdf.office.com, outlook-sdf.office365.com.
 */
import type { ServerResponse } from "node:http";

export const FRAME_ANCESTORS = [
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
];

export function contentSecurityPolicy(siteUrl: string): string {
  const sharePoint = new URL(siteUrl).origin;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // The built tab is plain module scripts from this origin; nothing inline, nothing from a CDN.
    "script-src": ["'self'"],
    // Fluent UI v9 (Griffel) inserts its style rules at run time, which CSP treats as inline styles.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", sharePoint],
    "font-src": ["'self'", "data:"],
    // SharePoint REST (the data), Entra sign-in (nested app authentication / MSAL), and the Microsoft CDN list of
    // valid Teams host domains that teams-js fetches at start (it falls back to a built-in list when refused).
    "connect-src": ["'self'", sharePoint, "https://login.microsoftonline.com", "https://res.cdn.office.net"],
    "frame-src": ["'self'", "https://login.microsoftonline.com"],
    "frame-ancestors": ["'self'", ...FRAME_ANCESTORS],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

export function securityHeaders(siteUrl: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(siteUrl),
    // Two years, the HSTS preload list's minimum; App Service terminates TLS in front of us.
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

export function applyHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
}
