/** The CLI's window on the process: streams and exit codes, injected so commands can be tested in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of stdin (used by `parse --batch`). */
  readStdin: () => AsyncIterable<string>;
  /** "Now" for commands that default the reference to the current time. */
  now: () => number;
  /** Reads a file as UTF-8. */
  readFile: (path: string) => Promise<string>;
}

/** Exit code for bad input (a usage error, an unknown zone, a malformed reference). */
export const EXIT_USAGE = 2;

/** A one-line error the CLI prints as `calendar-api: <message>` before exiting with `code`. */
export class CliError extends Error {
  constructor(message: string, readonly code: number = EXIT_USAGE) {
    super(message);
    this.name = "CliError";
  }
}
