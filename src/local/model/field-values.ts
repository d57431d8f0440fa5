/** How a column's REST values are checked on write, stored in SQLite and rendered back as REST JSON. */
import { Codes, Errors, SpError } from "../errors";
import { isoSeconds } from "../odata/filter-parser";
import { boolish, type FieldDef, isMultiValued, resultsArray } from "./field-model";
import { localMidnightUtc, type SiteTimeZone } from "./time-zones";

export interface WriteContext {
  typeName: string;
  /** A site user who may be put in a person column (with a directory: still present and enabled). */
  userAssignable: (id: number) => boolean;
  /** The site's zone: date-only values are kept as the local midnight of their civil date. */
  timeZone: SiteTimeZone;
}

const wrongType = (prop: string, edm: string) =>
  new SpError(400, Codes.invalidQuery, `Cannot convert a primitive value to the expected type '${edm}' for property '${prop}'. See the inner exception for more details.`);

/** Converts a REST value to what the SQL column stores, or throws a 400 naming the property. */
export function toStored(f: FieldDef, prop: string, v: unknown, ctx: WriteContext): unknown {
  if (v === null || v === undefined) return null;
  if (isMultiValued(f)) {
    const arr = resultsArray(v);
    if (!arr) throw wrongType(prop, f.kind === "MultiChoice" ? "Collection(Edm.String)" : "Collection(Edm.Int32)");
    if (f.kind === "MultiChoice") {
      if (!arr.every((x) => typeof x === "string")) throw wrongType(prop, "Collection(Edm.String)");
      for (const x of arr as string[]) checkChoice(f, x);
      return JSON.stringify(arr);
    }
    const ids = arr.map((x) => (typeof x === "string" && /^\d+$/.test(x) ? Number(x) : x));
    if (!ids.every((x) => Number.isInteger(x))) throw wrongType(prop, "Collection(Edm.Int32)");
    if (f.kind === "User") for (const id of ids as number[]) checkUser(f, id, ctx);
    return JSON.stringify(ids);
  }
  switch (f.kind) {
    case "Text":
    case "Note":
    case "Choice": {
      if (typeof v !== "string") throw wrongType(prop, "Edm.String");
      // SharePoint stores an empty text value as no value: it reads back as null and matches `eq null`.
      if (v === "") return null;
      const max = f.kind === "Text" ? (f.maxLength ?? 255) : f.kind === "Note" ? 63999 : 255;
      if (v.length > max) {
        throw new SpError(400, Codes.fieldValidation, `The value of field '${f.internalName}' is ${v.length} characters long; it cannot exceed ${max} characters.`);
      }
      if (f.kind === "Choice") checkChoice(f, v);
      return v;
    }
    case "Number":
    case "Currency":
    case "Integer": {
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isFinite(n)) throw wrongType(prop, "Edm.Double");
      if (f.kind === "Integer" && !Number.isInteger(n)) throw wrongType(prop, "Edm.Int32");
      return n;
    }
    case "Boolean": {
      const b = boolish(v);
      if (b === undefined || typeof v === "string") {
        if (typeof v !== "boolean") throw wrongType(prop, "Edm.Boolean");
      }
      return b ? 1 : 0;
    }
    case "DateTime": {
      if (typeof v !== "string") throw wrongType(prop, "Edm.DateTime");
      const d = new Date(/T.*([zZ]|[+-]\d\d:?\d\d)$/.test(v) || !v.includes("T") ? v : `${v}Z`);
      if (Number.isNaN(d.getTime())) throw wrongType(prop, "Edm.DateTime");
      // SharePoint keeps a date-only value as the civil date the instant falls on in the site's zone, at that
      // day's local midnight (see docs/local-sharepoint.md for the source and what is uncertain).
      return isoSeconds(f.displayFormat === 0 ? new Date(localMidnightUtc(ctx.timeZone, d.getTime())) : d);
    }
    case "User":
    case "Lookup": {
      const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n)) throw wrongType(prop, "Edm.Int32");
      if (n <= 0) return null;
      if (f.kind === "User") checkUser(f, n, ctx);
      return n;
    }
    default:
      throw Errors.noProperty(prop, ctx.typeName);
  }
}

/**
 * A choice column without FillInChoice takes only its listed choices (exactly as listed). Whether SharePoint's REST
 * API enforces this is not established; the stand-in is stricter, so a value its forms would show as invalid is
 * caught here (see docs/local-sharepoint.md).
 */
function checkChoice(f: FieldDef, v: string): void {
  if (f.fillIn || f.choices.includes(v)) return;
  throw new SpError(400, Codes.fieldValidation, `The value '${v}' is not one of the choices of the column '${f.internalName}' (${f.choices.map((c) => `'${c}'`).join(", ")}), and the column does not allow fill-in choices.`);
}

function checkUser(f: FieldDef, id: number, ctx: WriteContext) {
  // SharePoint's words for a person value it cannot resolve; the column is named for the developer's sake.
  if (!ctx.userAssignable(id)) throw new SpError(400, Codes.spException, `The user does not exist or is not unique. (field '${f.internalName}', user id ${id})`);
}

/** Stored SQL value to its REST JSON value (arrays for multi-valued columns, booleans, numbers). */
export function fromStored(f: FieldDef, v: unknown): unknown {
  if (isMultiValued(f)) return v === null || v === undefined ? [] : JSON.parse(String(v));
  if (v === null || v === undefined) return null;
  if (f.kind === "Boolean") return v === 1 || v === true;
  return v;
}
