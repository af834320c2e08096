import type { Io } from "../output.ts";
import { EXIT_OK, EXIT_SERVER, printJson, table } from "../output.ts";
import { parseArgs } from "../args.ts";
import { usageError } from "../usage.ts";
import { SERVER_OPTIONS, clientFrom, describeFailure } from "../server-options.ts";
import { ROLES, roleSchema } from "../../shared/schemas/api.ts";

/** `token create|list|revoke`: admin token management through /api/v1/tokens. */
export async function tokenCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "create") return create(rest, io);
  if (sub === "list") return list(rest, io);
  if (sub === "revoke") return revoke(rest, io);
  return usageError(io, "token", sub ? `unknown subcommand ${sub}` : "create, list or revoke expected");
}

async function create(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"], options: ["role", "district", "label", ...SERVER_OPTIONS] });
  if (!args.ok) return usageError(io, "token", args.error);
  const { options, flags, positionals } = args.value;
  if (positionals.length > 0) return usageError(io, "token", `unexpected argument ${positionals[0]}`);
  const role = options.get("role");
  const label = options.get("label");
  const district = options.get("district");
  const parsedRole = roleSchema.safeParse(role);
  if (!parsedRole.success) return usageError(io, "token", `--role must be one of ${ROLES.join(", ")}`);
  if (!label?.trim()) return usageError(io, "token", "--label is required");
  if (role === "district" && !district) return usageError(io, "token", "--district is required for role district");
  if (role !== "district" && district) return usageError(io, "token", "--district is only for role district");

  const res = await clientFrom(options, io).createToken({ role: parsedRole.data, label, ...(district ? { district } : {}) });
  if (!res.ok) {
    io.stderr(`Không tạo được mã truy cập: ${describeFailure(res.failure)}\n`);
    return EXIT_SERVER;
  }
  const t = res.value;
  if (flags.has("json")) printJson(io, { id: t.id, token: t.token, role: t.role, district: t.district, label: t.label });
  else {
    io.stdout(`id: ${t.id}\nrole: ${t.role}\ndistrict: ${t.district ?? "-"}\nlabel: ${t.label}\ntoken: ${t.token}\n`);
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
        ["id", "role", "district", "label", "created", "revoked"],
        tokens.map((t) => [t.id, t.role, t.district ?? "-", t.label, t.createdAt, t.revokedAt ?? "-"]),
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
