/**
 * Progress updates awaiting approval, written the way officers write them (submitUpdate with the action's ETag),
 * on the first actions of a plan: the seeded demonstration plan has none of its own.
 */
import { getAction, getPlanActions, submitUpdate } from "../../src/data/index.ts";
import type { SPFI } from "../../src/data/create-sp.ts";
import type { Person } from "../../src/domain/types.ts";

export const DRAFT_TEXTS = [
  "The consultation closed with 412 responses; the analysis goes to the EDI group next month.",
  "Training for managers restarted in October: 38 attended, feedback collected.",
  "The housing allocations review found two gaps in monitoring data; fixes are in test.",
  "Accessible formats policy drafted and shared with service leads for comment.",
  "Workforce data published internally; the pay gap narrative is being written.",
  "Community forum met twice; minutes and actions are on the council's website.",
];

export async function writeDrafts(sp: SPFI, planId: number, author: Person | null, n = DRAFT_TEXTS.length): Promise<number[]> {
  const actions = (await getPlanActions(sp, planId)).slice(0, n);
  const ids: number[] = [];
  for (const [i, a] of actions.entries()) {
    const action = await getAction(sp, a.id);
    const r = await submitUpdate(sp, {
      action,
      text: DRAFT_TEXTS[i % DRAFT_TEXTS.length],
      status: "on-track",
      author,
      submissionKey: `test-draft-${planId}-${a.id}-${i}`,
      now: new Date(),
    });
    ids.push(r.update.id);
  }
  return ids;
}
