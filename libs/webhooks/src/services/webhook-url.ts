import { BusinessError, ErrorCode } from '@app/common';

export const MAX_URL_LENGTH = 2048;

/**
 * The URL as it will be called, or INVALID_URL: absolute, http or https, at most MAX_URL_LENGTH. Private
 * and loopback hosts are allowed (a retailer's systems may sit on its own network; admins set this).
 */
export function endpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidUrl(`${JSON.stringify(raw.slice(0, 100))} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidUrl(`A webhook URL is http or https, not ${url.protocol}`);
  const href = url.href;
  if (href.length > MAX_URL_LENGTH) throw invalidUrl(`A webhook URL has at most ${MAX_URL_LENGTH} characters`);
  return href;
}

const invalidUrl = (message: string) => new BusinessError(ErrorCode.INVALID_URL, message, ['url']);
