import { mkdirSync } from "node:fs";
import { bundle } from "./bundle.ts";
import { buildHostExecutable } from "./sea/host.ts";

const started = performance.now();
mkdirSync("dist", { recursive: true });
// The npm package runs this one with `node`.
await bundle({ entry: "src/cli.ts", outfile: "dist/copydesk.mjs" });
// The single executable starts from a V8 snapshot of the same code.
await bundle({ entry: "src/main.ts", outfile: "dist/copydesk.snapshot.cjs", snapshot: true, prepare: true });
await buildHostExecutable({ main: "dist/copydesk.snapshot.cjs", output: "dist/copydesk", snapshot: true });
process.stderr.write(
  `built dist/copydesk.mjs and dist/copydesk in ${Math.round(performance.now() - started)} ms\n`,
);
