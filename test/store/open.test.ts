/** Which backend a database URL selects. */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveStoreTarget } from "../../src/adapters/store/open.js";

describe("resolveStoreTarget", () => {
  it("postgres:// and postgresql:// select PostgreSQL with the URL unchanged", () => {
    expect(resolveStoreTarget("postgres://u@h:5432/db", "data")).toEqual({ kind: "postgres", url: "postgres://u@h:5432/db" });
    expect(resolveStoreTarget("postgresql://u@h/db?sslmode=require", "data")).toEqual({ kind: "postgres", url: "postgresql://u@h/db?sslmode=require" });
  });

  it("no URL selects <dataDir>/calendar.db", () => {
    expect(resolveStoreTarget(null, "data")).toEqual({ kind: "sqlite", path: resolve("data", "calendar.db") });
    expect(resolveStoreTarget("  ", "/srv/cal")).toEqual({ kind: "sqlite", path: "/srv/cal/calendar.db" });
    expect(resolveStoreTarget("sqlite:", "/srv/cal")).toEqual({ kind: "sqlite", path: "/srv/cal/calendar.db" });
  });

  it("sqlite: URLs name a file, relative or absolute, or memory", () => {
    expect(resolveStoreTarget("sqlite:tmp/x.db", "data")).toEqual({ kind: "sqlite", path: resolve("tmp/x.db") });
    expect(resolveStoreTarget("sqlite://tmp/x.db", "data")).toEqual({ kind: "sqlite", path: resolve("tmp/x.db") });
    expect(resolveStoreTarget("sqlite:///var/lib/x.db", "data")).toEqual({ kind: "sqlite", path: "/var/lib/x.db" });
    expect(resolveStoreTarget("sqlite::memory:", "data")).toEqual({ kind: "sqlite", path: ":memory:" });
    expect(resolveStoreTarget(":memory:", "data")).toEqual({ kind: "sqlite", path: ":memory:" });
    expect(resolveStoreTarget(`sqlite:${join("/abs", "y.db")}`, "data")).toEqual({ kind: "sqlite", path: "/abs/y.db" });
  });

  it("any other scheme is refused, naming the scheme but not the URL", () => {
    expect(() => resolveStoreTarget("mysql://root:secret@h/db", "data")).toThrow(/"mysql:"/);
    expect(() => resolveStoreTarget("mysql://root:secret@h/db", "data")).not.toThrow(/secret/);
    expect(() => resolveStoreTarget("just-a-path.db", "data")).toThrow(/unsupported/);
  });
});
