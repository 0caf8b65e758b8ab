/**
 * POST /api/v1/ingest: a file (multipart `file` part, or the raw body with its Content-Type) is stored and
 * queued; 202 with the job comes back at once. text/plain, text/calendar, text/html and application/pdf are
 * read; any other type is a 415 problem. `timezone` (a multipart field or the query) places floating times.
 */
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { acceptUpload, type Upload } from "../../app/ingest/uploads.js";
import type { IngestionHttpDeps } from "../deps.js";
import { ApiError } from "../errors.js";
import { jobSchema } from "../ingestSchemas.js";

/** The media type without parameters, lower-cased; null when absent. */
function mediaType(header: string | undefined): string | null {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type ? type : null;
}

async function readMultipart(request: FastifyRequest): Promise<Upload> {
  let upload: Upload | null = null;
  let timezone: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      if (upload !== null) throw new ApiError("VALIDATION_FAILED", "send one file per request", { field: "file" });
      const body = await part.toBuffer();
      if (part.file.truncated) throw new ApiError("PAYLOAD_TOO_LARGE", "the file is larger than the upload limit", { field: "file" });
      upload = { body, contentType: mediaType(part.mimetype), filename: part.filename || null };
    } else if (part.fieldname === "timezone" && typeof part.value === "string") timezone = part.value;
  }
  if (upload === null) throw new ApiError("VALIDATION_FAILED", "the multipart body has no file part", { field: "file" });
  return { ...upload, timezone };
}

export async function ingestRoutes(app: FastifyInstance, deps: IngestionHttpDeps): Promise<void> {
  const limit = deps.uploads.maxUploadBytes;
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1024 } });
  // Every other type arrives as bytes; the use case decides what it reads (and answers 415 for the rest).
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: limit }, (_request, body, done) => done(null, body));
  for (const type of ["text/plain", "text/calendar", "application/ics", "text/html", "application/json"]) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: limit }, (_request, body, done) => done(null, body));
  }

  app.post(
    "/api/v1/ingest",
    {
      config: { scope: "write" },
      bodyLimit: limit + 64 * 1024,
      schema: {
        summary: "Upload a flyer, schedule or calendar (multipart `file`, or the raw body); read in the background",
        querystring: { type: "object", properties: { timezone: { type: "string", maxLength: 64 }, filename: { type: "string", maxLength: 255 } }, additionalProperties: false },
        response: { 202: { type: "object", properties: { job: jobSchema, file: { type: "object", properties: { key: { type: "string" }, size: { type: "integer" }, kind: { type: "string" }, contentType: { type: ["string", "null"] }, filename: { type: ["string", "null"] } } }, newFile: { type: "boolean" } } } },
      },
    },
    async (request, reply) => {
      const query = request.query as { timezone?: string; filename?: string };
      const upload: Upload = request.isMultipart()
        ? await readMultipart(request)
        : { body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), contentType: mediaType(request.headers["content-type"]), filename: query.filename ?? null };
      if (query.timezone !== undefined && !upload.timezone) upload.timezone = query.timezone;
      const accepted = await acceptUpload(upload, deps.uploads);
      return reply.status(202).header("Location", `/api/v1/jobs/${accepted.job.id}`).send(accepted);
    },
  );
}
