import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import { folderCycles, type Witness } from "./cycles.ts";
import { importSites } from "./imports.ts";
import { type LayerOrder, layerOf, layerRule } from "./layers.ts";

/** What the check found in one tree: each problem as its report (a cycle's spans lines), and how much it read. */
export interface LayerReport {
  readonly problems: string[];
  readonly files: number;
  readonly imports: number;
}

const toPosix = (path: string): string => path.split(sep).join(posix.sep);

/** The folder (relative to the root, posix) a relative import lands in: the file's own, or a folder named whole. */
function targetOf(root: string, file: string, specifier: string): { path: string; folder: string } {
  const absolute = join(root, dirname(file), specifier);
  const path = toPosix(relative(root, absolute));
  const isFolder = existsSync(absolute) && statSync(absolute).isDirectory();
  return { path, folder: isFolder ? path : posix.dirname(path) };
}

/** Checks every import of `root`/src against the layer order, and the folders of src for cycles. */
export function checkLayers(root: string, layers: LayerOrder): LayerReport {
  const rule = layerRule(layers);
  const files = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .map((file) => `src/${toPosix(file)}`)
    .filter((file) => /\.m?tsx?$/.test(file))
    .sort();
  const problems: string[] = [];
  const graph = new Map<string, Map<string, Witness>>();
  let imports = 0;
  for (const file of files) {
    const folder = posix.dirname(file);
    for (const site of importSites(readFileSync(join(root, file), "utf8"))) {
      imports++;
      if (!site.specifier.startsWith("./") && !site.specifier.startsWith("../")) continue;
      const target = targetOf(root, file, site.specifier);
      const from = layerOf(posix.relative("src", folder));
      if (target.folder !== "src" && !target.folder.startsWith("src/")) {
        problems.push(
          `${file}:${site.line} imports ${target.path} (layer ${from} may not import outside src)`,
        );
        continue;
      }
      const why = rule(from, layerOf(posix.relative("src", target.folder)), site.typeOnly);
      if (why) problems.push(`${file}:${site.line} imports ${target.path} (${why})`);
      if (target.folder === folder) continue;
      const edges = graph.get(folder) ?? new Map<string, Witness>();
      graph.set(folder, edges);
      if (!edges.has(target.folder)) edges.set(target.folder, { file, line: site.line, target: target.path });
    }
  }
  for (const cycle of folderCycles(graph)) {
    const among = cycle.folders.length > 2 ? ` (among ${cycle.folders.join(", ")})` : "";
    const steps = cycle.steps.map((step) => `\n  ${step.file}:${step.line} imports ${step.target}`);
    problems.push(`folder cycle ${cycle.loop.join(" -> ")}${among}:${steps.join("")}`);
  }
  return { problems, files: files.length, imports };
}
