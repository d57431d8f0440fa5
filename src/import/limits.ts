/** Stated limits for uploaded plans: checked before parsing, so a hostile file costs nothing. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A .docx or .xlsx may not unpack to more than this. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Real Office files compress text about 5–20 times; a ratio above this is a zip bomb. */
export const MAX_COMPRESSION_RATIO = 100;
/** A zip with more entries than this is not an Office document anyone wrote by hand. */
export const MAX_ZIP_ENTRIES = 2000;
/** Rows read from one sheet or CSV: far above any action plan, low enough to keep the preview usable. */
export const MAX_ROWS = 20_000;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
