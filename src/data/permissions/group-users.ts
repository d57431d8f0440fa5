/**
 * Reading who is in an EAP site group, light enough for the tab's first view: one request by the group's name,
 * through PnPjs's core collection (the site-groups module, with role assignments and group administration, stays
 * with provisioning in groups.ts). The request is issued at once, with no callSharePoint around it, so that inside a
 * batched SPFI it shares the $batch (the tab's first view).
 */
import { SPCollection } from "@pnp/sp";
import type { SPFI } from "../create-sp.ts";
import { SITE_USER_SELECT, type SiteUserInfo } from "../people/mapping.ts";
import { EAP_GROUPS, type EapGroupKey } from "./model.ts";

export function groupUsers(sp: SPFI, key: EapGroupKey): Promise<SiteUserInfo[]> {
  const title = EAP_GROUPS[key].title.replace(/'/g, "''");
  return SPCollection(sp.web, `sitegroups/getByName('${title}')/users`).select(...SITE_USER_SELECT)() as Promise<SiteUserInfo[]>;
}
