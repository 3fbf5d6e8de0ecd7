import { ERROR_TABLE, type ErrorRow } from './error-codes.js';

/** The README's error table, rendered from ERROR_TABLE (`npm run docs:errors` writes it between its markers). */
export function renderErrorTable(rows: readonly ErrorRow[] = ERROR_TABLE): string {
  const lines = ['| code | where | HTTP | meaning |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.codes.map((c) => `\`${c}\``).join(', ')} | ${r.where} | ${r.http} | ${r.meaning} |`);
  return lines.join('\n');
}

/** UserError.code's description in the schema: every business refusal code and what it means. */
export function userErrorCodesDescription(rows: readonly ErrorRow[] = ERROR_TABLE): string {
  const refusals = rows.filter((r) => r.where === 'userError').map((r) => `${r.codes.join(', ')}: ${r.meaning.replace(/`/g, '')}`);
  return `A stable code clients may switch on (never renamed). One of:\n- ${refusals.join('\n- ')}`;
}

export const ERROR_TABLE_START = '<!-- error-table: generated from libs/common/src/errors/error-codes.ts by `npm run docs:errors` -->';
export const ERROR_TABLE_END = '<!-- /error-table -->';
