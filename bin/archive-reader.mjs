#!/usr/bin/env node
// The `archive-reader` command. The engine is TypeScript run through tsx, so `npx archive-reader`
// works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
