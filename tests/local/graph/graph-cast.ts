/** The directory and tokens the Graph suites share: the cast plus a guest, a person the app policy blocks and one without a Teams licence. */
import { appToken, CAST, CAST_DIRECTORY, tokenFor } from "../helpers";

export const GUEST = { id: "a1000000-0000-4000-8000-000000000007", userPrincipalName: "gail_fabrikam.test#EXT#@contoso.onmicrosoft.test", mail: "gail@fabrikam.test", displayName: "Gail Guest", accountEnabled: true, deleted: false };
export const BLOCKED = { id: "a2000000-0000-4000-8000-000000000008", userPrincipalName: "fred.blocked@contoso.test", mail: "fred.blocked@contoso.test", displayName: "Fred Blocked", accountEnabled: true, deleted: false, appPolicyBlocked: true };
export const UNLICENSED = { id: "a3000000-0000-4000-8000-000000000009", userPrincipalName: "una.unlicensed@contoso.test", mail: null, displayName: "Una Unlicensed", accountEnabled: true, deleted: false, teamsLicensed: false };
export const GRAPH_DIRECTORY = [...CAST_DIRECTORY, GUEST, BLOCKED, UNLICENSED];

/** The bot's app registration and the Teams app's manifest id (the catalog gives it another id). */
export const BOT_APP = "b0700000-0000-4000-8000-0000000000b0";
export const MANIFEST_ID = "6c2f8a8e-3d4b-4f2a-9a11-1b2c3d4e5f60";

export const botToken = (roles: string[]) => appToken(BOT_APP, roles);
export const INSTALLER = botToken(["TeamsAppInstallation.ReadWriteSelfForUser.All", "AppCatalog.Read.All", "User.Read.All"]);
export const annWith = (scp: string) => tokenFor(CAST.ann, { scp });
