import type { CycleStatus, SubProgrammeStatus } from '@ikt/shared/domain';
import { CYCLE_STATUS_LABELS, SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import { formatMoneyLv, type Decimal } from '@ikt/shared/money';

/**
 * A message's wording in one language: a text, or a function of the message's parameters (by
 * name) where the wording depends on them — so each language formats a number or picks a label
 * its own way.
 */
export type Template = string | ((params: never) => string);

/**
 * Everything the server says to a user, in Latvian. This dictionary is the source of the codes:
 * `en.ts` must have the same codes with the same parameters (the type checker holds it to that).
 */
export const lv = {
  // Problem titles, by HTTP status, and a few more precise ones by problem type.
  'title.400': 'Nepareizs pieprasījums',
  'title.401': 'Nepieciešama pieteikšanās',
  'title.403': 'Darbība nav atļauta',
  'title.404': 'Nav atrasts',
  'title.405': 'Metode nav atļauta',
  'title.408': 'Pieprasījums nepienāca laikā',
  'title.409': 'Konflikts',
  'title.412': 'Dati pa to laiku ir mainīti',
  'title.413': 'Pieprasījums ir par lielu',
  'title.414': 'Adrese ir par garu',
  'title.415': 'Neatbalstīts satura tips',
  'title.422': 'Dati neatbilst noteikumiem',
  'title.428': 'Nepieciešams If-Match',
  'title.429': 'Pārāk daudz pieprasījumu',
  'title.431': 'Pieprasījuma galvenes ir par lielu',
  'title.500': 'Servera kļūda',
  'title.503': 'Pakalpojums īslaicīgi nav pieejams',
  'title.invalid-credentials': 'Nepareizi pieteikšanās dati',

  // What the error handler says of errors that are no domain error.
  'problem.validation': 'Pieprasījuma dati nav derīgi.',
  'problem.internal': 'Radās neparedzēta kļūda. Mēģiniet vēlreiz; ja kļūda atkārtojas, sazinieties ar atbalstu.',
  'problem.unavailable': 'Datubāze pašlaik nav pieejama. Mēģiniet vēlreiz pēc brīža.',
  'problem.conflict':
    'Izmaiņas sadūrās ar kāda cita vienlaicīgām izmaiņām, un nekas netika saglabāts. Mēģiniet vēlreiz.',
  'problem.noRoute': 'Šāda adrese nav.',

  // The answers every route may give.
  'request.signInRequired': 'Nepieciešams pieteikties.',
  'request.crossSite': 'Pieprasījums no citas vietnes ir atteikts.',
  'request.versionRequired': 'Izmaiņām nepieciešama If-Match galvene ar ieraksta versiju (ETag).',
  'request.versionStale':
    'Ierakstu pa to laikam ir mainījis kāds cits. Ielādējiet jaunāko versiju un atkārtojiet izmaiņas.',
  'request.tooManyOfYours': ({ places }: { places: number }) =>
    `Jums jau notiek ${places} eksporti vai importi. Pagaidiet, līdz kāds beidzas, un mēģiniet vēlreiz.`,
  'request.serverBusy': 'Serveris šobrīd veic pārāk daudz eksportu un importu. Mēģiniet vēlreiz pēc brīža.',

  // Field messages (errors[].message) more than one rule gives.
  'field.required': 'Obligāts lauks',
  'field.unknownCode': 'Nezināms kods',
  'field.unknownInstitution': 'Nezināma iestāde',
  'field.invalidInstitution': 'Nederīga iestāde',
  'field.oneOf': ({ values }: { values: readonly (string | number)[] }) => `Jābūt vienam no ${values.join(', ')}`,

  // Sign-in, sessions and passwords.
  'auth.wrongCredentials': 'Nepareizs e-pasts vai parole.',
  'auth.tooManyForAccount': 'Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu šim kontam. Mēģiniet vēlāk.',
  'auth.tooManyFromAddress': 'No šīs adreses vienlaikus ir pārāk daudz pieteikšanās mēģinājumu. Mēģiniet pēc brīža.',
  'auth.samePassword': 'Jaunā parole ir tāda pati kā pašreizējā.',
  'auth.samePasswordField': 'Jābūt citādai nekā pašreizējā parole',
  'auth.wrongCurrentPassword': 'Pašreizējā parole nav pareiza.',
  'auth.wrongPasswordField': 'Nepareiza parole',
  'auth.sessionNotFound': 'Sesija nav atrasta.',

  // Users.
  'user.notFound': 'Lietotājs nav atrasts.',
  'user.notAdmin': 'Lietotājus pārvalda administrators.',
  'user.leadNeedsInstitution': 'Nozares IKT vadītājam jānorāda iestāde.',
  'user.onlyLeadHasInstitution': 'Iestādi norāda tikai nozares IKT vadītājam.',
  'user.institutionMustBeEmpty': 'Jābūt tukšam šai lomai',
  'user.unknownInstitution': 'Nezināma iestāde.',
  'user.emailTaken': 'Lietotājs ar šādu e-pastu jau ir.',
  'user.cannotLockOutSelf': 'Sevi atslēgt vai atņemt sev administratora lomu nevar.',

  // The audit log.
  'audit.notAllowed': 'Audita žurnāls pieejams ITC finansēm un administratoram.',

  // Reference data.
  'reference.notAdmin': 'Klasifikatorus uztur administrators.',
  'reference.codeTaken': 'Šāds kods jau ir.',
  'reference.codeNotFound': 'Kods nav atrasts.',
  'reference.institutionNotFound': 'Iestāde nav atrasta.',
  'reference.unknownParent': 'Nezināms augstākais kods.',
  'reference.ekkLevels': 'EKK klasifikācijā ir četri līmeņi.',
  'reference.ekkFourthLevel': 'Ceturtā līmeņa kodam apakškodu nav',
  'reference.groupNotSelectable': 'Grupas kodu pozīcijām izmantot nevar.',
  'reference.hasChildren': 'Kodam ir apakškodi',
  'reference.unknownTbm': 'Nezināms vai vairs neizmantots TBM kods.',
  'reference.tbmInactive': 'Šī TBM kategorija vairs netiek izmantota',

  // Budget cycles.
  'cycle.notFiscalYear': 'Gads nav šī cikla finanšu gads.',
  'cycle.notFound': 'Budžeta cikls nav atrasts.',
  'cycle.notManager': 'Budžeta ciklus pārvalda ITC finanses.',
  'cycle.yearTaken': 'Šim gadam cikls jau ir.',
  'cycle.baseNotEarlier': 'Bāzes ciklam jābūt agrākam ciklam.',
  'cycle.baseInvalid': 'Nederīgs bāzes cikls',
  'cycle.anotherRole': 'Šo cikla pāreju veic cita loma.',
  'cycle.cannotMove': ({ from, to }: { from: CycleStatus; to: CycleStatus }) =>
    `Ciklu nevar pārvietot no statusa "${from}" uz "${to}".`,
  'cycle.notAllAccepted': ({ to, count }: { to: CycleStatus; count: number }) =>
    `Ciklu nevar pārvietot uz “${CYCLE_STATUS_LABELS[to].lv}”, jo ne visas apakšprogrammas ir pieņemtas (nepieņemtas: ${count}). Pieņemiet tās vai norādiet iemeslu, kāpēc turpināt (overrideReason).`,
  'cycle.notAcceptedSubProgramme': (sp: NotAcceptedParams) =>
    `${sp.code} ${sp.name} (${sp.institutionCode}): ${SUB_PROGRAMME_STATUS_LABELS[sp.status].lv}`,
  'cycle.rolloverNotDraft': 'Pārnešana iespējama, kamēr cikls ir sagatavošanā.',
  'cycle.noBase': 'Ciklam nav norādīts bāzes cikls.',
  'cycle.alreadyCarried': 'Bāzes cikla pozīcijas šajā ciklā jau ir pārnestas.',

  // Who may change a budget, and when.
  'budget.notOwner': 'Šo apakšprogrammu labo tās iestāde (centralizēto — ITC).',
  'budget.notReviewer': 'Pozīcijas un apakšprogrammas izskata ITC finanses.',
  'budget.cycleNotOpen': 'Budžeta cikls pašlaik nav atvērts labošanai.',
  'budget.subProgrammeLocked': 'Apakšprogramma ir iesniegta vai pieņemta; to var labot tikai pēc atgriešanas.',
  'budget.itemNotReturned': 'Pēc iesniegšanas termiņa var labot tikai atgrieztās pozīcijas.',
  'budget.itemCut': 'Pozīcija ir izslēgta (samazinājuma scenārijs).',

  // Sub-programmes.
  'subProgramme.notFound': 'Apakšprogramma nav atrasta.',
  'subProgramme.institutionRequired': 'Jānorāda iestāde.',
  'subProgramme.invalidInstitution': 'Nederīga iestāde.',
  'subProgramme.createClosed': 'Apakšprogrammas var izveidot, kamēr cikls ir sagatavošanā vai atvērts.',
  'subProgramme.codeOfInstitution': 'Apakšprogrammas kods pieder tās iestādei: tas sākas ar IKT un iestādes kodu.',
  'subProgramme.codePrefix': ({ prefix }: { prefix: string }) => `Kodam jāsākas ar ${prefix}`,
  'subProgramme.codeTaken': 'Šajā ciklā jau ir apakšprogramma ar šo kodu (vai jau ir centralizētā apakšprogramma).',
  'subProgramme.noItems': 'Apakšprogrammā nav pozīciju',
  'subProgramme.cannotSubmit': ({ problems }: { problems: number }) =>
    `Apakšprogrammu nevar iesniegt: ${problems} problēmas(-u) jānovērš.`,
  'subProgramme.cannotReturn':
    'Atgriezt var iesniegtu vai pieņemtu apakšprogrammu, kamēr cikls ir atvērts vai izskatīšanā.',
  'subProgramme.cannotAccept': 'Pieņemt var iesniegtu apakšprogrammu, kamēr cikls ir atvērts vai izskatīšanā.',
  'subProgramme.hasReturnedItems': ({ count }: { count: number }) =>
    `Apakšprogrammu pieņemt nevar, kamēr tajā ir atgrieztas pozīcijas (${count}). Pieņemiet tās vai atgrieziet apakšprogrammu.`,
  'subProgramme.returnedItem': ({ title }: { title: string }) => `${title}: atgriezta`,
  'subProgramme.withdrawNotSubmitted':
    'Atsaukt var tikai iesniegtu apakšprogrammu, kuru ITC vēl nav pieņēmusi vai atgriezusi.',
  'subProgramme.withdrawClosed':
    'Iesniegšanu var atsaukt, kamēr cikls ir atvērts: pēc termiņa melnrakstu vairs nevarētu iesniegt.',
  'subProgramme.reviewStarted':
    'ITC jau ir sākusi izskatīšanu (ir lēmumi par pozīcijām vai ITC komentāri), tāpēc iesniegšanu atsaukt vairs nevar. Sazinieties ar ITC.',

  // Line items.
  'lineItem.notFound': 'Pozīcija nav atrasta.',
  'lineItem.batchRefused':
    'Pozīcijas netika izveidotas, nekas nav saglabāts. Izlabojiet norādītās vietas un mēģiniet vēlreiz.',
  'lineItem.unknownReferences': 'Pozīcijas dati neatbilst klasifikatoriem.',
  'lineItem.beneficiariesNotCentral': 'Labuma guvējus var norādīt tikai centrālās apakšprogrammas (ITC) pozīcijai',
  'lineItem.ekkNotSelectable': 'Šo EKK kodu pozīcijām izmantot nevar (grupas vai izslēgts kods)',
  'lineItem.notCycleYear': ({ years }: { years: readonly string[] }) => `Cikla finanšu gadi ir ${years.join(', ')}`,
  'lineItem.reviewClosed':
    'Izskatīt var tikai iesniegtas apakšprogrammas pozīcijas, kamēr cikls ir atvērts vai izskatīšanā.',
  'lineItem.notReviewable': 'Šo pozīciju izskatīt nevar.',
  'lineItem.returnNeedsComment': 'Atgriežot jānorāda komentārs.',
  'lineItem.notProposer': 'Priekšlikumus sagatavo ITC finanses.',
  'lineItem.proposalClosed': 'Priekšlikumu var sagatavot tikai tad, kad cikls ir izskatīšanā vai konsolidēts.',
  'lineItem.notCommenter': 'Komentēt var pozīcijas iestāde, ITC un IKT padome.',

  // Cut scenarios.
  'scenario.notFound': 'Scenārijs nav atrasts.',
  'scenario.notMaker': 'Samazinājuma scenārijus veido ITC finanses un IKT padome.',
  'scenario.notAdopter': 'Scenāriju pieņem IKT attīstības padome.',
  'scenario.adoptClosed': 'Scenāriju var pieņemt, kamēr cikls ir izskatīšanā vai konsolidēts.',
  'scenario.adoptedAlready': 'Scenārijs jau ir pieņemts.',
  'scenario.stale': 'Kopš scenārija aprēķina cikla dati ir mainījušies. Aprēķiniet scenāriju no jauna.',
  'scenario.notComparable': 'Salīdzināt var viena cikla un viena gada scenārijus.',
  'scenario.infeasible': (p: InfeasibleParams) =>
    `Samazinājumu par ${formatMoneyLv(p.target)} nevar panākt: ${p.fiscalYear}. gadu var samazināt ne vairāk kā par ${percentLv(p.largestPercent)} no gada kopsummas ${formatMoneyLv(p.yearTotal)}, tas ir, ${formatMoneyLv(p.largestReduction)} (visas neobligātās pozīcijas).`,
  'scenario.infeasibleField': (p: InfeasibleParams) =>
    `Ne vairāk kā ${percentLv(p.largestPercent)} (${formatMoneyLv(p.largestReduction)})`,

  // M6 indicators.
  'indicators.notManager': 'Rādītāju ievaddatus norāda ITC finanses.',

  // The full cost: services' drivers and each institution's consumption.
  'fullCost.billNotFound': 'Iestādes IT rēķins nav atrasts.',
  'fullCost.notManager': 'Pakalpojumu uzskaites vienības un patēriņu norāda ITC finanses.',
  'fullCost.cycleClosed': 'Slēgta cikla pakalpojumu patēriņu vairs nemaina.',
  'fullCost.invalidRows': 'Nekas nav saglabāts: izlabojiet norādītās rindas.',
  'fullCost.unknownService': 'Nezināms IKT pakalpojuma kods',
  'fullCost.inactiveService': 'IKT pakalpojums vairs netiek lietots',
  'fullCost.duplicate': ({ row }: { row: number }) => `Tas pats jau norādīts rindā ${row}`,
  'fullCost.directService': 'Šī pakalpojuma izmaksas attiecina tieši uz iestādēm: daudzumu nenorāda',

  // The spreadsheet import: the file, then its sheet, cells and rows.
  'import.noFile': 'Pievienojiet vienu .xlsx failu (multipart/form-data, lauks “file”).',
  'import.tooLarge': (p: { megabytes: number }) => `Fails ir lielāks par ${p.megabytes} MB.`,
  'import.notXlsx':
    'Fails nav Excel darbgrāmata (.xlsx). Saglabājiet to kā “Excel darbgrāmata (*.xlsx)” un mēģiniet vēlreiz.',
  'import.macros':
    'Darbgrāmatas ar makro (.xlsm) netiek pieņemtas. Saglabājiet to kā “Excel darbgrāmata (*.xlsx)” bez makro.',
  'import.unpackedTooLarge': (p: { megabytes: number }) =>
    `Atpakotā darbgrāmata pārsniegtu ${p.megabytes} MB — tā netiek apstrādāta.`,
  'import.tooManyParts': 'Darbgrāmatā ir pārāk daudz daļu — tā netiek apstrādāta.',
  'import.damaged': 'Darbgrāmatu nevar nolasīt: fails ir bojāts.',
  'import.tooManyRows': (p: { rows: number }) =>
    `Vienā importā var būt ne vairāk kā ${p.rows} pozīciju rindas. Sadaliet failu vairākos.`,
  'import.tooMuchContent': 'Darbgrāmatā ir vairāk datu, nekā var apstrādāt vienā importā. Sadaliet failu vairākos.',
  'import.rejected': 'Importu nevar veikt: nekas netika mainīts. Izlabojiet norādītās vietas un mēģiniet vēlreiz.',
  'import.cellOverlong': (p: { length: number; longest: number }) =>
    `Šūnā ir ${characters(p.length)} — vairāk, nekā pieņem jebkurš lauks (ne vairāk kā ${characters(p.longest)})`,
  /** Too long even to be read through: the rest of the workbook was not read. */
  'import.cellFarTooLong': (p: { chars: number; longest: number }) =>
    `Šūnā ir vairāk nekā ${characters(p.chars)} — vairāk, nekā pieņem jebkurš lauks (ne vairāk kā ${characters(p.longest)}); pārējā darbgrāmata netika nolasīta`,
  'import.noSheet': 'Darbgrāmatā nav pozīciju lapas (“Pozīcijas”) ar virsrakstu rindu “ID”, “Nosaukums”, …',
  'import.missingColumn': 'Trūkst kolonnas',
  'import.unknownYear': (p: { years: string }) => `Šis nav cikla finanšu gads (${p.years})`,
  'import.duplicateColumn': 'Kolonna atkārtojas',
  'import.formula': 'Formulai nav aprēķinātas vērtības; ielīmējiet vērtību',
  'import.cellError': (p: { code: string }) => `Šūnā ir kļūda (${p.code})`,
  'import.id': 'ID ir pozitīvs vesels skaitlis',
  'import.version': 'Versija ir pozitīvs vesels skaitlis',
  'import.versionMissing': 'Esošai pozīcijai jānorāda versija no eksportētā faila',
  'import.duplicateId': (p: { row: number }) => `Šī pozīcija failā jau ir ${p.row}. rindā`,
  'import.notFound': 'Šajā apakšprogrammā nav pozīcijas ar šādu ID',
  'import.conflict': (p: { exported: number; current: number }) =>
    `Pozīcija mainīta serverī pēc eksporta (faila versija ${p.exported}, pašreizējā ${p.current}). Eksportējiet no jauna un atkārtojiet izmaiņas.`,
  'import.allowed': (p: { values: string }) => `Atļautās vērtības: ${p.values}`,
  'import.noConsumptionSheet':
    'Darbgrāmatā nav patēriņa lapas (“Patēriņš”) ar virsrakstu rindu “Pakalpojuma kods”, “Iestādes kods”, “Finanšu gads”, “Daudzums”',
  'import.basisVersion': 'Uzskaites versija ir pozitīvs vesels skaitlis',
  'openData.notYet': 'Atvērtie dati tiek publicēti par apstiprinātu budžetu (cikls “Apstiprināts” vai “Slēgts”).',
  'openData.title': (p: { first: number; last: number }) =>
    `Rīgas pašvaldības IKT budžets ${p.first}–${p.last} (apstiprināts)`,
  'openData.description':
    'Apstiprinātais Rīgas pašvaldības IKT budžets pa izdevumu pozīcijām un finanšu gadiem: institūcija, apakšprogramma, ekonomiskās klasifikācijas (EKK) kods, izmaksu raksturs un IKT attīstības mērķi.',

  // The consolidation's query.
  'consolidation.unknownInstitution': 'Nezināma iestāde.',
  'consolidation.unknownInstitutionCode': 'Nezināms iestādes kods',

  // What the workbooks show. A table under one prefix is read whole (wordsUnder): the sheet names,
  // labels, indicator names and item columns (headings the import recognises in either language).
  'workbook.sheet.summary': 'Kopsavilkums',
  'workbook.sheet.byEkk': 'Pēc EKK',
  'workbook.sheet.byGoal': 'Pēc mērķiem',
  'workbook.sheet.items': 'Pozīcijas',
  'workbook.sheet.indicators': 'Rādītāji',
  'workbook.sheet.instructions': 'Norādījumi',
  'workbook.sheet.lists': 'Saraksti',
  'workbook.label.consolidatedTitle': 'Konsolidētais IKT budžets',
  'workbook.label.subProgrammeTitle': 'IKT apakšprogramma',
  'workbook.label.cycle': 'Budžeta cikls',
  'workbook.label.status': 'Statuss',
  'workbook.label.exportedAt': 'Eksportēts',
  'workbook.label.exportedBy': 'Eksportēja',
  'workbook.label.institution': 'Institūcija',
  'workbook.label.institutionName': 'Institūcijas nosaukums',
  'workbook.label.code': 'Kods',
  'workbook.label.name': 'Nosaukums',
  'workbook.label.level': 'Līmenis',
  'workbook.label.parent': 'Augstākais kods',
  'workbook.label.previousYear': 'Iepriekšējā gada apstiprinātais',
  'workbook.label.change': 'Izmaiņas, EUR',
  'workbook.label.changePercent': 'Izmaiņas, %',
  'workbook.label.itemCount': 'Pozīciju skaits',
  'workbook.label.total': 'Kopā',
  'workbook.label.cut': 'Izslēgtās pozīcijas (samazinājums, kopsummā neieskaitītas)',
  'workbook.label.goalNote':
    'Pozīcija ar vairākiem mērķiem katram no tiem pieskaitīta pilnā apmērā, tāpēc rindu summa var pārsniegt kopsummu. Kopsumma ņemta no lapas Kopsavilkums.',
  'workbook.label.ekkNote': 'Augstāko līmeņu rindas ir to apakškodu starpsummas (SUMIFS pēc augstākā koda).',
  'workbook.label.overrideConsolidated': 'Konsolidēts ar izņēmumu',
  'workbook.label.overrideApproved': 'Apstiprināts ar izņēmumu',
  'workbook.label.notAccepted': 'Nebija pieņemtas',
  'workbook.label.totalsNote': 'Summas ir formulas no lapas Pozīcijas; izslēgtās pozīcijas kopsummās neieskaita.',
  'workbook.label.indicator': 'Rādītājs',
  'workbook.label.value': 'Vērtība',
  'workbook.label.unit': 'Mērvienība',
  'workbook.label.riga2015': 'Rīga 2015',
  'workbook.label.peerAverage': 'Salīdzināmo vidējais',
  'workbook.label.source': 'Avots',
  'workbook.label.inputs': 'Ievaddati',
  'workbook.label.municipalBudgetTotal': 'Pašvaldības budžets kopā',
  'workbook.label.ictUsers': 'IKT lietotāju skaits',
  'workbook.label.computers': 'Datoru skaits',
  'workbook.label.itStaff': 'IT darbinieku skaits',
  'workbook.label.ictBudgetTotal': 'IKT budžets (pirmais finanšu gads)',
  'workbook.label.readOnly': 'netiek importēts',
  'workbook.sheet.consumption': 'Patēriņš',
  'workbook.sheet.drivers': 'Uzskaites vienības',
  'workbook.sheet.bill': 'IT rēķins',
  'workbook.sheet.fullCost': 'Pilnās izmaksas',
  'workbook.label.consumptionTitle': 'IKT pakalpojumu patēriņš',
  'workbook.label.consumptionNote':
    'Aizpildiet kolonnu Daudzums (nenegatīvs skaitlis, līdz 3 zīmēm aiz komata; tukšs — patēriņa nav). Importējot tiek aizstāts to pakalpojumu patēriņš, kam failā ir vismaz viens daudzums; visas rindas vai neviena.',
  'workbook.label.basisVersion': 'Uzskaites versija',
  'workbook.label.serviceCode': 'Pakalpojuma kods',
  'workbook.label.serviceName': 'Pakalpojums',
  'workbook.label.institutionCode': 'Iestādes kods',
  'workbook.label.fiscalYear': 'Finanšu gads',
  'workbook.label.consumedQuantity': 'Daudzums',
  'workbook.label.unitLv': 'Uzskaites vienība (latviski)',
  'workbook.label.unitEn': 'Uzskaites vienība (angliski)',
  'workbook.label.direct': 'Tieši attiecināms',
  'workbook.label.yes': 'jā',
  'workbook.label.billTitle': 'IT rēķins',
  'workbook.label.unitCost': 'Vienības izmaksas, EUR',
  'workbook.label.amount': 'Summa, EUR',
  'workbook.label.servicesConsumed': 'Patērētie centrālie pakalpojumi',
  'workbook.label.ownItems': 'Pašu pozīcijas',
  'workbook.label.ownTotal': 'Pašu izmaksas',
  'workbook.label.allocatedTotal': 'Piešķirtās pakalpojumu izmaksas',
  'workbook.label.fullTotal': 'Pilnās izmaksas',
  'workbook.label.billNote':
    'Pakalpojuma summa ir iestādes precīzā daļa no pakalpojuma izmaksām (izmaksas × daudzums ÷ kopējais daudzums, līdz centam); daudzums × noapaļotās vienības izmaksas no tās var atšķirties par noapaļojumu. Kopsummas ir formulas.',
  'workbook.label.fullCostNote':
    'Pilnās izmaksas = pašu izmaksas + piešķirtās centrālo pakalpojumu izmaksas (formulas); pilnās un nepiešķirtās kopā ir konsolidētā kopsumma.',
  'workbook.label.unallocated': 'Nepiešķirtās izmaksas',
  'workbook.label.fullPlusUnallocated': 'Pilnās + nepiešķirtās izmaksas',
  'workbook.label.consolidatedTotal': 'Konsolidētā kopsumma (Kopsavilkums)',
  'workbook.label.difference': 'Starpība (jābūt 0)',
  'workbook.indicator.ict_central_budget_share': 'IKT budžeta daļa pašvaldības budžetā',
  'workbook.indicator.ict_cost_per_user': 'IKT izmaksas uz vienu lietotāju',
  'workbook.indicator.ict_cost_per_computer': 'IKT izmaksas uz vienu datoru',
  'workbook.indicator.users_per_it_staff': 'Lietotāji uz vienu IT darbinieku',
  'workbook.column.id': 'ID',
  'workbook.column.version': 'Versija',
  'workbook.column.institution': 'Institūcija',
  'workbook.column.subProgramme': 'Apakšprogramma',
  'workbook.column.title': 'Nosaukums',
  'workbook.column.description': 'Apraksts',
  'workbook.column.ekkCode': 'EKK kods',
  'workbook.column.ekkName': 'EKK nosaukums',
  'workbook.column.costNature': 'Izmaksu raksturs',
  'workbook.column.ictServiceCode': 'IKT pakalpojums',
  'workbook.column.informationSystemCode': 'Informācijas sistēma',
  'workbook.column.goalCodes': 'Mērķi',
  'workbook.column.actionDirectionCode': 'Rīcības virziens',
  'workbook.column.priority': 'Prioritāte',
  'workbook.column.rank': 'Rangs',
  'workbook.column.quantity': 'Daudzums',
  'workbook.column.unit': 'Mērvienība',
  'workbook.column.unitPrice': 'Vienības cena, EUR',
  'workbook.column.businessNeed': 'Biznesa vajadzība',
  'workbook.column.legalBasis': 'Tiesiskais pamats',
  'workbook.column.impactIfCut': 'Ietekme, ja netiek finansēts',
  'workbook.column.calculationBasis': 'Aprēķina pamatojums',
  'workbook.column.reviewStatus': 'Izskatīšanas statuss',
  // The import template's instructions sheet, one line a row, in this order.
  'workbook.instruction.heading': 'Kā aizpildīt un ielādēt šo veidni',
  'workbook.instruction.step1':
    '1. Aizpildiet lapu “Pozīcijas”: viena rinda — viena izdevumu pozīcija. Virsraksta rindu un kolonnu nosaukumus nemainiet.',
  'workbook.instruction.step2':
    '2. Esošajām pozīcijām kolonnas “ID” un “Versija” atstājiet, kā tās ir: pēc tām sistēma atpazīst pozīciju un pārbauda, vai kāds to pa to laiku nav mainījis.',
  'workbook.instruction.step3': '3. Jaunai pozīcijai “ID” un “Versiju” atstājiet tukšas.',
  'workbook.instruction.step4': '4. Rinda, kuru izdzēšat no faila, sistēmā netiek dzēsta (pozīciju dzēš lietotnē).',
  'workbook.instruction.step5':
    '5. EKK kodu, izmaksu raksturu, prioritāti, IKT pakalpojumu, informācijas sistēmu un rīcības virzienu izvēlieties no saraksta (lapa “Saraksti”). Vairākus mērķus rakstiet vienā šūnā, atdalot ar semikolu: M1; M5.',
  'workbook.instruction.step6':
    '6. Summas rakstiet eiro kā skaitļus ar ne vairāk kā 2 cipariem aiz komata. Tukša summas šūna nozīmē 0.',
  'workbook.instruction.step7':
    '7. Formulas drīkst izmantot: tiek ielasīta to aprēķinātā vērtība. Formula bez aprēķinātas vērtības tiek noraidīta.',
  'workbook.instruction.step8':
    '8. Ielādējiet failu apakšprogrammas lapā ar “Importēt no Excel”. Vispirms varat izvēlēties pārbaudi bez saglabāšanas.',
  'workbook.instruction.step9':
    '9. Ja kādā rindā ir kļūda, netiek saglabāta neviena rinda; atbildē ir visu kļūdu saraksts ar lapu, rindu un kolonnu.',
  'workbook.instruction.greyColumns':
    'Kolonnas ar pelēku virsrakstu (piem., “EKK nosaukums”, “Izskatīšanas statuss”) ir tikai informācijai un netiek importētas.',
  // The template's drop-down prompts and what Excel says when a cell breaks its rule.
  'workbook.prompt.list': 'Izvēlieties no saraksta (nosaukumi — lapā Saraksti).',
  'workbook.prompt.goals': 'Viens vai vairāki mērķi, atdalīti ar semikolu: M1; M5',
  'workbook.refusal.list': 'Vērtībai jābūt no saraksta (lapa Saraksti).',
  'workbook.refusal.amount': 'Summa eiro: nenegatīvs skaitlis.',
  'workbook.refusal.rank': 'Rangs: vesels skaitlis no 1 (1 — svarīgākā pozīcija).',
  // The workbook's category property.
  'workbook.category': 'Budžets',
} satisfies Record<string, Template>;

export type Catalogue = typeof lv;

/** A sub-programme that holds a cycle back from consolidation. */
export interface NotAcceptedParams {
  code: string;
  name: string;
  institutionCode: string;
  status: SubProgrammeStatus;
}

/** What a cut scenario could reach at most, against what was asked. */
export interface InfeasibleParams {
  target: Decimal;
  fiscalYear: number;
  yearTotal: string;
  largestReduction: string;
  /** "34.5": a percentage as a target takes it. */
  largestPercent: string;
}

/** "34,5 %": a decimal comma and a no-break space before the sign. */
function percentLv(percent: string): string {
  return `${percent.replace('.', ',')}\u00a0%`;
}

/** "12 rakstzīmes", "21 rakstzīme": Latvian takes the singular after a number ending in 1 (not 11). */
function characters(count: number): string {
  const singular = count % 10 === 1 && count % 100 !== 11;
  return `${count} ${singular ? 'rakstzīme' : 'rakstzīmes'}`;
}
