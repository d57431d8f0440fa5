/**
 * The equalities lead's own commands (publication decisions, the covering report, handing actions over) start here:
 * ONE $batch reads the site groups with whatever the command needs, and anyone who is not in "EAP Equalities
 * Leads" is refused (403 "not-lead") before anything is written. The lead recorded (reviewer, author, who handed
 * over) is the authenticated caller as the group names them, never a person a request body names.
 */
import { settleBatch } from "../data/batching.ts";
import type { SPFI } from "../data/create-sp.ts";
import { DataError, toDataError } from "../data/errors.ts";
import { type EdiGroup, getEdiGroup } from "../data/members/repository.ts";
import { samePerson } from "../domain/permissions.ts";
import type { Person } from "../domain/types.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError } from "./errors.ts";
import { callerWho } from "./read-action.ts";

/** The lead the caller is, or CommandError("not-lead") with `refusal`'s words. */
export function leadIn(group: EdiGroup, caller: Caller, refusal: string): Person {
  const who = callerWho(caller);
  const lead = group.members.find((m) => m.role === "equalities-lead" && samePerson(who, m.person))?.person;
  if (!lead) throw new CommandError("not-lead", `${refusal} Nothing was saved.`);
  return lead;
}

/**
 * The group and `read` in one $batch; the caller must be a lead. `read` issues its request(s) before awaiting
 * anything (a read that waits on one request before the next cannot share a $batch: read it after this). Its
 * "not-found" becomes the command's 404 with `gone`'s words (when given); any other failure is the data layer's.
 */
export async function readAsLead<T = null>(
  ctx: CommandContext,
  caller: Caller,
  refusal: string,
  read: (b: SPFI) => Promise<T> = () => Promise.resolve(null as T),
  gone?: string,
): Promise<{ lead: Person; value: T }> {
  const [groupPart, part] = await settleBatch<unknown>(ctx.sp, (b) => [getEdiGroup(b), read(b)]);
  if (!groupPart.ok) throw toDataError(groupPart.error, "Reading the EDI group");
  const lead = leadIn((groupPart as { value: EdiGroup }).value, caller, refusal);
  if (!part.ok) {
    const e = part.error instanceof DataError ? part.error : toDataError(part.error);
    if (gone && e.reason === "not-found") throw new CommandError("not-found", `${gone} Nothing was saved.`);
    throw e;
  }
  return { lead, value: (part as { value: T }).value };
}
