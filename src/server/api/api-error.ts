/** An answer of the write API that is not a command's own refusal: authentication, the route, the request's form. */
export type ApiErrorReason =
  | "unauthenticated"
  | "not-found"
  | "method-not-allowed"
  | "unsupported-media-type"
  | "invalid"
  // The meeting's details (./meetings.ts): what Teams answered the bot, said so that the tab can say why.
  | "app-not-in-meeting"
  | "meeting-not-found"
  | "teams-unavailable";

const STATUS: Record<ApiErrorReason, number> = {
  unauthenticated: 401,
  "not-found": 404,
  "method-not-allowed": 405,
  "unsupported-media-type": 415,
  invalid: 400,
  "app-not-in-meeting": 403,
  "meeting-not-found": 404,
  "teams-unavailable": 503,
};

export class ApiError extends Error {
  readonly reason: ApiErrorReason;
  readonly status: number;
  constructor(reason: ApiErrorReason, message: string) {
    super(message);
    this.name = "ApiError";
    this.reason = reason;
    this.status = STATUS[reason];
  }
}

export const unauthenticated = (message: string) => new ApiError("unauthenticated", message);
