/**
 * SharePoint-shaped failures. Every handler throws SpError and the HTTP layer renders it the way SharePoint Online
 * does for the caller's Accept header, so clients parse our errors with the same code paths as real ones.
 */
export type ResponseFormat = "minimal" | "verbose" | "nometadata";

export class SpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  /** A body other than `odata.error` (SharePoint's 401 answers with `{"error_description": ...}`). */
  readonly rawBody?: Record<string, unknown>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}, rawBody?: Record<string, unknown>) {
    super(message);
    this.name = "SpError";
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.rawBody = rawBody;
  }
}

/** What SharePoint Online sends with a 401 (the realm is the tenant id; ours is a fixed local one). */
export const LOCAL_TENANT_ID = "00000000-0000-4000-8000-00000000e1a0";
const WWW_AUTHENTICATE = `Bearer realm="${LOCAL_TENANT_ID}",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/,https://login.microsoftonline.com/*/v2.0",authorization_uri="https://login.windows.net/common/oauth2/authorize"`;

// The codes below are the ones SharePoint Online puts in odata.error.code for these situations.
export const Codes = {
  invalidQuery: "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
  argument: "-1, System.ArgumentException",
  columnMissing: "-2147024809, System.ArgumentException",
  resourceNotFound: "-1, Microsoft.SharePoint.Client.ResourceNotFoundException",
  itemMissing: "-2130575338, Microsoft.SharePoint.SPException",
  spException: "-2146232832, Microsoft.SharePoint.SPException",
  etag: "-1, Microsoft.SharePoint.Client.ClientServiceException",
  throttled: "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
  duplicate: "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException",
  fieldValidation: "-2130575155, Microsoft.SharePoint.SPFieldValidationException",
  digest: "-2130575252, Microsoft.SharePoint.SPException",
  unauthorized: "-2147024891, System.UnauthorizedAccessException",
  fileNotFound: "-2147024894, System.IO.FileNotFoundException",
  odata: "-1, Microsoft.Data.OData.ODataException",
  listExists: "-2130575342, Microsoft.SharePoint.SPException",
  fieldExists: "-2130575342, Microsoft.SharePoint.SPException",
} as const;

export const Errors = {
  listNotFound: (title: string, siteUrl: string) =>
    new SpError(404, Codes.argument, `List '${title}' does not exist at site with URL '${siteUrl}'.`),
  listIdNotFound: () =>
    new SpError(404, Codes.argument, "List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user."),
  itemNotFound: () => new SpError(404, Codes.itemMissing, "Item does not exist. It may have been deleted by another user."),
  fieldNotFound: (name: string) =>
    new SpError(404, Codes.argument, `Column '${name}' does not exist. It may have been deleted by another user.`),
  columnInQuery: (name: string) =>
    new SpError(400, Codes.columnMissing, `Column '${name}' does not exist. It may have been deleted by another user.`),
  selectField: (name: string) => new SpError(400, Codes.invalidQuery, `The field or property '${name}' does not exist.`),
  badExpression: (expr: string, detail?: string) =>
    new SpError(400, Codes.invalidQuery, `The expression "${expr}" is not valid.${detail ? ` ${detail}` : ""}`),
  noProperty: (prop: string, type: string) =>
    new SpError(400, Codes.invalidQuery, `The property '${prop}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`),
  badJson: () => new SpError(400, Codes.invalidQuery, "Invalid JSON. A token was not recognized in the JSON content."),
  resource: (segment: string) => new SpError(404, Codes.resourceNotFound, `Cannot find resource for the request ${segment}.`),
  method: () => new SpError(405, Codes.invalidQuery, "The HTTP method is not allowed for this resource."),
  etag: (sent: string, actual: string) =>
    new SpError(412, Codes.etag, `The request ETag value '${sent}' does not match the object's ETag value '${actual}'.`),
  lookupThreshold: () =>
    new SpError(500, "-2147024749, Microsoft.SharePoint.SPQueryThrottledException", "The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold."),
  throttled: () =>
    new SpError(500, Codes.throttled, "The attempted operation is prohibited because it exceeds the list view threshold."),
  duplicate: (fields: string[]) =>
    new SpError(500, Codes.duplicate, `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${fields.join(", ")}].`),
  digest: () =>
    new SpError(403, Codes.digest, "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."),
  /**
   * 401 is for token problems only, and SharePoint answers it with `{"error_description": ...}` (no odata.error), a
   * `WWW-Authenticate: Bearer realm=...` challenge and an `x-ms-diagnostics` reason.
   */
  unauthorized: (description: string) =>
    new SpError(
      401,
      Codes.unauthorized,
      description,
      { "WWW-Authenticate": WWW_AUTHENTICATE, "x-ms-diagnostics": `3000003;reason="${description.replace(/"/g, "'")}";category="invalid_client"` },
      { error_description: description },
    ),
  /** An authenticated caller without the right: 403, whatever the verb. */
  accessDenied: () =>
    new SpError(403, Codes.unauthorized, "Access denied. You do not have permission to perform this action or access this resource."),
  userNotFound: () => new SpError(404, Codes.spException, "User cannot be found."),
  siteNotFound: () => new SpError(404, Codes.fileNotFound, "File Not Found."),
  /** SharePoint's words when a request body exceeds what it reads (pnp/pnpjs#2980, pnp/pnpcore#777); the status is ours. */
  tooLarge: (max: number, read: number) =>
    new SpError(413, Codes.invalidQuery, `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${read} bytes has been read from the stream; however a maximum of ${max} bytes is allowed.`),
};

/** The error body SharePoint sends: `odata.error` in minimal/no metadata, `error` in verbose. */
export function errorBody(err: SpError, format: ResponseFormat): string {
  if (err.rawBody) return JSON.stringify(err.rawBody);
  const inner = { code: err.code, message: { lang: "en-US", value: err.message } };
  return JSON.stringify(format === "verbose" ? { error: inner } : { "odata.error": inner });
}
