import type { UpdateRecord } from "../../../../data/updates/mapping.ts";
import type { PublicationReviewer } from "../../../../domain/publication.ts";

export interface ApprovalFormProps {
  update: UpdateRecord;
  /** The action the update is on, as the list names it ("CL-22-1 Ongoing delivery of…"). */
  actionLabel: string;
  reviewer: PublicationReviewer;
  /** The update as it is now: after a decision, or re-read after someone else's (the edits in progress are kept). */
  onDecided(update: UpdateRecord): void;
}

/** What the lead is doing with the update: looking, editing the text to publish, or giving a reason to withhold. */
export type ApprovalMode = "view" | "edit" | "withhold";
