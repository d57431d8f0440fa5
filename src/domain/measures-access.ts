/**
 * Who may change indicators, values, evidence and EqIAs: the rules the server's commands (and the card actions that
 * use them) apply to the validated caller before writing with the app's identity. Officers cannot write the lists
 * themselves (they have Read), so these rules are the only way in.
 *
 *  - Record or correct a value: the indicator's owner, the action's accountable officer or any officer named on it,
 *    and the EDI group (the equalities lead included).
 *  - Define or change an indicator: the action's accountable officer and the EDI group (it changes what the action
 *    is measured by; other officers ask them).
 *  - Add evidence to an action: anyone who may record a value on it. Change or remove evidence: who added it, or
 *    the EDI group.
 *  - The EqIA register and its links to actions: the EDI group; an EqIA's owner may also change it (its review).
 * People are site user ids as person columns store them; EDI membership comes from the site groups.
 */

export interface Caller {
  /** Site user id of the validated caller. */
  personId: number;
  /** Member of the EDI group or the equalities lead. */
  isEdiMember: boolean;
}

export interface ActionPeople {
  ownerId: number | null;
  officerIds: readonly number[];
}

export function mayRecordValue(caller: Caller, action: ActionPeople, indicator: { ownerId: number | null }): boolean {
  return caller.isEdiMember || caller.personId === indicator.ownerId || caller.personId === action.ownerId || action.officerIds.includes(caller.personId);
}

export function mayDefineIndicator(caller: Caller, action: ActionPeople): boolean {
  return caller.isEdiMember || caller.personId === action.ownerId;
}

export function mayAddEvidence(caller: Caller, action: ActionPeople): boolean {
  return caller.isEdiMember || caller.personId === action.ownerId || action.officerIds.includes(caller.personId);
}

export function mayChangeEvidence(caller: Caller, evidence: { addedById: number | null }): boolean {
  return caller.isEdiMember || (evidence.addedById !== null && caller.personId === evidence.addedById);
}

export function mayChangeEqia(caller: Caller, eqia: { ownerId: number | null } | null): boolean {
  return caller.isEdiMember || (eqia !== null && eqia.ownerId !== null && caller.personId === eqia.ownerId);
}

/** Links between the register and actions say what an assessment led to: the EDI group's to make. */
export function mayLinkEqia(caller: Caller): boolean {
  return caller.isEdiMember;
}
