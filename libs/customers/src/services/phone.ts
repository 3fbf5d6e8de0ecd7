import type { PhoneRegion } from '@app/config';

/** Calling code and national trunk prefix (dropped when the number is written internationally) per region. */
const REGIONS: Record<PhoneRegion, { code: string; trunk: string }> = {
  FR: { code: '33', trunk: '0' },
  BE: { code: '32', trunk: '0' },
  CH: { code: '41', trunk: '0' },
  LU: { code: '352', trunk: '' },
  MC: { code: '377', trunk: '' },
  DE: { code: '49', trunk: '0' },
  AT: { code: '43', trunk: '0' },
  NL: { code: '31', trunk: '0' },
  ES: { code: '34', trunk: '' },
  PT: { code: '351', trunk: '' },
  IT: { code: '39', trunk: '' }, // Italy keeps its leading 0 after +39
  GB: { code: '44', trunk: '0' },
  IE: { code: '353', trunk: '0' },
  US: { code: '1', trunk: '1' },
  CA: { code: '1', trunk: '1' },
};

export const KNOWN_PHONE_REGIONS = Object.keys(REGIONS) as PhoneRegion[];

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number as people type it, in E.164 ("+33612345678"), or null when it cannot be one:
 * "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78" and, in `region`, the national
 * "06 12 34 56 78" all give +33612345678. Spaces, dots, dashes, slashes and brackets are ignored. A
 * small rule, not a numbering plan: a number of the right length for E.164 passes whatever its region.
 */
export function normalisePhone(raw: string, region: PhoneRegion = 'FR'): string | null {
  const plan = REGIONS[region];
  const compact = raw
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s()./-]/g, '');
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else if ((region === 'US' || region === 'CA') && compact.startsWith('011')) e164 = `+${compact.slice(3)}`;
  else if (/^\d+$/.test(compact)) {
    const national = plan.trunk && compact.startsWith(plan.trunk) ? compact.slice(plan.trunk.length) : compact;
    e164 = `+${plan.code}${national}`;
  } else return null;
  return E164.test(e164) ? e164 : null;
}

/** Whether a look-up query reads as a phone number (digits and the separators people type), not a name. */
export const looksLikePhone = (q: string): boolean => /^\+?[\d\s()./-]+$/.test(q.trim()) && (q.match(/\d/g)?.length ?? 0) >= 6;
