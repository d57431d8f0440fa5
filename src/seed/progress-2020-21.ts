/**
 * The 2020-21 progress the 2021 committee report (seed 000, "Equalities Objectives and Action Plan – Update",
 * Policy and Resources Committee, 20 October 2021) reports, in the report's order, word for word. Each item becomes
 * a 2020-21 update on the 2020 action(s) it speaks of (plan-2020-revision.ts); the covering report
 * (cover-report-2020-21.ts) quotes the same texts in its paragraphs 2.10 to 2.12.
 *
 * Where an update leaves out part of a paragraph, the gap is marked " […] ". Bullets are "• " lines.
 */
import type { TreeUpdate } from "../domain/plan-tree.ts";

/** The body that reported the progress: the report's authors (by role) to the committee that received it. */
export const SOURCE_2020_21 = "Policy and Communities team, report to Policy and Resources Committee";
/** The date of the committee meeting that received the report (000, Timetable). */
export const COMMITTEE_DATE_2020_21 = "2021-10-20";

/** 000 §2.10, first sentences: the lead-in of the "Positive progress" list. */
export const RELATIONSHIPS_LEAD_IN =
  "The Council's response to the pandemic has led to a strengthening of its relationships with the Community and Voluntary Sector and with Parish Councils.";
export const CONSULTATION_SENTENCE =
  "There has been extensive public and staff consultation during the past year, some of which has been business as usual but there has also been an increased need to understand the impact of the pandemic on its communities, businesses and staff to inform decision making.";
export const POSITIVE_PROGRESS = "Positive progress has been made and this includes:";

/** 000 §2.10, the bullets of "Positive progress", in order. */
export const PROGRESS_2_10 = {
  repository: "The Development of a Community Group Repository which has facilitated wider engagement with Communities.",
  singlePoint:
    "Creation of a single point of contact for Community Groups and Parishes at the Council. This offer includes a dedicated email address for the Voluntary and Community Sector and Parish Councils.",
  winterGrants: "The provision of funding via the Winter Grants Scheme, administered by the Community Hub.",
  consultations:
    "There were a total of 23 consultations completed in 2020/21; 14 were external resident or stakeholder surveys and 9 were internal staff or Member surveys. There have been 15 consultations for 2021/22 to date.",
  staffWellbeing:
    "Support for staff working at home has adapted with learning and development delivered online. This has included regular sessions focused on mental health and well-being. This is in addition to the Employment Assistance Programme and Mental Health First Aiders already in place.",
  roughSleeping:
    "Rough Sleeping initiative implemented to provide mental health outreach provided by the Housing team. The scheme has been a success and has been extended to March 2022.",
  // The extraction shows "[update report](#)": a hyperlink whose target is not in the text; its words are kept.
  accessToServices:
    "Access to Services Member Review. Members have had 6 meetings covering the Website Accessibility, Online Services, Digital Inclusion and Communication and Engagement. The review is at a learning and evidence gathering stage, however a number recommendations have already been made to support digital accessibility via the Council's website and vulnerable groups affected by digital inclusion. These included recommendations to support Councillors' understanding and use of digital services, a digital process on the website for users to report issues or seek assistance and advice with online accessibility, a review of the Community Group Repository provided by Involve and an agreed process to review and maintain the repository on quarterly basis to ensure it is fit for purpose and a commitment by the group to support Digital Inclusion as workstreams develop in this area. This includes the reuse of ICT equipment to support the digitally excluded. An update report was taken to CHE Committee in April 2021.",
} as const;

/** 000 §2.11, the areas "less developed", in order. */
export const PROGRESS_2_11 = {
  compassionate:
    "Compassionate Borough Status. The Council agreed to work with Heart of Kent Hospice on a legacy to the Elmer trail. This has been delayed by a year. Work on this project has recently restarted with Council Officers working with the Hospice to form a steering group for the project. In the interim the Heart of Kent Hospice and Council recognised the achievements of the Community via the Compassionate Maidstone Awards.",
  officerGroup:
    "An Equalities Officer Group has been formed to create join up across key areas through shared learning and the development of shared resources. The scope of the group has been limited as work around public engagement and events has not been possible and are areas where its expertise are valued.",
  calendar: "A shared diversity calendar aligning events from services across the Council is planned but work has not been completed.",
} as const;

/** 000 §2.12 (Looking Forward): the Armed Forces Bill. */
export const ARMED_FORCES_2_12 =
  "The Council's commitment to the Armed Force Covenant is referenced within the Action Plan. The Equalities Armed Forces Bill 2021 is likely to bring changes that will need to be reflected in work on the Equalities Impact Assessments and guidance. It is recommended that due regard to this is embedded in current progress including the EqIA. Progress will be noted as part the action plan monitoring.";

const bullets = (...items: string[]) => items.map((i) => `• ${i}`).join("\n");

/** A 2020-21 update as the committee report gives it: dated with the committee date (an exact date), approved. */
export function update2020_21(text: string): TreeUpdate {
  return {
    date: COMMITTEE_DATE_2020_21,
    datePrecision: "exact",
    period: "2020-21",
    kind: "progress",
    source: SOURCE_2020_21,
    authorName: "",
    text,
    // Published in the committee paper: approved as written.
    publication: "approved",
  };
}

/** The update texts by the 2020 action they are seeded on, in the report's order. */
export const UPDATES_2020_21 = {
  relationships: `${RELATIONSHIPS_LEAD_IN} […] ${POSITIVE_PROGRESS}\n${bullets(PROGRESS_2_10.repository, PROGRESS_2_10.singlePoint, PROGRESS_2_10.winterGrants)}`,
  consultations: `${CONSULTATION_SENTENCE}\n\n${PROGRESS_2_10.consultations}`,
  staffWellbeing: PROGRESS_2_10.staffWellbeing,
  roughSleeping: PROGRESS_2_10.roughSleeping,
  accessToServices: PROGRESS_2_10.accessToServices,
  compassionate: PROGRESS_2_11.compassionate,
  officerGroup: PROGRESS_2_11.officerGroup,
  calendar: PROGRESS_2_11.calendar,
  armedForces: ARMED_FORCES_2_12,
} as const;
