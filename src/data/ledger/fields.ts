/** The reminder ledger list: one row per nudge, whose unique key makes each reminder happen once (system list). */
import { LEDGER_STATES } from "../../domain/constants.ts";
import type { ListDef } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const LEDGER_LIST: ListDef = {
  key: "ledger",
  title: LIST_TITLES.ledger,
  description: "One row per reminder (action, lead time, officer); the unique key makes each nudge happen once.",
  versioning: false,
  titleLabel: "Reminder",
  fields: [
    { name: "NudgeKey", title: "Key", type: "Text", maxLength: 255, indexed: true, unique: true, required: true },
    { name: "ActionRef", title: "Action id", type: "Number", indexed: true, required: true },
    { name: "Officer", title: "Officer", type: "User", indexed: true },
    { name: "LeadTime", title: "Lead time", type: "Text", maxLength: 32 },
    { name: "RunAt", title: "Run at", type: "DateTime", indexed: true },
    { name: "LedgerState", title: "State", type: "Choice", choices: LEDGER_STATES, indexed: true, required: true },
    { name: "SentAt", title: "Sent at", type: "DateTime" },
    { name: "Attempts", title: "Attempts", type: "Number" },
    { name: "MessageId", title: "Teams message id", type: "Text", maxLength: 255 },
    { name: "ConversationId", title: "Conversation id", type: "Text", maxLength: 255 },
  ],
};
