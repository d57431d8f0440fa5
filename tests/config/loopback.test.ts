/**
 * Loopback, decided strictly: development tokens are read unverified and the bot may skip authentication locally,
 * so a host that only looks local must not pass. Written as the attacks.
 */
import { describe, expect, it } from "vitest";
import { isLoopbackHost, isLoopbackUrl } from "../../src/config/loopback.ts";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost"])("accepts %s", (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });

  it.each([
    ["a DNS name that starts with 127.", "127.evil.example"],
    ["a DNS name that starts with localhost", "localhost.evil.example"],
    ["localhost with a trailing dot (another name to a resolver)", "localhost."],
    ["every interface", "0.0.0.0"],
    ["every IPv6 interface", "::"],
    ["a private address", "10.0.0.4"],
    ["IPv4 shorthand a resolver may expand anywhere", "127.1"],
    ["an IPv4-mapped IPv6 address", "::ffff:127.0.0.1"],
    ["an IPv6 zone id", "::1%lo"],
    ["the empty string", ""],
    ["a differently cased localhost", "LOCALHOST"],
  ])("refuses %s (%s)", (_why, h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
});

describe("isLoopbackUrl", () => {
  it.each(["http://127.0.0.1:4321/sites/edi", "http://localhost:4321/sites/edi", "http://[::1]:4321/sites/edi", "https://127.0.0.1/sites/edi", "http://127.1:4321/sites/edi"])(
    "accepts %s",
    (u) => {
      expect(isLoopbackUrl(u)).toBe(true);
    },
  );

  it.each([
    "http://127.evil.example:4321/sites/edi",
    "http://localhost.evil.example/sites/edi",
    "http://127.0.0.1@evil.example/sites/edi",
    "http://evil.example#@127.0.0.1/",
    "ftp://127.0.0.1/sites/edi",
    "127.0.0.1:4321/sites/edi",
    "https://contoso.sharepoint.com/sites/edi",
  ])("refuses %s", (u) => {
    expect(isLoopbackUrl(u)).toBe(false);
  });
});
