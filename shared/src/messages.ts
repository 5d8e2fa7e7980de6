/**
 * Validation messages in both languages. Schemas carry a message key (e.g. 'money.format') where
 * the default wording would not help a user; everything else is worded from the zod issue code.
 */
export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const keyedMessages: Record<string, Record<Language, string>> = {
  'money.format': {
    lv: 'Summa jānorāda kā nenegatīvs decimālskaitlis ar punktu, ne vairāk kā 12 cipariem pirms un 2 aiz punkta (piem. 1234.56)',
    en: 'An amount must be a non-negative decimal with a dot, at most 12 digits before it and 2 after it (e.g. 1234.56)',
  },
  'fiscalYear.format': { lv: 'Finanšu gads jānorāda ar četriem cipariem', en: 'A fiscal year is four digits' },
  'goalCodes.unique': { lv: 'Mērķi atkārtojas', en: 'Goals are repeated' },
  'quantity.format': {
    lv: 'Daudzums jānorāda kā nenegatīvs skaitlis ar punktu, ne vairāk kā 3 zīmes aiz punkta',
    en: 'A quantity is a non-negative number with a dot and at most 3 decimals',
  },
  'share.format': {
    lv: 'Daļa jānorāda procentos kā pozitīvs skaitlis ar punktu, ne vairāk kā 4 zīmes aiz punkta (piem. 12.5)',
    en: 'A share is a positive percentage with a dot and at most 4 decimals (e.g. 12.5)',
  },
  'beneficiaries.unique': { lv: 'Iestāde atkārtojas', en: 'The institution is repeated' },
  'beneficiaries.total': {
    lv: 'Labuma guvēju daļām kopā jābūt tieši 100 %',
    en: 'The beneficiaries’ shares must add up to exactly 100 %',
  },
  'code.format': {
    lv: 'Kodā drīkst būt burti, cipari, punkts, defise un apakšsvītra (līdz 40 zīmēm)',
    en: 'A code may hold letters, digits, dots, hyphens and underscores (up to 40)',
  },
  'ekk.format': { lv: 'EKK kods ir četri cipari', en: 'An EKK code is four digits' },
  'tbm.format': {
    lv: 'TBM kodā drīkst būt lielie burti un apakšsvītra (2–32 zīmes, piem. END_USER)',
    en: 'A TBM code holds capital letters and underscores (2–32, e.g. END_USER)',
  },
  'institution.format': {
    lv: 'Iestādes kodā drīkst būt burti un cipari (līdz 16)',
    en: 'An institution code holds letters and digits (up to 16)',
  },
  'id.format': { lv: 'Identifikatoram jābūt pozitīvam veselam skaitlim', en: 'An id is a positive whole number' },
  'goal.format': { lv: 'Mērķa kods ir M un skaitlis, piem. M1', en: 'A goal code is M and a number, e.g. M1' },
  'actionDirection.format': {
    lv: 'Rīcības virziena kods ir R un skaitlis, piem. R1',
    en: 'An action direction code is R and a number, e.g. R1',
  },
  'rank.format': { lv: 'Rangs ir vesels skaitlis no 1', en: 'A rank is a whole number from 1' },
  'catalogueCode.format': {
    lv: 'Kodā drīkst būt latīņu burti, cipari, defise un apakšsvītra',
    en: 'A code holds Latin letters, digits, hyphens and underscores',
  },
  'text.control': {
    lv: 'Tekstā nedrīkst būt vadības rakstzīmes (izņemot tabulāciju un rindu beigas)',
    en: 'Text may not hold control characters (other than tab and line breaks)',
  },
  'cross.sameDimension': {
    lv: 'Rindām un kolonnām jābūt dažādām dimensijām',
    en: 'Rows and columns must be different dimensions',
  },
  'percent.format': {
    lv: 'Procenti jānorāda no 0 līdz 100 ar punktu, ne vairāk kā 2 zīmes aiz punkta',
    en: 'A percentage is 0 to 100 with a dot and at most 2 decimals',
  },
};

export interface IssueLike {
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

export function localizeIssue(issue: IssueLike, language: Language): string {
  const keyed = keyedMessages[issue.message];
  if (keyed) return keyed[language];
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
