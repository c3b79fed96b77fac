import { z } from "zod";
import { noSuchBrandVoice } from "../../services/resolve-brand-voice.ts";
import { BRAND_LIMITS, brandNameRef } from "./brand-voice-schemas.ts";
import { defineTool } from "./define-tool.ts";

export const deleteBrandVoice = defineTool({
  name: "delete_brand_voice",
  title: "Delete brand voice",
  description:
    "Delete a stored brand voice. Products already written in it keep their copy. Deleting the default " +
    "voice leaves no default until set_brand_voice makes another one the default.",
  inputSchema: {
    name: brandNameRef.describe(
      `The voice's name, as list_brand_voices shows it (any case; at most ${BRAND_LIMITS.name} characters)`,
    ),
  },
  outputSchema: {
    deleted: z.string().describe("The deleted voice's name"),
    wasDefault: z.boolean().describe("True when it was the default voice, so now there is none"),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle({ name }, deps) {
    const brands = deps.store().brands;
    const voice = brands.get(name);
    if (!voice || !brands.delete(voice.name)) throw noSuchBrandVoice(brands, name);
    deps.resourcesChanged();
    return {
      structured: { deleted: voice.name, wasDefault: voice.isDefault },
      text: `Deleted the brand voice "${voice.name}".${voice.isDefault ? " It was the default: products without a brand now get no voice." : ""}`,
    };
  },
});
