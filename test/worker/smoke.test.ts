import { env, SELF } from "cloudflare:test";
import { expect, it } from "vitest";
it("health", async () => {
  const r = await SELF.fetch("http://x/api/v1/health");
  expect(await r.json()).toEqual({ ok: true });
  await env.DB.prepare("insert into districts values ('1','a',0)").run();
  expect((await env.DB.prepare("select count(*) n from districts").first())?.n).toBe(1);
});
