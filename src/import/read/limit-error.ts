/**
 * A file that goes beyond a stated limit (limits.ts): a typed error with a `reason` and the place, thrown by the
 * scanners and readers the moment a count passes its limit, and turned into one "over-limit" problem.
 */
import { count, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_TABLES } from "../limits.ts";
import type { ImportPlace } from "../types.ts";

export class ImportLimitError extends Error {
  readonly reason = "over-limit" as const;
  constructor(
    readonly place: ImportPlace,
    message: string,
  ) {
    super(message);
    this.name = "ImportLimitError";
  }
}

export const spanTooWide = (place: ImportPlace, span: number) => new ImportLimitError(place, `A cell spans ${count(span)} columns; at most ${MAX_COLUMNS} are allowed.`);
export const rowTooWide = (place: ImportPlace, columns: number) => new ImportLimitError(place, `This row has ${count(columns)} columns; at most ${MAX_COLUMNS} are allowed.`);

/** Where a count passed its limit; a function when the place costs something to work out. */
type Where = ImportPlace | (() => ImportPlace);
const at = (w: Where): ImportPlace => (typeof w === "function" ? w() : w);

/** Counts what a file holds across all its tables, and throws as soon as a count passes its limit. */
export class LimitCounter {
  private rows = 0;
  private cells = 0;
  private tables = 0;

  constructor(private readonly what: { tables: string; cells: string } = { tables: "tables", cells: "cells" }) {}

  table(place: Where): void {
    if (++this.tables > MAX_TABLES) throw new ImportLimitError(at(place), `The file has more than ${count(MAX_TABLES)} ${this.what.tables}; at most ${count(MAX_TABLES)} are allowed.`);
  }

  row(place: Where): void {
    if (++this.rows > MAX_ROWS) throw new ImportLimitError(at(place), `The file has more than ${count(MAX_ROWS)} table rows; at most ${count(MAX_ROWS)} are allowed.`);
  }

  cell(place: Where, n = 1): void {
    this.cells += n;
    if (this.cells > MAX_CELLS) throw new ImportLimitError(at(place), `The file has more than ${count(MAX_CELLS)} ${this.what.cells}; at most ${count(MAX_CELLS)} are allowed.`);
  }
}
