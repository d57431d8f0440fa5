/**
 * What a MERGE on a column may carry. SharePoint reads the body as the type it declares (`__metadata.type` in
 * verbose, `odata.type` in minimal metadata) and as SP.Field when it declares none, so a property of a derived
 * type (Choices, MaxLength, ...) sent without its type is refused with 400 "The property 'Choices' does not exist
 * on type 'SP.Field'" (PnPjs v4's field.update() sends no type). A `SchemaXml` property is read as the column's
 * CAML and turned into the same changes.
 */
import { Codes, Errors, SpError } from "../errors";
import { unescapeXml, XML_KIND, xmlAttrs } from "./field-definition";
import { type FieldDef, fieldODataType } from "./field-model";

/** SP.Field's own properties (the base type every column type derives from). */
const SP_FIELD = [
  "AutoIndexed", "CanBeDeleted", "ClientSideComponentId", "ClientSideComponentProperties", "ClientValidationFormula", "ClientValidationMessage",
  "CustomFormatter", "DefaultFormula", "DefaultValue", "Description", "Direction", "EnforceUniqueValues", "EntityPropertyName", "FieldTypeKind",
  "Filterable", "FromBaseType", "Group", "Hidden", "Id", "Indexed", "IndexStatus", "InternalName", "IsModern", "JSLink", "NoCrawl",
  "PinnedToFiltersPane", "ReadOnlyField", "Required", "SchemaXml", "Scope", "Sealed", "ShowInFiltersPane", "Sortable", "StaticName", "Title",
  "TypeAsString", "TypeDisplayName", "TypeShortDescription", "ValidationFormula", "ValidationMessage",
];

/** Properties each derived type adds to SP.Field. */
const DERIVED: Record<string, string[]> = {
  "SP.FieldText": ["MaxLength"],
  "SP.FieldMultiLineText": ["AllowHyperlink", "AppendOnly", "NumberOfLines", "RestrictedMode", "RichText", "UnlimitedLengthInDocumentLibrary", "WikiLinking"],
  "SP.FieldChoice": ["Choices", "EditFormat", "FillInChoice", "Mappings"],
  "SP.FieldMultiChoice": ["Choices", "FillInChoice", "Mappings"],
  "SP.FieldNumber": ["DisplayFormat", "MaximumValue", "MinimumValue", "ShowAsPercentage"],
  "SP.FieldCurrency": ["CurrencyLocaleId", "DisplayFormat", "MaximumValue", "MinimumValue", "ShowAsPercentage"],
  "SP.FieldDateTime": ["DateTimeCalendarType", "DateFormat", "DisplayFormat", "FriendlyDisplayFormat", "TimeFormat"],
  "SP.FieldLookup": ["AllowMultipleValues", "DependentLookupInternalNames", "IsDependentLookup", "IsRelationship", "LookupField", "LookupList", "LookupWebId", "PrimaryFieldId", "RelationshipDeleteBehavior", "UnlimitedLengthInDocumentLibrary"],
  "SP.FieldComputed": ["EnableLookup"],
  "SP.FieldGuid": [],
  "SP.Field": [],
};
// A person column is a lookup column with people settings.
DERIVED["SP.FieldUser"] = [...DERIVED["SP.FieldLookup"], "AllowDisplay", "Presence", "SelectionGroup", "SelectionMode", "UserDisplayOptions"];

function declaredType(body: Record<string, unknown>): string | undefined {
  const meta = body.__metadata as { type?: unknown } | undefined;
  const t = meta?.type ?? body["odata.type"] ?? body["@odata.type"];
  return typeof t === "string" ? t.replace(/^#/, "") : undefined;
}

/** The changes a SchemaXml carries, as REST properties. */
function fromSchemaXml(field: FieldDef, xml: string): Record<string, unknown> {
  const open = /<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!open) throw new SpError(400, Codes.argument, "The SchemaXml is not a valid <Field> element.");
  const a = xmlAttrs(open[1]);
  if (a.Type && XML_KIND[a.Type.toLowerCase()] !== field.kind) {
    throw new SpError(400, Codes.argument, `The SchemaXml's Type '${a.Type}' does not match the column '${field.internalName}' (${field.kind}); a column's type cannot be changed here.`);
  }
  const out: Record<string, unknown> = {};
  const bool = (k: string, prop: string) => {
    if (a[k] !== undefined) out[prop] = a[k].toUpperCase() === "TRUE";
  };
  if (a.DisplayName !== undefined) out.Title = a.DisplayName;
  if (a.Description !== undefined) out.Description = a.Description;
  bool("Required", "Required");
  bool("Indexed", "Indexed");
  bool("EnforceUniqueValues", "EnforceUniqueValues");
  bool("Hidden", "Hidden");
  bool("FillInChoice", "FillInChoice");
  if (a.MaxLength !== undefined) out.MaxLength = Number(a.MaxLength);
  if (a.Format !== undefined && field.kind === "DateTime") out.DisplayFormat = a.Format.toLowerCase() === "dateonly" ? 0 : 1;
  if (/<CHOICES>/i.test(xml)) out.Choices = [...xml.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/gi)].map((m) => unescapeXml(m[1]));
  return out;
}

/** The properties to apply to `field`, or SharePoint's 400 for a property its declared type does not have. */
export function fieldUpdateProps(field: FieldDef, body: Record<string, unknown>): Record<string, unknown> {
  const declared = declaredType(body);
  const actual = fieldODataType(field);
  if (declared !== undefined && !(declared in DERIVED)) {
    throw new SpError(400, Codes.invalidQuery, `A type named '${declared}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`);
  }
  if (declared !== undefined && declared !== "SP.Field" && declared !== actual) {
    throw new SpError(400, Codes.invalidQuery, `The type '${declared}' does not match the column '${field.internalName}', which is of type '${actual}'.`);
  }
  const typeName = declared ?? "SP.Field";
  const allowed = new Set([...SP_FIELD, ...DERIVED[typeName]]);
  let props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "__metadata" || k.startsWith("odata.") || k.startsWith("@odata.")) continue;
    if (!allowed.has(k)) throw Errors.noProperty(k, typeName);
    props[k] = v;
  }
  if (typeof props.SchemaXml === "string") {
    const { SchemaXml, ...rest } = props;
    props = { ...fromSchemaXml(field, SchemaXml as string), ...rest };
  }
  return props;
}
