/** Where a host context opens the tab: a deep-linked action, the review in a meeting, the configuration page. */
import { describe, expect, it } from "vitest";
import { actionIdFromSubEntityId } from "../../../src/domain/deep-links.ts";
import { initialRouteFor, STANDALONE } from "../../../src/tab/app/host.ts";

describe("host contexts", () => {
  it("opens a deep-linked action, the review in a meeting, and the config page when Teams asks for settings", () => {
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, subEntityId: "action-12" }, actionIdFromSubEntityId)).toBe("#/actions/12");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "sidePanel" }, actionIdFromSubEntityId)).toBe("#/review");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "meetingStage" }, actionIdFromSubEntityId)).toBe("#/review");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "settings" }, actionIdFromSubEntityId)).toBe("#/config");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "content" }, actionIdFromSubEntityId)).toBeNull();
  });
});
