import type { WebMessageKey } from "../i18n/web-messages.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";

/** A table's header row from message keys (the issue tables: level, sheet, cell, commune, message). */
export function ColumnHeads(props: { keys: readonly WebMessageKey[] }) {
  const { t } = useWebI18n();
  return (
    <thead>
      <tr>
        {props.keys.map((k) => (
          <th key={k} scope="col">
            {t(k)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Where a message points: sheet, cell, commune, and the message. */
export const CELL_COLUMNS = ["colSheet", "colCell", "colCommune", "colMessage"] as const;
