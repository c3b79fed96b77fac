import { setFlagsFromString } from "node:v8";

/** The V8 option that turns off the executable's `--optimize-for-size` (scripts/sea/build-sea.ts). */
export const SPEED_OVER_SIZE = "--no-optimize-for-size";

/**
 * For a catalog command (`copydesk import|write|export`): a one-off process doing bulk work, where the
 * executable's `--optimize-for-size` (chosen for the long-running server, one per client) costs far more
 * time than the memory it saves. V8 reads the option as it collects and compiles, so turning it off once
 * the process runs takes effect. Importing a 100,000-row Shopify file, the npm bundle on Node 26 started with
 * the executable's options: 3.3-3.7 s (peak RSS 126-131 MB) as they are, 2.2-2.5 s (190-196 MB) with this
 * call; `dist/copydesk import` 3.7-3.8 s before it, 2.0-2.6 s (217-242 MB) after (2026-11-28, 2 x AMD EPYC).
 * `--max-semi-space-size=4` stays: set at run time too, it changed nothing.
 */
export function preferSpeedOverSize(setFlags: (flags: string) => void = setFlagsFromString): void {
  setFlags(SPEED_OVER_SIZE);
}
