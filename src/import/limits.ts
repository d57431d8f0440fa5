/**
 * Stated limits for uploaded plans. Each is checked before anything proportional to it is allocated: the file's
 * size before it is read, the zip's sizes before it is inflated, and the tables' spans, columns, rows and cells
 * on the raw XML or text before mammoth, exceljs or papaparse build anything from it (read/scan-*.ts,
 * read/read-csv.ts), so a hostile file costs what its bytes cost, not what it claims.
 */
import { MULTI_LINE_MAX } from "../domain/constants.ts";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A .docx or .xlsx may not unpack to more than this. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Real Office files compress text about 5–20 times; a ratio above this is a zip bomb. */
export const MAX_COMPRESSION_RATIO = 100;
/** A zip with more entries than this is not an Office document anyone wrote by hand. */
export const MAX_ZIP_ENTRIES = 2000;
/** Columns in a table (a cell's span included): plans have 4 to 12; Excel allows 16,384, Word 63. */
export const MAX_COLUMNS = 64;
/**
 * Rows in all the tables of a file, and the highest row number in a sheet: far above any action plan (a plan's
 * actions are SharePoint list items, and lists are best kept under 5,000 items).
 */
export const MAX_ROWS = 5_000;
/** Cells in all the tables of a file (Word cells, Excel cells and rows, CSV fields). */
export const MAX_CELLS = 100_000;
/** Tables in a Word document, sheets in a workbook. */
export const MAX_TABLES = 100;
/** Characters in one cell: the most SharePoint keeps in any field (multiple lines of text). */
export const MAX_CELL_CHARS = MULTI_LINE_MAX;
/** Cells covered by one name or print area in a workbook (exceljs lists every cell of a named range). */
export const MAX_NAMED_CELLS = MAX_COLUMNS * MAX_ROWS;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;

/** 50000000 → "50,000,000", as the messages write numbers. */
export const count = (n: number): string => n.toLocaleString("en-GB");
