/** The Latvian dictionary is the source of truth: every other language must have the same keys. */
export const lv = {
  'app.name': 'IKT budžets',
  'app.tagline': 'Rīgas pašvaldības IKT budžeta plānošana, aizstāvēšana un konsolidācija',

  'layout.skipToContent': 'Pāriet uz saturu',
  'layout.mainNav': 'Galvenā navigācija',
  'nav.home': 'Sākums',
  'nav.reference': 'Uzziņu dati',

  'language.label': 'Valoda',
  'language.name.lv': 'Latviešu',
  'language.name.en': 'English',

  'home.intro':
    'Iestādes šeit plāno un aizstāv savas IKT budžeta apakšprogrammas, bet Informācijas tehnoloģiju centrs tās apkopo pašvaldības konsolidētajā IKT budžetā.',
  'home.referenceHeading': 'Uzziņu dati',
  'home.referenceIntro':
    'Klasifikatori un saraksti, uz kuriem balstās katra budžeta pozīcija. Atlasiet sarakstu, lai to apskatītu.',
  'home.referenceOpen': 'Atvērt visus uzziņu datus',
  'home.entryCount': 'ierakstu skaits',
  'home.countLoading': 'ielādē',
  'home.countUnavailable': 'nav pieejams',

  'reference.title': 'Uzziņu dati',
  'reference.intro':
    'Klasifikatori un saraksti, uz kuriem atsaucas budžeta pozīcijas. Nosaukumi rādīti izvēlētajā valodā.',
  'reference.tabsLabel': 'Uzziņu datu saraksti',
  'tab.institutions': 'Iestādes',
  'tab.ekkCodes': 'EKK kodi',
  'tab.goals': 'Mērķi un rīcības virzieni',
  'tab.ictServices': 'IKT pakalpojumi',
  'tab.informationSystems': 'Informācijas sistēmas',
  'tab.benchmarks': 'Salīdzinošie rādītāji',

  'common.yes': 'Jā',
  'common.no': 'Nē',
  'common.code': 'Kods',
  'common.name': 'Nosaukums',
  'common.status': 'Statuss',
  'common.active': 'Aktīvs',
  'common.inactive': 'Neaktīvs',

  'state.loading': 'Ielādē…',
  'state.empty': 'Sarakstā nav ierakstu.',

  'error.heading': 'Datus neizdevās ielādēt',
  'error.retry': 'Mēģināt vēlreiz',
  'error.network': 'Serveris nav sasniedzams. Pārbaudiet savienojumu un mēģiniet vēlreiz.',
  'error.invalidResponse': 'Serveris atbildēja negaidītā formā. Ziņojiet par to IT centram.',
  'error.http': 'Serveris atbildēja ar kļūdu.',
  'error.unexpected': 'Radās neparedzēta kļūda.',
  'error.statusCode': 'Statusa kods: {status}',
  'error.problems': 'Konstatētās problēmas',
  'error.technical': 'Tehniskā informācija',

  'institutions.caption': 'Pašvaldības iestādes',
  'institutions.itc': 'IT centrs (ITC)',

  'ekk.caption': 'Ekonomiskās klasifikācijas kodi (EKK)',
  'ekk.hint':
    'Budžeta pozīcijām izvēlas tikai kodus, kas atzīmēti kā izmantojami. Grupu kodi apkopo zemāko līmeņu summas.',
  'ekk.level': 'Līmenis',
  'ekk.use': 'Izmantošana',
  'ekk.selectable': 'Izmantojams pozīcijās',
  'ekk.groupOnly': 'Tikai grupa',
  'ekk.inUse': 'Spēkā',
  'ekk.retired': 'Izslēgts',

  'goals.caption': 'IKT attīstības mērķi',
  'goals.goal': 'Mērķis',
  'goals.actionDirections': 'Rīcības virzieni',
  'actionDirections.caption': 'Rīcības virzieni',
  'actionDirections.goals': 'Mērķi',

  'ictServices.caption': 'IKT pakalpojumi',

  'informationSystems.caption': 'Informācijas sistēmas',
  'informationSystems.function': 'Funkcija',
  'informationSystems.kind': 'Veids',

  'benchmarks.caption': 'IKT rādītāji salīdzinājumā ar līdzīgām organizācijām',
  'benchmarks.indicator': 'Rādītājs',
  'benchmarks.riga2015': 'Rīga, 2015',
  'benchmarks.peerAverage': 'Līdzīgu organizāciju vidējais',
  'benchmarks.unit': 'Mērvienība',
  'benchmarks.source': 'Avots',
  'benchmarks.noFigure': 'nav datu',
  'benchmark.indicator.users_per_it_staff': 'Lietotāji uz vienu IT darbinieku',
  'benchmark.unit.users_per_it_staff': 'lietotāji uz IT darbinieku',
  'benchmark.indicator.ict_central_budget_share': 'Centralizētā IKT budžeta daļa',
  'benchmark.unit.ict_central_budget_share': '% no organizācijas kopējā budžeta',
  'benchmark.indicator.ict_cost_per_user': 'IKT izmaksas uz vienu lietotāju',
  'benchmark.unit.ict_cost_per_user': 'EUR uz lietotāju',
  'benchmark.indicator.ict_cost_per_computer': 'IKT izmaksas uz vienu datoru',
  'benchmark.unit.ict_cost_per_computer': 'EUR uz datoru',

  'notFound.title': 'Lapa nav atrasta',
  'notFound.text': 'Šādas lapas nav. Pārbaudiet adresi vai atgriezieties sākumā.',
  'notFound.home': 'Uz sākumu',
  'routeError.title': 'Lapā radās kļūda',
  'routeError.text': 'Pārlādējiet lapu. Ja kļūda atkārtojas, ziņojiet par to IT centram.',
  'routeError.reload': 'Pārlādēt lapu',
} as const;

export type MessageKey = keyof typeof lv;
export type Messages = Record<MessageKey, string>;
