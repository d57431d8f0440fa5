/**
 * Spreadsheet formula injection (CSV injection): a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage
 * return, which some spreadsheet programs skip before reading a formula) is run as a formula when the file is opened
 * in Excel. Plan text comes from people, so every exported text cell starting with one of those gets a leading
 * single quote, which spreadsheet programs show as text and never evaluate (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function isNeutralised(value: string): boolean {
  return !FORMULA_START.test(value);
}
