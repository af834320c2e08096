import type { UnitCommune, UnitSubmission } from "../../shared/schemas/unit-submission.ts";
import type { CommuneGroup } from "../../shared/setup/types.ts";
import { SHEETS } from "../../shared/template/labels.ts";
import type { CommuneRow, StoredCommuneRow } from "../db/submissions.ts";
import { bitsToCriteria, criteriaToBits, MAX_CRITERION_BITS } from "./commune-bits.ts";

/**
 * NTM-2 commune rows as stored (worker/migrations/0005_unit_submissions.sql): each attribute and
 * plan flag label of the revision is one bit of `flags` (its value) and of `marks` (the commune has
 * a value for it), by its position in the revision's label list; `grp` is the typed commune group.
 */

/** The label list of a revision: attribute labels on the first bits, then plan flag labels. */
export type CommuneLabels = { attributes: string[]; flags: string[] };

/** Labels a revision may have in all: one bit each, every bit exact in a JavaScript number. */
export const MAX_COMMUNE_LABELS = MAX_CRITERION_BITS;

/** The attribute and flag labels of the communes, each list in the order the labels first appear. */
export function communeLabels(sub: UnitSubmission): CommuneLabels {
  const attributes = new Set<string>();
  const flags = new Set<string>();
  for (const c of sub.communes) {
    for (const label of Object.keys(c.attributes)) attributes.add(label);
    for (const label of Object.keys(c.flags)) flags.add(label);
  }
  return { attributes: [...attributes], flags: [...flags] };
}

export const labelCount = (labels: CommuneLabels): number => labels.attributes.length + labels.flags.length;

const hasBit = (bits: number, i: number): boolean => Math.floor(bits / 2 ** i) % 2 === 1;

/** The commune rows of a submission, under `labels` (`communeLabels(sub)`, at most MAX_COMMUNE_LABELS); TH (`th`) on result rows only. */
export function toUnitCommuneRows(sub: UnitSubmission, labels: CommuneLabels): CommuneRow[] {
  const bit = new Map<string, number>();
  for (const [i, l] of labels.attributes.entries()) bit.set(`a:${l}`, i);
  for (const [i, l] of labels.flags.entries()) bit.set(`f:${l}`, labels.attributes.length + i);
  const encode = (c: UnitCommune): [flags: number, marks: number] => {
    let flags = 0;
    let marks = 0;
    for (const [kind, record] of [
      ["a", c.attributes],
      ["f", c.flags],
    ] as const) {
      for (const [label, value] of Object.entries(record)) {
        const i = bit.get(`${kind}:${label}`);
        if (i === undefined) throw new Error(`toUnitCommuneRows: label ${label} is not in the label list`);
        marks += 2 ** i;
        if (value) flags += 2 ** i;
      }
    }
    return [flags, marks];
  };
  const result = sub.round === "result";
  return sub.communes.map((c) => {
    const [flags, marks] = encode(c);
    const th = result ? criteriaToBits(c.achieved ?? []) : null;
    return [c.code, c.name, flags, criteriaToBits(c.baseline), criteriaToBits(c.plan), c.source?.row ?? null, c.group, marks, th];
  });
}

/** A stored NTM-2 commune back to the submission's shape (source sheet: the criteria sheet of the header). */
export function fromStoredUnitCommune(r: StoredCommuneRow, labels: CommuneLabels, header: Pick<UnitSubmission, "source">): UnitCommune {
  const marks = r.marks ?? 0;
  const values = (list: readonly string[], offset: number): Record<string, boolean> => {
    const out: Record<string, boolean> = {};
    list.forEach((label, j) => {
      if (hasBit(marks, offset + j)) out[label] = hasBit(r.flags, offset + j);
    });
    return out;
  };
  const commune: UnitCommune = {
    code: r.code,
    name: r.name,
    group: r.grp as CommuneGroup | null,
    attributes: values(labels.attributes, 0),
    flags: values(labels.flags, labels.attributes.length),
    baseline: bitsToCriteria(r.ht),
    plan: bitsToCriteria(r.kh),
  };
  if (r.th !== null && r.th !== undefined) commune.achieved = bitsToCriteria(r.th);
  if (r.source_row !== null) commune.source = { sheet: header.source?.criteriaSheet ?? SHEETS.criteria, row: r.source_row };
  return commune;
}
