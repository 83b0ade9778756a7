#!/usr/bin/env node
// The `ecsim` executable (package.json "bin"): runs the CLI.

import { runAndExit } from './main.js';

runAndExit();
