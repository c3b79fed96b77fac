// A second copydesk process in miniature: opens the store, waits for a line on stdin, claims the job,
// says whether it got it and stays alive until stdin ends: a claim whose process is gone is rightly
// claimable again, so a racer that exited early would let a slow one take the job over.
import { once } from "node:events";
import { newRecordId } from "../../src/store/record-id.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const [path, id] = process.argv.slice(2) as [string, string];
const store = openSqliteStore({ path, now: () => new Date(), newId: newRecordId });
process.stdout.write("ready\n");
await once(process.stdin, "data");
const claim = store.jobs.claim(id);
process.stdout.write(claim?.claimed ? "claimed\n" : "refused\n");
process.stdin.resume();
await once(process.stdin, "end");
store.close();
