import { RECORD_STATUSES, type RecordStatus } from "../../store/records.ts";
import { UsageError } from "../usage-error.ts";

/** A --status value, one of `allowed`, or a usage error that lists them. */
export function statusOption(text: string, allowed: readonly RecordStatus[] = RECORD_STATUSES): RecordStatus {
  const status = text.trim();
  if (!(allowed as readonly string[]).includes(status)) {
    throw new UsageError(`--status: "${text}" is not one of ${allowed.join(", ")}`);
  }
  return status as RecordStatus;
}
