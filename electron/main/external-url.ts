/**
 * Which URLs may leave the app for the operating system (shell.openExternal). Everything else is refused.
 * - tel: with a plain phone number: hands the dial action to the softphone.
 * - https: to an allow-listed host only (none yet).
 */
export const EXTERNAL_HTTPS_HOSTS: readonly string[] = [];

export function isVettedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'tel:') return /^\+?\d{3,20}$/.test(url.pathname);
  if (url.protocol === 'https:') return url.username === '' && url.password === '' && EXTERNAL_HTTPS_HOSTS.includes(url.hostname);
  return false;
}
