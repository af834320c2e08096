import { makeStyles, tokens } from "@fluentui/react-components";
import type { District } from "../../shared/reference/districts.ts";
import type { MeResponse as Me } from "../../shared/schemas/api.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";

const ROLE: Record<Me["role"], MessageKey> = { district: "roleDistrict", office: "roleOffice", admin: "roleAdmin" };

const useStyles = makeStyles({
  box: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    gap: "4px 12px",
    padding: "10px 12px",
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  key: { color: tokens.colorNeutralForeground3 },
});

/** Role, district and label of the token (`GET /api/v1/me`). */
export function WhoAmI({ me, districts }: { me: Me; districts: readonly District[] }) {
  const { t } = useI18n();
  const s = useStyles();
  const district = me.district ? districts.find((d) => d.code === me.district) : undefined;
  return (
    <div className={s.box} data-testid="who-am-i" role="status">
      <span className={s.key}>{t("userLabel")}</span>
      <strong>{me.label}</strong>
      <span className={s.key}>{t("roleLabel")}</span>
      <span>{t(ROLE[me.role])}</span>
      {me.district ? (
        <>
          <span className={s.key}>{t("districtLabel")}</span>
          <span>{district ? `${district.name} (${me.district})` : me.district}</span>
        </>
      ) : null}
    </div>
  );
}
