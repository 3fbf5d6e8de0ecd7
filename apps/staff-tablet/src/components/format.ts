// Dates, times and money as the shop floor reads them, in the member's language.
import type { Language } from '../i18n/i18n';

const locale = (l: Language) => (l === 'fr' ? 'fr-FR' : 'en-GB');

export function formatTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return d.toLocaleString(
    locale(language),
    today ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', hour: '2-digit', minute: '2-digit' },
  );
}

export function formatMoney(money: { amount: number; currency: string } | null | undefined, language: Language): string {
  if (!money) return '—';
  return (money.amount / 100).toLocaleString(locale(language), { style: 'currency', currency: money.currency });
}
