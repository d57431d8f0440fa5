/**
 * What counts as loopback, decided strictly. Development tokens are read without verification and the bot can be
 * told to skip authentication locally, so everything that relaxes authentication must stay on this machine: a
 * host is loopback only when it is an IP literal in 127.0.0.0/8, the IPv6 literal ::1, or exactly `localhost`.
 * A name that merely starts with "127." (`127.evil.example`) is a DNS name anyone can point anywhere.
 */
import { isIPv4, isIPv6 } from "node:net";

/** A host as given to listen() or found in a URL: "127.0.0.1", "::1", "[::1]" or "localhost". */
export function isLoopbackHost(host: string): boolean {
  const h = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (h === "localhost") return true;
  if (isIPv4(h)) return h.split(".")[0] === "127";
  // Every spelling of ::1 (0:0:0:0:0:0:0:1, ::0:1) is the same address; the URL parser prints it as [::1].
  // A zone id (::1%lo) is not a URL host, and not something to listen on here.
  if (isIPv6(h)) return URL.canParse(`http://[${h}]/`) && new URL(`http://[${h}]/`).hostname === "[::1]";
  return false;
}

/** An absolute http(s) URL whose host is loopback (the URL parser has already normalised 127.1 to 127.0.0.1). */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return (u.protocol === "http:" || u.protocol === "https:") && isLoopbackHost(u.hostname);
}
