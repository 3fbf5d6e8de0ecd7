// One refusal in words, announced to screen readers as it appears.
import { errorMessage } from '../errors/error-messages';
import { useI18n } from '../i18n/i18n';

export function ErrorText({ code }: { code: string | undefined }) {
  const { language } = useI18n();
  if (!code) return null;
  return (
    <p className="error" role="alert" data-code={code}>
      {errorMessage(code, language)}
    </p>
  );
}
