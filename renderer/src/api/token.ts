/**
 * Browser mode's per-launch token arrives in the address (`?token=…`), is kept for this tab in
 * sessionStorage, and is removed from the address bar so it does not linger in history or screenshots.
 */
const STORAGE_KEY = 'call-coach-token';

export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}
