import { readFileSync, writeFileSync } from "node:fs";
import { listedTools } from "./readme/listed-tools.ts";
import { regenerate } from "./readme/reference.ts";

const before = readFileSync("README.md", "utf8");
const after = regenerate(before, await listedTools());
writeFileSync("README.md", after);
process.stderr.write(
  before === after ? "README.md is up to date\n" : "README.md reference sections regenerated\n",
);
