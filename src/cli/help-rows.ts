import type { OptionSpec } from "./option-spec.ts";
import { wrap } from "./wrap.ts";

/** How an option is written in --help and the README, e.g. "-h, --help" or "--port PORT". */
export function flagLabel(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : "";
  return `${short}--${option.name}${option.value ? ` ${option.value}` : ""}`;
}

/** What an option does, with its default: the text of its --help row and of the README's table. */
export function optionMeaning(option: OptionSpec): string {
  return option.default === undefined
    ? option.description
    : `${option.description} (default ${option.default})`;
}

/** Every command's --help rows: the flag, then what it does wrapped under it, ending with its variable. */
export function helpRows(options: readonly OptionSpec[]): string {
  return options
    .map((option) => {
      const env = option.env ? ` [env ${option.env}]` : "";
      return `  ${flagLabel(option)}\n${wrap(`${optionMeaning(option)}${env}`, 96, "      ")}`;
    })
    .join("\n");
}
