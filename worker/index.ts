import { Hono } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "./env.ts";
import { errorResponse, HttpError, internal, notFound } from "./http/errors.ts";
import { criteriaSets } from "./routes/criteria-sets.ts";
import { districts } from "./routes/districts.ts";
import { health } from "./routes/health.ts";
import { me } from "./routes/me.ts";
import { audit } from "./routes/audit.ts";
import { carryOverRoute } from "./routes/carry-over.ts";
import { reports } from "./routes/reports.ts";
import { reviews } from "./routes/reviews.ts";
import { rounds } from "./routes/rounds.ts";
import { status } from "./routes/status.ts";
import { setup } from "./routes/setup.ts";
import { submissions } from "./routes/submissions.ts";
import { targets } from "./routes/targets.ts";
import { tokens } from "./routes/tokens.ts";
import { trend } from "./routes/trend.ts";
import { units } from "./routes/units.ts";

/** Origins listed in ALLOWED_ORIGINS (comma-separated); none = CORS closed. */
export function allowedOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const app = new Hono<AppEnv>();

app.use(
  "/api/*",
  cors({
    origin: (origin, c) => (allowedOrigins(c.env.ALLOWED_ORIGINS).includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type"],
    maxAge: 600,
  }),
);

app.use("/api/*", async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
  c.header("X-Content-Type-Options", "nosniff");
});

const api = new Hono<AppEnv>()
  .route("/health", health)
  .route("/me", me)
  .route("/districts", districts)
  .route("/units", units)
  .route("/setup", setup)
  .route("/criteria-sets", criteriaSets)
  .route("/submissions", submissions)
  // Before `/reports`: `/reports/:year` must not take `trend`.
  .route("/reports/trend", trend)
  .route("/reports", reports)
  .route("/tokens", tokens)
  .route("/rounds", rounds)
  .route("/reviews", reviews)
  .route("/status", status)
  .route("/audit", audit)
  .route("/targets", targets)
  .route("/carry-over", carryOverRoute);

app.route("/api/v1", api);

/** Unknown API routes: 404 in the error shape. Everything else: the built task pane. */
app.all("/api/*", () => {
  throw notFound("route");
});
app.all("*", (c) => c.env.ASSETS.fetch(c.req.raw));

app.notFound((c) => errorResponse(c, notFound("route")));

app.onError((err, c) => {
  if (err instanceof HttpError) return errorResponse(c, err);
  console.error("unhandled error", err);
  return errorResponse(c, internal());
});

export default app;
