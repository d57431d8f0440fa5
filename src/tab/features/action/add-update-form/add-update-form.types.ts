import type { ActionRecord } from "../../../../data/actions/mapping.ts";
import type { UpdateRecord } from "../../../../data/updates/mapping.ts";
import type { SubmitResult } from "../../../../data/updates/repository.ts";

export interface AddUpdateFormProps {
  action: ActionRecord;
  /** Called once the update and the action are both written. */
  onSaved(result: SubmitResult): void | Promise<void>;
  /** Re-reads the action and its updates (the page shows them) after a conflict. */
  refresh(): Promise<{ action: ActionRecord; updates: UpdateRecord[] }>;
}

export interface UpdateFormErrors {
  text?: string;
  status?: string;
  requestedDueDate?: string;
}
