/** The one error the configuration throws: every problem found, each naming the key, the bad value and what is expected. */

export class ConfigError extends Error {
  /** One line per problem, e.g. `PORT: expected an integer 1–65535, got "abc"`; secrets appear masked. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration (${problems.length} ${problems.length === 1 ? "problem" : "problems"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = Object.freeze([...problems]);
  }
}
