import { makeStyles, tokens } from "@fluentui/react-components";
import { formatVietnamTime } from "../../shared/report/report-sheet.ts";
import type { Receipt } from "../excel/port.ts";
import { useI18n } from "../hooks/use-i18n.ts";

const useStyles = makeStyles({
  box: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    gap: "4px 12px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `2px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  title: { gridColumn: "1 / -1", fontSize: "16px", fontWeight: 700 },
  value: { fontWeight: 700 },
});

/**
 * The receipt of a submission (unit, revision and time), just received or kept in the document.
 * `name`: the unit's name when the pane knows it (the receipt keeps the code only).
 */
export function ReceiptCard({ receipt, fresh, name }: { receipt: Receipt; fresh: boolean; name?: string | undefined }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <div className={s.box} data-testid={fresh ? "receipt" : "last-receipt"} role="status">
      <div className={s.title}>{fresh ? `✓ ${t("receiptTitle")}` : t("lastReceipt")}</div>
      <span>{t(receipt.district.length === 3 ? "summaryDistrict" : "summaryUnit")}</span>
      <span className={s.value} data-testid="receipt-unit">
        {name ? `${name} (${receipt.district})` : receipt.district} · {receipt.year}
      </span>
      <span>{t("receiptRevision")}</span>
      <span className={s.value} data-testid="receipt-revision">
        {receipt.revision}
      </span>
      <span>{t("receiptTime")}</span>
      <span className={s.value} data-testid="receipt-time">
        {formatVietnamTime(receipt.submittedAt)}
      </span>
      {fresh && receipt.deduplicated ? (
        <span style={{ gridColumn: "1 / -1" }}>{t("receiptDeduplicated", { revision: receipt.revision })}</span>
      ) : null}
    </div>
  );
}
