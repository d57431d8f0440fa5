/**
 * Maidstone Borough Council's Equality Objectives and Action Plan 2017-2021, as one plan tree, built from the public
 * documents in shared/seeds (text extracted from the council's PDFs). The plan holds its three reporting points as
 * the council recorded them, each objective saying which document sets it out:
 *   002 "Our Equalities Policy and Objectives 2017-2021": role statements, the 2017 objectives & action table
 *       (plan-2017-table.ts);
 *   001 "Revised Equality Objectives and Action Plan 2017-2021" (2020): one objective per role and its actions,
 *       with the 2020-21 progress from 000, the 2021 committee report (plan-2020-revision.ts);
 *   004 "Appendix 1 – Updates on actions from 2022-23": commitments, actions, updates and dispositions
 *       (appendix-2022-23.ts).
 * Wording is kept exactly as the sources have it, typos included ("though us of", "Armed Forced", "Adopt of").
 * Every judgement call, and everything the seed adds, is listed in docs/seed-provenance.md.
 *
 * Objectives are listed in the order their import keys were first given (the 2020 objective first, then the 2017
 * rows, then the 2022-23 appendix's), so a site seeded before keeps its items; `order` shows them chronologically.
 */
import type { PlanTreeInput, TreeObjective } from "../domain/plan-tree.ts";
import { COMMUNITY_LEADER_2022_23, EMPLOYER_2022_23, SERVICE_PROVIDER_2022_23 } from "./appendix-2022-23.ts";
import { COMMUNITY_LEADER_2017, EMPLOYER_2017, SERVICE_PROVIDER_2017 } from "./plan-2017-table.ts";
import { COMMUNITY_LEADER_2020, EMPLOYER_2020, SERVICE_PROVIDER_2020 } from "./plan-2020-revision.ts";

/** A role's objectives in key order, each with its chronological position: 2017 rows, 2020, 2022-23. */
function objectives(of2017: TreeObjective[], of2020: TreeObjective, of2022: TreeObjective): TreeObjective[] {
  const n = of2017.length;
  return [{ ...of2020, order: n + 1 }, ...of2017.map((o, i) => ({ ...o, order: i + 1 })), { ...of2022, order: n + 2 }];
}

export const MAIDSTONE_PLAN_2017_21: PlanTreeInput = {
  title: "Equality Objectives and Action Plan 2017-2021",
  period: "2017-2021",
  // Its period is over and 004 reports actions carried "in the new plan".
  status: "closed",
  // 004 (SP-22-4): "9 protected characteristics were expanded to include Poverty (and Armed Forces)".
  localCharacteristics: ["poverty", "armed-forces"],
  // The 2020 revision (001) and the 2022-23 appendix (004) both order the roles this way; the statements are 002's.
  roles: [
    {
      name: "Community Leader",
      statement: "We will engage with residents in an open and meaningful way.",
      objectives: objectives(COMMUNITY_LEADER_2017, COMMUNITY_LEADER_2020, COMMUNITY_LEADER_2022_23),
    },
    {
      name: "Employer",
      statement: "To have a workforce that feels valued and respected.",
      objectives: objectives(EMPLOYER_2017, EMPLOYER_2020, EMPLOYER_2022_23),
    },
    {
      name: "Service Provider",
      statement: "We will ensure our services are inclusive, accessible and support residents and customers.",
      objectives: objectives(SERVICE_PROVIDER_2017, SERVICE_PROVIDER_2020, SERVICE_PROVIDER_2022_23),
    },
  ],
};
