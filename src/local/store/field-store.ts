/**
 * Columns of a list: adding one adds a SQL column; `Indexed` and `EnforceUniqueValues` become SQL indexes, with
 * SharePoint's rules (unique needs an index, multi-value and multi-line columns cannot be indexed, at most 20
 * indexed columns per list, uniqueness cannot be turned on over duplicates).
 */
import { Codes, Errors, SpError } from "../errors";
import { type FieldDef, isMultiValued, sqlType } from "../model/field-model";
import type { ListMeta } from "../model/list-model";
import type { ListStore } from "./list-store";
import type { SiteDb } from "./site-db";
import { q } from "./sql-builder";

const MAX_INDEXES = 20;

const cannotIndex = (f: FieldDef) =>
  new SpError(400, Codes.spException, `The column '${f.internalName}' cannot be indexed: multiple lines of text and multi-value columns cannot be indexed.`);

export class FieldStore {
  constructor(
    private readonly db: SiteDb,
    private readonly lists: ListStore,
  ) {}

  byNameOrTitle(list: ListMeta, name: string): FieldDef | undefined {
    return (
      list.fields.find((f) => f.internalName === name) ??
      list.fields.find((f) => f.title === name) ??
      list.fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase() || f.title.toLowerCase() === name.toLowerCase())
    );
  }

  add(list: ListMeta, def: FieldDef): FieldDef {
    let name = def.internalName;
    // SharePoint makes internal names unique by appending a digit.
    for (let i = 0; list.fields.some((f) => f.internalName.toLowerCase() === name.toLowerCase()); i++) name = `${def.internalName}${i}`;
    if (list.fields.some((f) => f.title.toLowerCase() === def.title.toLowerCase())) {
      throw new SpError(500, Codes.fieldExists, `A duplicate field name "${def.title}" was found.`);
    }
    const f: FieldDef = { ...def, internalName: name, column: `f_${name}` };
    if (f.kind === "Lookup") {
      const target = f.lookupList ? this.lists.byId(f.lookupList) : undefined;
      if (!target) throw Errors.listIdNotFound();
      f.lookupList = target.id;
      if (f.lookupField !== "ID" && f.lookupField !== "Id" && !target.fields.some((t) => t.internalName === f.lookupField)) {
        throw Errors.fieldNotFound(f.lookupField ?? "");
      }
    }
    if ((f.indexed || f.unique) && isMultiValued(f)) throw cannotIndex(f);
    try {
      this.db.transaction(() => {
        this.db.sql.exec(`ALTER TABLE ${q(list.table)} ADD COLUMN ${q(f.column)} ${sqlType(f)}`);
        list.fields.push(f);
        this.applyIndex(list, f);
        this.lists.saveFields(list);
      });
    } catch (e) {
      // The transaction rolled the table back; keep the cached definition in step with it.
      list.fields = list.fields.filter((x) => x !== f);
      throw e;
    } finally {
      this.db.forgetStatements();
    }
    return f;
  }

  private applyIndex(list: ListMeta, f: FieldDef): void {
    const ix = q(`ix_${list.table}_${f.column}`);
    const ux = q(`ux_${list.table}_${f.column}`);
    if (f.indexed) {
      const count = list.fields.filter((x) => x.indexed && !x.builtin).length;
      if (count > MAX_INDEXES) throw new SpError(400, Codes.spException, `A list can have at most ${MAX_INDEXES} indexed columns.`);
      this.db.sql.exec(`CREATE INDEX IF NOT EXISTS ${ix} ON ${q(list.table)} (${q(f.column)})`);
    } else this.db.sql.exec(`DROP INDEX IF EXISTS ${ix}`);
    if (f.unique) {
      try {
        this.db.sql.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${ux} ON ${q(list.table)} (${q(f.column)})`);
      } catch {
        throw new SpError(500, Codes.spException, "This field contains duplicate values. Remove all duplicate values and try the operation again.");
      }
    } else this.db.sql.exec(`DROP INDEX IF EXISTS ${ux}`);
  }

  update(list: ListMeta, field: FieldDef, props: Record<string, unknown>): void {
    const next: FieldDef = { ...field };
    for (const [k, v] of Object.entries(props)) {
      if (k === "__metadata" || k.startsWith("odata.")) continue;
      switch (k) {
        case "Title":
          next.title = String(v);
          break;
        case "Description":
          next.description = String(v ?? "");
          break;
        case "Required":
          next.required = v === true;
          break;
        case "Hidden":
          next.hidden = v === true;
          break;
        case "Indexed":
          next.indexed = v === true;
          break;
        case "EnforceUniqueValues":
          next.unique = v === true;
          break;
        case "MaxLength":
          next.maxLength = Number(v);
          break;
        case "Choices":
          next.choices = (Array.isArray(v) ? v : ((v as { results?: unknown[] })?.results ?? [])).map(String);
          break;
        case "DefaultValue":
          next.defaultValue = v === null ? null : String(v);
          break;
        case "SelectionMode":
          next.selectionMode = Number(v);
          break;
        case "FillInChoice":
          next.fillIn = v === true;
          break;
        case "DisplayFormat":
          // A date column may switch between date-only and date-and-time; stored values are not rewritten.
          if (field.kind === "DateTime") next.displayFormat = Number(v) === 0 ? 0 : 1;
          break;
        case "AllowMultipleValues":
          if ((v === true) !== field.multi) throw new SpError(400, Codes.spException, "AllowMultipleValues cannot be changed on an existing column here.");
          break;
        default:
          // Other SP.Field properties (Group, ValidationFormula, ShowInNewForm, ...) have no behaviour here; accept
          // them rather than refuse a valid SharePoint request.
          break;
      }
    }
    if (field.builtin && field.internalName !== "Title" && (next.indexed !== field.indexed || next.unique !== field.unique)) {
      if (field.internalName !== "Created" && field.internalName !== "Modified" && field.internalName !== "Author" && field.internalName !== "Editor") {
        throw new SpError(400, Codes.spException, `The column '${field.internalName}' cannot be changed.`);
      }
    }
    // As in SharePoint: a column must be indexed before it can enforce unique values, and stays indexed while it does.
    if (next.unique && !next.indexed) {
      throw new SpError(400, Codes.spException, "The field must be indexed to enforce unique values. Index the column first, then enforce unique values.");
    }
    if ((next.indexed || next.unique) && (isMultiValued(next) || next.kind === "Note")) throw cannotIndex(next);
    const before = { ...field };
    try {
      this.db.transaction(() => {
        Object.assign(field, next);
        this.applyIndex(list, field);
        this.lists.saveFields(list);
      });
    } catch (e) {
      // DDL is transactional in SQLite, so only the cached definition needs restoring.
      Object.assign(field, before);
      throw e;
    }
  }

  delete(list: ListMeta, field: FieldDef): void {
    if (field.builtin) throw new SpError(400, Codes.spException, "You cannot delete a hidden column or a built-in column.");
    this.db.transaction(() => {
      this.db.sql.exec(`DROP INDEX IF EXISTS ${q(`ix_${list.table}_${field.column}`)}`);
      this.db.sql.exec(`DROP INDEX IF EXISTS ${q(`ux_${list.table}_${field.column}`)}`);
      this.db.sql.exec(`ALTER TABLE ${q(list.table)} DROP COLUMN ${q(field.column)}`);
      list.fields = list.fields.filter((f) => f !== field);
      this.lists.saveFields(list);
      if (list.viewFields?.includes(field.internalName)) this.lists.setViewFields(list, list.viewFields.filter((n) => n !== field.internalName));
    });
    this.db.forgetStatements();
  }
}
