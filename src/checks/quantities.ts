/** A number with a unit as written ("350ml"), and a key equal for equal amounts ("0.35 l" and "350 ml"). */
export interface Quantity {
  readonly text: string;
  readonly key: string;
  /** The number as written, without its unit: 350 for "350 ml". */
  readonly number: number;
  readonly index: number;
  /**
   * A side of a dimension written without any unit ("20 x 30"): backed by the same number anywhere in a
   * source, whatever its unit there. Its key is never a known quantity's.
   */
  readonly unitless?: true;
}

interface Unit {
  readonly canonical: string;
  readonly factor: number;
}

// Unit spellings (lower case) in en, de, fr, es, it, nl, pt, by the unit amounts are compared in.
// Left out on purpose because they are ordinary words too: "in" (2 in 1), "a" (ampere), "s", "t", "an".
const UNITS: Readonly<Record<string, Unit>> = Object.fromEntries(
  (
    [
      ["l", 1, "l litre litres liter liters ltr litro litros litri"],
      [
        "l",
        0.001,
        "ml millilitre millilitres milliliter milliliters millilitro millilitri mililitro mililitros",
      ],
      ["l", 0.01, "cl centilitre centilitres centiliter centiliters"],
      ["l", 0.1, "dl decilitre decilitres deciliter deciliters"],
      ["fl oz", 1, "fl oz fl. oz. fl.oz floz"],
      ["gal", 1, "gal gallon gallons"],
      ["m", 1, "m metre metres meter meters mètre mètres metro metros metri"],
      [
        "m",
        0.001,
        "mm millimetre millimetres millimeter millimeters millimètre millimètres milímetro milímetros millimetro millimetri",
      ],
      [
        "m",
        0.01,
        "cm centimetre centimetres centimeter centimeters zentimeter centimètre centimètres centímetro centímetros centimetro centimetri",
      ],
      ["m", 1000, "km kilometre kilometres kilometer kilometers kilomètre kilomètres"],
      ["in", 1, "\" ″ '' inch inches zoll pouce pouces pulgada pulgadas pollice pollici inches"],
      ["ft", 1, "ft feet foot"],
      ["m2", 1, "m² m2 sq m sqm"],
      ["m2", 0.0001, "cm² cm2"],
      ["g", 1, "g gram grams gramme grammes gramm grammi gramo gramos grama gramas"],
      ["g", 0.001, "mg milligram milligrams"],
      [
        "g",
        1000,
        "kg kilo kilos kilogram kilograms kilogramm kilogramme kilogrammes kilogramo kilogramos chilo chili",
      ],
      ["lb", 1, "lb lbs pound pounds"],
      ["oz", 1, "oz ounce ounces"],
      [
        "year",
        1,
        "year years yr yrs jahr jahre jahren ans année années año años anno anni ano anos jaar jaren",
      ],
      ["year", 1 / 12, "month months monat monate monaten mois mes meses mese mesi maand maanden"],
      ["day", 1, "day days tag tage tagen jour jours día días dia dias giorno giorni dag dagen"],
      ["day", 7, "week weeks woche wochen semaine semaines semana semanas settimana settimane"],
      ["min", 60, "h hr hrs hour hours stunde stunden heure heures hora horas ora ore uur"],
      ["min", 1, "min mins minute minutes minuten minuto minutos minuti"],
      ["%", 1, "% percent per cent prozent pour cent por ciento per cento procent por cento"],
      ["°", 1, "° degrees grad degrés grados gradi"],
      ["°c", 1, "°c ºc"],
      ["°f", 1, "°f ºf"],
      ["wh", 1, "wh"],
      ["wh", 1000, "kwh"],
      ["ah", 1, "ah"],
      ["ah", 0.001, "mah"],
      ["w", 1, "w watt watts"],
      ["w", 1000, "kw"],
      ["v", 1, "v volt volts"],
      ["hz", 1, "hz"],
      ["hz", 1000, "khz"],
      ["hz", 1e6, "mhz"],
      ["hz", 1e9, "ghz"],
      ["b", 1e3, "kb"],
      ["b", 1e6, "mb"],
      ["b", 1e9, "gb"],
      ["b", 1e12, "tb"],
      ["db", 1, "db"],
      ["lm", 1, "lm lumen lumens"],
      ["rpm", 1, "rpm"],
      ["km/h", 1, "km/h kmh"],
      ["mph", 1, "mph"],
      ["bar", 1, "bar"],
      ["psi", 1, "psi"],
      ["x", 1, "x ×"],
      ["€", 1, "€ eur euro euros"],
      ["$", 1, "$ usd"],
      ["£", 1, "£ gbp"],
    ] as const
  ).flatMap(([canonical, factor, spellings]) =>
    splitSpellings(spellings).map((spelling) => [spelling, { canonical, factor }] as const),
  ),
);

function splitSpellings(spellings: string): string[] {
  // Two-word spellings ("fl oz", "per cent", "sq m") are written with a space in the table.
  const multi = ["fl oz", "fl. oz.", "per cent", "pour cent", "por ciento", "per cento", "por cento", "sq m"];
  let rest = spellings;
  const found: string[] = [];
  for (const spelling of multi) {
    if (rest.includes(spelling)) {
      found.push(spelling);
      rest = rest.replace(spelling, " ");
    }
  }
  return [...found, ...rest.split(" ").filter((spelling) => spelling !== "")];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT_PATTERN = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((spelling) => escapeRegExp(spelling).replace(/ /g, "\\s?"))
  .join("|");
// 1,000 / 1.000 / 1 000 (narrow or no-break space) / 1,5 / 1.5 / 350
const NUMBER = String.raw`\d{1,3}(?:[.,\u00A0\u202F]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
// "20 x 30 x 10 cm" and "2-3 years" give every number the unit.
const SUFFIXED = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(${NUMBER})(?:\s*(?:[x×*]|-|–)\s*(${NUMBER}))?(?:\s*[x×*]\s*(${NUMBER}))?[\s\u00A0\u202F]?-?(${UNIT_PATTERN})(?![\p{L}\p{N}])`,
  "giu",
);
// "20 x 30 and 25 x 35 cm": the sides of every group of a dimension list take the unit written at its end.
const SIDES = String.raw`(?:${NUMBER})\s*[x×*]\s*(?:${NUMBER})(?:\s*[x×*]\s*(?:${NUMBER}))?`;
const LIST_SEPARATOR = String.raw`(?:\s*[,;/&]\s*(?:(?:and|or|und|oder|et|ou|y|o|e|en|of)\s+)?|\s+(?:and|or|und|oder|bzw\.|et|ou|y|o|e|en|of)\s+)`;
const DIMENSION_LIST = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])((?:${SIDES}${LIST_SEPARATOR})+)${SIDES}[\s\u00A0\u202F]?-?(${UNIT_PATTERN})(?![\p{L}\p{N}])`,
  "giu",
);
const UNITLESS_SIDES = new RegExp(String.raw`(?<![\p{L}\p{N}.,])${SIDES}(?![\p{L}\p{N}])`, "gu");
const CURRENCY_FIRST = new RegExp(String.raw`([€$£])\s?(${NUMBER})(?![\p{N}])`, "gu");
// Stainless steel grades ("18/10 steel", "18/8 Edelstahl"). Other slashes (24/7, 4/5 stars, dates) are
// not specifications, so only a grade next to a word for steel counts.
const STEEL_GRADE =
  /(?<![\p{L}\p{N}/.,])(1[0-9])\/(0|[0-9]|10)(?![\p{N}/])(?=\s*-?\s*(?:stainless|steel|edelstahl|cromargan|inox|acier|acero|acciaio|aço|roestvrij|rvs))/giu;
const BARE_NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?:${NUMBER})(?![\p{N}])`, "gu");

/** Every number with a unit in a text. */
export function quantitiesIn(text: string): Quantity[] {
  const found: Quantity[] = [];
  // Most sentences state no number; the unit patterns are long to try at every position.
  if (!/\d/.test(text)) return found;
  for (const match of text.matchAll(SUFFIXED)) {
    const unit = unitOf(match[4] ?? "");
    if (unit === undefined) continue;
    // "2x faster" is a multiplier; the x of "20 x 30" separates the sides of a dimension.
    if (unit.canonical === "x" && /^\s*[\d.,]/.test(text.slice(match.index + match[0].length))) continue;
    // Each number of "20 x 30 cm" or "2 x 350 ml" is compared on its own, named as the group is written.
    for (const number of [match[1], match[2], match[3]]) {
      if (number !== undefined) found.push(quantity(number, unit, match[0].trim(), match.index));
    }
  }
  for (const match of text.matchAll(DIMENSION_LIST)) {
    const unit = unitOf(match[2] ?? "");
    if (unit === undefined) continue;
    for (const number of numbersIn(match[1] ?? "")) {
      found.push(quantityOf(number, unit, match[0].trim(), match.index));
    }
  }
  for (const match of text.matchAll(UNITLESS_SIDES)) {
    if (found.some((known) => match.index >= known.index && match.index < known.index + known.text.length))
      continue;
    for (const number of numbersIn(match[0])) {
      found.push({ text: match[0], key: `${number} (no unit)`, number, index: match.index, unitless: true });
    }
  }
  for (const match of text.matchAll(CURRENCY_FIRST)) {
    const unit = UNITS[match[1] ?? ""];
    if (unit !== undefined && match[2] !== undefined)
      found.push(quantity(match[2], unit, match[0], match.index));
  }
  for (const match of text.matchAll(STEEL_GRADE)) {
    found.push({
      text: match[0],
      key: `${match[1]}/${match[2]} steel`,
      number: Number(match[1]),
      index: match.index,
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

function unitOf(written: string): Unit | undefined {
  // "5G" and "4G" are networks, "1M" a million, not grams or metres.
  if (written === "G" || written === "M") return undefined;
  const lower = written.toLowerCase();
  return UNITS[lower.replace(/\s+/g, " ")] ?? UNITS[lower.replace(/\s/g, "")];
}

/** Every number in a text, with or without a unit, as a comparable value. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(BARE_NUMBER)].map((match) => parseNumber(match[0]));
}

function quantity(written: string, unit: Unit, text: string, index: number): Quantity {
  return quantityOf(parseNumber(written), unit, text, index);
}

function quantityOf(number: number, unit: Unit, text: string, index: number): Quantity {
  const amount = Number((number * unit.factor).toPrecision(10));
  return { text, key: `${amount} ${unit.canonical}`, number, index };
}

/**
 * "1,000" and "1.000" are a thousand, "1,5" and "1.5" one and a half: a separator followed by exactly
 * three digits groups thousands unless the number starts with 0; with both separators the last is decimal.
 */
export function parseNumber(text: string): number {
  const digits = text.replace(/[\u00A0\u202F]/g, "");
  const lastComma = digits.lastIndexOf(",");
  const lastDot = digits.lastIndexOf(".");
  if (lastComma !== -1 && lastDot !== -1) {
    const decimal = lastComma > lastDot ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    return Number(digits.replaceAll(grouping, "").replace(decimal, "."));
  }
  const separator = lastComma !== -1 ? "," : lastDot !== -1 ? "." : undefined;
  if (separator === undefined) return Number(digits);
  const parts = digits.split(separator);
  const grouped = parts.length > 2 || (parts[1]?.length === 3 && parts[0] !== "0");
  return Number(grouped ? parts.join("") : parts.join("."));
}
