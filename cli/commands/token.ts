import type { Io } from "../output.ts";
import { EXIT_OK, EXIT_SERVER, printJson, table } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { REQUESTED_ROLES, requestedRoleSchema } from "../../shared/schemas/api.ts";
import type { CreateTokenRequest } from "../../shared/schemas/api.ts";

/** `token create|list|revoke`: admin token management through /api/v1/tokens. */
export async function tokenCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "create") return create(rest, io);
  if (sub === "list") return list(rest, io);
  if (sub === "revoke") return revoke(rest, io);
  return usageError(io, "token", sub ? `unknown subcommand ${sub}` : "create, list or revoke expected");
}

/**
 * `token create --role unit --unit <code> --label <text>` (a reporting unit: a district's 3 digits
 * or a commune's 5), `--role office|admin --label <text>`, or the older `--role district --district
 * <code>` (the server stores and answers it as role `unit`).
 */
async function create(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["role", "unit", "district", "label", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "token", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "token", `unexpected argument ${positionals[0]}`);
  const label = options.get("label");
  const parsedRole = requestedRoleSchema.safeParse(options.get("role"));
  if (!parsedRole.success) return usageError(io, "token", `--role must be one of ${REQUESTED_ROLES.join(", ")}`);
  const role = parsedRole.data;
  if (!label?.trim()) return usageError(io, "token", "--label is required");
  for (const field of ["unit", "district"] as const) {
    if (role === field && !options.get(field)) return usageError(io, "token", `--${field} is required for role ${field}`);
    if (role !== field && options.get(field)) return usageError(io, "token", `--${field} is only for role ${field}`);
  }
  const code = options.get(role === "district" ? "district" : "unit");
  const request: CreateTokenRequest =
    role === "unit" ? { role, unit: code, label } : role === "district" ? { role, district: code, label } : { role, label };

  const res = await clientFrom(options, io).createToken(request);
  if (!res.ok) {
    io.stderr(`Không tạo được mã truy cập: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  const t = res.value;
  // `district` repeats the unit code for scripts written before units (as the API's answer does).
  if (flags.has("json")) printJson(io, { id: t.id, token: t.token, role: t.role, unit: t.unit, district: t.unit, label: t.label });
  else {
    io.stdout(`id: ${t.id}\nrole: ${t.role}\nunit: ${t.unit ?? "-"}\nlabel: ${t.label}\ntoken: ${t.token}\n`);
    io.stderr("Lưu mã truy cập ngay: nó chỉ hiện một lần (the token is shown only once).\n");
  }
  return EXIT_OK;
}

async function list(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: SERVER_OPTIONS });
  if (!args.ok) return usageError(io, "token", args.error);
  if (args.value.positionals.length > 0) return usageError(io, "token", `unexpected argument ${args.value.positionals[0]}`);
  // Every page (GET /tokens follows `next` until null): never only the first page.
  const res = await clientFrom(args.value.options, io).allTokens();
  if (!res.ok) {
    io.stderr(`Không lấy được danh sách mã truy cập: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  const tokens = res.value;
  if (args.value.flags.has("json")) printJson(io, tokens);
  else {
    io.stdout(
      table(
        ["id", "role", "unit", "label", "created", "revoked"],
        tokens.map((t) => [t.id, t.role, t.unit ?? "-", t.label, t.createdAt, t.revokedAt ?? "-"]),
      ),
    );
  }
  return EXIT_OK;
}

async function revoke(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: SERVER_OPTIONS });
  if (!args.ok) return usageError(io, "token", args.error);
  const [id, extra] = args.value.positionals;
  if (!id || extra !== undefined) return usageError(io, "token", "revoke takes exactly one token id");
  const res = await clientFrom(args.value.options, io).revokeToken(id);
  if (!res.ok) {
    io.stderr(`Không thu hồi được mã ${id}: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  if (args.value.flags.has("json")) printJson(io, res.value);
  else io.stdout(`Đã thu hồi mã truy cập ${id} (revoked).\n`);
  return EXIT_OK;
}
