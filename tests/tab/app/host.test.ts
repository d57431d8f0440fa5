/** Where a host context opens the tab: a deep-linked action, the review in a meeting, the configuration page. */
import { describe, expect, it } from "vitest";
import { routeFromSubEntityId } from "../../../src/domain/deep-links.ts";
import { initialRouteFor, STANDALONE } from "../../../src/tab/app/host.ts";

describe("host contexts", () => {
  it("opens a deep-linked action, the review in a meeting, and the config page when Teams asks for settings", () => {
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, subEntityId: "action-12" }, routeFromSubEntityId)).toBe("#/actions/12");
    // An EqIA review nudge's deep link opens the assessment; anything else opens My actions.
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, subEntityId: "eqia-3" }, routeFromSubEntityId)).toBe("#/eqias/3");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, subEntityId: "eqia-x" }, routeFromSubEntityId)).toBeNull();
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "sidePanel" }, routeFromSubEntityId)).toBe("#/review");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "meetingStage" }, routeFromSubEntityId)).toBe("#/review");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "settings" }, routeFromSubEntityId)).toBe("#/config");
    expect(initialRouteFor({ ...STANDALONE, inTeams: true, frameContext: "content" }, routeFromSubEntityId)).toBeNull();
  });
});
