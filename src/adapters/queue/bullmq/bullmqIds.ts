/**
 * Job ids ⇄ BullMQ ids. BullMQ refuses custom ids that are integers (its own counter's) or contain ":" (its key
 * separator); the port allows any id. So "%" and ":" are percent-encoded, and so is the first character of an
 * id that would read as an integer. Ids the queue generates (`job_…`) pass through unchanged.
 */

export function toBullmqId(id: string): string {
  const escaped = id.replace(/[%:]/g, (c) => (c === "%" ? "%25" : "%3A"));
  if (`${Number.parseInt(escaped, 10)}` !== escaped) return escaped;
  return `%${escaped.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}${escaped.slice(1)}`;
}

export function fromBullmqId(id: string): string {
  // Every "%" in an id this module wrote starts an escape; ids written by others never contain one.
  return id.includes("%") ? decodeURIComponent(id) : id;
}
