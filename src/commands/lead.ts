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
import { mayDo, type PlanCommand, planRolesOf, samePerson } from "../domain/permissions.ts";
import type { Person } from "../domain/types.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError } from "./errors.ts";
import { callerWho, groupPeople } from "./read-action.ts";

/** The lead tools: the plan commands only the equalities lead may ask for (src/domain/permissions.ts). */
export type LeadCommand = Extract<PlanCommand, "import" | "rollover" | "publication-decision" | "cover-report" | "handover">;

/** The lead the caller is, or CommandError("not-lead") with the domain's words for `command`. */
export function leadIn(group: EdiGroup, caller: Caller, command: LeadCommand): Person {
  const who = callerWho(caller);
  const d = mayDo(command, planRolesOf(who, groupPeople(group)));
  if (!d.allowed) throw new CommandError(d.reason, `${d.message} Nothing was saved.`);
  // The lead as the group names them: who is recorded as having decided.
  return group.members.find((m) => m.role === "equalities-lead" && samePerson(who, m.person))?.person as Person;
}

/**
 * The group and `read` in one $batch; the caller must be a lead. `read` issues its request(s) before awaiting
 * anything (a read that waits on one request before the next cannot share a $batch: read it after this). Its
 * "not-found" becomes the command's 404 with `gone`'s words (when given); any other failure is the data layer's.
 */
export async function readAsLead<T = null>(
  ctx: CommandContext,
  caller: Caller,
  command: LeadCommand,
  read: (b: SPFI) => Promise<T> = () => Promise.resolve(null as T),
  gone?: string,
): Promise<{ lead: Person; value: T }> {
  const [groupPart, part] = await settleBatch<unknown>(ctx.sp, (b) => [getEdiGroup(b), read(b)]);
  if (!groupPart.ok) throw toDataError(groupPart.error, "Reading the EDI group");
  const lead = leadIn((groupPart as { value: EdiGroup }).value, caller, command);
  if (!part.ok) {
    const e = part.error instanceof DataError ? part.error : toDataError(part.error);
    if (gone && e.reason === "not-found") throw new CommandError("not-found", `${gone} Nothing was saved.`);
    throw e;
  }
  return { lead, value: (part as { value: T }).value };
}
