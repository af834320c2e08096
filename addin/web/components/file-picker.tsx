import { useRef, useState } from "react";
import { useWebI18n } from "../hooks/use-web-i18n.ts";

/**
 * The file input and a drop zone around it. Any file is accepted here: the reader tells an .xls,
 * an .ods or anything else apart by its bytes and says how to save it as .xlsx.
 */
export function FilePicker(props: { busy: boolean; onFile: (file: File) => void }) {
  const { t } = useWebI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const f = files?.[0];
    if (f) props.onFile(f);
  };
  return (
    // The drop zone only adds dragging to the labelled file input inside it, which keyboards and screen readers use.
    // biome-ignore lint/a11y/noStaticElementInteractions: see above.
    <div
      className={`drop${over ? " drop-over" : ""}`}
      data-testid="drop-zone"
      data-ready={props.busy ? "false" : "true"}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!props.busy) take(e.dataTransfer.files);
      }}
    >
      <label className="button primary" htmlFor="file">
        {t("fileChoose")}
      </label>
      <input
        ref={input}
        id="file"
        type="file"
        className="visually-hidden"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={props.busy}
        data-testid="file-input"
        onChange={(e) => {
          take(e.target.files);
          // The same file chosen again (after fixing it) must fire `change` again.
          if (input.current) input.current.value = "";
        }}
      />
      <span>{t("fileDrop")}</span>
      <p className="hint">{t("fileOnly")}</p>
    </div>
  );
}
