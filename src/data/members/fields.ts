/** The members list: the equalities lead and the EDI group. */
import type { ListDef } from "../schema/vocabulary.ts";

export const MEMBERS_LIST: ListDef = {
  key: "members",
  title: "EAP Members",
  description: "The equalities lead and EDI group members: they may act on any action and run reviews.",
  versioning: true,
  titleLabel: "Name",
  fields: [
    { name: "Person", title: "Person", type: "User", indexed: true, unique: true, required: true },
    { name: "MemberRole", title: "Role", type: "Choice", choices: ["equalities-lead", "edi-group"], required: true },
    { name: "JobTitle", title: "Job title", type: "Text", maxLength: 255 },
  ],
};
