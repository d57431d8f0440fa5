/**
 * Step 1 of the import, bytes → tables: checks size and type first (cheap), then the zip container (bombs), and
 * only then hands the file to mammoth, exceljs or papaparse. Every format comes out as the same tables of rows of
 * cells (table-model.ts), so the later steps never know which format they read.
 */
import { formatBytes, MAX_FILE_BYTES } from "../limits.ts";
import type { ImportFormat, ImportPlace, ImportProblemReason } from "../types.ts";
import { ImportLimitError } from "./limit-error.ts";
import { readCsvTable } from "./read-csv.ts";
import { readDocx } from "./read-docx.ts";
import { readXlsxTables } from "./read-xlsx.ts";
import { scanDocx } from "./scan-docx.ts";
import { scanXlsx } from "./scan-xlsx.ts";
import type { DocumentText, SourceTable } from "./table-model.ts";
import { checkZip, type ZipEntry } from "./zip-guard.ts";

export type FileRead =
  /** `texts`: the document's title, headings and opening lines (Word), where the plan's period may be named. */
  | { ok: true; format: ImportFormat; tables: SourceTable[]; texts: DocumentText[] }
  | { ok: false; reason: ImportProblemReason; message: string; place?: ImportPlace };

const refuse = (reason: ImportProblemReason, message: string, place?: ImportPlace): FileRead => ({ ok: false, reason, message, ...(place ? { place } : {}) });

const formatOf = (entries: readonly ZipEntry[]): ImportFormat | null => {
  const names = new Set(entries.map((e) => e.name));
  return names.has("word/document.xml") ? "docx" : names.has("xl/workbook.xml") ? "xlsx" : null;
};

const ext = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";

/** What the first bytes say the file is, for a specific message when it is not one we read. */
function sniffOther(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8));
  if (head.startsWith("%PDF")) return "a PDF; open the plan in Word and save it as .docx, or export the table to Excel";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return "an old Word 97–2003 (.doc) or Excel 97–2003 (.xls) file; open it and save it as .docx or .xlsx";
  if (head.startsWith("{\\rtf")) return "a Rich Text (.rtf) file; save it as .docx";
  if (bytes[0] === 0x89 && head.slice(1, 4) === "PNG") return "a PNG image";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "a JPEG image";
  if (head.startsWith("GIF8")) return "a GIF image";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "a gzip archive";
  return null;
}

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<FileRead> {
  try {
    return await read(bytes, fileName);
  } catch (e) {
    if (e instanceof ImportLimitError) return refuse(e.reason, e.message, e.place);
    throw e;
  }
}

async function read(bytes: Uint8Array, fileName: string): Promise<FileRead> {
  if (bytes.byteLength === 0) return refuse("empty-file", `"${fileName}" is empty.`);
  if (bytes.byteLength > MAX_FILE_BYTES)
    return refuse(
      "too-large",
      `"${fileName}" is ${bytes.byteLength.toLocaleString("en-GB")} bytes (${formatBytes(bytes.byteLength)}); the limit is ${formatBytes(MAX_FILE_BYTES)} (${MAX_FILE_BYTES.toLocaleString("en-GB")} bytes).`,
    );

  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (isZip) {
    // The tables' limits are checked on the raw XML while the zip is inflated, before any parser sees it.
    const check = await checkZip(bytes, (entries) => (formatOf(entries) === "docx" ? scanDocx() : formatOf(entries) === "xlsx" ? scanXlsx() : null));
    if (!check.ok) return refuse(check.reason, check.message);
    const format = formatOf(check.entries);
    if (!format) return refuse("unsupported-type", `"${fileName}" is a zip archive but not a Word (.docx) or Excel (.xlsx) document.`);
    try {
      return format === "docx" ? { ok: true, format, ...(await readDocx(bytes)) } : { ok: true, format, tables: await readXlsxTables(bytes), texts: [] };
    } catch (e) {
      if (e instanceof ImportLimitError) throw e;
      return refuse(
        "corrupt",
        `"${fileName}" looks like ${format === "docx" ? "a Word" : "an Excel"} file but cannot be read (${short((e as Error).message)}). Open it and save it again.`,
      );
    }
  }
  const other = sniffOther(bytes);
  if (other) return refuse("unsupported-type", `"${fileName}" is ${other}. Import reads Word (.docx), Excel (.xlsx) and CSV files.`);
  const e = ext(fileName);
  if (["docx", "xlsx", "xlsm"].includes(e))
    return refuse(
      "corrupt",
      `"${fileName}" is named .${e} but is not a Word or Excel file (it is not a zip package). Open it in ${e === "docx" ? "Word" : "Excel"} and save it again.`,
    );
  if (e && !["csv", "txt", "tsv"].includes(e))
    return refuse("unsupported-type", `"${fileName}": .${e} files are not read. Import reads Word (.docx), Excel (.xlsx) and CSV files.`);
  const csv = readCsvTable(bytes);
  if (!csv.ok) return refuse(csv.reason, `"${fileName}": ${csv.message}`);
  return { ok: true, format: "csv", tables: [csv.table], texts: [] };
}
