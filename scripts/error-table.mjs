#!/usr/bin/env node
// Writes the README's error table from the one list of codes (libs/common/src/errors/error-codes.ts),
// between its markers. Run through `npm run docs:errors`, which builds first.
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_TABLE_END, ERROR_TABLE_START, renderErrorTable } from '../dist/libs/common/src/errors/error-table.js';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(ERROR_TABLE_START);
const end = readme.indexOf(ERROR_TABLE_END);
if (start < 0 || end < start) {
  console.error(`README.md has no error-table markers:\n${ERROR_TABLE_START}\n${ERROR_TABLE_END}`);
  process.exit(1);
}
const table = `${ERROR_TABLE_START}\n${renderErrorTable()}\n${ERROR_TABLE_END}`;
writeFileSync(file, readme.slice(0, start) + table + readme.slice(end + ERROR_TABLE_END.length));
console.log('README.md: error table written');
