/** The roles list: the roles that frame a plan (Community Leader, Service Provider, Employer). */
import { importKeyField, type ListDef, planLookupField, sortOrderField } from "../schema/vocabulary.ts";
import { LIST_TITLES } from "../schema/list-titles.ts";

export const ROLES_LIST: ListDef = {
  key: "roles",
  title: LIST_TITLES.roles,
  description: "The roles that frame a plan (Community Leader, Service Provider, Employer).",
  versioning: true,
  titleLabel: "Role",
  fields: [planLookupField, { name: "Statement", title: "Role statement", type: "Note" }, sortOrderField, importKeyField],
};
