/**
 * The 2017 objectives and action table of "Our Equalities Policy and Objectives 2017-2021" (seed 002), one
 * objective per table row with the row's one action, in table order per role, wording as extracted.
 *
 * What the table records is kept; what it does not is not invented: no document says what became of these
 * actions (the 2020 revision replaced the table, 000 §2.2), so their status is "not recorded" and their
 * disposition "open" (nothing decided). Officers are the fictional cast, by the Responsible officer cell.
 */
import type { TreeAction, TreeObjective } from "../domain/plan-tree.ts";
import { SEED_UPNS as P, SEED_DEPARTED_UPN } from "./people.ts";


interface Action2017 {
  reference: string;
  actions: string[];
  /** True when the Actions cell is a bullet list (each item is then written "• item"). */
  bulleted: boolean;
  teams: string;
  successMeasures: string[];
  dueText: string;
  officerLogins: string[];
}

/** Where these objectives are set out (shown beside each, as the plan holds three framings of itself). */
export const SOURCE_2017 = "Our Equalities Policy and Objectives 2017-2021: objectives and action table (2017)";

function action2017(a: Action2017): TreeAction {
  return {
    reference: a.reference,
    text: a.bulleted ? a.actions.map((item) => `• ${item}`).join("\n") : a.actions.join("\n"),
    teams: a.teams,
    officerLogins: a.officerLogins,
    successMeasures: a.successMeasures,
    dueText: a.dueText,
    status: "not-recorded",
    disposition: "open",
  };
}

const objective2017 = (statement: string, action: Action2017): TreeObjective => ({ statement, source: SOURCE_2017, actions: [action2017(action)] });

/** Role 1, Community Leader: four rows. */
export const COMMUNITY_LEADER_2017: TreeObjective[] = [
  objective2017("Increase understanding of Maidstone's residents through analysis of demographic information.", {
    reference: "CL-17-1",
    actions: [
      "Provide ward level analysis of demographic information from annual Resident's Survey to Ward Councillors.",
    ],
    bulleted: false,
    teams: "Policy and Information team – Data Intelligence Officer",
    successMeasures: ["Report to be produced for every ward member following annual Resident's Survey"],
    dueText: "November 2017",
    officerLogins: [P.dataIntelligence],
  }),
  objective2017(
    "Provide a consistent approach to providing information to residents in alternative formats across the authority",
    {
      reference: "CL-17-2",
      actions: ["An audit review to be undertaken on information provided in alternative front facing services"],
      bulleted: false,
      teams: "Policy and Information team - Equalities and Corporate Policy Officer",
      successMeasures: ["A clear process and procedure used consistently across the authority and monitored."],
      dueText: "October 2017",
      officerLogins: [P.equalitiesPolicy],
    },
  ),
  objective2017(
    "Embed the principles of good consultation and engagement (as set out in the Communications and Engagement Strategy).",
    {
      reference: "CL-17-3",
      actions: ["New Consultation toolkit and guidelines to be developed"],
      bulleted: false,
      teams: "Policy and Information team - Data Intelligence Officer & Equalities and Corporate Policy Officer",
      successMeasures: [
        "Improvement in standard and consistency of consultation.",
        "Wider engagement with hard to reach groups demonstrated by responses received.",
      ],
      dueText: "December 2017",
      officerLogins: [P.dataIntelligence, P.equalitiesPolicy],
    },
  ),
  objective2017(
    "Demonstrate effective engagement with the community and voluntary sector, providing evidence of involvement in the Council's decision-making process.",
    {
      reference: "CL-17-4",
      actions: [
        "Creating a single point of contact for the organisation for all community groups and forums to ensure forward planning and coordination.",
      ],
      bulleted: false,
      teams: "Policy and Information team - Equalities and Corporate Policy Officer & Data Intelligence Officer",
      successMeasures: [
        // The cell breaks off here at the page break; the rest is not in the extraction.
        "Increased number of consultation responses from seldom heard groups per public […]",
        "Ensure consistent engagement with changes in Council policy",
        "Consistent message being directed across the authority",
      ],
      dueText: "September 2017",
      officerLogins: [P.equalitiesPolicy, P.dataIntelligence],
    },
  ),
];

/** Role 2, Service Provider: three rows. */
export const SERVICE_PROVIDER_2017: TreeObjective[] = [
  objective2017(
    "Review Equalities data collected to ensure personal information is handled correctly, in line with General Data Protection Regulations (GDPR).",
    {
      reference: "SP-17-1",
      actions: ["To complete an annual equality data audit with Service Managers."],
      bulleted: false,
      teams:
        "Policy and Information team - Equalities and Corporate Policy Officer & Data Intelligence Officer Unit Managers",
      successMeasures: [
        "Provide an Equalities data audit record, reported to Committee in the Annual Equalities Update Report.",
        "Improved use of Equalities data as an evidence base, where held appropriately.",
      ],
      dueText: "",
      officerLogins: [P.equalitiesPolicy, P.dataIntelligence],
    },
  ),
  objective2017("Raise standard of Equalities Impact Assessments (EqIAs)", {
    reference: "SP-17-2",
    actions: [
      "Review of EqIAs paperwork",
      "Undertake training with Managers and Key officers that complete EqIAs",
      "Monitor Committees work programmes to identify where EqIAs should be included.",
      "Provide challenge and support to officers where gaps are identified.",
    ],
    bulleted: true,
    teams: "Policy and Information team - Equalities and Corporate Policy Officer",
    successMeasures: [
      "Engagement with Policy and Information Team at earliest opportunity.",
      // The cell breaks off here at the page break; the rest is not in the extraction.
      "Well thought out and […]",
      "All reports to have clearly considered equalities implications.",
      "All EqIAs to be published on the website.",
    ],
    dueText: "",
    officerLogins: [P.equalitiesPolicy],
  }),
  objective2017("Provide a consistent approach to contract management across the services.", {
    reference: "SP-17-3",
    actions: [
      "Review Commissioning and Programment and Procurement Strategy",
      "Evaluate commission and procurement processes and procedures",
      "Review existing contracts",
    ],
    bulleted: true,
    teams: "Procurement",
    successMeasures: [
      "Ensuring all contracts managed are compliant with the Council's values, in line with the Public Sector Equality Duty.",
    ],
    dueText: "Review by March 2018",
    // The procurement officer of the time has since left the council (docs/seed-provenance.md).
    officerLogins: [SEED_DEPARTED_UPN],
  }),
];

/** Role 3, Employer: four rows. */
export const EMPLOYER_2017: TreeObjective[] = [
  objective2017("Integrate Equalities into Service Planning process.", {
    reference: "EM-17-1",
    actions: [
      "Equalities to form part of Service Planning Requirements",
      "EqIA requirements submitted to Policy and Information team and timetabled for the year ahead.",
      "Presentation to staff forum/unit managers on annual basis in line with service planning timetable",
      "NETconsent to deliver Equality Policy to All Staff. Mandatory to read and accept.",
    ],
    bulleted: true,
    teams: "Policy and Information team All staff",
    successMeasures: [
      "Increase in the number and quality of EqIA's completed.",
      "Increased understanding of equalities impact on decision making.",
      "NETconsent reporting and testing functionality used to ensure all staff have read and understood the policy.",
    ],
    dueText: "September 2018",
    officerLogins: [P.headOfPolicy, P.equalitiesPolicy],
  }),
  objective2017(
    "To deliver annual Equalities training to all elected members as part of ongoing professional development",
    {
      reference: "EM-17-2",
      actions: ["Equalities Training to be included in the Member Development Programme"],
      bulleted: false,
      teams: "Democratic Services & Policy and Information",
      successMeasures: [
        "Members demonstrating an understanding of the implications and importance of providing a sound evidence base as part of Equalities Impact Assessments in determining changes to or reviews of Policy decisions.",
      ],
      dueText: "May 2018",
      officerLogins: [P.democraticServices, P.headOfPolicy],
    },
  ),
  objective2017(
    "To ensure newly elected members are offered appropriate support to be effective in their role",
    {
      reference: "EM-17-3",
      actions: [
        "At new member induction session (and on a rolling annual basis) provide a form to request reports, minutes and communications in alternative formats such as large print.",
      ],
      bulleted: true,
      teams: "Democratic Services",
      successMeasures: [
        "Completed forms returned to Democratic Services.",
        "Take-up of support.",
        "Improved understanding of elected members and their needs and requirements within Democratic Services team.",
      ],
      dueText: "May 2018",
      officerLogins: [P.democraticServices],
    },
  ),
  objective2017("To develop and support member engagement with hard to reach groups in the community.", {
    reference: "EM-17-4",
    actions: ["Signpost members to appropriate bodies, forums and groups within the community"],
    bulleted: false,
    teams: "Democratic Services & Policy and Information",
    successMeasures: ["Improved engagement and understanding of seldom heard groups in Maidstone."],
    dueText: "May 2018",
    officerLogins: [P.democraticServices, P.headOfPolicy],
  }),
];
