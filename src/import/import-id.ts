/**
 * The id of an import: the same file imported as the same plan always gets the same id, so running it again after
 * a failure finishes the first run (every item carries the id in its unique import key) instead of duplicating it.
 */
async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function importIdFor(bytes: Uint8Array, planTitle: string): Promise<string> {
  const file = await sha256Hex(bytes);
  const both = await sha256Hex(new TextEncoder().encode(`${file}\n${planTitle.trim().toLowerCase()}`));
  return `import:${both.slice(0, 32)}`;
}

/** An id given by the person: short, no slashes (the key is "<id>/<item>"). */
export function checkImportId(id: string): string | null {
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(id)) return `"${id}" is not a usable import id: use up to 100 letters, digits, ":", ".", "_" or "-".`;
  return null;
}
