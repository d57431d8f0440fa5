/** The roles list: the roles that frame a plan (Community Leader, Service Provider, Employer). */
import { importKeyField, type ListDef, planLookupField, sortOrderField } from "../schema/vocabulary.ts";

export const ROLES_LIST: ListDef = {
  key: "roles",
  title: "EAP Roles",
  description: "The roles that frame a plan (Community Leader, Service Provider, Employer).",
  versioning: true,
  titleLabel: "Role",
  fields: [planLookupField, { name: "Statement", title: "Role statement", type: "Note" }, sortOrderField, importKeyField],
};
