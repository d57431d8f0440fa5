/**
 * "Appendix 1 – Updates on actions from 2022-23" (seed 004): per role, the objective as the appendix states it,
 * its Commitments column and its actions with their update and disposition, all in the appendix's order.
 * References number the actions in that order per role: CL-22-1..7, EM-22-1..4, SP-22-1..6.
 *
 * The appendix prints each role's commitments as one column beside the actions, without pairing them row by row
 * (the column's text runs on across the actions' rows), and shows no commitments for the Employer. So the seed
 * keeps both lists as the appendix does: the commitments on the objective, the actions directly under it. Where a
 * commitment restates a 2020 action it says so (`continues`: carried word for word, or developed), rather than
 * the two being merged into one item that neither document shows.
 *
 * Each update is the appendix's Update cell without the closing disposition sentence (rebuilt where the extraction
 * cut the lines; see docs/seed-provenance.md). The appendix gives no day, so updates are dated 31 March 2023, the
 * period's end, and marked so. Status: "not recorded" (the appendix records dispositions, not statuses).
 */
import type { TreeAction, TreeObjective } from "../domain/plan-tree.ts";
import type { Disposition } from "../domain/types.ts";
import { SEED_UPNS as P } from "./people.ts";


export const SOURCE_2022_23 = "Appendix 1 – Updates on actions from 2022-23";
/** Who reported the updates: the appendix names no team, only the council whose paper it is. */
export const UPDATE_SOURCE_2022_23 = `Maidstone Borough Council, ${SOURCE_2022_23}`;

interface Action2223 {
  text: string;
  update: string;
  disposition: Exclude<Disposition, "open">;
  officerLogins: string[];
  teams?: string;
  characteristics?: string[];
}

/** 004's actions of one role, numbered in the appendix's order ("CL" → CL-22-1, …). */
function actions2223(prefix: string, items: Action2223[]): TreeAction[] {
  return items.map((a, i) => ({
    reference: `${prefix}-22-${i + 1}`,
    text: a.text,
    teams: a.teams ?? "",
    officerLogins: a.officerLogins,
    dueText: "",
    status: "not-recorded",
    disposition: a.disposition,
    characteristics: a.characteristics ?? [],
    updates: [
      {
        date: "2023-03-31",
        datePrecision: "period-end",
        period: "2022-23",
        kind: "progress",
        source: UPDATE_SOURCE_2022_23,
        authorName: "",
        text: a.update,
        // The council published the appendix: its words are the approved text.
        publication: "approved",
      },
    ],
  }));
}

export const COMMUNITY_LEADER_2022_23: TreeObjective = {
  // As 004 states it: the 2020 objective's words without the full stop.
  statement: "To lead by example, to ensure every individual resident is connected and supported",
  source: SOURCE_2022_23,
  commitments: [
    {
      statement:
        "We will work closely with our partners (Voluntary and Community Sector, Anchor Institutions, Parishes and Church and Faith groups) to:\n• Identify opportunities for joined up working and improving our ability to share information to support and engage our wider communities.\n• Increase volunteering opportunities and participation, funding and support.",
      // Shares "support and engage our wider communities" with CL-20-3 but restates too little of it to link.
    },
    {
      statement:
        "We will undertake a review of consultation and engagement activities to ensure that they maximise resident participation and are representative of Maidstone's demographic.",
      continues: { reference: "CL-20-4", kind: "carried" },
    },
    {
      statement:
        "We will support and promote diversity and inclusion in the borough through our communications and events – with a focus on our seldom-heard communities.",
      continues: { reference: "CL-20-6", kind: "carried" },
    },
    {
      statement:
        "We will support our serving and veteran communities through our commitment to the Armed Forces Covenant and responsibilities under the Armed Forces Act 2021 with guidance provided to staff across all services.",
      continues: { reference: "CL-20-8", kind: "developed" },
    },
  ],
  actions: actions2223("CL", [
  {
    text: "Ongoing delivery of One View project.",
    teams: "Housing team",
    officerLogins: [P.housing],
    characteristics: ["poverty"],
    disposition: "ongoing",
    update:
      "The Housing team continue to work on developing the OneView system A […] nd advisor was recruited to support he second project. Join up has been created with Housing Associations to deliver hardship payments. The project has won an award and has been identified was also recently reviewed by The Equality and Human Rights Commission (EHRC) have reviewed this project and highlighted it as an example of a project using innovative technology is advancing equality of opportunity and are currently working with Maidstone to develop it as a case study. Further project areas were identified, Violence Reduction, Health Inequalities, Food Insecurity and Damp and Mould.",
  },
  {
    text: "Implement no wrong door (local campaign to signpost to services) – increasing access to services.",
    // 004 names the Welfare Officer role in its update.
    officerLogins: [P.welfare, P.equalitiesLead, P.housing],
    characteristics: ["poverty"],
    disposition: "ongoing",
    update: [
      "There is join up between several frontline services and other local service providers. For example, Housing and the CAB have undertaken a Debt advice Pilot at Trinity.",
      "The Welfare Officer role which supports delivery of the Council's Hardship Fund w […] d works closely with community groups, community wardens and is the point of contact for those experiencing immediate financial need and support. The role also works closely with internal services including Housing and Revenues and Benefits to maximise support and support the prevention of homelessness.",
      "The role is supported by Policy in Practice's Low Income Family Tracker (LIFT dashboard) which enables the Council to identify families and individuals who are impacted by Welfare Reforms, struggling financially, and could be missing out on benefits.",
    ].join("\n\n"),
  },
  {
    text: "Provide access to digital training and support at Trinity House.",
    officerLogins: [P.equalitiesLead],
    disposition: "closed",
    update:
      "The Training suite up at Trinity House is now up and running. Training and Support has been offered and a pilot with Digital Kent Volunteer Programme to support residents at Trinity House has been undertaken.",
  },
  {
    text: "Increase response rates from underrepresented groups though us of Let's Talk Maidstone (the Council's new public engagement platform)",
    officerLogins: [P.communications, P.dataIntelligence],
    disposition: "developed",
    update: [
      "The Let's Talk Maidstone site was launched in 2022 and provides a variety of engagement tools for Public consultation activities.",
      "It is recognised that there are some groups that remain difficult to reach. Analysis has been undertaken of all consultation demographics to identify those seldom heard groups. Support has been sought from the consultation institute to best approach engagement and new action has been identified for year 2023-24.",
    ].join("\n\n"),
  },
  {
    text: "Expand internal Equality Diversity and Inclusion Group to provide internal direction and challenge.",
    officerLogins: [P.equalitiesLead],
    disposition: "developed",
    update:
      "The group continues to meet and has informed the development of the new action plan. It has been expanded to include wider group of front-line service areas providing expertise and insight on community and seldom heard groups.",
  },
  {
    text: "Annual calendar of events to celebrate diversity and promote inclusion in Maidstone.",
    officerLogins: [P.equalitiesLead, P.communications],
    disposition: "ongoing",
    update:
      "Google calendar developed for Intranet and website. Further work is required on this to embed the calendar of events both internally and externally.",
  },
  {
    text: "Provide guidance to enable all staff to support Armed Forces Community",
    officerLogins: [P.equalitiesLead],
    characteristics: ["armed-forces"],
    disposition: "ongoing",
    update:
      "Armed Forced pages have been updated on the Website. It has been identified that Forces Connect App not sufficient in terms of information for Veterans in local community so more work needs to be done.",
  },
  ]),
};

export const EMPLOYER_2022_23: TreeObjective = {
  statement:
    "To lead a diverse and inclusive workforce that is reflective of the borough of Maidstone where residents and colleagues feel safe, confident, and empowered to challenge and bring about change.",
  source: SOURCE_2022_23,
  // 004 shows no commitments for the Employer.
  actions: actions2223("EM", [
  {
    text: "Introduce Equalities Champions (including elected member and senior leadership)",
    officerLogins: [P.workforce, P.headOfPolicy],
    disposition: "closed",
    update: "A Senior Leader Champion and a Member Champion agreed.",
  },
  {
    text: "Deliver the Culture change project.",
    officerLogins: [P.workforce],
    disposition: "closed",
    update:
      "The culture change project has been delivered and new actions are identified in the refreshed Workforce Strategy to support Inclusion and Belonging for staff.",
  },
  {
    text: "Introduce Bi-Annual staff EDI survey to identify need and benchmark progress",
    officerLogins: [P.workforce, P.dataIntelligence],
    disposition: "closed",
    update:
      "Carried out first EDI Staff Survey (the detailed questions considered best practice are not included in the biannual staff survey). The survey is intended to provide a baseline understand of the organisations diversity and provide the basis for exploring and responding to staff need.",
  },
  {
    text: "Provide training and support for Mental Health Champions",
    officerLogins: [P.workforce],
    characteristics: ["disability"],
    disposition: "ongoing",
    update:
      "The Staff EDI Survey suggests that employee Mental Health is better than national picture (1 in 6) however there has been an increase in Mental Health sick days and an increase in counselling referrals. There has been continued provision of Mental Health Champions (including training and development of mental health first aiders). The use of Mental Health Champions has been low and it has been identified that support is required for managers in terms of training and resilience. so further work is required here.",
  },
  ]),
};

export const SERVICE_PROVIDER_2022_23: TreeObjective = {
  // As 004 states it ("the Council's values"; 001 has "Council's values.").
  statement: "To deliver inclusive services in accordance with the Council's values",
  source: SOURCE_2022_23,
  commitments: [
    { statement: "We will use specific and meaningful language when referring to diverse communities." },
    { statement: "We will support access to services and support through ICT process, communication and join up with partners." },
    {
      // The Community Leader's 2020 recovery action, extended (and moved to this role); 004's stray ". including" is
      // the trace of the insertion.
      statement:
        "We will take an evidence-based approach to leading recovery supporting financial inclusion and social well-being in Maidstone. including a specific work stream on communities.",
      continues: { reference: "CL-20-2", kind: "developed" },
    },
    { statement: "We will review the Equalities Impact Assessment processes.", continues: { reference: "SP-20-7", kind: "carried" } },
    {
      statement:
        "We will review and identify our policies where we consider equalities impacts and identify how we can improve outcomes through revisions to policy.",
      continues: { reference: "SP-20-1", kind: "carried" },
    },
  ],
  actions: actions2223("SP", [
  {
    text: "Adopt of LGA Inclusive Language Guide",
    officerLogins: [P.communications, P.equalitiesPolicy],
    disposition: "ongoing",
    update:
      "The inclusive language guide has not yet been released for adoption. This has been retained as an action with alternative options to be explored in place of the LGA guide.",
  },
  {
    text: "Proactively use 'neutral spaces' to increase access to support and services for residents",
    officerLogins: [P.equalitiesLead, P.housing, P.welfare],
    characteristics: ["poverty"],
    disposition: "ongoing",
    update:
      "Face to face support has been provided at Trinity House and other sites for debt advice, and digital services. Cost-of-living events, Community Larders, Council tax, Welfare support and Housing. This action will be retained/ […]",
  },
  {
    text: "Identify emerging needs from Census data.",
    officerLogins: [P.dataIntelligence],
    disposition: "closed",
    update:
      "Analysis of the Census data has been undertaken. Results have been published of all high-level data on dashboards on the Council's website. Significant engagement with Unit Managers, Wider Leadership Team, Inclusion Board and EDI staff group on how to use census to understand resident need.",
  },
  {
    text: "Include 'Poverty' as a local protected characteristic with the EqIA process",
    officerLogins: [P.equalitiesPolicy],
    characteristics: ["poverty"],
    disposition: "closed",
    update: [
      "9 protected characteristics were expanded to include Poverty (and Armed Forces) to ensure we continue to look beyond existing perceptions of vulnerable groups.",
      "EqIA template document and guidance updated to support data led decision making. Training was rolled out to Unit managers.",
    ].join("\n\n"),
  },
  {
    text: "Include Armed Forces Act 2021 in Equality, Diversity and Inclusion Policy",
    officerLogins: [P.equalitiesPolicy],
    characteristics: ["armed-forces"],
    disposition: "closed",
    update:
      "Armed Forces included in revised Policy and guidance and template documents for EqIAs alongside Poverty as 'local protected characteristics.",
  },
  {
    text: "Prioritise existing policies by review date and implement process of review for equalities",
    officerLogins: [P.equalitiesLead, P.equalitiesPolicy, P.headOfPolicy],
    disposition: "ongoing",
    update:
      "The process has been reactive to date rather than priority. It has been identified that further work is required to support unit managers to implement EDI into policy and service development so this action has been broadened to include working with services to increase knowledge.",
  },
  ]),
};
