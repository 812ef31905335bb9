// The editable state of a person (intake steps 1–2 and the person page's edit form) and what it sends.
import type { Birth, DocumentType, MatchQuery, Person, PersonDocumentInput, PersonInput, Sex } from '../cases/api';

export type BirthKind = '' | 'exact' | 'estimated_year' | 'estimated_age';

export interface DocumentRow {
  /** Kept when editing, so that the server keeps the document's ID. */
  id?: string;
  type: DocumentType;
  number: string;
  issuingCountry: string;
  expiresOn: string;
}

export interface PersonFormState {
  fullName: string;
  otherNames: string[];
  sex: Sex | '';
  birthKind: BirthKind;
  birthDate: string;
  birthYear: string;
  birthAge: string;
  /** For an estimated age: the day it was stated (kept from the record when editing). */
  birthStatedOn: string;
  nationality: string;
  languages: string[];
  documents: DocumentRow[];
  phones: string[];
  homeVillageCode: string | null;
  homeAddress: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  disabilities: string[];
  disabilityNote: string;
}

export const emptyPersonForm = (): PersonFormState => ({
  fullName: '',
  otherNames: [],
  sex: '',
  birthKind: '',
  birthDate: '',
  birthYear: '',
  birthAge: '',
  birthStatedOn: '',
  nationality: 'ID',
  languages: [],
  documents: [],
  phones: [],
  homeVillageCode: null,
  homeAddress: '',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  disabilities: [],
  disabilityNote: '',
});

export function personToForm(p: Person): PersonFormState {
  const b = p.birth;
  return {
    fullName: p.fullName,
    otherNames: [...p.otherNames],
    sex: p.sex,
    birthKind: b?.kind ?? '',
    birthDate: b?.kind === 'exact' ? b.date : '',
    birthYear: b?.kind === 'estimated_year' ? String(b.year) : '',
    birthAge: b?.kind === 'estimated_age' ? String(b.age) : '',
    birthStatedOn: b?.kind === 'estimated_age' ? b.statedOn : '',
    nationality: p.nationality,
    languages: [...p.languages],
    documents: p.documents.map((d) => ({ id: d.id, type: d.type, number: d.number, issuingCountry: d.issuingCountry ?? '', expiresOn: d.expiresOn ?? '' })),
    phones: [...p.phones],
    homeVillageCode: p.homeVillageCode,
    homeAddress: p.homeAddress ?? '',
    emergencyName: p.emergencyContact?.name ?? '',
    emergencyRelationship: p.emergencyContact?.relationship ?? '',
    emergencyPhone: p.emergencyContact?.phone ?? '',
    disabilities: [...p.disabilities],
    disabilityNote: p.disabilityNote ?? '',
  };
}

export const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const int = (s: string): number | undefined => (/^\s*\d+\s*$/.test(s) ? Number(s) : undefined);

export function birthOf(f: PersonFormState): Birth | null {
  switch (f.birthKind) {
    case 'exact':
      return f.birthDate ? { kind: 'exact', date: f.birthDate } : null;
    case 'estimated_year': {
      const year = int(f.birthYear);
      return year === undefined ? null : { kind: 'estimated_year', year };
    }
    case 'estimated_age': {
      const age = int(f.birthAge);
      return age === undefined ? null : { kind: 'estimated_age', age, statedOn: f.birthStatedOn || today() };
    }
    default:
      return null;
  }
}

const clean = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

export function personOf(f: PersonFormState): Omit<PersonInput, 'documents'> & { documents: (PersonDocumentInput & { id?: string })[] } {
  const emergency = f.emergencyName.trim() || f.emergencyPhone.trim() || f.emergencyRelationship.trim();
  return {
    fullName: f.fullName.trim(),
    otherNames: clean(f.otherNames),
    sex: f.sex as Sex,
    birth: birthOf(f),
    nationality: f.nationality || 'ID',
    languages: f.languages,
    // Rows left empty are dropped; a row with only a type is not a document.
    documents: f.documents
      .filter((d) => d.number.trim())
      .map((d) => ({
        ...(d.id ? { id: d.id } : {}),
        type: d.type,
        number: d.number.trim(),
        issuingCountry: d.issuingCountry || null,
        expiresOn: d.expiresOn || null,
      })),
    phones: clean(f.phones),
    homeVillageCode: f.homeVillageCode && f.homeVillageCode.split('.').length === 4 ? f.homeVillageCode : null,
    homeAddress: f.homeAddress.trim() || null,
    emergencyContact: emergency
      ? { name: f.emergencyName.trim(), relationship: f.emergencyRelationship.trim(), phone: f.emergencyPhone.trim() }
      : null,
    disabilities: f.disabilities,
    disabilityNote: f.disabilityNote.trim() || null,
  };
}

/** What the duplicate panel asks about (only what is filled in). */
export function matchOf(f: PersonFormState): MatchQuery {
  const q: MatchQuery = {};
  if (f.fullName.trim()) q.fullName = f.fullName.trim();
  const other = clean(f.otherNames);
  if (other.length) q.otherNames = other;
  if (f.sex) q.sex = f.sex;
  const birth = birthOf(f);
  if (birth) q.birth = birth;
  const docs = f.documents.filter((d) => d.number.trim()).map((d) => ({ type: d.type, number: d.number.trim() }));
  if (docs.length) q.documents = docs;
  const phones = clean(f.phones);
  if (phones.length) q.phones = phones;
  if (f.homeVillageCode && f.homeVillageCode.split('.').length === 4) q.homeVillageCode = f.homeVillageCode;
  return q;
}
