// Screens whose API is being built (contract-v2: returns in issue 24, transfers, counts and stock states in
// issue 25). They say so plainly instead of failing; their operations join codegen once schema.gql has them.
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export function ComingSoon({ title, issue, operations }: { title: MessageKey; issue: number; operations: string[] }) {
  const t = useT();
  return (
    <section className="card coming-soon" aria-labelledby={`soon-${issue}-${title}`}>
      <h2 id={`soon-${issue}-${title}`}>{t('comingSoon.title', { what: t(title), issue })}</h2>
      <p>{t('comingSoon.body', { operations: operations.join(', ') })}</p>
    </section>
  );
}
