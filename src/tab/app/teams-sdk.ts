/**
 * The part of teams-js start-up uses (app: initialize, context, theme). Imported on demand through this module, so
 * the bundle keeps only what is used; views that need more (pages, meeting) import it themselves.
 */
export { app } from "@microsoft/teams-js";
