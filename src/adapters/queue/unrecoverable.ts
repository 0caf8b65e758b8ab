/** Recognising the port's UnrecoverableError, also across copies of the module (a bundled or compiled twin). */
import { UnrecoverableError } from "../../ports/jobQueue.js";

/** True for an UnrecoverableError, or any Error carrying its code "UNRECOVERABLE". */
export function isUnrecoverable(error: unknown): boolean {
  return error instanceof UnrecoverableError || (error instanceof Error && (error as { code?: unknown }).code === "UNRECOVERABLE");
}
