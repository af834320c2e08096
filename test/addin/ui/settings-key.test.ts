import { afterEach, describe, expect, it } from "vitest";
import { loadSettings, saveSettings, settingsKey } from "../../../addin/hooks/use-settings.ts";

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const g = globalThis as { localStorage?: unknown };
afterEach(() => {
  delete g.localStorage;
});

describe("settings storage", () => {
  it("keys by Office's partitionKey when there is one", () => {
    expect(settingsKey("p-1")).toBe("p-1/ntm.settings.v1");
    expect(settingsKey(null)).toBe("ntm.settings.v1");
  });

  it("keeps settings per partition", () => {
    const s = new MemoryStorage();
    g.localStorage = s;
    saveSettings("user-a", { server: "https://a", token: "ta" });
    expect(loadSettings("user-a")).toEqual({ server: "https://a", token: "ta" });
    expect(loadSettings("user-b")).toEqual({ server: "", token: "" });
    expect([...s.data.keys()]).toEqual(["user-a/ntm.settings.v1"]);
  });

  it("survives garbage and missing storage", () => {
    const s = new MemoryStorage();
    s.setItem("ntm.settings.v1", "{not json");
    g.localStorage = s;
    expect(loadSettings(null)).toEqual({ server: "", token: "" });
    delete g.localStorage;
    expect(loadSettings(null)).toEqual({ server: "", token: "" });
  });
});
