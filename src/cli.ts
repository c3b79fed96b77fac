#!/usr/bin/env node
// Entry of the npm package (`node dist/copydesk.mjs`): the executable uses snapshot.ts instead.
import { start } from "./main.ts";

start();
