/** Which service URLs may receive the bot's token: Teams' hosts exactly; loopback only in local mode. */
import { describe, expect, it } from "vitest";
import { isAllowedServiceUrl, serviceUrlProblem } from "../../../src/bot/sending/service-url.ts";

const teams = { allowLoopback: false };
const local = { allowLoopback: true };

describe("service URLs", () => {
  it("accepts Teams' Bot Connector hosts of the public and government clouds, whatever the regional path", () => {
    for (const url of [
      "https://smba.trafficmanager.net/teams/",
      "https://smba.trafficmanager.net/amer/",
      "https://smba.trafficmanager.net:443/emea/",
      "https://SMBA.trafficmanager.net/uk/",
      "https://smba.infra.gcc.teams.microsoft.com/teams",
      "https://smba.infra.gov.teams.microsoft.us/teams",
      "https://smba.infra.dod.teams.microsoft.us/teams",
    ])
      expect(isAllowedServiceUrl(url, teams), url).toBe(true);
  });

  it("refuses lookalikes, other schemes and ports, user info, and anything else", () => {
    for (const url of [
      "https://evil.example/teams/",
      "https://smba.trafficmanager.net.evil.example/",
      "https://evil-smba.trafficmanager.net/",
      "https://emea.smba.trafficmanager.net/",
      "http://smba.trafficmanager.net/teams/",
      "https://smba.trafficmanager.net:8443/teams/",
      "https://user:pass@smba.trafficmanager.net/teams/",
      "https://smba.trafficmanager.net/teams/?redirect=https://evil.example",
      "not a url",
      "",
    ])
      expect(isAllowedServiceUrl(url, teams), url).toBe(false);
    expect(serviceUrlProblem("https://evil.example/x", teams)).toBe("evil.example is not a Teams service host");
  });

  it("accepts loopback only in local mode", () => {
    for (const url of ["http://127.0.0.1:3978/", "http://localhost:56150/", "http://[::1]:4000/"]) {
      expect(isAllowedServiceUrl(url, teams), url).toBe(false);
      expect(isAllowedServiceUrl(url, local), url).toBe(true);
    }
    expect(isAllowedServiceUrl("http://10.0.0.5/", local)).toBe(false);
    expect(isAllowedServiceUrl("https://evil.example/", local)).toBe(false);
  });
});
