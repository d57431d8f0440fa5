/**
 * Checks a .docx/.xlsx container before any parser touches it: reads the zip's central directory (sizes as
 * declared) and then inflates every entry with a hard cap (sizes as they really are), so that neither a zip bomb nor
 * a lying header can make the parser allocate gigabytes. Uses DecompressionStream, present in Node and browsers.
 * While it inflates, chosen parts stream through a scan (scan-docx.ts, scan-xlsx.ts) that checks the tables'
 * limits on the raw XML, before mammoth or exceljs build anything from it.
 */
import { formatBytes, MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from "../limits.ts";
import { ImportLimitError } from "./limit-error.ts";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Reads one part's bytes as they are inflated; throws ImportLimitError as soon as the part goes beyond a limit. */
export interface PartReader {
  write(chunk: Uint8Array): void;
  end(): void;
}

/** The checks on a package's content: which parts to read, and a last check once every part is read. */
export interface PackageScan {
  part(name: string): PartReader | null;
  finish(): void;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; reason: "corrupt" | "zip-bomb"; message: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

const corrupt = (why: string): ZipCheck => ({ ok: false, reason: "corrupt", message: `The file is not a readable Word or Excel file (${why}). Open it in Word or Excel and save it again.` });
const bomb = (why: string): ZipCheck => ({ ok: false, reason: "zip-bomb", message: `The file was refused because ${why}.` });

/** Reads the central directory: names and declared sizes. */
export function readZipDirectory(bytes: Uint8Array): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt("no zip directory; the file may be cut short");
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) return corrupt("ZIP64 archives are not supported");
  if (count > MAX_ZIP_ENTRIES) return bomb(`it holds ${count} files (at most ${MAX_ZIP_ENTRIES})`);
  if (dirOffset + dirSize > eocd) return corrupt("the zip directory points outside the file");
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return corrupt("a damaged zip directory entry");
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > bytes.length) return corrupt("a damaged zip directory entry");
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) return bomb(`it would unpack to ${formatBytes(declared)} (at most ${formatBytes(MAX_UNCOMPRESSED_BYTES)})`);
  for (const e of entries) {
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > MAX_COMPRESSION_RATIO && e.uncompressedSize > 1024 * 1024)
      return bomb(`"${e.name}" is compressed ${Math.round(e.uncompressedSize / e.compressedSize)} times (at most ${MAX_COMPRESSION_RATIO})`);
  }
  return { ok: true, entries };
}

/**
 * Inflates one entry, stopping as soon as it exceeds `cap` bytes; each chunk within the cap goes to `part`. Returns the
 * real size, or -1 past the cap.
 */
async function inflatedSize(data: Uint8Array, cap: number, part: PartReader | null): Promise<number> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      part?.end();
      return total;
    }
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      return -1;
    }
    try {
      part?.write(value);
    } catch (e) {
      await reader.cancel();
      throw e;
    }
  }
}

/**
 * Declared sizes, then real sizes: refuses bombs and files whose headers lie about their sizes. With a scan, the
 * parts it asks for are read as they are inflated; a part beyond a limit throws ImportLimitError.
 */
export async function checkZip(bytes: Uint8Array, scanFor?: (entries: readonly ZipEntry[]) => PackageScan | null): Promise<ZipCheck> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return dir;
  const scan = scanFor?.(dir.entries) ?? null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of dir.entries) {
    const part = scan?.part(e.name) ?? null;
    const h = e.localHeaderOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_SIGNATURE) return corrupt(`"${e.name}" is damaged`);
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    if (start + e.compressedSize > bytes.length) return corrupt(`"${e.name}" is cut short`);
    if (e.method === 0) {
      total += e.compressedSize;
      if (part) {
        part.write(bytes.subarray(start, start + e.compressedSize));
        part.end();
      }
    } else if (e.method === 8) {
      const remaining = MAX_UNCOMPRESSED_BYTES - total;
      // A lying header is caught here: the real output may not exceed what the directory declared (plus slack).
      const cap = Math.min(remaining, e.uncompressedSize + 1024);
      let size: number;
      try {
        size = await inflatedSize(bytes.subarray(start, start + e.compressedSize), cap, part);
      } catch (err) {
        if (err instanceof ImportLimitError) throw err;
        return corrupt(`"${e.name}" cannot be decompressed`);
      }
      if (size < 0) {
        return cap === remaining
          ? bomb(`it unpacks to more than ${formatBytes(MAX_UNCOMPRESSED_BYTES)}`)
          : bomb(`"${e.name}" unpacks to more than the size its header declares`);
      }
      if (e.compressedSize > 0 && size / e.compressedSize > MAX_COMPRESSION_RATIO && size > 1024 * 1024)
        return bomb(`"${e.name}" is compressed ${Math.round(size / e.compressedSize)} times (at most ${MAX_COMPRESSION_RATIO})`);
      total += size;
    } else {
      return corrupt(`"${e.name}" uses an unknown compression method (${e.method})`);
    }
  }
  scan?.finish();
  return dir;
}
