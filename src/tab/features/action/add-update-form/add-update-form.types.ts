import type { ActionRecord } from "../../../../data/actions/mapping.ts";
import type { UpdateRecord } from "../../../../data/updates/mapping.ts";
import type { ApiResult } from "../../../lib/api-client.ts";

export interface AddUpdateFormProps {
  action: ActionRecord;
  /** Called once the update and the action are both written. */
  onSaved(result: ApiResult): void | Promise<void>;
  /** Re-reads the action and its updates (the page shows them) after a conflict. */
  refresh(): Promise<{ action: ActionRecord; updates: UpdateRecord[] }>;
}

export interface UpdateFormErrors {
  text?: string;
  status?: string;
  requestedDueDate?: string;
}
