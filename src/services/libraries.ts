import { loadCheckLibraries } from "../checks/libraries.ts";
import { jsonRepairLibrary } from "../text/extract-json.ts";
import { slugLibrary } from "../text/handle.ts";
import { htmlLibraries } from "../text/html.ts";

/**
 * Every library writing and checking copy needs (JSON repair, HTML, handles, the checks' language
 * profiles and stemmers), loaded on first use instead of at start-up (see platform/deferred.ts). Await it
 * before anything that reads, checks or stores copy; cheap once done.
 */
export async function loadCopyLibraries(): Promise<void> {
  await Promise.all([
    loadCheckLibraries(),
    jsonRepairLibrary.load(),
    slugLibrary.load(),
    htmlLibraries.load(),
  ]);
}
