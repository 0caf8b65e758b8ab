import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Compiles dist/ (what bin/calendar-api.js runs) once before a run that includes test/e2e, when it is stale.
    globalSetup: ["test/e2e/globalSetup.ts"],
  },
});
