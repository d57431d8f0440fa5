/**
 * The EqIA register: an assessment added or changed, and its links to the plan's actions. The register is the EDI
 * group's (and the lead's) to keep: ONE $batch reads the group with the assessment (and its links), the domain's
 * rule decides, and the app writes, changing an assessment with the ETag it just read. An assessment someone else
 * changed since the person opened it is reported, not overwritten.
 */
import { getActionReferences } from "../data/actions/repository.ts";
import { settleBatch } from "../data/batching.ts";
import { getEqiaActions, linkEqia as linkEqiaItem, unlinkEqia as unlinkEqiaItem } from "../data/eqia-links/repository.ts";
import type { EqiaRecord } from "../data/eqias/mapping.ts";
import { createEqia, eqiaWriteKey, getEqia, updateEqia } from "../data/eqias/repository.ts";
import { toDataError } from "../data/errors.ts";
import { type EdiGroup, getEdiGroup } from "../data/members/repository.ts";
import type { EqiaLink } from "../domain/evidence.ts";
import { mayDo, planRolesOf } from "../domain/permissions.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError } from "./errors.ts";
import { type LinkEqiaInput, linkEqiaInput, type SaveEqiaInput, saveEqiaInput, type UnlinkEqiaInput, unlinkEqiaInput } from "./inputs.ts";
import { callerWho, groupPeople } from "./read-action.ts";
import { refusingAs } from "./records.ts";
import { type EqiaResult, parseInput } from "./result.ts";

interface EqiaRead {
  eqia: EqiaRecord | null;
  links: EqiaLink[] | null;
}

/** ONE $batch: the group (refusing anyone outside it and the lead), the assessment and, when asked, its links. */
async function readEqia(ctx: CommandContext, caller: Caller, eqiaId: number | undefined, withLinks = false): Promise<EqiaRead> {
  const [groupPart, eqiaPart, linksPart] = await settleBatch<unknown>(ctx.sp, (b) => [
    getEdiGroup(b),
    eqiaId ? getEqia(b, eqiaId) : Promise.resolve(null),
    eqiaId && withLinks ? getEqiaActions(b, eqiaId) : Promise.resolve(null),
  ]);
  if (!groupPart.ok) throw toDataError(groupPart.error, "Reading the EDI group");
  const d = mayDo("edit-eqias", planRolesOf(callerWho(caller), groupPeople((groupPart as { value: EdiGroup }).value)));
  if (!d.allowed) throw new CommandError(d.reason, `${d.message} Nothing was saved.`);
  if (!eqiaPart.ok) {
    const e = toDataError(eqiaPart.error, `Reading EqIA ${eqiaId}`);
    if (e.reason === "not-found") throw new CommandError("not-found", "This assessment is no longer in the register. Nothing was saved.");
    throw e;
  }
  if (!linksPart.ok) throw toDataError(linksPart.error, "Reading the EqIA's actions");
  return { eqia: eqiaPart.value as EqiaRecord | null, links: linksPart.value as EqiaLink[] | null };
}

export async function saveEqia(ctx: CommandContext, caller: Caller, input: SaveEqiaInput): Promise<EqiaResult> {
  const i = parseInput(saveEqiaInput, input);
  const { eqia } = await readEqia(ctx, caller, i.eqiaId);
  const local = { localCharacteristics: i.localCharacteristics };
  if (!eqia) {
    const created = await refusingAs(() => createEqia(ctx.sp, { input: i.input, ...local, submissionKey: i.submissionKey }));
    return { outcome: "saved", message: "Assessment saved.", eqia: created };
  }
  // A retry of a change whose reply was lost: the change is on the item, under this submission's key.
  const writeKey = eqiaWriteKey(i.submissionKey);
  if (eqia.writeKey === writeKey) return { outcome: "saved", message: "Assessment saved.", eqia };
  if (i.etag && i.etag !== eqia.etag)
    throw new CommandError("conflict", "Nothing was saved: someone changed this assessment since you opened it. Check it and save again.");
  const etag = await refusingAs(() => updateEqia(ctx.sp, eqia, i.input, { ...local, writeKey }));
  return { outcome: "saved", message: "Assessment saved.", eqia: { ...(await getEqia(ctx.sp, eqia.id)), etag: etag ?? eqia.etag } };
}

/** Links the action of `reference` in the plan; an unknown reference is said in words, nothing written. */
export async function linkEqia(ctx: CommandContext, caller: Caller, input: LinkEqiaInput): Promise<EqiaResult> {
  const i = parseInput(linkEqiaInput, input);
  const { eqia } = await readEqia(ctx, caller, i.eqiaId);
  if (!eqia) throw new CommandError("not-found", "This assessment is no longer in the register. Nothing was saved.");
  const wanted = i.reference.trim().toLowerCase();
  const found = [...(await getActionReferences(ctx.sp, i.planId))].find(([, r]) => r.toLowerCase() === wanted);
  if (!found) throw new CommandError("invalid", `Action reference: there is no action "${i.reference.trim()}" in this plan. Nothing was saved.`, { field: "reference" });
  const link = await refusingAs(() => linkEqiaItem(ctx.sp, eqia, { id: found[0], planId: i.planId, reference: found[1] }, i.relation));
  return { outcome: "saved", message: "Linked.", link };
}

export async function unlinkEqia(ctx: CommandContext, caller: Caller, input: UnlinkEqiaInput): Promise<EqiaResult> {
  const i = parseInput(unlinkEqiaInput, input);
  const { links } = await readEqia(ctx, caller, i.eqiaId, true);
  const link = links?.find((l) => l.id === i.linkId);
  if (!link) throw new CommandError("not-found", "This link is no longer in the register. Nothing was changed.");
  await unlinkEqiaItem(ctx.sp, link);
  return { outcome: "removed", message: "Unlinked.", link };
}
