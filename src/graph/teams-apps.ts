/**
 * Installing the app for a person who never opened it, and finding the 1:1 chat its bot then has with them
 * (Microsoft Graph; application permission TeamsAppInstallation.ReadWriteSelfForUser.All: the app installs only
 * itself). Three requests per person: install (201, or 409 when it already is: both mean "installed"), find the
 * installation (`$filter=teamsApp/id eq '<catalog id>'`; "not installed" is 200 with an empty value) and read its
 * chat. The catalog id is the org catalog's own id for the app, looked up once by the manifest id (`externalId`):
 * installing by the manifest id is a 404.
 */
import type { GraphClient } from "./client.ts";
import { GraphError } from "./errors.ts";

const seg = (s: string) => encodeURIComponent(s);
const quoted = (s: string) => s.replace(/'/g, "''");

/** The org catalog's id for the app whose manifest id is given (AppCatalog.Read.All). */
export async function findCatalogAppId(graph: GraphClient, manifestId: string): Promise<string> {
  const r = await graph.request("GET", `/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${quoted(manifestId)}'`)}`, "Looking the app up in the Teams app catalog");
  const [app] = ((r.json as { value?: Array<{ id: string }> })?.value ?? []) as Array<{ id: string }>;
  if (!app) throw new GraphError("not-found", `The Teams app catalog has no app with the manifest id ${manifestId}: upload the app package to the org catalog (Teams admin centre).`);
  return app.id;
}

/** Installs the app in the person's personal scope; true when this call installed it, false when it already was. */
export async function installForUser(graph: GraphClient, user: string, catalogAppId: string): Promise<boolean> {
  try {
    await graph.request(
      "POST",
      `/users/${seg(user)}/teamwork/installedApps`,
      `Installing the app for ${user}`,
      { "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogAppId}` },
      { idempotent: true },
    );
    return true;
  } catch (err) {
    if (err instanceof GraphError && err.reason === "conflict") return false;
    throw err;
  }
}

/** The id of the chat between the person and the app's bot (a `19:…@unq.gbl.spaces` id; never parsed). */
export async function chatIdFor(graph: GraphClient, user: string, catalogAppId: string): Promise<string> {
  const filter = encodeURIComponent(`teamsApp/id eq '${quoted(catalogAppId)}'`);
  const list = await graph.request("GET", `/users/${seg(user)}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`, `Finding the app's installation for ${user}`);
  const [inst] = ((list.json as { value?: Array<{ id: string }> })?.value ?? []) as Array<{ id: string }>;
  if (!inst) throw new GraphError("not-found", `The app is not installed for ${user} after installing it.`);
  const chat = await graph.request("GET", `/users/${seg(user)}/teamwork/installedApps/${seg(inst.id)}/chat`, `Reading the bot's chat with ${user}`);
  const id = (chat.json as { id?: string } | undefined)?.id;
  if (!id) throw new GraphError("rejected", `Graph gave no chat id for ${user}.`);
  return id;
}
