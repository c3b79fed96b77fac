// A stand-in for dist/copydesk.mjs: one ESM file using only node: built-ins, including node:sqlite,
// that prints a ready line and answers one stdin line with "echo <LINE UPPERCASED>" (see ECHO_PROBE).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeEchoMain(dir: string, opts: { readNeighbour?: boolean } = {}): string {
  const neighbour = opts.readNeighbour
    ? `try { readFileSync(join(dirname(process.execPath), "settings.json")); } catch {}`
    : "";
  const src = `import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { DatabaseSync } from "node:sqlite";
${neighbour}
const db = new DatabaseSync(":memory:");
db.exec("create table t (x text)");
process.stdout.write(\`ready \${process.platform}-\${process.arch} \${process.version}\\n\`);
const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  db.prepare("insert into t values (?)").run(line);
  const row = db.prepare("select upper(x) as u from t").get();
  process.stdout.write(\`echo \${row.u}\\n\`);
  break;
}
rl.close();
void readFileSync;
`;
  const path = join(dir, "main.mjs");
  writeFileSync(path, src);
  return path;
}
