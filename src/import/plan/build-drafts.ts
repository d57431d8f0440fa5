/**
 * Step 6, tree building: the classified rows of every plan table, in order → roles with their objectives, and one
 * draft per action, with every problem placed (table, row, column). The state it carries is what a reader carries
 * down the page: the role in force, the objective in force, and the action in progress (which a continuation row
 * completes).
 */
import type { ActionStatus } from "../../domain/types.ts";
import { cellText, type SourceCell } from "../read/table-model.ts";
import type { RoleText } from "../roles.ts";
import type { ImportField, ImportPlace, ImportProblem } from "../types.ts";
import { type ClassifiedRow, fieldCell } from "./classify-rows.ts";
import { columnName, type PlanTable } from "./header-match.ts";
import {
  actionLines,
  checkDue,
  checkRoleName,
  dueWords,
  type FieldProblem,
  oversize,
  readAction,
  readCommitment,
  readLines,
  readObjective,
  readReference,
  readRoleCell,
  readStatus,
  readUpdate,
} from "./parse-fields.ts";
import { short } from "./text.ts";

export interface RoleDraft {
  name: string;
  statement: string;
  objectives: string[];
  place: ImportPlace;
}

export interface Draft {
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
  /** The header of each field's column in the row's table, to place problems found later. */
  columns: Partial<Record<ImportField, string>>;
}

export interface DraftOptions {
  /** Used when no role row or Role column names a role. */
  defaultRole?: string;
}

/** The walk's state, as a reader carries it down the page. */
interface Walk {
  roleIndex: number;
  objectiveIndex: number;
  objectiveRole: number;
  last: Draft | null;
  noRoleReported: boolean;
}

export class DraftBuilder {
  readonly roles: RoleDraft[] = [];
  readonly drafts: Draft[] = [];
  private readonly s: Walk = { roleIndex: -1, objectiveIndex: -1, objectiveRole: -1, last: null, noRoleReported: false };
  /** The date problem of each action, replaced when a continued row completes the phrase. */
  private readonly dueProblems = new Map<Draft, ImportProblem>();

  constructor(
    private readonly problems: ImportProblem[],
    private readonly o: DraftOptions,
  ) {}

  /** A new table that does not continue the one before: the role goes on, the objective and the action do not. */
  startTable(): void {
    this.s.objectiveIndex = -1;
    this.s.objectiveRole = -1;
    this.s.last = null;
  }

  add(t: PlanTable, r: ClassifiedRow): void {
    if (r.kind === "role" || r.kind === "statement") this.across(t, r);
    else this.dataRow(t, r.row.number, r.cells, r.kind === "continuation");
  }

  private findOrAddRole(name: string, statement: string, place: ImportPlace): number {
    const i = this.roles.findIndex((r) => r.name.toLowerCase() === name.toLowerCase());
    if (i >= 0) {
      if (!this.roles[i].statement && statement) this.roles[i].statement = statement;
      return i;
    }
    this.roles.push({ name, statement, objectives: [], place });
    return this.roles.length - 1;
  }

  private across(t: PlanTable, r: Extract<ClassifiedRow, { kind: "role" | "statement" }>): void {
    const place: ImportPlace = { table: t.label, row: r.row.number };
    const s = this.s;
    const role: RoleText | null = r.kind === "role" ? r.role : null;
    const tooBig = r.kind === "statement" ? oversize(r.row.cells.find((c) => c.oversize)) : undefined;
    if (tooBig) {
      this.problems.push({ ...tooBig, place });
    } else if (role?.name) {
      const tooLong = checkRoleName(role.name);
      if (tooLong) {
        this.problems.push({ ...tooLong, place });
        return;
      }
      s.roleIndex = this.findOrAddRole(role.name, role.statement, place);
      s.objectiveIndex = -1;
      s.last = null;
    } else if (s.roleIndex >= 0 && !this.roles[s.roleIndex].statement && !role) {
      this.roles[s.roleIndex].statement = r.text;
    } else {
      this.problems.push({
        reason: "unknown-role",
        place,
        value: short(r.text),
        message: role
          ? `This row names no role. Write it as "Role 1: As a Community Leader: We will ..."`
          : `A row across the whole table must name a role, such as "Role 1: As a Community Leader: We will ..."; this one does not.`,
      });
    }
  }

  /** Checks an action's date phrase (again after a continued row added words to it); one problem per action. */
  private recheckDue(d: Draft): void {
    const before = this.dueProblems.get(d);
    if (before) this.problems.splice(this.problems.indexOf(before), 1);
    this.dueProblems.delete(d);
    const problem = checkDue(d.dueText);
    if (!problem) return;
    const placed = { ...problem, place: { ...d.place, column: d.columns.due }, rowKey: d.rowKey };
    this.problems.push(placed);
    this.dueProblems.set(d, placed);
  }

  private dataRow(t: PlanTable, rowNumber: number, cells: readonly SourceCell[], continuation: boolean): void {
    const s = this.s;
    const at = (f: ImportField) => fieldCell(t, cells, f);
    const place = (f?: ImportField): ImportPlace => ({ table: t.label, row: rowNumber, ...(f ? { column: columnName(t, f) } : {}) });
    const rowKey = `${t.label}#${rowNumber}`;
    const problem = (p: FieldProblem | undefined, f?: ImportField) => {
      if (p) this.problems.push({ ...p, place: place(f), rowKey });
    };

    const roleCell = readRoleCell(at("role"));
    problem(roleCell.problem, "role");
    if (roleCell.role) {
      const ri = this.findOrAddRole(roleCell.role.name, roleCell.role.statement, place("role"));
      if (ri !== s.roleIndex) {
        s.roleIndex = ri;
        s.objectiveIndex = -1;
        s.last = null;
      }
    }
    if (s.roleIndex < 0) {
      if (this.o.defaultRole?.trim()) s.roleIndex = this.findOrAddRole(this.o.defaultRole.trim(), "", place());
      else if (!s.noRoleReported) {
        s.noRoleReported = true;
        this.problems.push({
          reason: "no-role",
          place: place(),
          value: short(cellText(at("objective"))),
          message: `This action comes before any role. Add a row across the table such as "Role 1: As a Community Leader: We will ...", a Role column, or choose a role for the whole file (--role "NAME").`,
        });
      }
    }

    if (continuation && s.last) {
      this.continueDraft(s.last, t, cells, (p, f) => {
        if (p) this.problems.push({ ...p, place: place(f), rowKey: s.last!.rowKey });
      });
      return;
    }

    const objective = readObjective(at("objective"));
    problem(objective.problem, "objective");
    if (objective.text) {
      if (s.roleIndex >= 0) {
        const objs = this.roles[s.roleIndex].objectives;
        // Spreadsheets repeat the objective on every row: the same text in the same role is the same objective.
        const found = objs.indexOf(objective.text);
        s.objectiveIndex = found >= 0 ? found : objs.push(objective.text) - 1;
        s.objectiveRole = s.roleIndex;
      }
    } else if (!objective.problem && (s.objectiveIndex < 0 || s.objectiveRole !== s.roleIndex) && s.roleIndex >= 0) {
      this.problems.push({ reason: "missing-value", place: place("objective"), value: "", message: "This row has no objective and there is none above it in this role.", rowKey });
    }

    const action = readAction(at("action"));
    problem(action.problem, "action");
    const status = readStatus(at("status"));
    problem(status.problem, "status");
    const reference = readReference(at("reference"));
    problem(reference.problem, "reference");
    const commitment = readCommitment(at("commitment"));
    const teams = readLines(at("officer"));
    const measures = readLines(at("measures"));
    const update = readUpdate(at("update"));
    for (const [p, f] of [[commitment.problem, "commitment"], [teams.problem, "officer"], [measures.problem, "measures"], [oversize(at("due")), "due"], [update.problem, "update"]] as const)
      problem(p, f);

    const d: Draft = {
      rowKey,
      place: place(),
      roleIndex: s.roleIndex,
      objectiveIndex: s.roleIndex >= 0 ? s.objectiveIndex : -1,
      commitment: commitment.commitment,
      reference: reference.reference,
      actionLines: action.lines,
      teams: teams.lines,
      measures: measures.lines,
      dueText: dueWords(at("due")),
      status: status.status,
      update: update.text,
      columns: Object.fromEntries([...t.columns.keys()].map((f) => [f, columnName(t, f)])),
    };
    this.drafts.push(d);
    this.recheckDue(d);
    s.last = d;
  }

  /** The rest of the row above: its action lines and measures are added; officer and date words continue the text. */
  private continueDraft(last: Draft, t: PlanTable, cells: readonly SourceCell[], problem: (p: FieldProblem | undefined, f: ImportField) => void): void {
    const at = (f: ImportField) => fieldCell(t, cells, f);
    for (const f of ["action", "officer", "measures", "due", "update"] as const) problem(oversize(at(f)), f);
    last.actionLines.push(...actionLines(at("action")));
    last.measures.push(...(at("measures")?.lines ?? []));
    // Officer and date fragments continue the words above ("Review by March" / "2018").
    const moreTeams = (at("officer")?.lines ?? []).join(" ");
    if (moreTeams) last.teams = last.teams.length ? [...last.teams.slice(0, -1), `${last.teams.at(-1)} ${moreTeams}`] : [moreTeams];
    const moreDue = dueWords(at("due"));
    if (moreDue) {
      last.dueText = `${last.dueText} ${moreDue}`.trim();
      this.recheckDue(last);
    }
    const upd = cellText(at("update"));
    if (upd) last.update = last.update ? `${last.update}\n${upd}` : upd;
  }
}
