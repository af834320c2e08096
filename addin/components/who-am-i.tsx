import { makeStyles, tokens } from "@fluentui/react-components";
import type { District } from "../../shared/reference/districts.ts";
import type { MeResponse as Me } from "../../shared/schemas/api.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";

const ROLE: Record<Me["role"], MessageKey> = { unit: "roleUnit", office: "roleOffice", admin: "roleAdmin" };

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

/** Role, unit (a district's name when known) and label of the token (`GET /api/v1/me`). */
export function WhoAmI({ me, districts }: { me: Me; districts: readonly District[] }) {
  const { t } = useI18n();
  const s = useStyles();
  const code = me.unit ?? me.district;
  const district = code ? districts.find((d) => d.code === code) : undefined;
  return (
    <div className={s.box} data-testid="who-am-i" role="status">
      <span className={s.key}>{t("userLabel")}</span>
      <strong>{me.label}</strong>
      <span className={s.key}>{t("roleLabel")}</span>
      <span>{t(ROLE[me.role])}</span>
      {code ? (
        <>
          <span className={s.key}>{t(code.length === 3 ? "districtLabel" : "unitLabel")}</span>
          <span>{district ? `${district.name} (${code})` : code}</span>
        </>
      ) : null}
    </div>
  );
}
