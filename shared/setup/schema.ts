import { z } from "zod";
import { MAX_COMMUNES } from "../limits.ts";
import { planYearSchema } from "../schemas/plan-year.ts";

/**
 * A plan year's setup as JSON (docs/setup.md): the body of `PUT /api/v1/setup/:year`, what
 * `readSetupWorkbook` hands `checkSetup`, and what `ntm setup show --json` prints. The shape of
 * `Setup` (types.ts) without `origin`, checked for SHAPE only (types, lengths, sizes): every rule
 * of the setup (codes of the level's length, duplicates, units and communes, bands covering 0..n,
 * groups 1-3, ...) is `checkSetup`'s (check-setup.ts), which answers each with its own issue code
 * and cell. So codes are digit strings of any length here and a group is any integer.
 *
 * Conveniences of the JSON (checkSetup fills them in): a built-in criteria set may be named by
 * `id` alone (its criteria, bands and decision are the built-in ones; `bands` alone may differ);
 * `planFlags`, `capitalRows` and `deadlines` may be left out (none, the 2018 list, none); a
 * band's `key` may be left out (derived from min/max: `19`, `15-18`, `<5`).
 *
 * `source` (optional, ignored by the stored setup) lets issues point at cells of the `Thiết lập`
 * workbook: each row its sheet and 1-based row, and per table the column letter of each field.
 */
const text = (max: number) => z.string().max(max);
const digits = z.string().regex(/^\d{1,10}$/);
/** A yes/no attribute label (`Huyện biên giới`, `Xã biên giới`) or a plan flag label. */
export const setupLabelSchema = z.string().min(1).max(100);
const attributes = z.record(setupLabelSchema, z.boolean());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rowSource = z.object({ sheet: text(100), row: z.number().int().positive() }).optional();
const column = z.string().regex(/^[A-Z]{1,3}$/);
/**
 * Where a table was read: its sheet, the column of each field (`code`, `name`, an attribute label)
 * and, for a list of plain strings (`planFlags`), the row of each item.
 */
const tableSource = z
  .object({
    sheet: text(100),
    columns: z.record(z.string().max(100), column),
    rows: z.array(z.number().int().positive()).max(100).optional(),
  })
  .optional();

/** At most this many units or communes in a setup (a whole country's communes). */
export const MAX_SETUP_ROWS = MAX_COMMUNES;

export const setupCriterionSchema = z.object({
  number: z.number().int(),
  name: text(300),
  nameEn: text(300),
  source: rowSource,
});

export const setupBandSchema = z.object({
  key: text(20).optional(),
  label: text(100),
  min: z.number().int(),
  max: z.number().int(),
  source: rowSource,
});

export const criteriaSetJsonSchema = z.object({
  id: z.string().min(1).max(50),
  decision: text(200).nullable().optional(),
  /** The criteria, 1..n in order; left out for a built-in set named by id. */
  criteria: z.array(setupCriterionSchema).max(200).optional(),
  /** The bands, from the highest; left out for the built-in set's bands. */
  bands: z.array(setupBandSchema).max(60).optional(),
  communeGroups: z.boolean().optional(),
});

export const setupUnitSchema = z.object({
  code: digits,
  name: text(200),
  attributes: attributes.default({}),
  source: rowSource,
});

export const setupCommuneSchema = z.object({
  code: digits,
  name: text(200),
  unit: digits,
  group: z.number().int().nullable(),
  attributes: attributes.default({}),
  formerCodes: z.array(digits).max(100).default([]),
  source: rowSource,
});

export const setupCapitalRowSchema = z.object({ stt: text(20), label: text(300), source: rowSource });

export const setupSourceSchema = z.object({
  /** `Năm`: the sheet and the cell (A1) of each key's value (`year`, `criteriaSet`, `level`, `plan`, `result`). */
  year: z.object({ sheet: text(100), cells: z.record(z.string().max(30), z.string().regex(/^[A-Z]{1,3}\d{1,7}$/)) }).optional(),
  units: tableSource,
  communes: tableSource,
  criteria: tableSource,
  bands: tableSource,
  capital: tableSource,
  planFlags: tableSource,
});

export const setupSchema = z.object({
  year: planYearSchema,
  criteriaSet: criteriaSetJsonSchema,
  level: z.enum(["huyện", "xã"]),
  units: z.array(setupUnitSchema).max(MAX_SETUP_ROWS),
  /** The registered commune list; null (or left out) when the province registers none (level huyện). */
  communes: z.array(setupCommuneSchema).max(MAX_SETUP_ROWS).nullable().default(null),
  planFlags: z.array(text(100)).max(50).optional(),
  capitalRows: z.array(setupCapitalRowSchema).max(100).optional(),
  deadlines: z.object({ plan: isoDate.nullable(), result: isoDate.nullable() }).optional(),
  source: setupSourceSchema.optional(),
});

/** The setup JSON as sent (before checkSetup). */
export type SetupJson = z.input<typeof setupSchema>;
/** The setup JSON after the shape check (defaults filled), what checkSetup's rules read. */
export type SetupJsonParsed = z.output<typeof setupSchema>;
