/** Published (after commit) when the catalogue gains a product: every process's listings and counts are out of date. */
export const CATALOGUE_CHANNEL = 'catalogue-changed';
