// Shown while the service cannot be reached; Retry re-runs the screen's queries and replays a lost change.
import { retryAll, useOffline } from '../api/network-status';
import { useT } from '../i18n/i18n';

export function OfflineBanner() {
  const offline = useOffline();
  const t = useT();
  if (!offline) return null;
  return (
    <div className="offline-banner" role="alert">
      <span>{t('app.offline')}</span>
      <button type="button" onClick={retryAll}>
        {t('app.retry')}
      </button>
    </div>
  );
}
