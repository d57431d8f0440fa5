/**
 * Builds a plan tree from tables read out of any format, applying the rules plans are written with:
 * - the header row is found by meaning (columns.ts); header rows repeated on later pages are skipped;
 * - a row across the table names a role ("Role 1: As a Community Leader We will ..."), or a Role column does;
 * - an empty (or merged) objective cell continues the objective above; in Word, a row with no objective, officer
 *   or date continues the action above (a row broken across a page);
 * - list items become "• " lines in action text and separate success measures.
 * Every problem names its table, row and column. Nothing is dropped silently: bad rows stop the import unless the
 * person explicitly chose to leave them out.
 */
import { parseDuePhrase, parsePeriod } from "../domain/dates.ts";
import { type PlanTreeInput, planTreeSchema, type TreeAction } from "../domain/plan-tree.ts";
import { type ActionStatus, MULTI_LINE_MAX, SINGLE_LINE_MAX } from "../domain/types.ts";
import { FIELD_LABELS, fieldForHeader, normaliseHeader } from "./columns.ts";
import { matchOfficers } from "./officers.ts";
import { parseRoleCell, parseRoleRow, roleAbbreviation } from "./roles.ts";
import { cellText, gridCells, isEmptyCell, type SourceCell, type SourceRow, type SourceTable } from "./table-model.ts";
import type { ImportField, ImportOptions, ImportPlace, ImportProblem, ImportResult, PreviewAction, TableColumns } from "./types.ts";

/** Rows searched for a header before a table is declared unrecognisable (titles often sit above it). */
const HEADER_SEARCH_ROWS = 15;

const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const STATUS_WORDS: Array<[RegExp, ActionStatus]> = [
  [/^(?:not\s*started|not\s*yet\s*started|to\s*do|planned|none)$/i, "not-started"],
  [/^(?:on\s*track|green|in\s*progress|ongoing|started)$/i, "on-track"],
  [/^(?:at\s*risk|amber|red|behind|delayed|off\s*track)$/i, "at-risk"],
  [/^(?:complete|completed|done|closed|achieved|finished|blue)$/i, "complete"],
];

interface Draft {
  rowKey: string;
  place: ImportPlace;
  roleIndex: number;
  objectiveIndex: number;
  commitment: string | null;
  reference: string;
  actionLines: string[];
  teams: string[];
  measures: string[];
  dueText: string;
  status: ActionStatus;
  update: string;
  columns: Partial<Record<ImportField, string>>;
}

interface RoleDraft {
  name: string;
  statement: string;
  objectives: string[];
  place: ImportPlace;
}

export interface BuildOptions extends ImportOptions {
  /** Word tables: a row with no objective, officer or date continues the action above (split at a page break). */
  continuationRows: boolean;
  /** Used when no role row or Role column names a role. */
  defaultRole?: string;
}

function headerMatch(row: SourceRow, o: BuildOptions): { fields: Array<ImportField | null>; recognised: number; headers: string[] } {
  const cells = gridCells(row);
  const headers = cells.map((c) => cellText(c).replace(/\s+/g, " "));
  const fields = headers.map((h) => {
    const f = fieldForHeader(h, o.mapping);
    return f === "ignore" ? null : f;
  });
  return { fields, recognised: fields.filter(Boolean).length, headers };
}

function actionText(cell: SourceCell | undefined): string[] {
  if (!cell) return [];
  return cell.lines.map((l, i) => (cell.bullets[i] ? `• ${l}` : l));
}

export function buildPlanTree(tables: SourceTable[], o: BuildOptions): Omit<ImportResult, "format"> {
  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const tableColumns: TableColumns[] = [];
  const roles: RoleDraft[] = [];
  const drafts: Draft[] = [];
  const problem = (p: ImportProblem) => problems.push(p);

  const title = o.title.trim();
  if (!title) problem({ reason: "bad-plan", place: {}, value: "", message: "Give the new plan a name." });
  else if (title.length > SINGLE_LINE_MAX)
    problem({ reason: "bad-plan", place: {}, value: short(title), message: `The plan's name is ${title.length} characters; SharePoint keeps at most ${SINGLE_LINE_MAX}.` });
  let period = o.period.trim();
  try {
    const p = parsePeriod(period);
    period = `${p.startYear}-${p.endYear}`;
  } catch (e) {
    problem({ reason: "bad-plan", place: {}, value: period, message: (e as Error).message });
  }

  const nonEmptyRows = (t: SourceTable) => t.rows.filter((r) => r.cells.some((c) => !isEmptyCell(c)));
  const headers = tables.map((t) => {
    for (const row of nonEmptyRows(t).slice(0, HEADER_SEARCH_ROWS)) {
      const m = headerMatch(row, o);
      if (m.recognised >= 2 || (m.recognised >= 1 && m.fields.includes("action"))) return { row, ...m };
    }
    return null;
  });
  const recognisedTables = headers.filter(Boolean).length;

  if (tables.length === 0 || tables.every((t) => nonEmptyRows(t).length === 0)) {
    problem({
      reason: "no-tables",
      place: {},
      value: "",
      message: "The file has no table with any text. Put the action plan in a table (Word) or sheet (Excel, CSV) whose first row names the columns.",
    });
  }

  let roleIndex = -1;
  let noRoleReported = false;

  const findOrAddRole = (name: string, statement: string, place: ImportPlace): number => {
    const i = roles.findIndex((r) => r.name.toLowerCase() === name.toLowerCase());
    if (i >= 0) {
      if (!roles[i].statement && statement) roles[i].statement = statement;
      return i;
    }
    roles.push({ name, statement, objectives: [], place });
    return roles.length - 1;
  };

  /** Checks an action's date phrase (again after a continued row added words to it); one problem per action. */
  const recheckDue = (d: Draft) => {
    const at = problems.findIndex((p) => p.rowKey === d.rowKey && (p.reason === "bad-date" || (p.reason === "too-long" && p.place.column === d.columns.due)));
    if (at >= 0) problems.splice(at, 1);
    const place = { ...d.place, column: d.columns.due };
    if (d.dueText.length > SINGLE_LINE_MAX) {
      problems.push({ reason: "too-long", place, value: short(d.dueText), message: `A delivery date may be at most ${SINGLE_LINE_MAX} characters.`, rowKey: d.rowKey });
      return;
    }
    const due = parseDuePhrase(d.dueText);
    if (!due.ok) problems.push({ reason: "bad-date", place, value: short(d.dueText), message: due.error, rowKey: d.rowKey });
  };

  tables.forEach((table, ti) => {
    const h = headers[ti];
    const rows = nonEmptyRows(table);
    if (rows.length === 0) return;
    if (!h) {
      const first = rows[0];
      const firstHeaders = gridCells(first).map((c) => cellText(c).replace(/\s+/g, " "));
      tableColumns.push({ table: table.label, headerRow: first.number, columns: firstHeaders.map((header) => ({ header, field: null, mapped: false })) });
      if (recognisedTables > 0) {
        notes.push(`${table.label} was left out: none of its columns is recognised (first row: ${firstHeaders.filter(Boolean).map((x) => `"${short(x, 30)}"`).join(", ")}).`);
      } else {
        problem({
          reason: "no-columns",
          place: { table: table.label, row: first.number },
          value: short(firstHeaders.filter(Boolean).join(" | ")),
          message: `No column is recognised. The first row should name columns such as ${["objective", "action", "officer", "measures", "due"].map((f) => `"${FIELD_LABELS[f as ImportField]}"`).join(", ")}; or map each header to a field (e.g. --map "${firstHeaders.find(Boolean) ?? "Header"}=action").`,
        });
      }
      return;
    }

    const col = new Map<ImportField, number>();
    h.fields.forEach((f, i) => {
      if (f && !col.has(f)) col.set(f, i);
      else if (f) notes.push(`${table.label}: column "${h.headers[i]}" also means ${FIELD_LABELS[f]}; only the first such column is read.`);
    });
    tableColumns.push({
      table: table.label,
      headerRow: h.row.number,
      columns: h.headers.map((header, i) => ({ header, field: h.fields[i], mapped: Boolean(o.mapping && Object.keys(o.mapping).some((k) => normaliseHeader(k) === normaliseHeader(header))) })),
    });
    const unknown = h.headers.filter((x, i) => x && !h.fields[i] && fieldForHeader(x, o.mapping) !== "ignore");
    if (unknown.length) notes.push(`${table.label}: column(s) not recognised and left out: ${unknown.map((x) => `"${short(x, 40)}"`).join(", ")}.`);
    for (const need of ["action", "objective"] as const) {
      if (!col.has(need)) {
        problem({
          reason: "missing-column",
          place: { table: table.label, row: h.row.number },
          value: short(h.headers.filter(Boolean).join(" | ")),
          message: `There is no ${FIELD_LABELS[need]} column. Name one "${FIELD_LABELS[need]}", or map an existing header to it (e.g. --map "${unknown[0] ?? "Header"}=${need}").`,
        });
      }
    }
    if (!col.has("action") || !col.has("objective")) return;
    const headerKey = h.headers.map(normaliseHeader).join("|");
    const columnName = (f: ImportField) => h.headers[col.get(f)!];
    const at = (cells: SourceCell[], f: ImportField) => (col.has(f) ? cells[col.get(f)!] : undefined);

    let objectiveIndex = -1;
    let objectiveRole = -1;
    let last: Draft | null = null;

    for (const row of rows) {
      if (row.number <= h.row.number) continue;
      const cells = gridCells(row);
      // Header repeated at the top of each page.
      if (cells.map((c) => normaliseHeader(cellText(c))).join("|") === headerKey) continue;
      const place = (f?: ImportField): ImportPlace => ({ table: table.label, row: row.number, ...(f ? { column: columnName(f) } : {}) });
      const rowKey = `${table.label}#${row.number}`;

      // A row across the table: a role (or the statement of the role just named).
      const filled = row.cells.filter((c) => !isEmptyCell(c) && !c.covered);
      const spanning = filled.length === 1 && (filled[0].span >= Math.max(2, h.headers.length - 1) || parseRoleRow(cellText(filled[0])) !== null && !col.has("role"));
      if (spanning) {
        const text = cellText(filled[0]).replace(/\s+/g, " ");
        const role = parseRoleRow(text);
        if (role?.name) {
          if (role.name.length > SINGLE_LINE_MAX) {
            problem({ reason: "too-long", place: place(), value: short(role.name), message: `A role's name may be at most ${SINGLE_LINE_MAX} characters.` });
            continue;
          }
          roleIndex = findOrAddRole(role.name, role.statement, place());
          objectiveIndex = -1;
          last = null;
        } else if (roleIndex >= 0 && !roles[roleIndex].statement && !role) {
          roles[roleIndex].statement = text;
        } else {
          problem({
            reason: "unknown-role",
            place: place(),
            value: short(text),
            message: role
              ? `This row names no role. Write it as "Role 1: As a Community Leader: We will ..."`
              : `A row across the whole table must name a role, such as "Role 1: As a Community Leader: We will ..."; this one does not.`,
          });
        }
        continue;
      }

      // Role column.
      const roleCell = at(cells, "role");
      if (roleCell && !isEmptyCell(roleCell) && !roleCell.covered) {
        const r = parseRoleCell(cellText(roleCell));
        if (!r.name) {
          problem({ reason: "unknown-role", place: place("role"), value: short(cellText(roleCell)), message: `This names no role; write the role's name, e.g. "Community Leader".`, rowKey });
        } else if (r.name.length > SINGLE_LINE_MAX) {
          problem({ reason: "too-long", place: place("role"), value: short(r.name), message: `A role's name may be at most ${SINGLE_LINE_MAX} characters.`, rowKey });
        } else {
          const ri = findOrAddRole(r.name, r.statement, place("role"));
          if (ri !== roleIndex) {
            roleIndex = ri;
            objectiveIndex = -1;
            last = null;
          }
        }
      }
      if (roleIndex < 0) {
        if (o.defaultRole?.trim()) roleIndex = findOrAddRole(o.defaultRole.trim(), "", place());
        else if (!noRoleReported) {
          noRoleReported = true;
          problem({
            reason: "no-role",
            place: place(),
            value: short(cellText(at(cells, "objective"))),
            message: `This action comes before any role. Add a row across the table such as "Role 1: As a Community Leader: We will ...", a Role column, or choose a role for the whole file (--role "NAME").`,
          });
        }
      }

      const objCell = at(cells, "objective");
      const objText = objCell && !objCell.covered ? cellText(objCell).replace(/\s*\n\s*/g, " ") : "";
      const officerCell = at(cells, "officer");
      const dueCell = at(cells, "due");
      const refCell = at(cells, "reference");
      // Word: a row with an empty (not merged) objective cell is the rest of the row above, broken at a page break,
      // unless it names both its own officer and its own date (then it is another action under the same objective).
      const ownOfficerAndDue = !isEmptyCell(officerCell) && !isEmptyCell(dueCell);
      const continues =
        o.continuationRows && !objText && !objCell?.covered && last !== null && !ownOfficerAndDue && isEmptyCell(refCell) && !(dueCell?.covered || officerCell?.covered);

      if (continues && last) {
        last.actionLines.push(...actionText(at(cells, "action")));
        last.measures.push(...(at(cells, "measures")?.lines ?? []));
        // Officer and date fragments continue the words above ("Review by March" / "2018").
        const moreTeams = (officerCell?.lines ?? []).join(" ");
        if (moreTeams) last.teams = last.teams.length ? [...last.teams.slice(0, -1), `${last.teams.at(-1)} ${moreTeams}`] : [moreTeams];
        const moreDue = (dueCell?.lines ?? []).join(" ");
        if (moreDue) {
          last.dueText = `${last.dueText} ${moreDue}`.trim();
          recheckDue(last);
        }
        const upd = cellText(at(cells, "update"));
        if (upd) last.update = last.update ? `${last.update}\n${upd}` : upd;
        continue;
      }

      if (objText) {
        if (objText.length > MULTI_LINE_MAX)
          problem({ reason: "too-long", place: place("objective"), value: short(objText), message: `An objective may be at most ${MULTI_LINE_MAX} characters (it has ${objText.length}).`, rowKey });
        if (roleIndex >= 0) {
          const objs = roles[roleIndex].objectives;
          // Spreadsheets repeat the objective on every row: the same text in the same role is the same objective.
          const found = objs.indexOf(objText);
          objectiveIndex = found >= 0 ? found : objs.push(objText) - 1;
          objectiveRole = roleIndex;
        }
      } else if (objectiveIndex < 0 || objectiveRole !== roleIndex) {
        if (roleIndex >= 0)
          problem({ reason: "missing-value", place: place("objective"), value: "", message: "This row has no objective and there is none above it in this role.", rowKey });
      }

      const lines = actionText(at(cells, "action"));
      const text = lines.join("\n");
      if (!text) {
        problem({ reason: "missing-value", place: place("action"), value: "", message: "This row has no action text.", rowKey });
      } else if (text.length > MULTI_LINE_MAX) {
        problem({ reason: "too-long", place: place("action"), value: short(text), message: `An action may be at most ${MULTI_LINE_MAX} characters (it has ${text.length}).`, rowKey });
      }

      const teams = officerCell?.lines ?? [];
      const measures = at(cells, "measures")?.lines ?? [];
      const dueText = (dueCell?.lines ?? []).join(" ").trim();
      let status: ActionStatus = "not-started";
      const statusText = cellText(at(cells, "status")).trim();
      if (statusText) {
        const s = STATUS_WORDS.find(([re]) => re.test(statusText));
        if (s) status = s[1];
        else
          problem({ reason: "bad-status", place: place("status"), value: short(statusText), message: `Unknown status; use Not started, On track, At risk or Complete.`, rowKey });
      }
      const reference = cellText(refCell).replace(/\s+/g, " ").trim();
      if (reference.length > SINGLE_LINE_MAX)
        problem({ reason: "too-long", place: place("reference"), value: short(reference), message: `A reference may be at most ${SINGLE_LINE_MAX} characters.`, rowKey });
      const commitment = cellText(at(cells, "commitment")).replace(/\s*\n\s*/g, " ").trim() || null;

      const d: Draft = {
        rowKey,
        place: place(),
        roleIndex,
        objectiveIndex: roleIndex >= 0 ? objectiveIndex : -1,
        commitment,
        reference,
        actionLines: lines,
        teams,
        measures,
        dueText,
        status,
        update: cellText(at(cells, "update")),
        columns: Object.fromEntries([...col.keys()].map((f) => [f, columnName(f)])),
      };
      drafts.push(d);
      recheckDue(d);
      last = d;
    }
  });

  // Merged rows can make text too long only after merging; check the totals once.
  for (const d of drafts) {
    const text = d.actionLines.join("\n");
    if (text.length > MULTI_LINE_MAX && !problems.some((p) => p.rowKey === d.rowKey && p.reason === "too-long"))
      problems.push({ reason: "too-long", place: { ...d.place, column: d.columns.action }, value: short(text), message: `An action may be at most ${MULTI_LINE_MAX} characters (it has ${text.length}).`, rowKey: d.rowKey });
    for (const [f, v] of [["officer", d.teams.join("\n")], ["measures", d.measures.join("\n")], ["update", d.update]] as const) {
      if (v.length > MULTI_LINE_MAX)
        problems.push({ reason: "too-long", place: { ...d.place, column: d.columns[f] }, value: short(v), message: `This cell may be at most ${MULTI_LINE_MAX} characters (it has ${v.length}).`, rowKey: d.rowKey });
    }
  }

  // References: as written, else made from the role's initials ("CL-3"), unique across the plan.
  const used = new Set<string>();
  for (const d of drafts) {
    if (!d.reference) continue;
    if (used.has(d.reference.toLowerCase()))
      problems.push({ reason: "invalid", place: { ...d.place, column: d.columns.reference }, value: d.reference, message: "This reference is used by another action above.", rowKey: d.rowKey });
    used.add(d.reference.toLowerCase());
  }
  const counters = new Map<number, number>();
  for (const d of drafts) {
    if (d.reference || d.roleIndex < 0) continue;
    const abbr = roleAbbreviation(roles[d.roleIndex].name);
    let ref: string;
    do {
      const n = (counters.get(d.roleIndex) ?? 0) + 1;
      counters.set(d.roleIndex, n);
      ref = `${abbr}-${n}`;
    } while (used.has(ref.toLowerCase()));
    used.add(ref.toLowerCase());
    d.reference = ref;
  }

  const badRows = new Set(problems.filter((p) => p.rowKey).map((p) => p.rowKey!));
  const blocking = problems.some((p) => !p.rowKey) || (badRows.size > 0 && !o.skipInvalid);
  const kept = drafts.filter((d) => !badRows.has(d.rowKey) && d.roleIndex >= 0 && d.objectiveIndex >= 0);

  const actions: PreviewAction[] = drafts.map((d) => ({
    rowKey: d.rowKey,
    place: d.place,
    role: d.roleIndex >= 0 ? roles[d.roleIndex].name : "",
    objective: d.roleIndex >= 0 && d.objectiveIndex >= 0 ? roles[d.roleIndex].objectives[d.objectiveIndex] : "",
    reference: d.reference,
    text: d.actionLines.join("\n"),
    teams: d.teams.join("\n"),
    officerEmails: matchOfficers(d.teams.join("\n"), o.people),
    successMeasures: d.measures,
    dueText: d.dueText,
    skipped: Boolean(o.skipInvalid) && badRows.has(d.rowKey),
  }));

  if (!blocking && kept.length === 0 && !problems.some((p) => !p.rowKey)) {
    problems.push({
      reason: "missing-value",
      place: {},
      value: "",
      message: drafts.length ? "Every action has a problem, so nothing is left to import." : "No action was found under the header row.",
    });
  }
  if (problems.some((p) => !p.rowKey) || (badRows.size > 0 && !o.skipInvalid) || kept.length === 0) {
    return { tree: null, problems, notes, tables: tableColumns, actions };
  }

  const toAction = (d: Draft): TreeAction => ({
    reference: d.reference,
    text: d.actionLines.join("\n"),
    teams: d.teams.join("\n"),
    officerEmails: matchOfficers(d.teams.join("\n"), o.people),
    successMeasures: d.measures,
    dueText: d.dueText,
    status: d.status,
    updates: d.update && o.today ? [{ date: o.today, authorName: `Imported from ${o.fileName}`.slice(0, SINGLE_LINE_MAX), text: d.update, kind: "progress" }] : [],
  });
  if (kept.some((d) => d.update) && !o.today) notes.push("Progress updates were not imported: no date was given for them.");

  const tree: PlanTreeInput = {
    title,
    period,
    status: "active",
    roles: roles.map((r, ri) => ({
      name: r.name,
      statement: r.statement,
      objectives: r.objectives
        .map((statement, oi) => {
          const mine = kept.filter((d) => d.roleIndex === ri && d.objectiveIndex === oi);
          const commitments: Array<{ statement: string; actions: TreeAction[] }> = [];
          for (const d of mine.filter((x) => x.commitment)) {
            let c = commitments.find((x) => x.statement === d.commitment);
            if (!c) {
              c = { statement: d.commitment ?? "", actions: [] };
              commitments.push(c);
            }
            c.actions.push(toAction(d));
          }
          return { statement, commitments, actions: mine.filter((x) => !x.commitment).map(toAction), keep: mine.length > 0 };
        })
        .filter((x) => x.keep)
        .map(({ keep: _keep, ...x }) => x),
    })),
  };
  // Last line of defence: the domain's own schema (it should never disagree with the checks above).
  const parsed = planTreeSchema.safeParse(tree);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ reason: "invalid", place: {}, value: "", message: `${issue.path.join(".")}: ${issue.message}` });
    return { tree: null, problems, notes, tables: tableColumns, actions };
  }
  return { tree, problems, notes, tables: tableColumns, actions };
}
