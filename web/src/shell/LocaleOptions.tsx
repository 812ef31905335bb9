import { useTranslation } from 'react-i18next';
import { locales } from '../api/types';

/** <option>s for the two languages, each named in its own language. */
export function LocaleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`language.names.${l}`)}
        </option>
      ))}
    </>
  );
}
