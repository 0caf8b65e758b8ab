/** RFC 5545 TEXT values (§3.3.11) and parameter values (§3.2): escaping for export, unescaping for import. */

/** Escapes a TEXT value: backslash, semicolon and comma get a backslash; every line break becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Reverses {@link escapeText}. `\n` and `\N` become a newline; any other escaped character stands for
 * itself (Outlook writes `\:`), and a lone trailing backslash is kept.
 */
export function unescapeText(value: string): string {
  return value.replace(/\\([\s\S])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/**
 * A parameter value as written after `=`: double quotes and control characters cannot be escaped there
 * (RFC 5545 has no escape in parameters), so they are dropped; a value holding `:`, `;` or `,` is quoted.
 */
export function formatParamValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}
