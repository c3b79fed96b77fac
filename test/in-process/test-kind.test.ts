import assert from "node:assert/strict";
import { it } from "node:test";
import { z } from "zod";
import { missingFieldsCheck } from "../../src/checks/index.ts";
import { KINDS } from "../../src/kinds/all/index.ts";
import {
  brand,
  commonRecordFields,
  commonStoredFields,
  givenFields,
  language,
  titleField,
  tone,
} from "../../src/kinds/fields.ts";
import type { RecordKind } from "../../src/kinds/kind.ts";
import { storedInputReader } from "../../src/kinds/stored-input.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";

// A third kind, defined only here: if the server needs anything besides this object, the test fails.
interface FaqCopy {
  answer: string;
}
const storedInput = z.object({ question: z.string(), ...commonStoredFields });
const readInput = storedInputReader(storedInput, { question: "" });
const question = (record: { readonly input: unknown }) => readInput(record).input.question;

const faqKind: RecordKind<FaqCopy, z.output<typeof storedInput>> = {
  name: "faq",
  noun: "FAQ entry",
  plural: "FAQ entries",
  key: "faq",
  listKey: "faqs",
  languageFrom: "content",
  ownText: question,
  fromStoreFiles: false,
  mainField: "answer",
  tools: {
    create: "create_faq",
    get: "get_faq",
    list: "list_faqs",
    saveCopy: "save_faq_copy",
    revise: "revise_faq",
    versions: "list_faq_versions",
    restore: "restore_faq_version",
  },
  create: {
    title: "Create FAQ entry",
    description: "Store a question and get its answer written.",
    input: {
      title: titleField(200, "A short name for the question"),
      question: z.string().trim().min(1).max(2000).describe("The question as a customer asks it"),
      language,
      tone,
      brand,
    },
  },
  recordFrom(input) {
    const { title, ...rest } = input as { title: string } & Record<string, unknown>;
    return { title, handle: null, input: givenFields(rest) };
  },
  readInput,
  copyInput: z.object({ answer: z.string().trim().min(1).max(2000) }),
  copyOutput: z.object({ answer: z.string() }),
  copyShape: '{ "answer": string }',
  finish: (parsed) => ({ answer: String(parsed.answer) }),
  show: (copy) => JSON.stringify(copy),
  withMainText: (_copy, text) => ({ answer: text }),
  brief: (record, options) => ({
    label: "faq answer",
    systemPrompt: 'Answer the question as JSON: { "answer": string }.',
    userPrompt: `${options.revision ? "Revise" : "Answer"}: ${question(record)}`,
    maxTokens: 300,
    temperature: 0.3,
  }),
  checks: (copy) => {
    const missing = missingFieldsCheck(copy, "write the answer");
    return missing ? [missing] : [];
  },
  recordFields: { question: z.string(), ...commonRecordFields },
  present: (record) => readInput(record).input,
  describe: (record) => [`Question: ${question(record)}`],
};

it("a kind defined outside src/kinds gets its tools, resources and store rows from createServer", async () => {
  const answers = ["Within 30 days, unused and in its box.", "Within 30 days."];
  const server = await startInMemory({
    kinds: [...KINDS, faqKind],
    sampling: async () => ({
      role: "assistant",
      model: "fake-llm",
      content: { type: "text", text: JSON.stringify({ answer: answers.shift() ?? "No more answers." }) },
    }),
  });
  try {
    const tools = (await server.client.listTools()).tools.map((tool) => tool.name);
    for (const name of Object.values(faqKind.tools)) assert.ok(tools.includes(name), `${name} is listed`);
    // The 0.1 single-text save belongs to the kinds that had one: a new kind gets none.
    assert.deepEqual(
      tools.filter((name) => name.startsWith("save_")),
      [
        "save_post_copy",
        "save_blog_abstract",
        "save_product_copy",
        "save_product_description",
        "save_faq_copy",
      ],
    );
    assert.match(
      server.client.getInstructions() ?? "",
      /FAQ entries: create_faq, revise_faq, .*copydesk:\/\/faqs\/\{id\}/,
    );

    const created = await callTool(server.client, "create_faq", {
      title: "Returns",
      question: "How long do I have to return an order?",
    });
    assert.equal(created.isError, undefined, textOf(created));
    const { faq } = created.structuredContent as { faq: { id: string; answer: string; question: string } };
    assert.equal(faq.answer, "Within 30 days, unused and in its box.");
    assert.equal(faq.question, "How long do I have to return an order?");

    const revised = await callTool(server.client, "revise_faq", { id: faq.id, instructions: "shorter" });
    assert.equal(revised.isError, undefined, textOf(revised));

    // Store rows: one record of kind faq, two versions, and nothing among the other kinds.
    const rows = server.store.list("faq", { limit: 10 });
    assert.deepEqual(
      rows.items.map((row) => [row.id, row.title, row.latestVersion, row.current?.copy]),
      [[faq.id, "Returns", 2, { answer: "Within 30 days." }]],
    );
    assert.equal(server.store.list("product", { limit: 10 }).items.length, 0);

    const listed = await callTool(server.client, "list_faqs", {});
    assert.deepEqual(
      (listed.structuredContent as { faqs: Array<{ id: string; version: number }> }).faqs.map((item) => [
        item.id,
        item.version,
      ]),
      [[faq.id, 2]],
    );
    const versions = await callTool(server.client, "list_faq_versions", { id: faq.id });
    assert.deepEqual(
      (versions.structuredContent as { versions: Array<{ version: number }> }).versions.map((v) => v.version),
      [1, 2],
    );

    const templates = (await server.client.listResourceTemplates()).resourceTemplates.map(
      (t) => t.uriTemplate,
    );
    assert.ok(templates.includes("copydesk://faqs/{id}"), templates.join(", "));
    const resources = (await server.client.listResources()).resources.map((r) => r.uri);
    assert.deepEqual(resources, [`copydesk://faqs/${faq.id}`]);
    const read = await server.client.readResource({ uri: `copydesk://faqs/${faq.id}` });
    const content = read.contents[0];
    assert.ok(content && "text" in content);
    const shown = JSON.parse(content.text) as { question: string; answer: string; version: number };
    assert.deepEqual([shown.question, shown.answer, shown.version], [faq.question, "Within 30 days.", 2]);
  } finally {
    await server.close();
  }
});

it("a server built without a kinds list keeps copydesk's own, and no more", async () => {
  const server = await startInMemory();
  try {
    const tools = (await server.client.listTools()).tools.map((tool) => tool.name);
    assert.ok(tools.includes("create_product") && tools.includes("create_blog"));
    assert.equal(
      tools.some((name) => name.includes("faq")),
      false,
    );
  } finally {
    await server.close();
  }
});
