/**
 * How one framing of a plan continues another's item. Councils restate their plans: the 2020 revision's "actions"
 * reappear in the 2022-23 appendix as "commitments", word for word or reworded. The plan keeps both as they were
 * written and links them, rather than merging them into one item that neither document shows:
 *  - "carried": the later item states the same thing in the same words (case and an article aside);
 *  - "developed": the later item rewords or extends it (a new Act named, a focus added).
 * Zod-free, like constants.ts.
 */
export const CONTINUITY_KINDS = ["carried", "developed"] as const;
export type ContinuityKind = (typeof CONTINUITY_KINDS)[number];

/** A later item's link back to the action it continues, by that action's reference in the same plan. */
export interface Continuation {
  reference: string;
  kind: ContinuityKind;
}

/** Seen from the later item: "Carried from CL-20-4" / "Developed from CL-20-8". */
export function describeContinuedFrom(c: Continuation): string {
  return `${c.kind === "carried" ? "Carried" : "Developed"} from ${c.reference}`;
}
