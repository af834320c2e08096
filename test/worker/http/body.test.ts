import { beforeAll, describe, expect, it } from "vitest";
import { API_MESSAGES } from "../../../shared/api/messages.ts";
import { MAX_BODY_BYTES, MAX_COMMUNES, jsonBodyBytes } from "../../../shared/limits.ts";
import { worstCaseSubmission } from "../../helpers/worst-case-submission.ts";
import { api, applySetup, json } from "../helpers.ts";

/** The size contract (shared/limits.ts) at the Worker: the largest valid submission is stored, a byte more than the limit is not. */
describe("request body limit", () => {
  beforeAll(async () => {
    for (const year of [2091, 2092]) await applySetup(year);
  });

  it("stores the worst-case submission of MAX_COMMUNES communes (11.7 MB): 201", async () => {
    const sub = worstCaseSubmission({ district: "184", districtName: "Huyện Văn Quan", year: 2091 });
    expect(sub.communes).toHaveLength(MAX_COMMUNES);
    expect(jsonBodyBytes(sub)).toBeLessThan(MAX_BODY_BYTES);
    const res = await api("/submissions", { body: sub });
    const body = await json(res);
    expect([res.status, body.revision, body.deduplicated]).toEqual([201, 1, false]);
    const stored = await json(await api(`/submissions/${body.id}`));
    expect(stored.submission.communes).toHaveLength(MAX_COMMUNES);
    expect(stored.submission.communes[9_999]).toEqual(sub.communes[9_999]);
  }, 60_000);

  it("a body of exactly MAX_BODY_BYTES is read (a valid submission padded with spaces: 201)", async () => {
    const text = JSON.stringify(worstCaseSubmission({ district: "185", districtName: "Huyện Bắc Sơn", year: 2092 }, 2));
    const res = await api("/submissions", { body: text + " ".repeat(MAX_BODY_BYTES - new TextEncoder().encode(text).byteLength) });
    expect(res.status).toBe(201);
  }, 60_000);

  it("one byte more is 413 with the clients' text (shared/api/messages.ts `http.413`)", async () => {
    const text = JSON.stringify(worstCaseSubmission({ district: "185", districtName: "Huyện Bắc Sơn", year: 2093 }, 2));
    const res = await api("/submissions", { body: text + " ".repeat(MAX_BODY_BYTES + 1 - new TextEncoder().encode(text).byteLength) });
    expect(res.status).toBe(413);
    expect(await json(res)).toEqual({
      error: { code: "body.too_large", message: API_MESSAGES["http.413"].vi, messageEn: API_MESSAGES["http.413"].en },
    });
    expect(API_MESSAGES["http.413"].vi).toContain("vượt quá 16 MB");
  }, 60_000);
});
