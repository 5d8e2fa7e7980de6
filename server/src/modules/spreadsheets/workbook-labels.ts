import type { Indicators } from '@ikt/shared/indicators.schema';
import type { Language } from '@ikt/shared/messages';

/** Every word a workbook shows, in both languages (Latvian is the default). */
type Text = Record<Language, string>;

export const SHEET_NAMES = {
  summary: { lv: 'Kopsavilkums', en: 'Summary' },
  byEkk: { lv: 'Pēc EKK', en: 'By EKK' },
  byGoal: { lv: 'Pēc mērķiem', en: 'By goal' },
  items: { lv: 'Pozīcijas', en: 'Items' },
  indicators: { lv: 'Rādītāji', en: 'Indicators' },
  instructions: { lv: 'Norādījumi', en: 'Instructions' },
  lists: { lv: 'Saraksti', en: 'Lists' },
} satisfies Record<string, Text>;

export const LABELS = {
  consolidatedTitle: { lv: 'Konsolidētais IKT budžets', en: 'Consolidated ICT budget' },
  subProgrammeTitle: { lv: 'IKT apakšprogramma', en: 'ICT sub-programme' },
  cycle: { lv: 'Budžeta cikls', en: 'Budget cycle' },
  status: { lv: 'Statuss', en: 'Status' },
  exportedAt: { lv: 'Eksportēts', en: 'Exported at' },
  exportedBy: { lv: 'Eksportēja', en: 'Exported by' },
  institution: { lv: 'Institūcija', en: 'Institution' },
  institutionName: { lv: 'Institūcijas nosaukums', en: 'Institution name' },
  code: { lv: 'Kods', en: 'Code' },
  name: { lv: 'Nosaukums', en: 'Name' },
  level: { lv: 'Līmenis', en: 'Level' },
  parent: { lv: 'Augstākais kods', en: 'Parent code' },
  previousYear: { lv: 'Iepriekšējā gada apstiprinātais', en: "Last year's approved" },
  change: { lv: 'Izmaiņas, EUR', en: 'Change, EUR' },
  changePercent: { lv: 'Izmaiņas, %', en: 'Change, %' },
  itemCount: { lv: 'Pozīciju skaits', en: 'Items' },
  total: { lv: 'Kopā', en: 'Total' },
  cut: { lv: 'Izslēgtās pozīcijas (samazinājums, kopsummā neieskaitītas)', en: 'Cut items (not in the total)' },
  goalNote: {
    lv: 'Pozīcija ar vairākiem mērķiem katram no tiem pieskaitīta pilnā apmērā, tāpēc rindu summa var pārsniegt kopsummu. Kopsumma ņemta no lapas Kopsavilkums.',
    en: 'An item with several goals counts in full under each of them, so the rows may add up to more than the total. The total is taken from the Summary sheet.',
  },
  ekkNote: {
    lv: 'Augstāko līmeņu rindas ir to apakškodu starpsummas (SUMIFS pēc augstākā koda).',
    en: 'Higher-level rows are subtotals of their sub-codes (SUMIFS by parent code).',
  },
  overrideConsolidated: { lv: 'Konsolidēts ar izņēmumu', en: 'Consolidated with an exception' },
  overrideApproved: { lv: 'Apstiprināts ar izņēmumu', en: 'Approved with an exception' },
  notAccepted: { lv: 'Nebija pieņemtas', en: 'Not accepted' },
  totalsNote: {
    lv: 'Summas ir formulas no lapas Pozīcijas; izslēgtās pozīcijas kopsummās neieskaita.',
    en: 'The amounts are formulas over the Items sheet; cut items count zero.',
  },
  indicator: { lv: 'Rādītājs', en: 'Indicator' },
  value: { lv: 'Vērtība', en: 'Value' },
  unit: { lv: 'Mērvienība', en: 'Unit' },
  riga2015: { lv: 'Rīga 2015', en: 'Riga 2015' },
  peerAverage: { lv: 'Salīdzināmo vidējais', en: 'Peer average' },
  source: { lv: 'Avots', en: 'Source' },
  inputs: { lv: 'Ievaddati', en: 'Inputs' },
  municipalBudgetTotal: { lv: 'Pašvaldības budžets kopā', en: 'Municipal budget total' },
  ictUsers: { lv: 'IKT lietotāju skaits', en: 'ICT users' },
  computers: { lv: 'Datoru skaits', en: 'Computers' },
  itStaff: { lv: 'IT darbinieku skaits', en: 'IT staff' },
  ictBudgetTotal: { lv: 'IKT budžets (pirmais finanšu gads)', en: 'ICT budget (first fiscal year)' },
  readOnly: { lv: 'netiek importēts', en: 'not imported' },
} satisfies Record<string, Text>;

export const INDICATOR_LABELS: Record<Indicators['indicators'][number]['indicator'], Text> = {
  ict_central_budget_share: { lv: 'IKT budžeta daļa pašvaldības budžetā', en: 'ICT share of the municipal budget' },
  ict_cost_per_user: { lv: 'IKT izmaksas uz vienu lietotāju', en: 'ICT cost per user' },
  ict_cost_per_computer: { lv: 'IKT izmaksas uz vienu datoru', en: 'ICT cost per computer' },
  users_per_it_staff: { lv: 'Lietotāji uz vienu IT darbinieku', en: 'Users per IT staff member' },
};

/** The item sheet's headings; also what the import recognises, in either language. */
export const ITEM_HEADERS = {
  id: { lv: 'ID', en: 'ID' },
  version: { lv: 'Versija', en: 'Version' },
  institution: { lv: 'Institūcija', en: 'Institution' },
  subProgramme: { lv: 'Apakšprogramma', en: 'Sub-programme' },
  title: { lv: 'Nosaukums', en: 'Title' },
  description: { lv: 'Apraksts', en: 'Description' },
  ekkCode: { lv: 'EKK kods', en: 'EKK code' },
  ekkName: { lv: 'EKK nosaukums', en: 'EKK name' },
  costNature: { lv: 'Izmaksu raksturs', en: 'Cost nature' },
  ictServiceCode: { lv: 'IKT pakalpojums', en: 'ICT service' },
  informationSystemCode: { lv: 'Informācijas sistēma', en: 'Information system' },
  goalCodes: { lv: 'Mērķi', en: 'Goals' },
  actionDirectionCode: { lv: 'Rīcības virziens', en: 'Action direction' },
  priority: { lv: 'Prioritāte', en: 'Priority' },
  rank: { lv: 'Rangs', en: 'Rank' },
  quantity: { lv: 'Daudzums', en: 'Quantity' },
  unit: { lv: 'Mērvienība', en: 'Unit' },
  unitPrice: { lv: 'Vienības cena, EUR', en: 'Unit price, EUR' },
  businessNeed: { lv: 'Biznesa vajadzība', en: 'Business need' },
  legalBasis: { lv: 'Tiesiskais pamats', en: 'Legal basis' },
  impactIfCut: { lv: 'Ietekme, ja netiek finansēts', en: 'Impact if not funded' },
  calculationBasis: { lv: 'Aprēķina pamatojums', en: 'Calculation basis' },
  reviewStatus: { lv: 'Izskatīšanas statuss', en: 'Review status' },
} satisfies Record<string, Text>;

/** An amount column's heading: the fiscal year and the currency. */
export function amountHeader(year: number): string {
  return `${year}, EUR`;
}

export const INSTRUCTIONS: Record<Language, string[]> = {
  lv: [
    'Kā aizpildīt un ielādēt šo veidni',
    '1. Aizpildiet lapu “Pozīcijas”: viena rinda — viena izdevumu pozīcija. Virsraksta rindu un kolonnu nosaukumus nemainiet.',
    '2. Esošajām pozīcijām kolonnas “ID” un “Versija” atstājiet, kā tās ir: pēc tām sistēma atpazīst pozīciju un pārbauda, vai kāds to pa to laiku nav mainījis.',
    '3. Jaunai pozīcijai “ID” un “Versiju” atstājiet tukšas.',
    '4. Rinda, kuru izdzēšat no faila, sistēmā netiek dzēsta (pozīciju dzēš lietotnē).',
    '5. EKK kodu, izmaksu raksturu, prioritāti, IKT pakalpojumu, informācijas sistēmu un rīcības virzienu izvēlieties no saraksta (lapa “Saraksti”). Vairākus mērķus rakstiet vienā šūnā, atdalot ar semikolu: M1; M5.',
    '6. Summas rakstiet eiro kā skaitļus ar ne vairāk kā 2 cipariem aiz komata. Tukša summas šūna nozīmē 0.',
    '7. Formulas drīkst izmantot: tiek ielasīta to aprēķinātā vērtība. Formula bez aprēķinātas vērtības tiek noraidīta.',
    '8. Ielādējiet failu apakšprogrammas lapā ar “Importēt no Excel”. Vispirms varat izvēlēties pārbaudi bez saglabāšanas.',
    '9. Ja kādā rindā ir kļūda, netiek saglabāta neviena rinda; atbildē ir visu kļūdu saraksts ar lapu, rindu un kolonnu.',
    'Kolonnas ar pelēku virsrakstu (piem., “EKK nosaukums”, “Izskatīšanas statuss”) ir tikai informācijai un netiek importētas.',
  ],
  en: [
    'How to fill in and upload this template',
    '1. Fill in the “Items” sheet: one row per line item. Do not change the heading row or the column names.',
    '2. Leave “ID” and “Version” of existing items as they are: they tell the system which item a row is and whether someone changed it meanwhile.',
    '3. For a new item leave “ID” and “Version” empty.',
    '4. A row you delete from the file is not deleted in the system (delete items in the application).',
    '5. Pick the EKK code, cost nature, priority, ICT service, information system and action direction from the lists (sheet “Lists”). Write several goals in one cell separated by semicolons: M1; M5.',
    '6. Write amounts in euro as numbers with at most 2 decimals. An empty amount cell means 0.',
    '7. Formulas are allowed: their computed value is read. A formula without a computed value is refused.',
    '8. Upload the file on the sub-programme page with “Import from Excel”. You may check it first without saving.',
    '9. If any row has an error, no row is saved; the answer lists every error with its sheet, row and column.',
    'Columns with a grey heading (e.g. “EKK name”, “Review status”) are for information and are not imported.',
  ],
};
