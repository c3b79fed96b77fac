import type { AnyKind } from "../../../kinds/index.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { StoredRecord } from "../../../store/records.ts";

/**
 * Logs the records whose stored input the kind's schema could not fully read. They are still shown (with
 * what could be read, see stored-input.ts), so one old or hand-edited record never breaks a list.
 */
export function warnUnreadable(kind: AnyKind, records: readonly StoredRecord[], logger: Logger): void {
  for (const record of records) {
    const { unreadable } = kind.readInput(record);
    if (unreadable.length > 0) {
      logger.warning(
        `${kind.noun} ${record.id}: stored fields that could not be read were left out: ${unreadable.join(", ")}`,
      );
    }
  }
}
