// The large keypad for the code the customer shows: only the characters pickup codes use (no 0/O, 1/I,
// 2/Z, 5/S, 8/B that read alike), big keys for a thumb, and a physical keyboard works too.
import { useT } from '../i18n/i18n';

export const PICKUP_CODE_ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';
export const PICKUP_CODE_LENGTH = 6;

interface KeypadProps {
  value: string;
  onChange: (value: string) => void;
  length?: number;
  label: string;
}

/** What typing `input` after `value` gives: upper-cased, characters outside the alphabet dropped, cut at `length`. */
export function typeInto(value: string, input: string, length = PICKUP_CODE_LENGTH): string {
  const accepted = [...input.toUpperCase()].filter((c) => PICKUP_CODE_ALPHABET.includes(c)).join('');
  return (value + accepted).slice(0, length);
}

export function Keypad({ value, onChange, length = PICKUP_CODE_LENGTH, label }: KeypadProps) {
  const t = useT();
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      <label className="keypad-display">
        <span>{label}</span>
        <input
          value={value}
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          aria-description={t('keypad.value', { value: value.split('').join(' ') })}
          onChange={(e) => onChange(typeInto('', e.target.value, length))}
          maxLength={length}
        />
      </label>
      <div className="keypad-keys">
        {[...PICKUP_CODE_ALPHABET].map((c) => (
          <button key={c} type="button" onClick={() => onChange(typeInto(value, c, length))} disabled={value.length >= length}>
            {c}
          </button>
        ))}
        <button type="button" className="secondary" aria-label={t('keypad.delete')} onClick={() => onChange(value.slice(0, -1))}>
          ⌫
        </button>
        <button type="button" className="secondary" onClick={() => onChange('')}>
          {t('keypad.clear')}
        </button>
      </div>
    </div>
  );
}
