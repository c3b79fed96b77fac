import { numbersIn, quantitiesIn } from "./quantities.ts";
import { quoteList } from "./quote-list.ts";
import type { Check } from "./types.ts";

/**
 * Every number with a unit in the copy (350 ml, 20 cm, 5 years, 40 %, 2x, €19, 18/10 steel) also occurs
 * in the title, the keywords or the facts: the model may not invent specifications. Amounts compare
 * normalised ("350ml" = "350 ml" = "0.35 l", "1,5 l" = "1.5 litres", "12 months" = "1 year"). A bare
 * number in a source ("capacity": "350") backs the same number with any unit. Every side of a dimension
 * counts ("20 x 30 and 25 x 35 cm" states 20, 30, 25 and 35 cm); a side written without a unit ("20 x 30")
 * is backed by the same number anywhere in a source.
 */
export function inventedSpecsCheck(
  texts: readonly string[],
  sources: {
    readonly title: string;
    readonly keywords: readonly string[];
    readonly facts: Readonly<Record<string, string>>;
  },
): Check {
  const sourceTexts = [sources.title, ...sources.keywords, ...Object.values(sources.facts)];
  const known = new Set(sourceTexts.flatMap((text) => quantitiesIn(text).map((quantity) => quantity.key)));
  const bareNumbers = new Set(sourceTexts.flatMap((text) => bareNumbersIn(text)));
  const allNumbers = new Set(sourceTexts.flatMap((text) => numbersIn(text)));
  const invented = new Map<string, string>();
  let count = 0;
  for (const text of texts) {
    for (const quantity of quantitiesIn(text)) {
      count++;
      const backed = quantity.unitless
        ? allNumbers.has(quantity.number)
        : known.has(quantity.key) || bareNumbers.has(quantity.number);
      if (backed || invented.has(quantity.key)) continue;
      invented.set(quantity.key, quantity.text);
    }
  }
  if (invented.size > 0) {
    const items = [...new Set(invented.values())];
    const verb = items.length === 1 ? "is" : "are";
    return {
      check: "invented_specs",
      ok: false,
      detail: `${quoteList(items)} ${verb} not in the title, keywords or facts; state only the facts given`,
    };
  }
  return {
    check: "invented_specs",
    ok: true,
    detail:
      count === 0
        ? "the copy states no numbers with units"
        : "every number with a unit comes from the title, keywords or facts",
  };
}

/** Numbers in a source that carry no unit there. */
function bareNumbersIn(text: string): number[] {
  const remaining = numbersIn(text);
  // Counting occurrences is enough: remove one number per quantity found in this text.
  for (const { number, unitless } of quantitiesIn(text)) {
    if (unitless) continue;
    const at = remaining.indexOf(number);
    if (at !== -1) remaining.splice(at, 1);
  }
  return remaining;
}
