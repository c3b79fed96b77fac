import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlToText } from "../../src/formats/html-text.ts";

describe("a store's HTML as text for a brief", () => {
  const cases: [html: string, text: string][] = [
    [
      "<p>Soft  cotton,\tmachine&nbsp;washable.</p>\n\n<ul> <li>Size S </li>\n<li>Size&#160;M</li></ul>",
      "Soft cotton, machine washable.\nSize S\nSize M",
    ],
    ["a  b\t\tc\u00a0 d", "a b c d"],
    [" x \n\n y ", "x\ny"],
    ["a\n \n\tb \u3000\n c", "a\nb \u3000\nc"],
    ["<script>x</script>y<br>z &amp; &#65;&#x42; &bogus;", "y\nz & AB &bogus;"],
    ["plain words, one space each", "plain words, one space each"],
    ["  \t ", ""],
  ];
  for (const [html, text] of cases) {
    it(`${JSON.stringify(html)} reads ${JSON.stringify(text)}`, () => assert.equal(htmlToText(html), text));
  }
});
