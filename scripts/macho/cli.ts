// Command-line wrapper for release scripts and manual checks:
//   node scripts/macho/cli.ts sign FILE IDENTIFIER   (re-signs FILE in place, then verifies it)
//   node scripts/macho/cli.ts verify FILE            (prints the signature summary as JSON)
// Exits non-zero with the Error's message when signing or verification fails.

import { readFileSync, writeFileSync } from "node:fs";
import { adhocSign, verifyAdhocSignature } from "./sign.ts";

const [command, file, identifier] = process.argv.slice(2);
try {
  if (command === "sign" && file && identifier) {
    writeFileSync(file, adhocSign(readFileSync(file), identifier));
  } else if (command !== "verify" || !file) {
    throw new Error("usage: cli.ts sign FILE IDENTIFIER | cli.ts verify FILE");
  }
  const info = verifyAdhocSignature(readFileSync(file));
  process.stdout.write(`${JSON.stringify(info, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}\n`);
} catch (error) {
  process.stderr.write(`${file ?? ""}: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
