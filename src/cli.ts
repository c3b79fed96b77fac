#!/usr/bin/env node
// Entry of the npm package (`node dist/copydesk.mjs`). The executable calls the same start() from a
// snapshot main that scripts/bundle.ts generates.
import { start } from "./main.ts";

start();
