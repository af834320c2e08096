import type { LegacyChange } from "../../../shared/text/legacy-convert.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { ColumnHeads } from "./column-heads.tsx";

/** Every cell a TCVN3/VNI conversion would change (before → after), converted only on the unit's confirmation. */
export function LegacyOffer(props: { changes: readonly LegacyChange[]; onConfirm: () => void }) {
  const { t } = useWebI18n();
  const n = props.changes.length;
  return (
    <section className="card legacy" aria-labelledby="legacy-title" data-testid="legacy-offer">
      <h3 id="legacy-title">{t("legacyTitle")}</h3>
      <p>{t("legacyIntro", { count: n })}</p>
      <table className="issues">
        <ColumnHeads keys={["colSheet", "colCell", "legacyBefore", "legacyAfter", "legacyEncoding"]} />
        <tbody>
          {props.changes.map((c) => (
            <tr key={`${c.sheet}!${c.cell}`} data-testid="legacy-change">
              <td>{c.sheet}</td>
              <td className="cell">{c.cell}</td>
              <td>{c.before}</td>
              <td>{c.after}</td>
              <td>{c.encoding === "tcvn3" ? "TCVN3" : "VNI"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={props.onConfirm} data-testid="legacy-confirm">
        {t("legacyConfirm", { count: n })}
      </button>
    </section>
  );
}
