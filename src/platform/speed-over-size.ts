import { setFlagsFromString } from "node:v8";

/** The V8 option that turns off the executable's `--optimize-for-size` (scripts/sea/build-sea.ts). */
export const SPEED_OVER_SIZE = "--no-optimize-for-size";

/**
 * For a catalog command (`copydesk import|write|export`), a one-off bulk process: the executable's
 * `--optimize-for-size`, chosen for the long-running server, costs it far more time than the memory it
 * saves, and V8 honours the option turned off at run time. Figures: docs/decisions/optimize-for-size.md.
 */
export function preferSpeedOverSize(setFlags: (flags: string) => void = setFlagsFromString): void {
  setFlags(SPEED_OVER_SIZE);
}
