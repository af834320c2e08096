import { expect, it } from "vitest";
import { percent } from "../../shared/money.ts";
it("percent", () => expect(percent(48, 207)).toBe(23.2));
