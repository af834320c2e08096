import { describe, expect, it } from "vitest";
import {
  createTokenRequestSchema,
  errorBodySchema,
  issueSchema,
  revokeTokenResponseSchema,
  requestedRoleSchema,
  roleSchema,
  submissionsQuerySchema,
  submitResponseSchema,
  tokenInfoSchema,
} from "../../../shared/schemas/api.ts";
import { VALID, WARNING } from "../api/valid-bodies.ts";

describe("API schemas", () => {
  it("role: unit, office or admin; `district` is accepted only as a requested role (its older name)", () => {
    expect(roleSchema.options).toEqual(["unit", "office", "admin"]);
    expect(roleSchema.safeParse("district").success).toBe(false);
    expect(roleSchema.safeParse("boss").success).toBe(false);
    expect(requestedRoleSchema.options).toEqual(["unit", "district", "office", "admin"]);
  });

  it("POST /tokens request: unit only for role unit (3 or 5 digits), district only for role district; read as unit; label NFC and trimmed", () => {
    expect(createTokenRequestSchema.parse({ role: "unit", unit: "06148", label: "  Xã Tân Liên " })).toEqual({
      role: "unit",
      unit: "06148",
      label: "Xã Tân Liên",
    });
    expect(createTokenRequestSchema.parse({ role: "district", district: "183", label: "  Cao Lo\u0302\u0323c " })).toEqual({
      role: "unit",
      unit: "183",
      label: "Cao Lộc",
    });
    expect(createTokenRequestSchema.parse({ role: "office", label: "VP" })).toEqual({ role: "office", unit: null, label: "VP" });
    for (const bad of [
      { role: "district", label: "x" },
      { role: "unit", label: "x" },
      { role: "unit", district: "183", label: "x" },
      { role: "district", unit: "183", label: "x" },
      { role: "office", district: "183", label: "x" },
      { role: "office", unit: "183", label: "x" },
      { role: "admin", label: "   " },
      { role: "admin", label: "x".repeat(201) },
      { role: "district", district: "18a", label: "x" },
      { role: "district", district: "06148", label: "x" },
      { role: "unit", unit: "1834", label: "x" },
    ]) {
      expect(createTokenRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("GET /submissions query: a unit code of 3 or 5 digits, or its older name district (3 digits)", () => {
    expect(submissionsQuerySchema.parse({ year: "2027", unit: "06148", round: "result" })).toEqual({
      year: 2027,
      unit: "06148",
      round: "result",
    });
    expect(submissionsQuerySchema.safeParse({ unit: "1834" }).success).toBe(false);
    expect(submissionsQuerySchema.safeParse({ district: "06148" }).success).toBe(false);
    expect(submissionsQuerySchema.safeParse({ round: "final" }).success).toBe(false);
  });

  it("GET /submissions query: a plan year and a district code as text", () => {
    expect(submissionsQuerySchema.parse({ year: "2018", district: "183" })).toEqual({ year: 2018, district: "183" });
    expect(submissionsQuerySchema.parse({})).toEqual({});
    expect(submissionsQuerySchema.safeParse({ year: "1999" }).success).toBe(false);
    expect(submissionsQuerySchema.safeParse({ district: "1834567" }).success).toBe(false);
  });

  it("the submit answer needs every field", () => {
    expect(submitResponseSchema.parse(VALID.submit)).toEqual(VALID.submit);
    for (const key of Object.keys(VALID.submit)) {
      const { [key]: _, ...rest } = VALID.submit as Record<string, unknown>;
      expect(submitResponseSchema.safeParse(rest).success, key).toBe(false);
    }
    expect(submitResponseSchema.safeParse({ ...VALID.submit, revision: 0 }).success).toBe(false);
  });

  it("a token as listed has a nullable revokedAt; a revoked one has it set", () => {
    const listed = VALID.listTokens.tokens[0]!;
    expect(tokenInfoSchema.parse(listed)).toEqual(listed);
    expect(revokeTokenResponseSchema.safeParse(listed).success).toBe(false);
    expect(revokeTokenResponseSchema.parse(VALID.revokeToken)).toEqual(VALID.revokeToken);
  });

  it("an issue has every field of shared/result.ts", () => {
    expect(issueSchema.parse(WARNING)).toEqual(WARNING);
    expect(issueSchema.safeParse({ ...WARNING, severity: "info" }).success).toBe(false);
    expect(issueSchema.safeParse({ ...WARNING, cell: undefined }).success).toBe(false);
  });

  it("the one error body: code and message required, messageEn and details optional", () => {
    expect(errorBodySchema.parse({ error: { code: "not_found", message: "Không tìm thấy." } })).toEqual({
      error: { code: "not_found", message: "Không tìm thấy." },
    });
    const full = { error: { code: "submission.invalid", message: "m", messageEn: "e", details: { issues: [WARNING] } } };
    expect(errorBodySchema.parse(full)).toEqual(full);
    for (const bad of [
      {},
      { error: "x" },
      { error: { message: "m" } },
      { error: { code: "", message: "m" } },
      { error: { code: "c", message: "m", details: [1] } },
    ]) {
      expect(errorBodySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
