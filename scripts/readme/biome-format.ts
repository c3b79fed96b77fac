import { execFileSync } from "node:child_process";

/** Generated TypeScript as `biome check` wants it laid out, by biome itself (the pinned version). */
export function biomeFormatted(path: string, text: string): string {
  return execFileSync("node_modules/.bin/biome", ["format", `--stdin-file-path=${path}`], {
    input: text,
    encoding: "utf8",
  });
}
