/**
 * startLocalSharePoint(): the sites in the data directory, the dispatcher in front of them and the loopback
 * listener, wired together. What each part does is in site/, http/, api/ and store/.
 */
import { Dispatcher } from "./http/dispatch";
import { listen } from "./http/listener";
import { Stats } from "./http/stats";
import { GraphStore } from "./graph/graph-store";
import { type LocalSharePoint, type LocalSharePointOptions, resolveSettings } from "./options";
import { SiteRegistry } from "./site/site-registry";

export type { LocalSharePoint, LocalSharePointOptions } from "./options";

export async function startLocalSharePoint(options: LocalSharePointOptions): Promise<LocalSharePoint> {
  const settings = resolveSettings(options);
  const sites = new SiteRegistry(settings.dataDir, settings);
  for (const s of settings.sites) sites.open(s);
  // --grant: scripts grant the app on every site served, as an administrator would through Graph.
  for (const site of sites.all()) for (const [appId, role] of settings.grants) site.grants.grant(appId, appId, [role]);
  let baseUrl = "";
  const siteUrl = (name: string) => `${baseUrl}/sites/${name}`;
  const graph = new GraphStore(settings.dataDir);
  const dispatcher = new Dispatcher(settings, sites, new Stats(), siteUrl, graph);
  let listener: Awaited<ReturnType<typeof listen>>;
  try {
    listener = await listen(settings, () => baseUrl, (inc) => dispatcher.handle(inc));
  } catch (e) {
    sites.close();
    graph.close();
    throw e;
  }
  baseUrl = `http://${settings.host === "::1" ? "[::1]" : settings.host}:${listener.port}`;
  return {
    baseUrl,
    port: listener.port,
    siteUrl,
    close: async () => {
      await listener.close();
      sites.close();
      graph.close();
    },
  };
}
