// Step 4 of intake: everything entered, by step, with a way back to each.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, type DisabilityDomain } from '../cases/api';
import { currentLanguage } from '../i18n';
import { useCountries } from '../persons/CountryFields';
import { languageName } from '../persons/PersonFields';
import type { IntakeState, Step } from './form';

export function Review({ form: f, personName, onEdit }: { form: IntakeState; personName: string | null; onEdit: (s: Step) => void }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const lang = currentLanguage();
  const none = t('intake.review.none');
  const country = (c: string) => countryName(countries, c, lang);
  const birth =
    f.birthKind === 'exact' && f.birthDate
      ? f.birthDate
      : f.birthKind === 'estimated_year' && f.birthYear
        ? t('intake.review.aboutYear', { year: f.birthYear })
        : f.birthKind === 'estimated_age' && f.birthAge
          ? t('intake.review.aboutAge', { age: f.birthAge })
          : none;
  const docs = f.documents.filter((d) => d.number.trim());
  return (
    <div className="review">
      {personName === null ? (
        <>
          <ReviewSection step="person" onEdit={onEdit}>
            <dt>{t('persons.fields.fullName')}</dt>
            <dd>{f.fullName || none}</dd>
            <dt>{t('persons.fields.otherNames')}</dt>
            <dd>{f.otherNames.filter((n) => n.trim()).join(', ') || none}</dd>
            <dt>{t('persons.fields.sex')}</dt>
            <dd>{f.sex ? t(`persons.sex.${f.sex}`) : none}</dd>
            <dt>{t('persons.fields.birth')}</dt>
            <dd>{birth}</dd>
            <dt>{t('persons.fields.nationality')}</dt>
            <dd>{f.nationality ? country(f.nationality) : none}</dd>
            <dt>{t('persons.fields.languages')}</dt>
            <dd>{f.languages.map(languageName).join(', ') || none}</dd>
          </ReviewSection>
          <ReviewSection step="identity" onEdit={onEdit}>
            <dt>{t('persons.fields.documents')}</dt>
            <dd>{docs.map((d) => `${t(`persons.documentType.${d.type}`)} ${d.number}`).join('; ') || none}</dd>
            <dt>{t('persons.fields.phones')}</dt>
            <dd>{f.phones.filter((p) => p.trim()).join(', ') || none}</dd>
            <dt>{t('persons.fields.homeVillage')}</dt>
            <dd>{f.homeVillageCode ?? none}</dd>
            <dt>{t('persons.fields.homeAddress')}</dt>
            <dd>{f.homeAddress || none}</dd>
            <dt>{t('persons.fields.emergencyContact')}</dt>
            <dd>{[f.emergencyName, f.emergencyRelationship, f.emergencyPhone].filter((x) => x.trim()).join(', ') || none}</dd>
            <dt>{t('persons.fields.disabilities')}</dt>
            <dd>{f.disabilities.map((d) => t(`persons.disability.${d as DisabilityDomain}`)).join(', ') || none}</dd>
          </ReviewSection>
        </>
      ) : (
        <p>
          {t('intake.usingPerson')} <strong>{personName}</strong>
        </p>
      )}
      <ReviewSection step="case" onEdit={onEdit}>
        <dt>{t('intake.fields.caseType')}</dt>
        <dd>{f.caseType ? t(`caseTerms.caseType.${f.caseType}`) : none}</dd>
        <dt>{t('intake.fields.direction')}</dt>
        <dd>{f.direction ? t(`caseTerms.direction.${f.direction}`) : none}</dd>
        <dt>{t('intake.fields.destinationCountries')}</dt>
        <dd>{f.destinationCountries.map(country).join(', ') || none}</dd>
        <dt>{t('intake.fields.riskLevel')}</dt>
        <dd>{f.riskLevel ? t(`caseTerms.risk.${f.riskLevel}`) : none}</dd>
        <dt>{t('intake.fields.flags')}</dt>
        <dd>{f.flags.map((fl) => t(`caseTerms.flag.${fl}`)).join(', ') || none}</dd>
        <dt>{t('intake.fields.summary')}</dt>
        <dd className="break">{f.summary || none}</dd>
        <dt>{t('intake.fields.assignToMe')}</dt>
        <dd>{f.assignToMe ? t('intake.review.yes') : t('intake.review.no')}</dd>
      </ReviewSection>
    </div>
  );
}

/** One step's entries, headed by the step's name and a button back to it. */
function ReviewSection({ step, onEdit, children }: { step: Step; onEdit: (s: Step) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const name = t(`intake.steps.${step}`);
  return (
    <section aria-labelledby={`review-${step}`}>
      <h3 id={`review-${step}`}>
        {name}{' '}
        <button type="button" className="link-button" onClick={() => onEdit(step)}>
          {t('intake.review.edit')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </h3>
      <dl className="summary">{children}</dl>
    </section>
  );
}
