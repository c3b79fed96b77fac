// `npm run build:release`: all five executables into dist/release/ as archives + SHA256SUMS.
// Usage: node scripts/sea/release.ts [--main dist/copydesk.snapshot.cjs] [--targets linux-x64,win-x64]
// The main is the snapshot main `npm run build` writes; a plain script works with --no-snapshot.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { adhocSign } from "../macho/sign.ts";
import { buildRelease } from "./pipeline.ts";
import { TARGETS, targetById } from "./targets.ts";
import { REPO_ROOT } from "./util.ts";

const { values } = parseArgs({
  options: {
    main: { type: "string", default: join(REPO_ROOT, "dist", "copydesk.snapshot.cjs") },
    "no-snapshot": { type: "boolean", default: false },
    out: { type: "string", default: join(REPO_ROOT, "dist", "release") },
    targets: { type: "string" },
  },
});

const targets = values.targets ? values.targets.split(",").map(targetById) : TARGETS;
const reports = await buildRelease({
  main: values.main,
  outDir: values.out,
  workDir: join(REPO_ROOT, "dist", "sea-build"),
  targets,
  sign: adhocSign,
  snapshot: !values["no-snapshot"],
});
for (const r of reports) process.stderr.write(`${r.target}\t${r.archive}\n`);
