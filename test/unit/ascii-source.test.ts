import assert from "node:assert/strict";
import { test } from "node:test";
import { asciiSource } from "../../scripts/ascii-source.ts";

const evaluate = (source: string): unknown => new Function(`return ${source}`)();

test("a bundle's non-ASCII characters become escapes that mean the same", () => {
  const cases = [
    `"äö 。"`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, evaluated below
    "`Grüße ${1 + 1}`",
    `"a，b…c«d".split(/[,.。，、…„“«»]/gi)`,
    `"x。y".replace(/[。，]/g, "-")`,
    `"a😀b".replace(/😀/u, "!")`,
    `[..."a😀b".matchAll(/./gu)].length`,
    `(() => { /* Grüße */ return "ok"; })()`,
    `"Ünïcödé".toLowerCase()`,
  ];
  for (const source of cases) {
    const escaped = asciiSource(source);
    assert.doesNotMatch(escaped, /[\u0080-\uffff]/, source);
    assert.deepEqual(evaluate(escaped), evaluate(source), source);
  }
});

test("an ASCII source is returned unchanged", () => {
  const source = 'const a = "plain", b = /[a-z]+/g; // comment';
  assert.equal(asciiSource(source), source);
});
