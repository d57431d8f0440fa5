/**
 * The 2020-21 covering report: the 2021 committee report "Equalities Objectives and Action Plan – Update" (seed 000)
 * as a CoverReport (src/domain/cover-report.ts), word for word, so that a committee cover report can be reproduced
 * from the seed. People appear by role only: the officers 000 names are left out (their posts are kept).
 * Paragraphs 2.10 to 2.12 quote the progress that is also seeded as 2020-21 updates (progress-2020-21.ts).
 */
import type { CoverReportInput } from "../domain/cover-report.ts";
import {
  ARMED_FORCES_2_12,
  CONSULTATION_SENTENCE,
  POSITIVE_PROGRESS,
  PROGRESS_2_10,
  PROGRESS_2_11,
  RELATIONSHIPS_LEAD_IN,
} from "./progress-2020-21.ts";

/** 000 §1, Impact on Corporate Priorities: "The four Strategic Plan objectives are: …". */
export const STRATEGIC_PLAN_OBJECTIVES = [
  "Embracing Growth and Enabling Infrastructure",
  "Safe, Clean and Green",
  "Homes and Communities",
  "A Thriving Place",
] as const;

/** 000 §1, Cross Cutting Objectives: "The four cross-cutting objectives are: …". */
export const CROSS_CUTTING_OBJECTIVES_2021 = [
  "Heritage is Respected",
  "Health Inequalities are Addressed and Reduced",
  "Deprivation and Social Mobility is Improved",
  "Biodiversity and Environmental Sustainability is Respected",
] as const;

const HEAD_OF_POLICY = "Head of Policy, Communications and Governance";
const bulleted = (lead: string, items: readonly string[]) => [lead, ...items.map((i) => `• ${i}`)].join("\n");

export const COVER_REPORT_2020_21: CoverReportInput = {
  title: "Equalities Objectives and Action Plan – Update",
  period: "2020-21",
  finalDecisionMaker: "Policy and Resources Committee",
  leadRoles: [
    { role: "Lead Head of Service", holder: HEAD_OF_POLICY },
    // 000 names two officers here; their posts are what the seed keeps.
    { role: "Lead Officer and Report Author", holder: "Corporate Insight, Communities and Governance" },
    { role: "Lead Officer and Report Author", holder: "Senior Policy and Communities Officer" },
  ],
  classification: "Public",
  wardsAffected: "All",
  executiveSummary: [
    "This report provides an update on the current Equalities Objectives and Action Plan. The action plan was revised in 2020 in response to COVID-19 and the challenges faced in tackling disadvantage in Maidstone.",
  ],
  decisionSought: "This report is for discussion and noting.",
  purpose: ["To note the progress update to be taken to Committee."],
  recommendations: ["To note the progress on the Equalities Objectives and Action Plan update at appendix 1 to the report."],
  timetable: [
    { meeting: "CLT", date: "2021-10-05" },
    { meeting: "Policy and Resources Committee", date: "2021-10-20" },
  ],
  crossCuttingImplications: [
    {
      issue: "Impact on Corporate Priorities",
      implications: [
        bulleted("The four Strategic Plan objectives are:", STRATEGIC_PLAN_OBJECTIVES),
        "Accepting the recommendations will materially improve the Council’s ability to achieve all 4 strategic priorities.",
      ],
      signOff: HEAD_OF_POLICY,
    },
    {
      issue: "Cross Cutting Objectives",
      implications: [
        bulleted("The four cross-cutting objectives are:", CROSS_CUTTING_OBJECTIVES_2021),
        "The report recommendations support the achievements of ‘Heritage is Respected’, ‘Health Inequalities are Addressed and Reduced’ and ‘Deprivation and Social Mobility are Improved’ cross cutting objectives by proposing actions which support their delivery.",
      ],
      signOff: HEAD_OF_POLICY,
    },
    { issue: "Risk Management", implications: ["Please refer to paragraph 5.1 in the report."], signOff: HEAD_OF_POLICY },
    {
      issue: "Financial",
      implications: ["All of the proposals set out in the recommendations are within approved budgetary headings and so need no new funding for implementation."],
      signOff: "Section 151 Officer & Finance Team",
    },
    { issue: "Staffing", implications: ["We will deliver the recommendations with our current staffing."], signOff: HEAD_OF_POLICY },
    {
      issue: "Legal",
      implications: [
        "Accepting the recommendations will fulfil the Council's duties under the Public Sector Equalities Duty. Failure to accept the recommendations without agreeing suitable alternatives may place the Council in breach of Equality Act 2010.",
      ],
      signOff: "Legal Team",
    },
    {
      issue: "Privacy and Data Protection",
      implications: [
        "Accepting the recommendations will increase the volume of data held by the Council. We will process data in accordance with the Data Protection Act 2018.",
      ],
      signOff: "Corporate Insight, Communications and Governance Team",
    },
    {
      issue: "Equalities",
      implications: ["Reviewing and reporting on the progress of the Equalities Objectives and Action Plan."],
      signOff: "Equalities and Communities Officer",
    },
    {
      issue: "Public Health",
      implications: ["We recognise that the recommendations will have a positive impact on population health or that of individuals."],
      signOff: "Public Health Officer",
    },
    { issue: "Crime and Disorder", implications: ["No impact identified."], signOff: HEAD_OF_POLICY },
    { issue: "Procurement", implications: ["No impact identified."], signOff: HEAD_OF_POLICY },
  ],
  strategicPlanObjectives: [...STRATEGIC_PLAN_OBJECTIVES],
  crossCuttingObjectives: [...CROSS_CUTTING_OBJECTIVES_2021],
  sections: [
    {
      number: "2",
      heading: "Introduction and background",
      paragraphs: [
        {
          number: "2.1",
          text: "The Equalities Policy was approved by Committee in 2017, setting out the Council's commitments under the Equalities Act 2010 and the way in which it will fulfil the Public Sector Equality Duty. The Objectives and Action Plan are monitored, reviewed, and reported on, on an annual basis. There have been no recent legislative changes, therefore the Policy does not require review.",
        },
        {
          number: "2.2",
          text: "The objectives and action plan that support delivery of the Policy were reviewed in 2020. Greater context was provided on the Council's responsibilities and the actions were aligned with the roles and objectives in 2020. This approach provides greater transparency for how the Council meets its Public Sector Equality Duty.",
        },
        { number: "2.3", text: "The Council has three clear roles which frame the objectives: Community Leader, Employer and Service Provider." },
        {
          number: "2.4",
          text: "The framework helps to provide transparency and understanding on the Council's approach. It is important that staff understand how the work that they do contributes to the delivery of these objectives and in relation to the organisational aims set out in the Strategic Plan.",
        },
        {
          number: "2.5",
          text: "The actions detailed in the action plan reflect current workstreams or areas where development was required in services across the Council.",
        },
        {
          number: "2.6",
          text: "The actions have been closely monitored over the course of the past year and this report (and appendix) provide an update on what has been achieved.",
        },
        {
          number: "2.7",
          text: "The way in which the Council supports and engages with its communities has strengthened in the past year. The Council's Recovery and Renewal Strategy underpins this commitment and includes a specific Communities workstream to be delivered. It is important that this Strategy is referenced with the action plan.",
        },
      ],
    },
    {
      number: "",
      heading: "Update on actions",
      paragraphs: [
        {
          number: "2.8",
          text: "COVID-19 restrictions have impacted the way in which we deliver our services and engage with residents. Whilst significant progress has been made against the actions set, there are areas that require renewed focus and improvement. A complete update on all actions can be found at appendix 1.",
        },
        {
          number: "2.9",
          text: "The Council has adapted well to the challenges of the last year and a commitment can be seen across all three roles and objectives. It is important that it remains focused on understanding the needs of its communities to be in a position to respond to their needs.",
        },
        {
          number: "2.10",
          text: bulleted(`${RELATIONSHIPS_LEAD_IN} ${CONSULTATION_SENTENCE} ${POSITIVE_PROGRESS}`, Object.values(PROGRESS_2_10)),
        },
        {
          number: "2.11",
          text: bulleted(
            "The past year has been challenging and the Council's resources have been stretched with Officers having to support other service areas in order to respond to the needs of residents and businesses. It was not only the Council that was affected, partner organisations and the Community and Voluntary Sector were also impacted heavily. There are therefore areas within the action plan which are less developed. This is reflected in the action plan. Progress is noted in Appendix 1 but where it has not been feasible, the planned actions for the coming months are highlighted in the column 'next steps'. This includes:",
            Object.values(PROGRESS_2_11),
          ),
        },
      ],
    },
    {
      number: "",
      heading: "Looking Forward",
      paragraphs: [
        { number: "2.12", text: ARMED_FORCES_2_12 },
        {
          number: "2.13",
          text: "Further changes to the Equalities Objectives and Action Plan are not recommended as whilst some progress has been made the actions, the workstreams remain relevant and ongoing.",
        },
      ],
    },
  ],
  options: [
    {
      number: "3.1",
      text: "Note the Equalities Objectives and Action Plan and continue to monitor the actions set to enable the organisation to continue to improve on the way in which it fulfils the Public Sector Equalities Duty.",
      recommended: true,
    },
    {
      number: "3.2",
      text: "Do nothing. This course of action is not recommended because it has a statutory duty under the Public Sector Equality Duty.",
      recommended: false,
    },
    {
      number: "3.3",
      text: "Revise the Equalities Objectives and Action Plan. This course of action is not recommended because actions and supporting recommendations remain relevant and ongoing.",
      recommended: false,
    },
  ],
  preferredOptionReasons: [{ number: "4.1", text: "To note the progress made on objectives and actions as detailed in Appendix 1." }],
  risks: [
    {
      number: "5.1",
      text: "The Council has a statutory responsibility under the Public Sector Equality Duty to report its progress on annual basis. The Equalities Objectives and Action Plan were agreed by Committee in 2020. No changes are recommended.",
    },
  ],
  consultation: [{ number: "6.1", text: "None." }],
  nextSteps: [{ number: "7.1", text: "The action plan will continue to be monitored by the Equalities and Communities Officer." }],
  appendices: ["Appendix 1: Progress Update on the actions included in the Equalities Objective and Action Plan 2017-21"],
};
