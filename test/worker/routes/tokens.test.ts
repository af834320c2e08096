import { describe, expect, it } from "vitest";
import { api, applySetup, communeSetup, createToken, db, json } from "../helpers.ts";

describe("POST /tokens", () => {
  it("creates a unit token shown once: ntm_ + 256 random bits, usable at once", async () => {
    const res = await api("/tokens", { body: { role: "unit", unit: "183", label: "Phòng NN Cao Lộc" } });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(["district", "id", "label", "role", "token", "unit"]);
    expect(body).toMatchObject({ role: "unit", unit: "183", district: "183", label: "Phòng NN Cao Lộc" });
    expect(body.token).toMatch(/^ntm_[A-Za-z0-9_-]{43}$/);
    const me = await api("/me", { token: body.token });
    expect(await json(me)).toEqual({ role: "unit", unit: "183", district: "183", label: "Phòng NN Cao Lộc" });
  });

  it("the older form { role: district, district } creates a unit token (stored as role unit)", async () => {
    const res = await api("/tokens", { body: { role: "district", district: "180", label: "Phòng NN Tràng Định" } });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ role: "unit", unit: "180", district: "180" });
    const row = await db.prepare("SELECT role, unit FROM tokens WHERE id = ?1").bind(body.id).first();
    expect(row).toEqual({ role: "unit", unit: "180" });
  });

  it("a commune-level unit (5 digits) once a setup lists it; 422 unit.unknown before", async () => {
    const before = await api("/tokens", { body: { role: "unit", unit: "06148", label: "Xã Thử" } });
    expect(before.status).toBe(422);
    expect((await json(before)).error).toMatchObject({
      code: "unit.unknown",
      messageEn: "Unit code 06148 is not a unit of any year's setup.",
    });
    await applySetup(2095, communeSetup(2095, ["06148"]));
    const res = await api("/tokens", { body: { role: "unit", unit: "06148", label: "Xã Thử" } });
    expect(res.status).toBe(201);
    expect(await json(await api("/me", { token: (await json(res)).token }))).toEqual({
      role: "unit",
      unit: "06148",
      district: "06148",
      label: "Xã Thử",
    });
  });

  it("stores only the SHA-256 of the token, never the token", async () => {
    const { id, token } = await createToken("office");
    const row = await db.prepare("SELECT * FROM tokens WHERE id = ?1").bind(id).first<Record<string, unknown>>();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    expect(row?.hash).toBe(hex);
    expect(Object.values(row ?? {}).some((v) => typeof v === "string" && v.includes(token.slice(4)))).toBe(false);
  });

  it("normalises the label to NFC and trims it", async () => {
    const res = await api("/tokens", { body: { role: "office", label: "  Văn phòng Điều phối ".normalize("NFD") } });
    expect((await json(res)).label).toBe("Văn phòng Điều phối");
  });

  it.each([
    [{ role: "office" }, "label"],
    [{ role: "office", label: "   " }, "label"],
    [{ role: "district", label: "x" }, "district"],
    [{ role: "office", district: "183", label: "x" }, "district"],
    [{ role: "unit", label: "x" }, "unit"],
    [{ role: "office", unit: "183", label: "x" }, "unit"],
    [{ role: "unit", district: "183", label: "x" }, "unit"],
    [{ role: "district", unit: "183", label: "x" }, "district"],
    [{ role: "unit", unit: "0618", label: "x" }, "unit"],
    [{ role: "boss", label: "x" }, "role"],
  ])("400 with the offending field for %j", async (body, field) => {
    const res = await api("/tokens", { body });
    expect(res.status).toBe(400);
    const err = (await json(res)).error;
    expect(err.code).toBe("request.malformed");
    expect(err.details.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it("422 district.unknown for a district that is not in the reference data", async () => {
    const res = await api("/tokens", { body: { role: "district", district: "999", label: "x" } });
    expect(res.status).toBe(422);
    expect((await json(res)).error.code).toBe("district.unknown");
  });

  it("400 for a body that is not JSON", async () => {
    const res = await api("/tokens", { body: "{role:", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatchObject({ code: "request.malformed", messageEn: "The request body is not valid JSON." });
  });

  it("a non-admin token cannot create an admin token (403, nothing stored)", async () => {
    const office = await createToken("office");
    const before = await db.prepare("SELECT count(*) AS n FROM tokens").first<{ n: number }>();
    const res = await api("/tokens", { token: office.token, body: { role: "admin", label: "escalate" } });
    expect(res.status).toBe(403);
    const after = await db.prepare("SELECT count(*) AS n FROM tokens").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });
});

describe("GET /tokens", () => {
  it("lists tokens without hashes or tokens", async () => {
    const created = await createToken("district", "180");
    const res = await api("/tokens");
    expect(res.status).toBe(200);
    const { tokens } = await json(res);
    const mine = tokens.find((t: { id: string }) => t.id === created.id);
    expect(mine).toEqual({
      id: created.id,
      role: "unit",
      unit: "180",
      district: "180",
      label: created.label,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      revokedAt: null,
    });
    expect(JSON.stringify(tokens)).not.toMatch(/hash|ntm_/);
  });

  it("paginates: limit=1 gives one token and a next that leads to the rest, each once; next null at the end", async () => {
    const a = await createToken("office");
    const b = await createToken("office");
    const all = (await json(await api("/tokens?limit=1000"))).tokens.map((t: { id: string }) => t.id);
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { tokens: { id: string }[]; next: string | null } = await json(
        await api(`/tokens?limit=1${cursor ? `&cursor=${cursor}` : ""}`),
      );
      expect(body.tokens).toHaveLength(1);
      seen.push(...body.tokens.map((t) => t.id));
      cursor = body.next;
    } while (cursor !== null);
    expect(seen).toEqual(all);
  });

  it("400 request.malformed for limit 0 and a garbled cursor", async () => {
    for (const q of ["limit=0", "cursor=xyz"]) {
      const res = await api(`/tokens?${q}`);
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe("request.malformed");
    }
  });

  it("401 without a token", async () => {
    expect((await api("/tokens", { token: null })).status).toBe(401);
  });
});

describe("DELETE /tokens/:id", () => {
  it("revokes: the token then gets 401 everywhere; revoking again keeps the first time", async () => {
    const t = await createToken("office");
    expect((await api("/me", { token: t.token })).status).toBe(200);
    const res = await api(`/tokens/${t.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    const first = await json(res);
    expect(first.revokedAt).toMatch(/^\d{4}-/);
    const me = await api("/me", { token: t.token });
    expect(me.status).toBe(401);
    expect((await json(me)).error.code).toBe("auth.required");
    expect((await api("/reports/2018", { token: t.token })).status).toBe(401);
    const again = await json(await api(`/tokens/${t.id}`, { method: "DELETE" }));
    expect(again.revokedAt).toBe(first.revokedAt);
  });

  it("404 for an unknown id", async () => {
    const res = await api("/tokens/no-such-token", { method: "DELETE" });
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("not_found");
  });

  it("a revoked admin token can no longer create tokens", async () => {
    const admin = await createToken("admin");
    expect((await api("/tokens", { token: admin.token, body: { role: "office", label: "ok" } })).status).toBe(201);
    await api(`/tokens/${admin.id}`, { method: "DELETE" });
    expect((await api("/tokens", { token: admin.token, body: { role: "office", label: "no" } })).status).toBe(401);
  });
});
