/**
 * The Worker's clock: the time every action is stored with. `CLOCK_OFFSET_MS` (a var, never set in
 * wrangler.toml) shifts it by that many milliseconds, for rehearsals and end-to-end tests on a local
 * `wrangler dev` (`--var CLOCK_OFFSET_MS:-172800000` = two days ago), so that a deadline can pass
 * while a test runs; an absent, empty or non-integer value means no shift. docs/admin.md says never
 * to set it in production.
 */
export function now(env: unknown): Date {
  const text = (env as { CLOCK_OFFSET_MS?: unknown } | null)?.CLOCK_OFFSET_MS;
  const offset = typeof text === "string" && /^-?\d{1,15}$/.test(text) ? Number(text) : 0;
  return new Date(Date.now() + offset);
}
