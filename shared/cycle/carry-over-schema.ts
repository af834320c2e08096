import { z } from "zod";
import { CARRY_NOTE_CODES } from "./carry-over.ts";

/** GET /api/v1/carry-over/:year?unit= (docs/interfaces.md): the `CarryOver` of shared/cycle/carry-over.ts. */
export const carryOverResponseSchema = z.object({
  year: z.number().int(),
  fromYear: z.number().int(),
  unit: z.string(),
  criteriaSet: z.object({ from: z.string().nullable(), to: z.string() }),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      baseline: z.array(z.number().int()),
      basis: z.enum(["result", "plan"]),
      from: z.array(z.string()),
      skipped: z.array(z.string()),
    }),
  ),
  notes: z.array(z.object({ code: z.enum(CARRY_NOTE_CODES), messageVi: z.string(), messageEn: z.string(), communes: z.array(z.string()) })),
});

export type CarryOverResponse = z.infer<typeof carryOverResponseSchema>;
