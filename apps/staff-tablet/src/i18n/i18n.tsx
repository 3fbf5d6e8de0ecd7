// French or English: the browser's language first, then the member's choice (kept on the tablet).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, fr };
const KEY = 'staff-tablet.language';

export function initialLanguage(): Language {
  const chosen = localStorage.getItem(KEY);
  if (chosen === 'en' || chosen === 'fr') return chosen;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) => dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

interface I18n {
  language: Language;
  setLanguage: (l: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'en', setLanguage: () => {}, t: translator('en') });

export function I18nProvider({ children, language: forced }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => forced ?? initialLanguage());
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      setLanguage: (l) => {
        localStorage.setItem(KEY, l);
        setLanguageState(l);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
export const useT = (): Translate => useContext(I18nContext).t;
