import { Spinner } from "@fluentui/react-components";

/** A spinner with what is happening, announced to screen readers. */
export function BusyLine({ label }: { label: string }) {
  return <Spinner size="small" labelPosition="after" label={label} role="status" data-testid="busy" />;
}
