/** class-transformer hooks for environment variables, which arrive as strings (or not at all). */
export const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

const asText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).toLowerCase() : '';
export const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(asText(value))
      ? true
      : ['0', 'false', 'no', 'off'].includes(asText(value))
        ? false
        : value;
