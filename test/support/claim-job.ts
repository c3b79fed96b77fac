// A second copydesk process in miniature: opens the store, waits for the word "go" on stdin, claims
// the job and says whether it got it. Used to race two processes for one job.
import { once } from "node:events";
import { newRecordId } from "../../src/store/record-id.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const [path, id] = process.argv.slice(2) as [string, string];
const store = openSqliteStore({ path, now: () => new Date(), newId: newRecordId });
process.stdout.write("ready\n");
await once(process.stdin, "data");
const claim = store.jobs.claim(id);
process.stdout.write(claim?.claimed ? "claimed\n" : "refused\n");
store.close();
