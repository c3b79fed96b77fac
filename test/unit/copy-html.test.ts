import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadCopyLibraries } from "../../src/services/libraries.ts";
import { htmlToText, sanitizeHtml, textToHtml } from "../../src/text/html.ts";

before(() => loadCopyLibraries());

describe("sanitizeHtml", () => {
  const cases: Array<[string, string, string]> = [
    [
      "allowed tags stay",
      "<p>A <strong>red</strong> <em>mug</em></p><ul><li>One</li></ul>",
      "<p>A <strong>red</strong> <em>mug</em></p><ul><li>One</li></ul>",
    ],
    ["attributes go", '<p class="lead" onclick="alert(1)" style="color:red">Mug</p>', "<p>Mug</p>"],
    [
      "upper-case tags are kept in lower case",
      "<P>Mug</P><UL><LI>One</LI></UL>",
      "<p>Mug</p><ul><li>One</li></ul>",
    ],
    [
      "scripts go with their content",
      '<p>Mug</p><script>alert("x")</script><SCRIPT src="x"></SCRIPT>',
      "<p>Mug</p>",
    ],
    ["styles go with their content", "<style>p { color: red }</style><p>Mug</p>", "<p>Mug</p>"],
    [
      "other tags are stripped to their text",
      '<div><h2>Mug</h2><a href="javascript:alert(1)">buy</a> <b>now</b></div>',
      "Mugbuy now",
    ],
    [
      "images and iframes leave nothing executable",
      '<img src=x onerror=alert(1)><iframe src="//evil">x</iframe>',
      "x",
    ],
    ["comments go", "<!-- tracking --><p>Mug</p>", "<p>Mug</p>"],
    ["a stray < is text", "<p>Cools in < 5 minutes</p>", "<p>Cools in &lt; 5 minutes</p>"],
    ["escaped markup stays escaped", "<p>&lt;script&gt;</p>", "<p>&lt;script&gt;</p>"],
    ["unclosed tags are closed", "<p>Mug <strong>bold", "<p>Mug <strong>bold</strong></p>"],
    ["stray closing tags go", "</li>Mug</strong>", "Mug"],
    ["overlapping tags are closed in order", "<p><em>a</p>b</em>", "<p><em>a</em></p>b"],
    ["an unclosed script takes the rest with it", "<p>Mug</p><script>alert(1)<p>more</p>", "<p>Mug</p>"],
    ["a script tag inside a broken tag leaves no marker", "<em<script>>x", ""],
    ["a stray closing script tag goes", "Mug</script>", "Mug"],
    ["self-closed allowed tags go", "<p/>Mug<br/>", "Mug"],
    ["a new item ends the open one", "<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"],
    [
      "a new paragraph or list ends the open paragraph",
      "<p>a<p>b<ul><li>c</li></ul>",
      "<p>a</p><p>b</p><ul><li>c</li></ul>",
    ],
    [
      "items in separate lists are not closed early",
      "<ul><li>a<ul><li>b</li></ul></li></ul>",
      "<ul><li>a<ul><li>b</li></ul></li></ul>",
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(sanitizeHtml(input), expected);
    });
  }
});

describe("textToHtml", () => {
  it("makes a paragraph of each blank-line separated block", () => {
    assert.equal(
      textToHtml("A sturdy red mug.\nIt holds 350 ml.\n\n\nDishwasher safe."),
      "<p>A sturdy red mug. It holds 350 ml.</p>\n<p>Dishwasher safe.</p>",
    );
  });
  it("escapes the text", () => {
    assert.equal(textToHtml(`Tom & Jerry's "<mug>"`), "<p>Tom &amp; Jerry&#39;s &quot;&lt;mug&gt;&quot;</p>");
  });
  it("adds bullets as a list, leaving out empty ones", () => {
    assert.equal(
      textToHtml("A mug.", ["Holds 350 ml", "  ", "5 < 6"]),
      "<p>A mug.</p>\n<ul><li>Holds 350 ml</li><li>5 &lt; 6</li></ul>",
    );
  });
  it("handles CRLF and surrounding whitespace", () => {
    assert.equal(textToHtml("\r\n  One.\r\n\r\nTwo.  \r\n"), "<p>One.</p>\n<p>Two.</p>");
  });
  it("survives sanitizing unchanged", () => {
    const html = textToHtml("A <b>red</b> mug & more.", ["One"]);
    assert.equal(sanitizeHtml(html), html);
  });
});

describe("htmlToText", () => {
  it("turns blocks into paragraphs, list items into lines and decodes entities", () => {
    assert.equal(
      htmlToText(
        "<h2>Red&nbsp;mug</h2><p>Holds   350&nbsp;ml &amp; keeps\n warm.</p><ul><li>Dishwasher safe</li><li>Microwave&#x20;safe</li></ul><p>Line<br>break</p>",
      ),
      "Red mug\n\nHolds 350 ml & keeps warm.\n\n- Dishwasher safe\n- Microwave safe\n\nLine\nbreak",
    );
  });
  it("leaves out scripts and styles", () => {
    assert.equal(htmlToText("<style>p{}</style><p>Mug</p><script>track()</script>"), "Mug");
  });
  it("keeps inline formatting as text", () => {
    assert.equal(
      htmlToText("<p>A <strong>red</strong> <em>mug</em>, &euro;12 &mdash; &#8220;nice&#8221;</p>"),
      "A red mug, €12 — \u201Cnice\u201D",
    );
  });
  it("reads plain text as it is", () => {
    assert.equal(htmlToText("A red mug.\n\nIt holds 350 ml."), "A red mug.\n\nIt holds 350 ml.");
  });
  it("is the inverse of textToHtml for plain paragraphs", () => {
    const text = "A sturdy red mug.\n\nDishwasher & microwave safe.";
    assert.equal(htmlToText(textToHtml(text)), text);
  });
});
