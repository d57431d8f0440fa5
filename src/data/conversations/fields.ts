/** The conversations list: the reminder bot's Teams conversation reference for each person (system list). */
import { REACH_PROBLEMS } from "../../domain/constants.ts";
import type { ListDef } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const CONVERSATIONS_LIST: ListDef = {
  key: "conversations",
  title: LIST_TITLES.conversations,
  description: "Teams conversation references the reminder bot uses to reach people (one per person).",
  versioning: false,
  titleLabel: "User principal name",
  fields: [
    { name: "UserObjectId", title: "Entra object id", type: "Text", maxLength: 64, indexed: true, unique: true, required: true },
    { name: "Upn", title: "UPN", type: "Text", maxLength: 255, indexed: true },
    { name: "DisplayName", title: "Display name", type: "Text", maxLength: 255 },
    // Empty for someone the bot cannot reach in Teams (installation refused): the row then records why.
    { name: "ConversationId", title: "Conversation id", type: "Text", maxLength: 255 },
    { name: "ServiceUrl", title: "Service URL", type: "Text", maxLength: 255 },
    { name: "TenantId", title: "Tenant id", type: "Text", maxLength: 64 },
    { name: "Unreachable", title: "Unreachable", type: "Boolean", indexed: true },
    { name: "UnreachableReason", title: "Why unreachable", type: "Text", maxLength: 255 },
    { name: "ReachProblem", title: "Reach problem", type: "Choice", choices: REACH_PROBLEMS, indexed: true },
    { name: "Failures", title: "Failed sends in a row", type: "Number" },
    { name: "Mail", title: "Mail (from the directory)", type: "Text", maxLength: 255 },
    { name: "CheckedAt", title: "Checked at", type: "DateTime" },
  ],
};
