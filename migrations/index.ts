import { Foundation1763900000000 } from './1763900000000-foundation.js';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const MIGRATIONS = [Foundation1763900000000];
