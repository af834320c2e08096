/** Bindings the workers test project adds to the Worker's `Env` (vitest.config.ts). */
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** An empty database for test/worker/migrations (the migrations are applied by the test itself). */
    MIGRATION_DB: D1Database;
  }
}
