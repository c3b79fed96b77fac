import { mkdirSync } from "node:fs";
import { bundle } from "./bundle.ts";
import { buildHostExecutable } from "./sea/host.ts";

const started = performance.now();
mkdirSync("dist", { recursive: true });
await bundle({ entry: "src/main.ts", outfile: "dist/copydesk.mjs" });
await buildHostExecutable({ main: "dist/copydesk.mjs", output: "dist/copydesk" });
process.stderr.write(
  `built dist/copydesk.mjs and dist/copydesk in ${Math.round(performance.now() - started)} ms\n`,
);
