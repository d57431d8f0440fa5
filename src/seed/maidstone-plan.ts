/**
 * Maidstone Borough Council's Equality Objectives and Action Plan 2017-2021, as one plan tree, built from the public
 * documents in shared/seeds (text extracted from the council's PDFs):
 *   002 "Our Equalities Policy and Objectives 2017-2021": role statements and the 2017 objectives & action table;
 *   001 "Revised Equality Objectives and Action Plan 2017-2021" (2020): objectives, why it matters, commitments
 *       ("We will ..."), outcomes/measures, connections, priorities, cross-cutting objectives;
 *   004 "Appendix 1 – Updates on actions from 2022-23": commitments, actions, updates and dispositions.
 * Wording is kept exactly as the sources have it, typos included ("though us of", "Armed Forced", "Adopt of").
 * How cut-off text was rejoined, and every judgement call, is written down in docs/seed-provenance.md.
 */
import type { PlanTreeInput, TreeAction } from "../domain/plan-tree.ts";
import { SEED_EMAILS as P } from "./people.ts";

/** The 2022-23 updates were written at the year's end by the Equalities and Communities Officer (004). */
const UPDATE_2022_23 = {
  date: "2023-03-31",
  authorName: "Equalities and Communities Officer",
  period: "2022-23",
  kind: "progress",
} as const;

type Disposition2223 = "closed" | "ongoing" | "developed";

interface Action2223 {
  reference: string;
  text: string;
  update: string;
  disposition: Disposition2223;
  officerEmails: string[];
  teams?: string;
  characteristics?: string[];
}

/**
 * Position of a 2022-23 action in the appendix (004), which lists Community Leader (7), Employer (4), then Service
 * Provider (6): the report reproduces this order whatever commitment an action sits under.
 */
const APPENDIX_OFFSET: Record<string, number> = { CL: 0, EM: 7, SP: 11 };
function appendixOrder(reference: string): number {
  const [role, , n] = reference.split("-");
  return APPENDIX_OFFSET[role] + Number(n);
}
/** The 2017 table (002) comes after the appendix, in the table's own order. */
const TABLE_OFFSET: Record<string, number> = { CL: 100, SP: 104, EM: 107 };
function tableOrder(reference: string): number {
  const [role, , n] = reference.split("-");
  return TABLE_OFFSET[role] + Number(n);
}

/** A 2022-23 action from the appendix (004): closed ones are complete, the rest carry on (on track). */
function action2223(a: Action2223): TreeAction {
  return {
    order: appendixOrder(a.reference),
    reference: a.reference,
    text: a.text,
    teams: a.teams ?? "",
    officerEmails: a.officerEmails,
    dueText: "",
    status: a.disposition === "closed" ? "complete" : "on-track",
    disposition: a.disposition,
    characteristics: a.characteristics ?? [],
    updates: [{ ...UPDATE_2022_23, text: a.update }],
  };
}

interface Action2017 {
  reference: string;
  actions: string[];
  /** True when the Actions cell is a bullet list (each item is then written "• item"). */
  bulleted: boolean;
  teams: string;
  successMeasures: string[];
  dueText: string;
  officerEmails: string[];
}

/** A 2017 action (002): superseded by the 2020 revision, so complete and closed. */
function action2017(a: Action2017): TreeAction {
  return {
    order: tableOrder(a.reference),
    reference: a.reference,
    text: a.bulleted ? a.actions.map((item) => `• ${item}`).join("\n") : a.actions.join("\n"),
    teams: a.teams,
    officerEmails: a.officerEmails,
    successMeasures: a.successMeasures,
    dueText: a.dueText,
    status: "complete",
    disposition: "closed",
  };
}

const objective2017 = (statement: string, action: Action2017) => ({ statement, actions: [action2017(action)] });

// ---------------------------------------------------------------------------------------------------------------
// Community Leader
// ---------------------------------------------------------------------------------------------------------------

const CL_ONE_VIEW = action2223({
  reference: "CL-22-1",
  text: "Ongoing delivery of One View project.",
  teams: "Housing team",
  officerEmails: [P.housing],
  characteristics: ["poverty"],
  disposition: "ongoing",
  update:
    "The Housing team continue to work on developing the OneView system A […] nd advisor was recruited to support he second project. Join up has been created with Housing Associations to deliver hardship payments. The project has won an award and has been identified was also recently reviewed by The Equality and Human Rights Commission (EHRC) have reviewed this project and highlighted it as an example of a project using innovative technology is advancing equality of opportunity and are currently working with Maidstone to develop it as a case study. Further project areas were identified, Violence Reduction, Health Inequalities, Food Insecurity and Damp and Mould.",
});

const CL_NO_WRONG_DOOR = action2223({
  reference: "CL-22-2",
  text: "Implement no wrong door (local campaign to signpost to services) – increasing access to services.",
  officerEmails: [P.equalitiesLead, P.housing],
  characteristics: ["poverty"],
  disposition: "ongoing",
  update: [
    "There is join up between several frontline services and other local service providers. For example, Housing and the CAB have undertaken a Debt advice Pilot at Trinity.",
    "The Welfare Officer role which supports delivery of the Council's Hardship Fund w […] d works closely with community groups, community wardens and is the point of contact for those experiencing immediate financial need and support. The role also works closely with internal services including Housing and Revenues and Benefits to maximise support and support the prevention of homelessness.",
    "The role is supported by Policy in Practice's Low Income Family Tracker (LIFT dashboard) which enables the Council to identify families and individuals who are impacted by Welfare Reforms, struggling financially, and could be missing out on benefits.",
  ].join("\n\n"),
});

const CL_DIGITAL_TRAINING = action2223({
  reference: "CL-22-3",
  text: "Provide access to digital training and support at Trinity House.",
  officerEmails: [P.equalitiesLead],
  disposition: "closed",
  update:
    "The Training suite up at Trinity House is now up and running. Training and Support has been offered and a pilot with Digital Kent Volunteer Programme to support residents at Trinity House has been undertaken.",
});

const CL_LETS_TALK = action2223({
  reference: "CL-22-4",
  text: "Increase response rates from underrepresented groups though us of Let's Talk Maidstone (the Council's new public engagement platform)",
  officerEmails: [P.communications, P.dataIntelligence],
  disposition: "developed",
  update: [
    "The Let's Talk Maidstone site was launched in 2022 and provides a variety of engagement tools for Public consultation activities.",
    "It is recognised that there are some groups that remain difficult to reach. Analysis has been undertaken of all consultation demographics to identify those seldom heard groups. Support has been sought from the consultation institute to best approach engagement and new action has been identified for year 2023-24.",
  ].join("\n\n"),
});

const CL_EDI_GROUP = action2223({
  reference: "CL-22-5",
  text: "Expand internal Equality Diversity and Inclusion Group to provide internal direction and challenge.",
  officerEmails: [P.equalitiesLead],
  disposition: "developed",
  update:
    "The group continues to meet and has informed the development of the new action plan. It has been expanded to include wider group of front-line service areas providing expertise and insight on community and seldom heard groups.",
});

const CL_CALENDAR = action2223({
  reference: "CL-22-6",
  text: "Annual calendar of events to celebrate diversity and promote inclusion in Maidstone.",
  officerEmails: [P.communications, P.equalitiesLead],
  disposition: "ongoing",
  update:
    "Google calendar developed for Intranet and website. Further work is required on this to embed the calendar of events both internally and externally.",
});

const CL_ARMED_FORCES = action2223({
  reference: "CL-22-7",
  text: "Provide guidance to enable all staff to support Armed Forces Community",
  officerEmails: [P.equalitiesLead],
  characteristics: ["armed-forces"],
  disposition: "ongoing",
  update:
    "Armed Forced pages have been updated on the Website. It has been identified that Forces Connect App not sufficient in terms of information for Veterans in local community so more work needs to be done.",
});

const COMMUNITY_LEADER = {
  name: "Community Leader",
  // 002, "Role 1: As a Community Leader: ..."
  statement: "We will engage with residents in an open and meaningful way.",
  objectives: [
    {
      // 001 (2020 revision); the 2022-23 appendix (004) repeats it without the full stop.
      statement: "To lead by example, to ensure every individual resident is connected and supported.",
      whyItMatters: [
        "Connection with our wider community is vital because it allows us to support one another, interact, and learn from each other through shared experiences.",
        "Working together with partners provides the opportunity to maximise our combined efforts, avoid duplication and make the greatest impact on communities.",
        "Building on an increased sense of community generated by Covid-19, we will continue to work to link our rural and urban communities, Parish Councils, businesses and resident and community groups and facilitate change using all the tools at our disposal.",
        "Communication and engagement are key and are central to everything we do, creating the opportunity for residents to have a greater say and control over decisions which affect their lives and their futures.",
        "We know where engagement and participation are low and recognise that the prospect of rising inequality can cause a disconnect in participation with the democratic process.",
      ],
      outcomes: [
        "Compassionate Borough Status",
        "A calendar of diversity as part of the Communications Strategy",
        "Increased response rates from underrepresented groups",
        "Increased volunteering participation",
        "Equalities Group formed and terms of reference set",
        "Training/guidance to all staff on Armed Forces Covenant",
        "Stronger relationships with the voluntary and community sector including our Parish Councils",
        "Review of historical assets completed, and action recommended",
      ],
      connections: ["Strategic Plan", "Communications Plan", "Covid-19 Recovery Plan"],
      priorities: ["All"],
      crossCutting: [
        "Heritage is Respected",
        "Health inequalities are addressed and reduced",
        "Deprivation is reduced and social mobility is improved",
      ],
      commitments: [
        // 2020 "Actions" (001), in order.
        {
          statement:
            "We will work with the Heart of Kent Hospice, Kent County Council, local businesses, community and faith groups to achieve Compassionate Borough Status.",
        },
        {
          statement:
            "We will take an evidence-based approach to leading recovery in Maidstone including a specific work stream on communities.",
        },
        {
          statement:
            "We will seek to build on the relationships we have developed with our communities as a result of the recent pandemic. We will communicate, engage with, and disseminate information to support and engage our wider communities including through the local Parish Councils and voluntary groups.",
        },
        {
          // Also in 004 word for word.
          statement:
            "We will undertake a review of consultation and engagement activities to ensure that they maximise resident participation and are representative of Maidstone's demographic.",
          actions: [CL_LETS_TALK],
        },
        {
          statement: "We will appoint an internal Equalities Group to lead and provide join-up across Council services.",
          actions: [CL_EDI_GROUP],
        },
        {
          // Also in 004 word for word.
          statement:
            "We will support and promote diversity and inclusion in the borough through our communications and events – with a focus on our seldom-heard communities.",
          actions: [CL_CALENDAR],
        },
        { statement: "We will audit and appraise historical assets within the borough of Maidstone." },
        {
          statement:
            "We will support our serving and veteran communities through our commitment to the Armed Forces Covenant with training/guidance provided to staff across all services.",
        },
        // 2022-23 commitments (004) that are not in the 2020 text, in the appendix's order.
        {
          statement:
            "We will work closely with our partners (Voluntary and Community Sector, Anchor Institutions, Parishes and Church and Faith groups) to:\n• Identify opportunities for joined up working and improving our ability to share information to support and engage our wider communities.\n• Increase volunteering opportunities and participation, funding and support.",
          actions: [CL_ONE_VIEW, CL_NO_WRONG_DOOR],
        },
        {
          statement:
            "We will support our serving and veteran communities through our commitment to the Armed Forces Covenant and responsibilities under the Armed Forces Act 2021 with guidance provided to staff across all services.",
          actions: [CL_ARMED_FORCES],
        },
      ],
      // Sits beside the consultation / diversity commitments in 004 but belongs to neither.
      actions: [CL_DIGITAL_TRAINING],
    },
    // 2017 objectives & action table (002), Role 1, in table order.
    objective2017("Increase understanding of Maidstone's residents through analysis of demographic information.", {
      reference: "CL-17-1",
      actions: [
        "Provide ward level analysis of demographic information from annual Resident's Survey to Ward Councillors.",
      ],
      bulleted: false,
      teams: "Policy and Information team – Data Intelligence Officer",
      successMeasures: ["Report to be produced for every ward member following annual Resident's Survey"],
      dueText: "November 2017",
      officerEmails: [P.dataIntelligence],
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
        officerEmails: [P.equalitiesPolicy],
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
        officerEmails: [P.dataIntelligence, P.equalitiesPolicy],
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
        officerEmails: [P.equalitiesPolicy, P.dataIntelligence],
      },
    ),
  ],
} satisfies PlanTreeInput["roles"][number];

// ---------------------------------------------------------------------------------------------------------------
// Service Provider
// ---------------------------------------------------------------------------------------------------------------

const SP_LANGUAGE = action2223({
  reference: "SP-22-1",
  text: "Adopt of LGA Inclusive Language Guide",
  officerEmails: [P.communications, P.equalitiesPolicy],
  disposition: "ongoing",
  update:
    "The inclusive language guide has not yet been released for adoption. This has been retained as an action with alternative options to be explored in place of the LGA guide.",
});

const SP_NEUTRAL_SPACES = action2223({
  reference: "SP-22-2",
  text: "Proactively use 'neutral spaces' to increase access to support and services for residents",
  officerEmails: [P.equalitiesLead, P.housing],
  characteristics: ["poverty"],
  disposition: "ongoing",
  update:
    "Face to face support has been provided at Trinity House and other sites for debt advice, and digital services. Cost-of-living events, Community Larders, Council tax, Welfare support and Housing. This action will be retained/ […]",
});

const SP_CENSUS = action2223({
  reference: "SP-22-3",
  text: "Identify emerging needs from Census data.",
  officerEmails: [P.dataIntelligence],
  disposition: "closed",
  update:
    "Analysis of the Census data has been undertaken. Results have been published of all high-level data on dashboards on the Council's website. Significant engagement with Unit Managers, Wider Leadership Team, Inclusion Board and EDI staff group on how to use census to understand resident need.",
});

const SP_POVERTY = action2223({
  reference: "SP-22-4",
  text: "Include 'Poverty' as a local protected characteristic with the EqIA process",
  officerEmails: [P.equalitiesPolicy],
  characteristics: ["poverty"],
  disposition: "closed",
  update: [
    "9 protected characteristics were expanded to include Poverty (and Armed Forces) to ensure we continue to look beyond existing perceptions of vulnerable groups.",
    "EqIA template document and guidance updated to support data led decision making. Training was rolled out to Unit managers.",
  ].join("\n\n"),
});

const SP_ARMED_FORCES_ACT = action2223({
  reference: "SP-22-5",
  text: "Include Armed Forces Act 2021 in Equality, Diversity and Inclusion Policy",
  officerEmails: [P.equalitiesPolicy],
  characteristics: ["armed-forces"],
  disposition: "closed",
  update:
    "Armed Forces included in revised Policy and guidance and template documents for EqIAs alongside Poverty as 'local protected characteristics.",
});

const SP_POLICY_REVIEW = action2223({
  reference: "SP-22-6",
  text: "Prioritise existing policies by review date and implement process of review for equalities",
  officerEmails: [P.equalitiesPolicy, P.headOfPolicy],
  disposition: "ongoing",
  update:
    "The process has been reactive to date rather than priority. It has been identified that further work is required to support unit managers to implement EDI into policy and service development so this action has been broadened to include working with services to increase knowledge.",
});

const SERVICE_PROVIDER = {
  name: "Service Provider",
  // 002, "Role 2: As a Service Provider: ..."
  statement: "We will ensure our services are inclusive, accessible and support residents and customers.",
  objectives: [
    {
      statement: "To deliver inclusive services in accordance with Council's values.",
      whyItMatters: [
        "No resident should be disadvantaged.",
        "Whether a resident needs our support or services on an ongoing basis, an occasional basis or at a point of crisis, we want them to know how to access what they need, when they need it.",
        "COVID-19 has challenged service providers to react and respond quickly to customer needs. Our recovery from this global pandemic provides the opportunity to reassess our service delivery from a completely fresh perspective. We must continue to be responsive to factors outside our control that impact and influence our communities.",
        "Our recovery from COVID-19 must be inclusive. We must be in a position to consider and respond appropriately to ensure that the socioeconomic impact is mitigated so it does not disadvantage some of our communities more than others.",
        "To be in a position to do this, we must fully understand who our communities are, and it is essential that our staff understand our residents' expectations in order to meet their needs.",
        "Resident involvement is an essential part of our decision-making process for it to be considered robust and fit for purpose.",
        "Publicising our data and using it to inform and underpin our decisionmaking process is crucial for transparency.",
        "Smarter use of our data and data analytics will in turn inform our staff of who our communities are.",
        "Through our service delivery we will strive to make positive impacts on residents' mental health. This will be made possible through our commitment as an employer.",
        "We will improve our service delivery by reviewing access to our services and ensuring this is equitable.",
      ],
      // 001 calls them "Measures" for this role.
      outcomes: [
        "Outreach vulnerabilities data.",
        "Increased completion of Equalities Impact Assessments with clearer and more transparent evidence of Equalities in decision making.",
        "Clear Equalities evidence base produced to inform social value as part of the Commissioning and Procurement strategy.",
        "Museum collection with clearer links to the local community and to the communities of the collections' origins.",
        "Equalities Group formed and terms of reference set.",
        "Outcomes from the Access to Services review.",
      ],
      connections: ["Strategic Plan", "Homelessness and Rough Sleepers Strategy", "Museum's 25-year plan"],
      priorities: ["Homes and Communities", "A Thriving Place"],
      crossCutting: [
        "Health inequalities are addressed and reduced",
        "Deprivation is reduced and social mobility is improved",
      ],
      commitments: [
        {
          // 004 has the same statement with "equalities" in lower case.
          statement:
            "We will review and identify our policies where we consider Equalities impacts and identify how we can improve outcomes through revisions to policy.",
          actions: [SP_ARMED_FORCES_ACT, SP_POLICY_REVIEW],
        },
        { statement: "We will appoint an Equalities Group to lead and provide join-up across Council services." },
        {
          statement:
            "We will work with the community through consultation processes, increasing our offer of focus group and participatory methods to increase engagement with seldom-heard groups.",
        },
        {
          statement:
            "We will work collaboratively with the museum and its programme of events to promote diversity and inclusion and strengthen ties to seldom-heard communities.",
        },
        {
          statement:
            "We will undertake a Councillor-led Access to Services Review which will assess:\n• Digital Inclusion and website accessibility\n• Enabling communications\n• Our buildings",
        },
        {
          statement:
            "We will work in partnership to deliver the Rough Sleeping initiative delivery plan to provide mental health outreach.",
        },
        {
          // 004: "We will review the Equalities Impact Assessment processes." (same statement, one word more).
          statement: "We will review Equalities Impact Assessment processes.",
          actions: [SP_POVERTY],
        },
        { statement: "We will develop processes to ensure Social Value is a core consideration of our decision making." },
        // 2022-23 commitments (004) that are not in the 2020 text, in the appendix's order.
        {
          statement: "We will use specific and meaningful language when referring to diverse communities.",
          actions: [SP_LANGUAGE],
        },
        {
          statement:
            "We will support access to services and support through ICT process, communication and join up with partners.",
          actions: [SP_NEUTRAL_SPACES],
        },
        {
          statement:
            "We will take an evidence-based approach to leading recovery supporting financial inclusion and social well-being in Maidstone. including a specific work stream on communities.",
          actions: [SP_CENSUS],
        },
      ],
    },
    // 2017 objectives & action table (002), Role 2, in table order.
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
        officerEmails: [P.equalitiesPolicy, P.dataIntelligence],
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
      officerEmails: [P.equalitiesPolicy],
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
      officerEmails: [P.procurement],
    }),
  ],
} satisfies PlanTreeInput["roles"][number];

// ---------------------------------------------------------------------------------------------------------------
// Employer
// ---------------------------------------------------------------------------------------------------------------

const EM_CHAMPIONS = action2223({
  reference: "EM-22-1",
  text: "Introduce Equalities Champions (including elected member and senior leadership)",
  officerEmails: [P.workforce, P.headOfPolicy],
  disposition: "closed",
  update: "A Senior Leader Champion and a Member Champion agreed.",
});

const EM_CULTURE = action2223({
  reference: "EM-22-2",
  text: "Deliver the Culture change project.",
  officerEmails: [P.workforce],
  disposition: "closed",
  update:
    "The culture change project has been delivered and new actions are identified in the refreshed Workforce Strategy to support Inclusion and Belonging for staff.",
});

const EM_SURVEY = action2223({
  reference: "EM-22-3",
  text: "Introduce Bi-Annual staff EDI survey to identify need and benchmark progress",
  officerEmails: [P.workforce, P.dataIntelligence],
  disposition: "closed",
  update:
    "Carried out first EDI Staff Survey (the detailed questions considered best practice are not included in the biannual staff survey). The survey is intended to provide a baseline understand of the organisations diversity and provide the basis for exploring and responding to staff need.",
});

const EM_MENTAL_HEALTH = action2223({
  reference: "EM-22-4",
  text: "Provide training and support for Mental Health Champions",
  officerEmails: [P.workforce],
  characteristics: ["disability"],
  disposition: "ongoing",
  update:
    "The Staff EDI Survey suggests that employee Mental Health is better than national picture (1 in 6) however there has been an increase in Mental Health sick days and an increase in counselling referrals. There has been continued provision of Mental Health Champions (including training and development of mental health first aiders). The use of Mental Health Champions has been low and it has been identified that support is required for managers in terms of training and resilience. so further work is required here.",
});

const EMPLOYER = {
  name: "Employer",
  // 002, "Role 3: As an employer: ..."
  statement: "To have a workforce that feels valued and respected.",
  objectives: [
    {
      statement:
        "To lead a diverse and inclusive workforce that is reflective of the borough of Maidstone where residents and colleagues feel safe, confident, and empowered to challenge and bring about change.",
      whyItMatters: [
        "Maidstone Borough Council is one of the largest employers in Maidstone and it is important that the Council leads by example to facilitate change.",
        "Diversity is an asset to any community; the Council must be proactive as an employer in ensuring that this is reflected across its own workforce.",
        "Understanding the mental health needs of our staff and residents is essential and more so than ever, with the additional impact of events in our very recent history.",
        "We must take an evidence-based approach to understanding where cumulative impacts of deprivation are felt and respond to this.",
        "It is essential staff are trained to understand and respond to differing needs to ensure an equitable level of access to Council services.",
        "Staff should be enabled to challenge behaviours that are unacceptable.",
      ],
      outcomes: [
        "Internal Staff Survey",
        "Self-Assessment of Inclusive Employers standard",
        "Training for all staff in collaboration with Heart of Kent Hospice",
        "New equalities training and support tools for all service areas. To include:\n• Training in unconscious bias\n• Inclusion of Social Exclusion as a characteristic in the Equalities Impact Assessment",
      ],
      connections: ["Strategic Plan", "Workforce Strategy", "Local Plan Consultation"],
      priorities: ["All"],
      crossCutting: ["Health inequalities are addressed and reduced"],
      commitments: [
        {
          statement:
            "We will undertake a regular Staff Survey so that the organisation can identify where it needs to change and adapt.",
          actions: [EM_SURVEY],
        },
        { statement: "We will undertake a self-assessment as an Inclusive Employer." },
        {
          statement: "We will look after the mental health of our staff and recognise when this offer needs to change.",
          actions: [EM_MENTAL_HEALTH],
        },
        {
          statement:
            "We will provide training and support to staff so they can recognise and manage unacceptable behaviours.",
        },
        {
          statement:
            "We will enable staff to understand and respond to the mental health needs of residents, particularly after challenging life events.",
        },
      ],
      // The appendix (004) shows no commitments column for the Employer; these two match no 2020 commitment.
      actions: [EM_CHAMPIONS, EM_CULTURE],
    },
    // 2017 objectives & action table (002), Role 3, in table order.
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
      officerEmails: [P.headOfPolicy, P.equalitiesPolicy],
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
        officerEmails: [P.democraticServices, P.headOfPolicy],
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
        officerEmails: [P.democraticServices],
      },
    ),
    objective2017("To develop and support member engagement with hard to reach groups in the community.", {
      reference: "EM-17-4",
      actions: ["Signpost members to appropriate bodies, forums and groups within the community"],
      bulleted: false,
      teams: "Democratic Services & Policy and Information",
      successMeasures: ["Improved engagement and understanding of seldom heard groups in Maidstone."],
      dueText: "May 2018",
      officerEmails: [P.democraticServices, P.headOfPolicy],
    }),
  ],
} satisfies PlanTreeInput["roles"][number];

export const MAIDSTONE_PLAN_2017_21: PlanTreeInput = {
  title: "Equality Objectives and Action Plan 2017-2021",
  period: "2017-2021",
  status: "active",
  // 004 (SP-22-4): "9 protected characteristics were expanded to include Poverty (and Armed Forces)".
  localCharacteristics: ["poverty", "armed-forces"],
  // The 2020 revision (001) and the 2022-23 appendix (004) both order the roles this way.
  roles: [COMMUNITY_LEADER, EMPLOYER, SERVICE_PROVIDER],
};
