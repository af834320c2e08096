import path from "node:path";
import { defineConfig } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";

/**
 * One vitest run, two projects: `node` (shared core, CLI, add-in adapter, browser and end-to-end
 * tests) and `workers` (the Worker inside workerd against real D1 with the migrations applied).
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "worker/migrations"));
  return {
    test: {
      projects: [
        {
          test: {
            name: "node",
            include: ["test/**/*.test.ts"],
            exclude: ["test/worker/**", "node_modules/**"],
            environment: "node",
            globalSetup: ["test/global-setup.ts"],
            testTimeout: 30_000,
            hookTimeout: 120_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations, ADMIN_TOKEN: "test-admin-token-0123456789abcdef" },
                // A second database for the migration test: it gets the old migrations, old-shape data, then the new ones.
                d1Databases: { MIGRATION_DB: "ntm-migration-test" },
              },
            }),
          ],
          test: {
            name: "workers",
            include: ["test/worker/**/*.test.ts"],
            setupFiles: ["test/worker/apply-migrations.ts"],
          },
        },
      ],
    },
  };
});
