#!/usr/bin/env node
// Runs the bundled CLI (built by `npm ci` / `npm run build` into dist/).
import { run } from '../dist/cli.js';

run();
