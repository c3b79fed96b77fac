/**
 * The checks' heavy libraries (tinyld's language profiles, eleven Snowball stemmers), loaded on first use
 * rather than at start-up. In the executable everything evaluated at start-up goes into the V8 startup
 * snapshot, and these tables made every start ~40 ms slower; loaded here, they cost the first check once.
 * Call loadCheckLibraries() (cheap once done) before running any check.
 */

import { deferred } from "../platform/deferred.ts";

type Stemmer = (word: string) => string;

export interface CheckLibraries {
  readonly detectAll: (text: string) => readonly { readonly lang: string; readonly accuracy: number }[];
  readonly supportedLanguages: readonly string[];
  readonly toISO2: (code: string) => string;
  /** Snowball stemmers by primary language subtag. */
  readonly stemmers: Readonly<Record<string, Stemmer>>;
}

const libraries = deferred("the copy checks' libraries", load);

export function loadCheckLibraries(): Promise<CheckLibraries> {
  return libraries.load();
}

/** The loaded libraries; a check run before loadCheckLibraries() is a bug in its caller. */
export function checkLibraries(): CheckLibraries {
  return libraries.get();
}

async function load(): Promise<CheckLibraries> {
  const [tinyld, da, nl, en, fi, fr, de, it, no, pt, es, sv] = await Promise.all([
    import("tinyld/light"),
    import("@orama/stemmers/danish"),
    import("@orama/stemmers/dutch"),
    import("@orama/stemmers/english"),
    import("@orama/stemmers/finnish"),
    import("@orama/stemmers/french"),
    import("@orama/stemmers/german"),
    import("@orama/stemmers/italian"),
    import("@orama/stemmers/norwegian"),
    import("@orama/stemmers/portuguese"),
    import("@orama/stemmers/spanish"),
    import("@orama/stemmers/swedish"),
  ]);
  return {
    detectAll: tinyld.detectAll,
    supportedLanguages: tinyld.supportedLanguages,
    toISO2: tinyld.toISO2,
    stemmers: {
      da: da.stemmer,
      de: de.stemmer,
      en: en.stemmer,
      es: es.stemmer,
      fi: fi.stemmer,
      fr: fr.stemmer,
      it: it.stemmer,
      nb: no.stemmer,
      nl: nl.stemmer,
      nn: no.stemmer,
      no: no.stemmer,
      pt: pt.stemmer,
      sv: sv.stemmer,
    },
  };
}
