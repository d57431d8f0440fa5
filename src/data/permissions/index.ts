/** The site's permission model: the EAP site groups and the lists' own role assignments (docs/security.md). */
export * from "./groups.ts";
export * from "./list-permissions.ts";
export * from "./model.ts";
export * from "./provision-permissions.ts";
