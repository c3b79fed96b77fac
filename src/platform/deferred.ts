/**
 * A library evaluated on first use rather than at start-up. The executable starts from a V8 startup
 * snapshot of everything evaluated at start-up, and every start deserialises all of it: a library's tables
 * (HTML entities, transliterations, language profiles) cost each start whether or not it is used. Bundled by
 * esbuild, `import()` of a bundled module only runs its initialiser, so loading one takes no file access.
 */
export interface Deferred<T> {
  /** Evaluates the library once; every later call returns the same promise. */
  load(): Promise<T>;
  /** The loaded library. A caller that uses it before `load()` finished is a bug, and throws. */
  get(): T;
}

export function deferred<T extends object>(name: string, importer: () => Promise<T>): Deferred<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      if (loaded) return Promise.resolve(loaded);
      loading ??= importer().then((library) => {
        loaded = library;
        return library;
      });
      return loading;
    },
    get() {
      if (!loaded) throw new Error(`${name} was used before it was loaded (await its load() first)`);
      return loaded;
    },
  };
}
