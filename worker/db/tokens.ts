import type { RevokeTokenResponse, TokenInfo } from "../../shared/schemas/api/tokens.ts";
import { auditStatement } from "./audit.ts";
import type { Db } from "./types.ts";

/** Who creates or revokes a token, for the audit log. */
export type Actor = { label: string; tokenId: string | null };

/** A row of `tokens`: the API's token (shared/schemas/api/tokens.ts) in column names, plus its hash. */
export type TokenRow = {
  id: TokenInfo["id"];
  hash: string;
  role: TokenInfo["role"];
  unit: TokenInfo["unit"];
  label: TokenInfo["label"];
  created_at: TokenInfo["createdAt"];
  revoked_at: TokenInfo["revokedAt"];
};

export type { TokenInfo };

const COLUMNS = "id, role, unit, label, created_at, revoked_at";

/** The API's token; `district` repeats the unit code for older clients. */
function info(r: Omit<TokenRow, "hash">): TokenInfo {
  return {
    id: r.id,
    role: r.role,
    unit: r.unit,
    district: r.unit,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** The token with this SHA-256 (hex), revoked or not; one indexed query. */
export async function findTokenByHash(db: Db, hash: string): Promise<TokenRow | null> {
  return db.prepare(`SELECT hash, ${COLUMNS} FROM tokens WHERE hash = ?1`).bind(hash).first<TokenRow>();
}

/** Stores a token and its audit entry (`token.create`: role, unit, label; never the token) in ONE batch. */
export async function insertToken(db: Db, row: Omit<TokenRow, "revoked_at">, actor: Actor): Promise<void> {
  await db.batch([
    db
      .prepare("INSERT INTO tokens (id, hash, role, unit, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .bind(row.id, row.hash, row.role, row.unit, row.label, row.created_at),
    auditStatement(db, Date.parse(row.created_at), {
      actor: actor.label,
      tokenId: actor.tokenId,
      action: "token.create",
      unit: row.unit,
      year: null,
      round: null,
      revision: null,
      detail: { id: row.id, role: row.role, label: row.label },
    }),
  ]);
}

/** Where a page of tokens starts: just after this token in the list's order. */
export type TokenKey = { createdAt: string; id: string };

/**
 * Tokens oldest first (creation time, then id: unique), `limit` of them after `after` (null = from
 * the start): a row-value comparison, never an OFFSET. A token created meanwhile comes at the end.
 */
export async function listTokens(db: Db, q: { after: TokenKey | null; limit: number }): Promise<TokenInfo[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM tokens WHERE ?1 IS NULL OR (created_at, id) > (?1, ?2) ORDER BY created_at, id LIMIT ?3`)
    .bind(q.after?.createdAt ?? null, q.after?.id ?? null, q.limit)
    .all<Omit<TokenRow, "hash">>();
  return results.map(info);
}

/**
 * Revokes a token (idempotent: the first revocation time is kept); null when there is no such token.
 * ONE batch: the audit entry (`token.revoke`, only when the token was not yet revoked), the update, the row.
 */
export async function revokeToken(db: Db, id: string, at: string, actor: Actor): Promise<RevokeTokenResponse | null> {
  const results = await db.batch([
    auditStatement(
      db,
      Date.parse(at),
      {
        actor: actor.label,
        tokenId: actor.tokenId,
        action: "token.revoke",
        unit: null,
        year: null,
        round: null,
        revision: null,
        detail: { id },
      },
      "EXISTS (SELECT 1 FROM tokens WHERE id = ?10 AND revoked_at IS NULL)",
      [id],
    ),
    db.prepare("UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1").bind(id, at),
    db.prepare(`SELECT ${COLUMNS} FROM tokens WHERE id = ?1`).bind(id),
  ]);
  const row = results[2]?.results[0] as Omit<TokenRow, "hash"> | undefined;
  return row && row.revoked_at !== null ? { ...info(row), revokedAt: row.revoked_at } : null;
}
