import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { withReleaseBundles } from "../../scripts/registry/server-json.ts";
import { SERVER_OPTIONS } from "../../src/cli/server-options.ts";

// The MCP Registry's schema for server.json, vendored from modelcontextprotocol/registry
// (docs/reference/server-json/server.schema.json at commit 7c0bbf25bcdf794c4622afbf1b72b99d0281ca6b,
// published as its $id, https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json).
const schema = JSON.parse(readFileSync("test/fixtures/mcp-registry/server.schema.json", "utf8"));
const serverJson = JSON.parse(readFileSync("server.json", "utf8"));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

function validate(document: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
  return ajv.validate(schema, document)
    ? []
    : (ajv.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
}

it("server.json is valid against the MCP Registry's published schema", () => {
  assert.equal(serverJson.$schema, schema.$id);
  assert.deepEqual(validate(serverJson), []);
});

it("the vendored schema rejects what the registry rejects (the check can fail)", () => {
  assert.notDeepEqual(validate({ ...serverJson, name: "no-namespace" }), []);
  assert.notDeepEqual(validate({ ...serverJson, description: "x".repeat(101) }), []);
  const latest = { ...serverJson.packages[0], version: "latest" };
  assert.notDeepEqual(validate({ ...serverJson, packages: [latest] }), []);
});

it("server.json agrees with package.json and names only real variables", () => {
  assert.equal(serverJson.name, pkg.mcpName, "npm checks mcpName against the registry name");
  assert.equal(serverJson.version, pkg.version);
  const [npm] = serverJson.packages;
  assert.deepEqual([npm.registryType, npm.identifier, npm.version], ["npm", pkg.name, pkg.version]);
  assert.ok(pkg.files.includes("server.json") && pkg.files.includes("LICENSE"), pkg.files.join(", "));
  const known = new Set(SERVER_OPTIONS.map((option) => option.env));
  for (const variable of npm.environmentVariables) assert.ok(known.has(variable.name), variable.name);
});

it("the release's server.json adds each MCP bundle with its URL and SHA-256, and stays valid", () => {
  const release = withReleaseBundles(
    serverJson,
    [
      { name: `copydesk-${pkg.version}-win-x64.mcpb`, bytes: Buffer.from("win") },
      { name: `copydesk-${pkg.version}-darwin-arm64.mcpb`, bytes: Buffer.from("mac") },
      { name: `copydesk-${pkg.version}-linux-x64.tar.gz`, bytes: Buffer.from("tar") },
      { name: "copydesk-0.0.1-darwin-arm64.mcpb", bytes: Buffer.from("old") },
    ],
    "https://github.com/example/copydesk/releases/download/v0.1.0/",
  );
  assert.deepEqual(validate(release), []);
  assert.deepEqual(
    release.packages.map((p) => [p.registryType, p.identifier]),
    [
      ["npm", "copydesk"],
      [
        "mcpb",
        `https://github.com/example/copydesk/releases/download/v0.1.0/copydesk-${pkg.version}-darwin-arm64.mcpb`,
      ],
      [
        "mcpb",
        `https://github.com/example/copydesk/releases/download/v0.1.0/copydesk-${pkg.version}-win-x64.mcpb`,
      ],
    ],
  );
  // sha256("mac")
  assert.equal(
    release.packages[1]?.fileSha256,
    "348a629f5ceed032c3e8706ec47d9bfafb00fb4250b018dd965435ca50cb836e",
  );
});
