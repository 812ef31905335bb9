// Bahasa Indonesia / English. Kept in localStorage and, when signed in, in the account (PATCH /auth/me).
import { useQueryClient } from '@tanstack/react-query';
import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Locale, Me } from '../api/types';
import { MeContext, meQueryKey } from '../auth/me';
import { currentLanguage, rememberPickBeforeSignIn, setLanguage } from '../i18n';
import { LocaleOptions } from './LocaleOptions';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useContext(MeContext);
  const queryClient = useQueryClient();
  const id = useId();

  async function change(lng: Locale) {
    await setLanguage(lng);
    if (!me) rememberPickBeforeSignIn(lng);
    else if (me.user.locale !== lng) {
      try {
        const updated = await api<Me>('/auth/me', { method: 'PATCH', body: { locale: lng } });
        queryClient.setQueryData(meQueryKey, updated);
      } catch {
        // The language still changes on this device; the account keeps its old choice.
      }
    }
  }

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} name="language" value={currentLanguage()} onChange={(e) => void change(e.target.value as Locale)}>
        <LocaleOptions />
      </select>
    </div>
  );
}
