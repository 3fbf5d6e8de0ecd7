import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Keypad, PICKUP_CODE_ALPHABET, typeInto } from './keypad';

function Harness() {
  const [value, setValue] = useState('');
  return (
    <I18nProvider language="en">
      <Keypad value={value} onChange={setValue} label="Code" />
    </I18nProvider>
  );
}

const input = () => screen.getByLabelText<HTMLInputElement>('Code');
const press = (key: string) => fireEvent.click(screen.getByRole('button', { name: key }));

afterEach(cleanup);

describe('typeInto', () => {
  it('upper-cases and keeps only the characters pickup codes use', () => {
    expect(typeInto('', 'ac-0o1i2z5s8b d')).toBe('ACD');
  });
  it('stops at the code length', () => {
    expect(typeInto('ACDEF', 'GHJ')).toBe('ACDEFG');
  });
});

describe('Keypad', () => {
  it('has one key per character of the alphabet, and no look-alikes', () => {
    render(<Harness />);
    for (const c of PICKUP_CODE_ALPHABET) expect(screen.getByRole('button', { name: c })).toBeTruthy();
    for (const c of ['O', '0', 'I', '1', 'S', '5']) expect(screen.queryByRole('button', { name: c })).toBeNull();
  });

  it('types with the keys, deletes the last character, and clears', () => {
    render(<Harness />);
    for (const c of 'AC7') press(c);
    expect(input().value).toBe('AC7');
    press('Delete last character');
    expect(input().value).toBe('AC');
    press('Clear');
    expect(input().value).toBe('');
  });

  it('disables the keys once the code is complete', () => {
    render(<Harness />);
    for (const c of 'ACDEFG') press(c);
    expect(input().value).toBe('ACDEFG');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'H' }).disabled).toBe(true);
  });

  it('takes a hardware keyboard too, filtering what the code cannot hold', () => {
    render(<Harness />);
    fireEvent.change(input(), { target: { value: 'acd 0k9' } });
    expect(input().value).toBe('ACDK9');
  });
});
