// STAND-IN until the checks branch lands.
export type CheckName =
  | "keywords"
  | "length"
  | "seo_title"
  | "seo_description"
  | "banned_words"
  | "invented_specs"
  | "language";
export interface Check {
  readonly check: CheckName;
  readonly ok: boolean;
  readonly detail: string;
}
export interface CheckInput {
  readonly body: string;
  readonly texts: readonly string[];
  readonly seoTitle?: string;
  readonly seoDescription?: string;
}
export interface CheckContext {
  readonly title: string;
  readonly keywords: readonly string[];
  readonly facts: Readonly<Record<string, string>>;
  readonly length?: { readonly min: number; readonly max: number };
  readonly bannedWords: readonly string[];
  readonly language?: string;
}
const norm = (t: string) => t.toLowerCase().replace(/[-\s]+/g, " ");
const SPEC = /\b\d+(?:[.,]\d+)?\s?(?:ml|l|cm|mm|m|kg|g|years?|w|mah|%)\b/gi;
export function runChecks(input: CheckInput, context: CheckContext): Check[] {
  const all = norm(input.texts.join(" \n "));
  const checks: Check[] = [];
  if (context.keywords.length > 0) {
    const missing = context.keywords.filter((k) => !all.includes(norm(k).replace(/s$/, "")));
    checks.push({
      check: "keywords",
      ok: missing.length === 0,
      detail: missing.length ? `missing keywords: ${missing.join(", ")}` : "every keyword is worked in",
    });
  }
  if (context.length) {
    const words = input.body.split(/\s+/).filter(Boolean).length;
    const { min, max } = context.length;
    checks.push({
      check: "length",
      ok: words >= min && words <= max,
      detail: `${words} words; asked for ${min}-${max}`,
    });
  }
  if (input.seoTitle !== undefined) {
    const n = [...input.seoTitle].length;
    checks.push({
      check: "seo_title",
      ok: n > 0 && n <= 60,
      detail: `seo_title has ${n} characters; at most 60`,
    });
  }
  if (input.seoDescription !== undefined) {
    const n = [...input.seoDescription].length;
    checks.push({
      check: "seo_description",
      ok: n > 0 && n <= 160,
      detail: `seo_description has ${n} characters; at most 160`,
    });
  }
  const banned = context.bannedWords.filter((w) => new RegExp(`\\b${w}\\b`, "i").test(all));
  checks.push({
    check: "banned_words",
    ok: banned.length === 0,
    detail: banned.length ? `uses banned words: ${banned.join(", ")}` : "no banned word",
  });
  const sources = norm(
    [context.title, ...context.keywords, ...Object.values(context.facts)].join(" "),
  ).replace(/\s/g, "");
  const invented = [...new Set(input.texts.join(" ").match(SPEC) ?? [])].filter(
    (s) => !sources.includes(norm(s).replace(/\s/g, "")),
  );
  checks.push({
    check: "invented_specs",
    ok: invented.length === 0,
    detail: invented.length
      ? `states ${invented.join(", ")}, which the title, keywords and facts do not give`
      : "states no specification beyond the facts",
  });
  if (context.language) {
    checks.push({ check: "language", ok: true, detail: `asked for ${context.language}; not verified` });
  }
  return checks;
}
export function failedChecks(checks: readonly Check[]): Check[] {
  return checks.filter((c) => !c.ok);
}
export function compareChecks(a: readonly Check[], b: readonly Check[]): number {
  return Math.sign(failedChecks(a).length - failedChecks(b).length) as number;
}
export function detectLanguage(text: string): string | undefined {
  void text;
  return undefined;
}
