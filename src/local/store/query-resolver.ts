/**
 * Resolves a property path of a query ($filter, $orderby) against a list's columns: `Status`, `OwnerId`,
 * `Owner/EMail` (a property of the site user a person column points at) or `Plan/Title` (a column of the item a
 * lookup column points at).
 */
import { Errors } from "../errors";
import { isMultiValued, isRef, restName } from "../model/field-model";
import type { ListMeta } from "../model/list-model";
import type { ListStore } from "./list-store";
import { q, type Resolved, type Resolver } from "./sql-builder";

/** `Owner/<sub>` -> the `_users` column and its value kind. */
const USER_COLUMNS: Record<string, [string, "number" | "text"]> = {
  id: ["id", "number"],
  title: ["title", "text"],
  email: ["email", "text"],
  name: ["login_name", "text"],
  username: ["upn", "text"],
  userprincipalname: ["upn", "text"],
};

export function queryResolver(lists: ListStore, list: ListMeta): Resolver {
  return {
    resolve: (path: string[], src: string): Resolved => {
      const [head, sub] = path;
      if (path.length > 2) throw Errors.badExpression(src);
      if (path.length === 1) {
        if (head === "Id" || head === "ID") return { type: "column", field: list.fields[0], sql: "ID", indexed: true };
        const f =
          list.fields.find((x) => restName(x) === head) ??
          list.fields.find((x) => !isRef(x) && x.internalName.toLowerCase() === head.toLowerCase()) ??
          list.fields.find((x) => isRef(x) && restName(x).toLowerCase() === head.toLowerCase());
        if (!f) {
          const ref = list.fields.find((x) => isRef(x) && x.internalName === head);
          if (ref) throw Errors.badExpression(src, `Use '${head}Id' or '${head}/<property>' for the ${ref.kind.toLowerCase()} column '${head}'.`);
          throw Errors.columnInQuery(head);
        }
        return { type: "column", field: f, sql: q(f.column), indexed: f.indexed && !isMultiValued(f) };
      }
      const f = list.fields.find((x) => isRef(x) && x.internalName === head);
      if (!f) throw Errors.columnInQuery(head);
      if (f.kind === "User") {
        const m = USER_COLUMNS[sub.toLowerCase()];
        if (!m) throw Errors.columnInQuery(`${head}/${sub}`);
        if (m[0] === "id") return { type: "column", field: f, sql: q(f.column), indexed: f.indexed && !f.multi };
        return { type: "user", field: f, sql: q(f.column), userColumn: m[0], userKind: m[1] };
      }
      const target = lists.byId(f.lookupList ?? "");
      if (!target) throw Errors.listIdNotFound();
      if (sub === "Id" || sub === "ID") return { type: "column", field: f, sql: q(f.column), indexed: f.indexed && !f.multi };
      const tf = target.fields.find((x) => x.internalName === sub);
      if (!tf || isRef(tf)) throw Errors.columnInQuery(`${head}/${sub}`);
      return { type: "lookup", field: f, sql: q(f.column), table: target.table, target: tf };
    },
  };
}
