/**
 * Validation messages in both languages. Schemas carry a message key (e.g. 'money.format') where
 * the default wording would not help a user; everything else is worded from the zod issue code.
 */
export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The messages schemas name by key, in Latvian: the source of the keys. */
const keyedLv = {
  'money.format':
    'Summa jānorāda kā nenegatīvs decimālskaitlis ar punktu, ne vairāk kā 12 cipariem pirms un 2 aiz punkta (piem. 1234.56)',
  'fiscalYear.format': 'Finanšu gads jānorāda ar četriem cipariem',
  'goalCodes.unique': 'Mērķi atkārtojas',
  'quantity.format': 'Daudzums jānorāda kā nenegatīvs skaitlis ar punktu, ne vairāk kā 3 zīmes aiz punkta',
  'share.format':
    'Daļa jānorāda procentos kā pozitīvs skaitlis ar punktu, ne vairāk kā 4 zīmes aiz punkta (piem. 12.5)',
  'beneficiaries.unique': 'Iestāde atkārtojas',
  'beneficiaries.total': 'Labuma guvēju daļām kopā jābūt tieši 100 %',
  'proposal.commentRequired': 'Ar iemeslu “cits” jānorāda komentārs',
  'tbm.format': 'TBM kodā drīkst būt lielie burti un apakšsvītra (2–32 zīmes, piem. END_USER)',
  'code.format': 'Kodā drīkst būt burti, cipari, punkts, defise un apakšsvītra (līdz 40 zīmēm)',
  'ekk.format': 'EKK kods ir četri cipari',
  'institution.format': 'Iestādes kodā drīkst būt burti un cipari (līdz 16)',
  'id.format': 'Identifikatoram jābūt pozitīvam veselam skaitlim',
  'goal.format': 'Mērķa kods ir M un skaitlis, piem. M1',
  'actionDirection.format': 'Rīcības virziena kods ir R un skaitlis, piem. R1',
  'rank.format': 'Rangs ir vesels skaitlis no 1',
  'catalogueCode.format': 'Kodā drīkst būt latīņu burti, cipari, defise un apakšsvītra',
  'text.control': 'Tekstā nedrīkst būt vadības rakstzīmes (izņemot tabulāciju un rindu beigas)',
  'cross.sameDimension': 'Rindām un kolonnām jābūt dažādām dimensijām',
  'percent.format': 'Procenti jānorāda no 0 līdz 100 ar punktu, ne vairāk kā 2 zīmes aiz punkta',
};

/** The same messages in English: the same keys (the type checker holds it to that). */
const keyedEn: Record<keyof typeof keyedLv, string> = {
  'money.format':
    'An amount must be a non-negative decimal with a dot, at most 12 digits before it and 2 after it (e.g. 1234.56)',
  'fiscalYear.format': 'A fiscal year is four digits',
  'goalCodes.unique': 'Goals are repeated',
  'quantity.format': 'A quantity is a non-negative number with a dot and at most 3 decimals',
  'share.format': 'A share is a positive percentage with a dot and at most 4 decimals (e.g. 12.5)',
  'beneficiaries.unique': 'The institution is repeated',
  'beneficiaries.total': 'The beneficiaries’ shares must add up to exactly 100 %',
  'proposal.commentRequired': 'The reason “other” needs a comment',
  'tbm.format': 'A TBM code holds capital letters and underscores (2–32, e.g. END_USER)',
  'code.format': 'A code may hold letters, digits, dots, hyphens and underscores (up to 40)',
  'ekk.format': 'An EKK code is four digits',
  'institution.format': 'An institution code holds letters and digits (up to 16)',
  'id.format': 'An id is a positive whole number',
  'goal.format': 'A goal code is M and a number, e.g. M1',
  'actionDirection.format': 'An action direction code is R and a number, e.g. R1',
  'rank.format': 'A rank is a whole number from 1',
  'catalogueCode.format': 'A code holds Latin letters, digits, hyphens and underscores',
  'text.control': 'Text may not hold control characters (other than tab and line breaks)',
  'cross.sameDimension': 'Rows and columns must be different dimensions',
  'percent.format': 'A percentage is 0 to 100 with a dot and at most 2 decimals',
};

const keyedMessages: Record<Language, Record<string, string | undefined>> = { lv: keyedLv, en: keyedEn };

export interface IssueLike {
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

export function localizeIssue(issue: IssueLike, language: Language): string {
  const keyed = keyedMessages[language][issue.message];
  if (keyed) return keyed;
  const p = issue.params ?? {};
  const lv = language === 'lv';
  switch (issue.code) {
    case 'invalid_type': {
      // zod leaves the input out of its issues; its own (English) wording is the only sign of a missing value.
      const missing = issue.message.endsWith('received undefined');
      if (missing) return lv ? 'Obligāts lauks' : 'Required';
      return lv ? `Nepareizs tips: gaidīts ${String(p.expected)}` : `Invalid type: expected ${String(p.expected)}`;
    }
    case 'invalid_key': {
      // A record key that failed its own schema: that schema's message says why.
      const inner = Array.isArray(p.issues) ? (p.issues[0] as IssueLike | undefined) : undefined;
      return inner ? localizeIssue(inner, language) : lv ? 'Nederīga atslēga' : 'Invalid key';
    }
    case 'too_small':
      // A text's length is counted in characters; "too small: at least 1" would not say "empty".
      if (p.origin === 'string') {
        if (Number(p.minimum) <= 1) return lv ? 'Aizpildiet šo lauku' : 'Fill in this field';
        return lv ? `Vismaz ${characters(p.minimum)}` : `At least ${String(p.minimum)} characters`;
      }
      return lv ? `Par mazu: vismaz ${String(p.minimum)}` : `Too small: at least ${String(p.minimum)}`;
    case 'too_big':
      if (p.origin === 'string') {
        return lv ? `Ne vairāk kā ${characters(p.maximum)}` : `At most ${String(p.maximum)} characters`;
      }
      return lv ? `Par lielu: ne vairāk kā ${String(p.maximum)}` : `Too big: at most ${String(p.maximum)}`;
    case 'invalid_format':
      if (p.format === 'email') {
        return lv
          ? 'Ievadiet e-pasta adresi pareizā formā, piemēram, vards.uzvards@riga.lv'
          : 'Enter an email address in the right form, e.g. name.surname@riga.lv';
      }
      return lv ? 'Nepareizs formāts' : 'Invalid format';
    case 'invalid_value':
      return lv
        ? `Nepieļaujama vērtība; atļautās: ${formatValues(p.values)}`
        : `Invalid value; allowed: ${formatValues(p.values)}`;
    case 'unrecognized_keys':
      return lv ? `Nezināmi lauki: ${formatValues(p.keys)}` : `Unknown fields: ${formatValues(p.keys)}`;
    default:
      return lv ? 'Nederīga vērtība' : 'Invalid value';
  }
}

/** "12 rakstzīmes", "21 rakstzīme": Latvian takes the singular after a number ending in 1 (not 11). */
function characters(count: unknown): string {
  const n = Number(count);
  const singular = n % 10 === 1 && n % 100 !== 11;
  return `${String(count)} ${singular ? 'rakstzīme' : 'rakstzīmes'}`;
}

function formatValues(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}
