import { readFileSync } from "node:fs";

/** The layer order as scripts/check-layers/layers.json writes it. */
export interface LayerOrder {
  /** Lowest first; a list is a rank of peers. */
  readonly order: readonly (string | readonly string[])[];
  /** Layers built on their own, with the layers each may take types from. */
  readonly apart: Readonly<Record<string, { readonly typeOnlyFrom: readonly string[] }>>;
}

/** The layer of the files directly in src/. */
export const ENTRY = "entry";

export function readLayerOrder(file = new URL("layers.json", import.meta.url)): LayerOrder {
  return JSON.parse(readFileSync(file, "utf8")) as LayerOrder;
}

/** The layer a folder of src/ belongs to ("" is src/ itself): its first segment, or entry. */
export function layerOf(folder: string): string {
  return folder === "" ? ENTRY : (folder.split("/")[0] ?? ENTRY);
}

/**
 * Why a file in layer `from` may not import one in layer `to` (undefined when it may), in the words
 * `layer A may not import layer B`; unknown layers are reported so a new folder gets a place in the order.
 */
export function layerRule(
  layers: LayerOrder,
): (from: string, to: string, typeOnly: boolean) => string | undefined {
  const rank = new Map<string, number>();
  layers.order.forEach((entry, i) => {
    for (const name of typeof entry === "string" ? [entry] : entry) rank.set(name, i);
  });
  const known = (name: string): boolean => rank.has(name) || name in layers.apart;
  return (from, to, typeOnly) => {
    for (const name of [from, to]) {
      if (!known(name)) return `folder src/${name} has no layer in scripts/check-layers/layers.json`;
    }
    if (from === to) return undefined;
    const refused = `layer ${from} may not import layer ${to}`;
    const apart = layers.apart[from];
    if (apart) return typeOnly && apart.typeOnlyFrom.includes(to) ? undefined : refused;
    const fromRank = rank.get(from) ?? -1;
    const toRank = rank.get(to);
    return toRank !== undefined && toRank < fromRank ? undefined : refused;
  };
}
