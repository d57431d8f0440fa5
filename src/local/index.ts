/**
 * Local SharePoint: a stand-in for SharePoint Online's list REST API, backed by SQLite, for development and
 * integration tests (like Azurite for Azure Storage). It imports nothing else of ours on purpose: it must not share
 * the client's assumptions about SharePoint. See docs/local-sharepoint.md.
 */
export { startLocalSharePoint } from "./server";
export type { LocalSharePoint, LocalSharePointOptions } from "./options";
export { meetingRoute, type MeetingsStandIn, type StandInMeeting, startMeetingsStandIn } from "./teams/meetings";
