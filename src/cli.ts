#!/usr/bin/env node
// Entry of the npm package (`node dist/copydesk.mjs`). The executable calls the same start() from a
// snapshot main that scripts/bundle.ts generates, and carries its own Node, so it needs neither check.
import { isSupportedNode, unsupportedNodeMessage } from "./platform/node-support.ts";
import { silenceSqliteExperimentalWarning } from "./platform/quiet-warnings.ts";

if (isSupportedNode(process.version)) {
  silenceSqliteExperimentalWarning(process);
  // Imported only now: the bundle evaluates main.ts and everything below it (the SDK, zod) lazily, so an
  // old Node gets the line below instead of a crash in a module it cannot load.
  const { start } = await import("./main.ts");
  start();
} else {
  process.stderr.write(`${unsupportedNodeMessage(process.version)}\n`);
  process.exitCode = 2;
}
