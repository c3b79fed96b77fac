// A second copydesk process in miniature, for jobs started at once: opens the store, waits for a line on
// stdin, starts a job of the records named, says how many it took (not skipped) and stays alive until
// stdin ends, so that its job stays running for the other process to see.
import { once } from "node:events";
import { newRecordId } from "../../src/store/record-id.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const [path, seqs] = process.argv.slice(2) as [string, string];
const store = openSqliteStore({ path, now: () => new Date(), newId: newRecordId });
process.stdout.write("ready\n");
await once(process.stdin, "data");
const job = store.jobs.create(seqs.split(",").map(Number), {});
process.stdout.write(`took ${job.pending}\n`);
process.stdin.resume();
await once(process.stdin, "end");
store.close();
