import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorText } from '../components/error-text';
import { I18nProvider } from '../i18n/i18n';
import { ERROR_MESSAGES, errorCodeOf, errorMessage } from './error-messages';

afterEach(cleanup);

/** The userError codes the API documents in schema.gql (UserError.code's description: "- CODE, CODE: meaning"). */
function documentedUserErrorCodes(): string[] {
  // Run from the repository root (npm run test:staff); under jsdom import.meta.url is not a file URL.
  const schema = readFileSync('schema.gql', 'utf8');
  const block = /type UserError \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
  return [...block.matchAll(/^\s+- ([A-Z_]+(?:, [A-Z_]+)*):/gm)].flatMap((m) => m[1].split(', '));
}

/** Codes a staff member can meet on the tablet's screens (the back-office-only ones read as a general failure). */
const TABLET_CODES = [
  'INVALID_CREDENTIALS',
  'INVALID_PICKUP_CODE',
  'PICKUP_CODE_LOCKED',
  'PICKUP_EXPIRED',
  'INVALID_STATE',
  'NOT_IN_FULFILLMENT',
  'NOTHING_COLLECTED',
  'INVALID_QUANTITY',
  'OUT_OF_STOCK',
  'INSUFFICIENT_STOCK',
  'UNKNOWN_SKU',
  'UNKNOWN_CUSTOMER',
  'CONTACT_REQUIRED',
  'ADDRESS_REQUIRED',
  'LOCATION_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'RETURN_NOT_ALLOWED',
  'RETURN_QUANTITY_EXCEEDED',
  'RETURN_WINDOW_CLOSED',
  'EXCHANGE_NOT_ALLOWED',
  'COUNT_IN_PROGRESS',
  'NOT_IN_DOCUMENT',
  'UNKNOWN_LOCATION',
];

describe('error messages', () => {
  it('cover the codes the tablet meets, each one documented by the API', () => {
    const documented = documentedUserErrorCodes();
    expect(documented.length).toBeGreaterThan(20);
    for (const code of TABLET_CODES) {
      expect(documented).toContain(code);
      expect(ERROR_MESSAGES[code]).toBeDefined();
    }
  });

  it('say something in both languages for every code, never the code itself', () => {
    for (const [code, words] of Object.entries(ERROR_MESSAGES)) {
      for (const text of [words.en, words.fr]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toContain(code);
      }
      expect(words.fr).not.toBe(words.en);
    }
  });

  it('read an unknown code as a general failure', () => {
    expect(errorMessage('SOMETHING_NEW', 'en')).toBe('That did not work. Try again, or ask a manager.');
    expect(errorMessage(undefined, 'fr')).toBe('Cela n’a pas marché. Réessayez ou demandez à un responsable.');
  });

  it('take NETWORK from a request without an answer, else the first extensions.code', () => {
    expect(errorCodeOf({ networkError: new Error('Failed to fetch'), graphQLErrors: [] } as never)).toBe('NETWORK');
    expect(errorCodeOf({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] } as never)).toBe('FORBIDDEN');
    expect(errorCodeOf(undefined)).toBeUndefined();
  });

  it('shows the refusal in the member’s language as an alert', () => {
    render(
      <I18nProvider language="fr">
        <ErrorText code="INVALID_PICKUP_CODE" />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Ce code n’est pas le bon. Demandez au client de le montrer à nouveau.');
  });
});
