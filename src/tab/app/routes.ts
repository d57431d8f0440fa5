/** Hash routes of the tab: `#/my` (default), `#/plan`, `#/actions/:id`, `#/due`, `#/config`, and `#/<feature>`. */
export type Route =
  | { name: "my" }
  | { name: "plan" }
  | { name: "action"; id: number }
  | { name: "due" }
  | { name: "config" }
  | { name: "feature"; feature: string }
  | { name: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/\?.*$/, "") || "/my";
  if (path === "/" || path === "/my") return { name: "my" };
  if (path === "/plan") return { name: "plan" };
  if (path === "/due") return { name: "due" };
  if (path === "/config") return { name: "config" };
  const action = /^\/actions\/(\d+)$/.exec(path);
  if (action) return { name: "action", id: Number(action[1]) };
  const feature = /^\/([a-z][a-z0-9-]*)$/.exec(path);
  if (feature) return { name: "feature", feature: feature[1] };
  return { name: "not-found", path };
}
