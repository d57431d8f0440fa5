/**
 * What the tab's meeting features need from the app package: the resource-specific consent permissions to share
 * the review to the meeting stage (without them Teams answers error 1000) and for the server to read a meeting's
 * scheduled date through the bot API; the meeting contexts of the configurable tab; and the tab's own host among
 * the valid domains (the stage URL must be in them, or Teams answers 501).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppPackage } from "../../src/config/app-package.ts";
import { loadPackageSettings } from "../../src/config/package-settings.ts";

const work = mkdtempSync(join(tmpdir(), "eap-meeting-manifest-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ENV = {
  TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111",
  EAP_CLIENT_ID: "22222222-2222-4222-8222-222222222222",
  EAP_BOT_ID: "33333333-3333-4333-8333-333333333333",
  EAP_PUBLIC_HOST: "eap.maidstone.example.gov.uk",
  EAP_SITE_URL: "https://contoso.sharepoint.com/sites/equality",
};

describe("meeting permissions in the app package", () => {
  it("asks for the meeting stage (chats and channels) and the meeting's basic details, by resource-specific consent", async () => {
    const out = join(work, "appPackage.zip");
    await buildAppPackage({ settings: loadPackageSettings({}, ENV, { appVersion: "0.1.0" }), outFile: out });
    const m = JSON.parse(await (await JSZip.loadAsync(readFileSync(out))).file("manifest.json")!.async("string"));
    expect(m.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([
        { name: "MeetingStage.Write.Chat", type: "Delegated" },
        { name: "ChannelMeetingStage.Write.Group", type: "Delegated" },
        { name: "OnlineMeeting.ReadBasic.Chat", type: "Application" },
        { name: "ChannelMeeting.ReadBasic.Group", type: "Application" },
      ]),
    );
    const tab = m.configurableTabs[0];
    expect(tab.context).toEqual(expect.arrayContaining(["meetingSidePanel", "meetingStage"]));
    expect(tab.meetingSurfaces).toEqual(expect.arrayContaining(["sidePanel", "stage"]));
    expect(m.validDomains).toContain(ENV.EAP_PUBLIC_HOST);
  });
});
