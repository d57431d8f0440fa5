/** Checks an update before anything is sent; each message names the field's problem and how to fix it. */
import { addDays, formatLongDate, isValidIsoDate } from "../../../../domain/dates.ts";
import { MULTI_LINE_MAX } from "../../../../domain/types.ts";
import type { UpdateDraft } from "../draft-store.ts";
import type { UpdateFormErrors } from "./add-update-form.types.ts";

const TAG = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i;

export function validateUpdate(d: UpdateDraft, today: string): UpdateFormErrors {
  const e: UpdateFormErrors = {};
  const text = d.text.trim();
  if (text.length === 0) e.text = "Write what has happened since the last update.";
  else if (d.text.length > MULTI_LINE_MAX)
    e.text = `The update is ${d.text.length.toLocaleString("en-GB")} characters; SharePoint keeps at most ${MULTI_LINE_MAX.toLocaleString("en-GB")}. Shorten it by ${(d.text.length - MULTI_LINE_MAX).toLocaleString("en-GB")}.`;
  if (d.status === "") e.status = "Choose the action's status: none has been recorded for it yet.";
  if (d.requestNewDate) {
    if (!d.requestedDueDate) e.requestedDueDate = "Choose the new date you are asking for.";
    else if (!isValidIsoDate(d.requestedDueDate)) e.requestedDueDate = "Enter the date as day, month and year.";
    else if (d.requestedDueDate <= today)
      e.requestedDueDate = `The new date must be after today; the earliest is ${formatLongDate(addDays(today, 1))}.`;
  }
  return e;
}

/** Not an error: the text is kept and shown exactly as typed. Said so that nobody expects formatting. */
export function markupWarning(text: string): string | undefined {
  return TAG.test(text) ? "This looks like HTML. It will be saved and shown exactly as typed, as plain text." : undefined;
}
