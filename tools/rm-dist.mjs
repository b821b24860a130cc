#!/usr/bin/env node
// Empties the package's dist/ before tsc writes it, so a renamed or deleted source file leaves no
// stale module behind to be packed and published.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
