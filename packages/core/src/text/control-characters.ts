/**
 * Characters no text value may hold: NUL (PostgreSQL refuses it in text), the other C0 and C1
 * control characters, DEL, and the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) that
 * make an id or a name display as something else. Tab, line feed and carriage return are left to
 * `isMultiline`.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;

/** True when `text` holds no control or bidi-override character; tabs and line breaks only when `isMultiline`. */
export function isCleanText(text: string, options: { isMultiline?: boolean } = {}): boolean {
  return !FORBIDDEN_CHARACTERS.test(text) && (options.isMultiline === true || !LINE_BREAKS_AND_TABS.test(text));
}
