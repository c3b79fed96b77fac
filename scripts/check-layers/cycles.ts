/** One import that makes an edge between two folders, to name it in a report. */
export interface Witness {
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

/** Folder -> folder it imports -> the first import that does so. */
export type FolderGraph = ReadonlyMap<string, ReadonlyMap<string, Witness>>;

/** The strongly connected groups of two or more folders (Tarjan's algorithm): each holds a cycle. */
function tangles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

/** The shortest way from `start` back to itself inside `group`, as the folders passed (start first and last). */
function shortestLoop(graph: FolderGraph, group: readonly string[], start: string): string[] {
  const inGroup = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? start;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!inGroup.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at) ?? start) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

/** A group of folders that import each other round: all of them, and one loop through them. */
export interface FolderCycle {
  readonly folders: readonly string[];
  /** From the group's first folder back to it, `a -> b -> a`. */
  readonly loop: readonly string[];
  /** The import behind each step of the loop. */
  readonly steps: readonly Witness[];
}

/** Every folder cycle, one per group of folders caught in cycles (breaking the loop shown may leave others). */
export function folderCycles(graph: FolderGraph): FolderCycle[] {
  return tangles(graph).map((folders) => {
    const loop = shortestLoop(graph, folders, folders[0] ?? "");
    const steps = loop.slice(1).map((to, i) => graph.get(loop[i] ?? "")?.get(to));
    return { folders, loop, steps: steps.filter((step) => step !== undefined) };
  });
}
