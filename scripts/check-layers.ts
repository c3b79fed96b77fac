import { checkLayers } from "./check-layers/check.ts";
import { readLayerOrder } from "./check-layers/layers.ts";

// Checks src/ under the folder given (the current one by default): the layer order of
// scripts/check-layers/layers.json, and no cycle between folders. Exits 1 on any problem.
const started = performance.now();
const report = checkLayers(process.argv[2] ?? ".", readLayerOrder());
const took = `${report.files} files, ${report.imports} imports, ${Math.round(performance.now() - started)} ms`;
if (report.problems.length > 0) {
  process.stderr.write(
    `${report.problems.join("\n")}\nlayers: ${report.problems.length} problems (${took})\n`,
  );
  process.exitCode = 1;
} else {
  process.stderr.write(`layers: in order, no folder cycles (${took})\n`);
}
