/** Microsoft Graph: the only place that knows it. Installing the app for people, the directory, and mail. */
export { GraphClient, type GraphClientOptions, type GraphStats } from "./client.ts";
export { GraphError, type GraphFailureReason } from "./errors.ts";
export { chatIdFor, findCatalogAppId, installForUser } from "./teams-apps.ts";
export { type DirectoryState, directoryState } from "./users.ts";
export { type Mail, Mailer } from "./mail.ts";
export { GRAPH_BASE_URL, GRAPH_ROLES, GRAPH_SCOPE, type GraphAppCredentials, type GraphTokenProvider, graphAppToken } from "./auth.ts";
