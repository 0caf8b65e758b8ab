/** JSON schemas of the ingestion routes' answers and bodies (OpenAPI and fast serialisation). */

export const jobSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    queue: { type: "string" },
    name: { type: "string" },
    payload: {},
    state: { type: "string", enum: ["waiting", "delayed", "active", "completed", "dead"] },
    attempts: { type: "integer" },
    maxAttempts: { type: "integer" },
    result: {},
    error: { type: ["string", "null"] },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
    finishedAt: { type: ["string", "null"] },
  },
  required: ["id", "queue", "name", "state", "attempts", "maxAttempts"],
} as const;

export const sourceSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    url: { type: "string" },
    name: { type: ["string", "null"] },
    kind: { type: ["string", "null"], enum: ["ics", "html", "pdf", "text", null] },
    timezone: { type: "string" },
    refreshMinutes: { type: "integer" },
    enabled: { type: "boolean" },
    render: { type: "boolean" },
    nextRunAt: { type: "string" },
    lastRunAt: { type: ["string", "null"] },
    lastSuccessAt: { type: ["string", "null"] },
    lastError: { type: ["string", "null"] },
    eventsFound: { type: "integer" },
    runs: { type: "integer" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
  },
  required: ["id", "url", "kind", "timezone", "refreshMinutes", "enabled", "lastRunAt", "lastError", "eventsFound"],
} as const;

export const newSourceSchema = {
  type: "object",
  properties: {
    url: { type: "string", maxLength: 2048 },
    name: { type: ["string", "null"], maxLength: 200 },
    timezone: { type: "string", maxLength: 64 },
    refreshMinutes: { type: "integer" },
    enabled: { type: "boolean" },
    render: { type: "boolean", description: "Render the page in a browser (scripts run) before reading it; default false" },
  },
  required: ["url"],
  additionalProperties: false,
} as const;

export const provenanceSchema = {
  type: "object",
  properties: {
    type: { type: "string", enum: ["source", "file", "api"] },
    id: { type: "string" },
    itemKey: { type: "string" },
    via: { type: "string" },
    url: { type: ["string", "null"] },
    match: { type: "string" },
    score: { type: "number" },
    firstSeenAt: { type: "string" },
    lastSeenAt: { type: "string" },
  },
} as const;
