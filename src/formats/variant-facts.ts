/** A variant's value of a fact (its weight, its dimensions), with what tells the variant apart ("M", "L / Olive"). */
export interface VariantValue {
  readonly label: string;
  readonly value: string;
}

/**
 * A fact of a product with variants: its one value when every variant that has it agrees ("300 g"), else each
 * variant's ("S: 300 g, M: 420 g, L: 560 g"), so that copy about any size states its own figure. "" when none has it.
 */
export function perVariant(values: readonly VariantValue[]): string {
  const given = values.filter(({ value }) => value !== "");
  if (new Set(given.map(({ value }) => value)).size <= 1) return given[0]?.value ?? "";
  return given.map(({ label, value }, index) => `${label || `variant ${index + 1}`}: ${value}`).join(", ");
}

/** What tells rows apart: their values of the options that differ between them, "S / Sand". */
export function variantLabels(options: readonly (readonly string[])[]): string[] {
  const width = Math.max(0, ...options.map((values) => values.length));
  const differ = Array.from(
    { length: width },
    (_, at) => new Set(options.map((values) => values[at] ?? "")).size > 1,
  );
  return options.map((values) => values.filter((value, at) => differ[at] && value !== "").join(" / "));
}
