import { SyntaxKind } from "typescript/unstable/ast";
import { computeLineStarts, createScanner } from "typescript/unstable/ast/scanner";

/** One module specifier a file names, with the 1-based line it sits on. */
export interface ImportSite {
  readonly specifier: string;
  readonly line: number;
  /** `import type` or `export type`: erased from the build, so no code of the module runs. */
  readonly typeOnly: boolean;
}

interface Token {
  readonly kind: SyntaxKind;
  readonly value: string;
  readonly start: number;
}

// After these a `/` divides; after anything else it opens a regular expression (the scanner alone cannot tell).
const OPERAND_END = new Set<SyntaxKind>([
  SyntaxKind.Identifier,
  SyntaxKind.PrivateIdentifier,
  SyntaxKind.NumericLiteral,
  SyntaxKind.BigIntLiteral,
  SyntaxKind.StringLiteral,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateTail,
  SyntaxKind.RegularExpressionLiteral,
  SyntaxKind.CloseParenToken,
  SyntaxKind.CloseBracketToken,
  SyntaxKind.CloseBraceToken,
  SyntaxKind.ThisKeyword,
  SyntaxKind.SuperKeyword,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.PlusPlusToken,
  SyntaxKind.MinusMinusToken,
]);

const STRING = new Set<SyntaxKind>([SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral]);

// Tokens that end an import or export clause that has no `from`.
const CLAUSE_END = new Set<SyntaxKind>([
  SyntaxKind.SemicolonToken,
  SyntaxKind.EqualsToken,
  SyntaxKind.OpenParenToken,
  SyntaxKind.StringLiteral,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.ImportKeyword,
  SyntaxKind.ExportKeyword,
]);

/** The file's tokens, by TypeScript's own scanner, so text inside strings, templates and comments is never read as code. */
function tokens(text: string): Token[] {
  const scanner = createScanner(true, undefined, text);
  const out: Token[] = [];
  // One entry per open brace: true for a template's `${`, whose `}` resumes the template.
  const braces: boolean[] = [];
  let previous = SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFile; kind = scanner.scan()) {
    if (
      (kind === SyntaxKind.SlashToken || kind === SyntaxKind.SlashEqualsToken) &&
      !OPERAND_END.has(previous)
    ) {
      kind = scanner.reScanSlashToken();
    } else if (kind === SyntaxKind.OpenBraceToken) {
      braces.push(false);
    } else if (kind === SyntaxKind.CloseBraceToken && braces.pop() === true) {
      kind = scanner.reScanTemplateToken(false);
    }
    if (kind === SyntaxKind.TemplateHead || kind === SyntaxKind.TemplateMiddle) braces.push(true);
    out.push({ kind, value: scanner.getTokenValue(), start: scanner.getTokenStart() });
    previous = kind;
  }
  return out;
}

/** Index of the string after `from` in the clause starting at `i` (`{ a } from "x"`, `* as b from "x"`), if any. */
function fromSpecifier(all: readonly Token[], i: number): number | undefined {
  for (let j = i; j < all.length; j++) {
    const kind = all[j]?.kind;
    if (kind === SyntaxKind.OpenBraceToken) {
      while (j < all.length && all[j]?.kind !== SyntaxKind.CloseBraceToken) j++;
      if (all[j + 1]?.kind !== SyntaxKind.FromKeyword) return undefined;
    } else if (kind === SyntaxKind.FromKeyword && STRING.has(all[j + 1]?.kind ?? SyntaxKind.Unknown)) {
      return j + 1;
    } else if (kind === undefined || CLAUSE_END.has(kind)) {
      return undefined;
    }
  }
  return undefined;
}

/** Index of the specifier an `import` or `export` token at `i` names, if it names one. */
function specifierAt(all: readonly Token[], i: number): number | undefined {
  const before = all[i - 1]?.kind;
  // `x.import` and `x?.export` are property names.
  if (before === SyntaxKind.DotToken || before === SyntaxKind.QuestionDotToken) return undefined;
  const next = all[i + 1]?.kind ?? SyntaxKind.Unknown;
  if (all[i]?.kind === SyntaxKind.ImportKeyword) {
    // import "x" (for effect), import("x") and typeof import("x"); import.meta names nothing.
    if (STRING.has(next)) return i + 1;
    if (next === SyntaxKind.OpenParenToken) {
      return STRING.has(all[i + 2]?.kind ?? SyntaxKind.Unknown) ? i + 2 : undefined;
    }
    if (next === SyntaxKind.DotToken) return undefined;
    return fromSpecifier(all, i + 1);
  }
  // export { a } from "x", export * from "x", export type { A } from "x"; other exports name no module.
  const clause = next === SyntaxKind.TypeKeyword ? all[i + 2]?.kind : next;
  if (clause === SyntaxKind.OpenBraceToken || clause === SyntaxKind.AsteriskToken) {
    return fromSpecifier(all, i + 1);
  }
  return undefined;
}

/** Every module a TypeScript file imports or re-exports, type-only ones and dynamic `import()` included. */
export function importSites(text: string): ImportSite[] {
  const all = tokens(text);
  const lineStarts = computeLineStarts(text);
  const lineOf = (offset: number): number => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    return line + 1;
  };
  const sites: ImportSite[] = [];
  all.forEach((token, i) => {
    if (token.kind !== SyntaxKind.ImportKeyword && token.kind !== SyntaxKind.ExportKeyword) return;
    const at = specifierAt(all, i);
    const found = at === undefined ? undefined : all[at];
    const typeOnly =
      all[i + 1]?.kind === SyntaxKind.TypeKeyword && all[i + 2]?.kind !== SyntaxKind.FromKeyword;
    if (found) sites.push({ specifier: found.value, line: lineOf(found.start), typeOnly });
  });
  return sites;
}
