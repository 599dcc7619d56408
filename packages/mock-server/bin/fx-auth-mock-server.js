#!/usr/bin/env node
// The command's entry: present before the package is built, so that installing the workspace
// links it without a warning; the command itself is dist/bin.js.
import '../dist/bin.js';
