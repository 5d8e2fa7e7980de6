import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely, type Transaction } from 'kysely';
import { createDb } from '@ikt/db/create-db';
import type { Database } from '@ikt/db/database';
import { migrateToLatest } from '@ikt/db/migrate';
import type { CostNature, Priority, ReviewStatus, SubProgrammeStatus } from '@ikt/shared/domain';
import { parseMoney, toMoneyString } from '@ikt/shared/money';
import { readSeedCsv } from './csv';
import { seedReferenceData } from './reference.seed';

/**
 * The scale data set, for load tests and benchmarks (never for a real database): a cycle of its
 * own (SCALE_YEAR, "Slodzes tests …") with SCALE_ITEMS line items × 3 fiscal years, and a base
 * cycle a year earlier holding last year's approved figures for the same sub-programme codes.
 *
 * Deterministic: the same seed, item count and reference data give the same data set (its
 * fingerprint is printed), whatever the database. Re-runnable: its own two cycles are dropped
 * first; the demo cycles and everything else are left alone.
 *
 *   npm run seed:scale                      # DATABASE_URL, or the embedded database in DATA_DIR
 *   SCALE_ITEMS=20000 npm run seed:scale
 */

export const SCALE_YEAR = 2040;
export const SCALE_BASE_YEAR = SCALE_YEAR - 1;
export const SCALE_TITLE_PREFIX = 'Slodzes tests';
export const SCALE_DEFAULT_ITEMS = 100_000;
export const SCALE_DEFAULT_SEED = 20_401;
/** Institutions in the data set: the seeded ones, then generated S001, S002, … up to this many. */
export const SCALE_INSTITUTIONS = 150;
export const SCALE_SUB_PROGRAMMES = 400;
const GENERATED_INSTITUTION = /^S\d{3,}$/;

// ---------------------------------------------------------------------------------------------
// A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence anywhere.

export interface Random {
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(values: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (values) => {
      if (values.length === 0) throw new Error('pick from an empty list');
      return values[Math.floor(next() * values.length)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let point = next() * total;
      for (const [value, weight] of entries) {
        point -= weight;
        if (point < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
  return random;
}

// ---------------------------------------------------------------------------------------------
// The plan: everything the data set holds, generated in memory from the reference data.

export interface ScaleReference {
  /** Institutions already in the database (not generated ones), sorted by code. */
  institutions: { code: string; nameLv: string; isItc: boolean }[];
  /** Selectable, not retired EKK codes, sorted. */
  ekkLeaves: string[];
  goals: string[];
  actionDirections: string[];
  /** Goal codes linked to each action direction. */
  goalsByDirection: Record<string, string[]>;
  services: string[];
  systems: string[];
}

export interface PlannedInstitution {
  code: string;
  nameLv: string;
  nameEn: string;
}

export interface PlannedSubProgramme {
  code: string;
  name: string;
  institutionCode: string;
  kind: 'institution' | 'central';
  /** Its status in the scale cycle; in the base cycle every sub-programme is accepted. */
  status: SubProgrammeStatus;
}

export interface PlannedItem {
  subProgramme: number;
  title: string;
  description: string;
  ekkCode: string;
  costNature: CostNature;
  ictServiceCode: string | null;
  informationSystemCode: string | null;
  actionDirectionCode: string | null;
  priority: Priority;
  rank: number;
  quantity: string | null;
  unit: string | null;
  unitPrice: string | null;
  businessNeed: string;
  legalBasis: string;
  impactIfCut: string;
  calculationBasis: string;
  reviewStatus: ReviewStatus;
  goals: string[];
  /** The three fiscal years' amounts, exact decimal strings. */
  amounts: [string, string, string];
  /** Scale cycle only: the index of the base cycle item it was carried from, or -1. */
  carriedFrom: number;
}

export interface ScalePlan {
  institutions: PlannedInstitution[];
  subProgrammes: PlannedSubProgramme[];
  base: PlannedItem[];
  current: PlannedItem[];
  /** sha256 over everything above: equal fingerprints, equal data sets. */
  fingerprint: string;
}

export interface ScalePlanOptions {
  items: number;
  seed?: number;
  institutions?: number;
  subProgrammes?: number;
}

const LAWS = [
  'Pašvaldību likums',
  'Nacionālās kiberdrošības likums',
  'Fizisko personu datu apstrādes likums',
  'Vispārīgā datu aizsardzības regula (ES) 2016/679',
  'Informācijas atklātības likums',
  'Valsts informācijas sistēmu likums',
  'Arhīvu likums',
  'Elektronisko dokumentu likums',
  'Dokumentu juridiskā spēka likums',
  'Publisko iepirkumu likums',
  'Bāriņtiesu likums',
  'Sociālo pakalpojumu un sociālās palīdzības likums',
  'Izglītības likums',
  'Ministru kabineta 2015. gada 28. jūlija noteikumi Nr. 442',
  'Ministru kabineta 2017. gada 4. jūlija noteikumi Nr. 402',
];
const INSTITUTION_KINDS: readonly (readonly [string, string])[] = [
  ['vidusskola', 'Secondary School'],
  ['pamatskola', 'Primary School'],
  ['pirmsskolas izglītības iestāde', 'Pre-school'],
  ['sociālās aprūpes centrs', 'Social Care Centre'],
  ['bibliotēkas filiāle', 'Library Branch'],
  ['kultūras centrs', 'Cultural Centre'],
  ['sporta skola', 'Sports School'],
  ['mūzikas skola', 'Music School'],
  ['dienas centrs', 'Day Centre'],
  ['sociālā dienesta nodaļa', 'Social Service Division'],
  ['pašvaldības aģentūra', 'Municipal Agency'],
  ['apkaimes centrs', 'Neighbourhood Centre'],
];
const LICENCES = [
  'Microsoft 365',
  'Windows Server',
  'Oracle Database',
  'VMware vSphere',
  'Adobe Acrobat',
  'ArcGIS',
  'Veeam Backup',
  'Fortinet',
  'Atlassian Jira',
  'Tildes Birojs',
];
const E_SERVICES = [
  'Pieteikums pirmsskolas izglītības iestādē',
  'Atļauja ielu tirdzniecībai',
  'Sociālās palīdzības pieprasījums',
  'Būvniecības iesnieguma statuss',
  'Dzīvokļa rindas pārbaude',
  'Pieteikums vasaras nometnei',
  'Ziņojums par bojājumu pilsētvidē',
  'Stāvvietas atļauja',
];
const DATASETS = [
  'Budžeta izpilde',
  'Satiksmes plūsmas',
  'Izglītības iestāžu rindas',
  'Pašvaldības nekustamie īpašumi',
  'Gaisa kvalitāte',
];
const NEEDS = [
  'Sistēmu ikdienā izmanto {k} darbinieku.',
  'Bez šī pakalpojuma iestāde nevar izpildīt likumā noteiktās funkcijas.',
  'Pašreizējais risinājums ir novecojis, un ražotājs to vairs neatbalsta.',
  'Iedzīvotāji sagaida iespēju pakalpojumu saņemt elektroniski.',
  'Esošais līgums beidzas {y}. gadā, un pakalpojums jānodrošina bez pārtraukuma.',
  'Uzlabo datu kvalitāti un samazina manuālo darbu.',
  'Atbilst Rīgas pašvaldības IKT attīstības stratēģijas mērķiem.',
  'Lietotāju skaits un datu apjoms ik gadu pieaug par {p} %.',
  'Apvieno vairāku iestāžu dublējošos risinājumus vienā.',
  'Nepieciešams drošības audita ieteikumu izpildei.',
];
const IMPACTS = [
  'Tiek apturēta iestādes pamatdarbība.',
  'Pieaug incidentu risks un atjaunošanas laiks.',
  'Iedzīvotājiem pakalpojums būs pieejams tikai klātienē.',
  'Palielinās manuālā darba apjoms; vajadzīgi {k} papildu darbinieki.',
  'Netiek izpildītas normatīvo aktu prasības.',
  'Projekts tiek atlikts uz nākamo gadu, un izmaksas pieaug.',
  'Iekārtas vairs nesaņem drošības atjauninājumus.',
  'Datu apmaiņa ar valsts informācijas sistēmām notiek ar novēlošanos.',
];
const DESCRIPTIONS = [
  'Ietver piegādi, uzstādīšanu un garantijas apkalpošanu.',
  'Iepirkums tiek organizēts kopā ar citām iestādēm.',
  'Darbus veic ārpakalpojumā, ITC uzraudzībā.',
  'Turpinājums iepriekšējā gadā uzsāktajam darbam.',
  'Aptver visas iestādes struktūrvienības.',
];

/** 123456 → "1234.56"; integers only, so nothing is lost. */
function centsToMoney(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** 58750 → "587,50" as a person in Riga would write it. */
function centsToLatvian(cents: number): string {
  return centsToMoney(cents).replace('.', ',');
}

function fill(template: string, random: Random): string {
  return template
    .replace('{k}', String(random.int(5, 900)))
    .replace('{y}', String(random.int(SCALE_YEAR, SCALE_YEAR + 2)))
    .replace('{p}', String(random.int(3, 25)));
}

/** Splits `total` over `weights` (largest remainder), every share at least `minimum`. */
function apportion(total: number, weights: number[], minimum: number): number[] {
  const floor = Math.min(minimum, Math.floor(total / weights.length));
  const rest = total - floor * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * rest);
  const shares = exact.map((e) => Math.floor(e));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares.map((s) => s + floor);
}

const PRIORITY_ORDER: Record<Priority, number> = { mandatory: 0, high: 1, medium: 2, low: 3 };

const EKK_BY_NATURE: Record<CostNature, readonly (readonly [string, number])[]> = {
  maintenance: [
    ['2251', 30],
    ['2259', 12],
    ['2210', 10],
    ['2243', 8],
    ['5238', 8],
    ['5121', 8],
    ['2264', 6],
    ['2252', 6],
    ['2311', 2],
    ['2312', 2],
    ['1110', 3],
    ['1140', 1],
    ['1210', 1],
    ['2100', 1],
    ['2230', 1],
    ['2270', 1],
  ],
  development: [
    ['5110', 30],
    ['5170', 20],
    ['5121', 15],
    ['5238', 15],
    ['2252', 10],
    ['2259', 10],
  ],
  implementation: [
    ['2252', 25],
    ['2259', 20],
    ['5238', 20],
    ['5121', 15],
    ['2230', 10],
    ['5240', 10],
  ],
};

const SERVICES_BY_NATURE: Record<CostNature, readonly (readonly [string, number])[]> = {
  maintenance: [
    ['IS-M', 25],
    ['WS', 15],
    ['SUP', 10],
    ['NET', 8],
    ['HOST', 8],
    ['LIC', 10],
    ['TEL', 5],
    ['PRINT', 5],
    ['DC', 4],
    ['SEC', 4],
    ['WIFI', 3],
    ['VIDEO', 3],
  ],
  development: [
    ['IS-D', 40],
    ['EPAK', 15],
    ['GIS', 8],
    ['ODATA', 8],
    ['DC', 8],
    ['SEC', 8],
    ['HOST', 5],
    ['WS', 8],
  ],
  implementation: [
    ['IS-D', 30],
    ['EPAK', 15],
    ['WS', 15],
    ['SEC', 10],
    ['GIS', 5],
    ['ODATA', 5],
    ['HOST', 10],
    ['SUP', 10],
  ],
};

/** Everything the data set holds, from the reference data and a seed; touches no database. */
export function planScaleData(reference: ScaleReference, options: ScalePlanOptions): ScalePlan {
  const random = createRandom(options.seed ?? SCALE_DEFAULT_SEED);
  const itc = reference.institutions.find((i) => i.isItc);
  if (!itc) throw new Error('the reference data has no ITC institution (is_itc) to own the central sub-programme');

  // Institutions: the seeded ones, then S001, S002, … up to the total.
  const generatedCount = Math.max(0, (options.institutions ?? SCALE_INSTITUTIONS) - reference.institutions.length);
  const institutions: PlannedInstitution[] = Array.from({ length: generatedCount }, (_, index) => {
    const [kindLv, kindEn] = INSTITUTION_KINDS[index % INSTITUTION_KINDS.length]!;
    const number = Math.floor(index / INSTITUTION_KINDS.length) + 1 + random.int(0, 3) * 20;
    return {
      code: `S${String(index + 1).padStart(3, '0')}`,
      nameLv: `Rīgas ${number}. ${kindLv}`,
      nameEn: `Riga ${kindEn} No. ${number}`,
    };
  });
  const owners = [
    ...reference.institutions.filter((i) => !i.isItc).map((i) => ({ code: i.code, name: i.nameLv, weight: 8 })),
    ...institutions.map((i) => ({ code: i.code, name: i.nameLv, weight: 1 })),
  ];

  // Sub-programmes: one central (ITC), the rest spread over the others, departments get more.
  const subProgrammeTotal = options.subProgrammes ?? SCALE_SUB_PROGRAMMES;
  const perOwner = owners.map(() => 1);
  for (let extra = subProgrammeTotal - 1 - owners.length; extra > 0; extra--) {
    perOwner[random.weighted(owners.map((o, index) => [index, o.weight] as const))]! += 1;
  }
  const subProgrammes: PlannedSubProgramme[] = [
    {
      code: `IKT.${itc.code}.01`,
      name: `${itc.nameLv} — centralizētā IKT apakšprogramma`,
      institutionCode: itc.code,
      kind: 'central',
      status: 'draft',
    },
  ];
  owners.forEach((owner, index) => {
    for (let n = 1; n <= perOwner[index]!; n++) {
      subProgrammes.push({
        code: `IKT.${owner.code}.${String(n).padStart(2, '0')}`,
        name: `${owner.name} — IKT apakšprogramma Nr. ${n}`,
        institutionCode: owner.code,
        kind: 'institution',
        status: random.weighted<SubProgrammeStatus>([
          ['draft', 70],
          ['submitted', 20],
          ['returned', 5],
          ['accepted', 5],
        ]),
      });
    }
  });
  const itemWeight = subProgrammes.map((sp) =>
    sp.kind === 'central' ? 0 : Math.exp(random.normal()) * (GENERATED_INSTITUTION.test(sp.institutionCode) ? 1 : 2),
  );
  const otherWeight = itemWeight.reduce((a, b) => a + b, 0);
  // The central sub-programme carries about 4 % of all items.
  itemWeight[0] = (otherWeight * 4) / 96;
  const itemsPer = apportion(options.items, itemWeight, 1);

  const ekkWeights = (nature: CostNature) => {
    const allowed = new Set(reference.ekkLeaves);
    const known = EKK_BY_NATURE[nature].filter(([code]) => allowed.has(code));
    // Every other leaf now and then, so the whole tree is exercised.
    return [...known, ...reference.ekkLeaves.map((code) => [code, 0.15] as const)];
  };
  const ekkChoices: Record<CostNature, readonly (readonly [string, number])[]> = {
    maintenance: ekkWeights('maintenance'),
    development: ekkWeights('development'),
    implementation: ekkWeights('implementation'),
  };
  if (reference.ekkLeaves.length === 0) throw new Error('the reference data has no selectable EKK code');
  const infrastructure = reference.actionDirections.filter((d) => d === 'R5' || d === 'R6');
  const maintenanceDirections = infrastructure.length > 0 ? infrastructure : reference.actionDirections;
  const serviceSet = new Set(reference.services);
  const serviceChoices = (nature: CostNature) => {
    const known = SERVICES_BY_NATURE[nature].filter(([code]) => serviceSet.has(code));
    return known.length > 0 ? known : reference.services.map((code) => [code, 1] as const);
  };
  const services: Record<CostNature, readonly (readonly [string, number])[]> = {
    maintenance: serviceChoices('maintenance'),
    development: serviceChoices('development'),
    implementation: serviceChoices('implementation'),
  };

  function makeItem(subProgramme: number, status: ReviewStatus, central: boolean): PlannedItem {
    const costNature = random.weighted<CostNature>([
      ['maintenance', 60],
      ['development', 25],
      ['implementation', 15],
    ]);
    const priority = random.weighted<Priority>(
      costNature === 'maintenance'
        ? [
            ['mandatory', 32],
            ['high', 30],
            ['medium', 28],
            ['low', 10],
          ]
        : [
            ['mandatory', 8],
            ['high', 32],
            ['medium', 38],
            ['low', 22],
          ],
    );
    // A central item always names its service (the submit rule); the chance is drawn all the same.
    const ictServiceCode =
      services[costNature].length > 0 && (random.chance(0.85) || central)
        ? random.weighted(services[costNature])
        : null;
    const systemLikely = ictServiceCode === 'IS-M' || ictServiceCode === 'IS-D';
    const informationSystemCode =
      reference.systems.length > 0 && random.chance(systemLikely ? 0.9 : 0.2) ? random.pick(reference.systems) : null;
    const actionDirectionCode =
      reference.actionDirections.length === 0
        ? null
        : costNature === 'maintenance'
          ? random.chance(0.6)
            ? random.pick(maintenanceDirections)
            : null
          : random.chance(0.95)
            ? random.pick(reference.actionDirections)
            : null;
    // Development and implementation name 1–3 goals (mostly those of their action direction);
    // maintenance names one half of the time.
    const goalCount = costNature === 'maintenance' ? (random.chance(0.5) ? 1 : 0) : random.int(1, 3);
    const linked = actionDirectionCode ? (reference.goalsByDirection[actionDirectionCode] ?? []) : [];
    const goals = new Set<string>();
    while (goals.size < Math.min(goalCount, reference.goals.length)) {
      goals.add(linked.length > 0 && random.chance(0.8) ? random.pick(linked) : random.pick(reference.goals));
    }

    // Names in the genitive (…uzturēšana) and the accusative (ar …, uz …): a code does not decline.
    const [system, systemAcc] = informationSystemCode
      ? [`informācijas sistēmas ${informationSystemCode}`, `informācijas sistēmu ${informationSystemCode}`]
      : random.pick([
          ['vienotās klientu apkalpošanas sistēmas', 'vienoto klientu apkalpošanas sistēmu'],
          ['iestādes tīmekļvietnes', 'iestādes tīmekļvietni'],
          ['personāla vadības sistēmas', 'personāla vadības sistēmu'],
        ] as const);
    const System = system.charAt(0).toUpperCase() + system.slice(1);
    const titles: readonly (() => string)[] =
      costNature === 'maintenance'
        ? [
            () => `${System} uzturēšana`,
            () => `${System} lietotāju atbalsts un konsultācijas`,
            () => 'Darbstaciju un perifērijas iekārtu tehniskā apkalpošana',
            () => `Programmatūras licenču atjaunošana (${random.pick(LICENCES)})`,
            () => 'Datu pārraides tīkla pieslēgumu uzturēšana',
            () => 'Mobilo sakaru pakalpojumi',
            () => 'Serveru mitināšana un rezerves kopēšana',
            () => 'Drukas iekārtu noma un apkalpošana',
            () => 'Videonovērošanas sistēmas uzturēšana',
            () => 'Bezvadu tīkla piekļuves punktu uzturēšana',
            () => 'Informācijas drošības uzraudzība',
          ]
        : costNature === 'development'
          ? [
              () => `${System} attīstība (${random.int(1, 4)}. kārta)`,
              () => `E-pakalpojuma “${random.pick(E_SERVICES)}” izstrāde`,
              () => `Atvērto datu kopas “${random.pick(DATASETS)}” publicēšana`,
              () => `Dokumentu vadības sistēmas integrācija ar ${systemAcc}`,
              () => `Rezerves datu centra izveide (${random.int(1, 4)}. kārta)`,
              () => `Darbstaciju nomaiņa (${random.int(1, 4)}. kārta)`,
              () => 'Kiberdrošības incidentu uzraudzības risinājuma ieviešana',
            ]
          : [
              () => `${System} ieviešana iestādē`,
              () => `Lietotāju apmācības darbam ar ${systemAcc}`,
              () => `Datu migrācija uz ${systemAcc}`,
              () => 'Elektroniskā paraksta ieviešana dokumentu apritē',
              () => 'Virtuālo darbvirsmu ieviešana',
            ];
    const title = random.pick(titles)();

    // Amounts in cents (integers: exact). A typical item is some thousands of euro; a few are large.
    const median = { maintenance: 12_000, development: 45_000, implementation: 20_000 }[costNature];
    const euros = Math.min(3_000_000, Math.max(300, median * Math.exp(1.1 * random.normal()) * (central ? 3 : 1)));
    let quantity: string | null = null;
    let unit: string | null = null;
    let unitPrice: string | null = null;
    let calculationBasis: string;
    let n: number;
    if (random.chance(0.35)) {
      const count = random.int(1, 400);
      const priceCents = Math.max(1_000, Math.round(((euros / count) * 100) / 50) * 50);
      quantity = String(count);
      unit = random.pick(['gab.', 'lic.', 'kompl.', 'st.']);
      unitPrice = centsToMoney(priceCents);
      n = count * priceCents;
      calculationBasis = `${count} ${unit} × ${centsToLatvian(priceCents)} EUR`;
    } else {
      n = random.chance(0.3) ? Math.round(euros * 100) : Math.round(euros) * 100;
      calculationBasis = random.pick([
        () => `Līguma Nr. RD-${SCALE_BASE_YEAR}/${random.int(10, 999)} gada maksa`,
        () => `Tirgus izpēte, ${random.int(2, 5)} piedāvājumi`,
        () => `Iepriekšējā gada faktiskās izmaksas + ${random.int(1, 6)} % indeksācija`,
        () => `Izstrādes tāme: ${random.int(40, 4000)} cilvēkstundas × ${random.int(35, 75)},00 EUR`,
      ])();
    }
    const scale = (cents: number, low: number, high: number) =>
      Math.round(cents * (low + random.next() * (high - low)));
    let n1: number;
    let n2: number;
    if (costNature === 'maintenance') {
      n1 = scale(n, 1, 1.06);
      n2 = scale(n1, 1, 1.06);
    } else if (costNature === 'development') {
      n1 = scale(n, 0, 0.8);
      n2 = random.chance(0.5) ? 0 : scale(n1, 0, 0.6);
    } else {
      n1 = scale(n, 0.2, 1);
      n2 = scale(n1, 0, 1);
    }
    // Some items start only next year.
    if (costNature !== 'maintenance' && quantity === null && random.chance(0.03)) [n, n1] = [0, n];

    return {
      subProgramme,
      title,
      description: random.chance(0.3) ? random.pick(DESCRIPTIONS) : '',
      ekkCode: random.weighted(ekkChoices[costNature]),
      costNature,
      ictServiceCode,
      informationSystemCode,
      actionDirectionCode,
      priority,
      rank: 0,
      quantity,
      unit,
      unitPrice,
      businessNeed: `${fill(random.pick(NEEDS), random)} ${fill(random.pick(NEEDS), random)}`,
      legalBasis:
        priority === 'mandatory' || random.chance(0.2)
          ? random.chance(0.3)
            ? `${random.pick(LAWS)}; ${random.pick(LAWS)}`
            : random.pick(LAWS)
          : '',
      impactIfCut: fill(random.pick(IMPACTS), random),
      calculationBasis,
      reviewStatus: status,
      goals: [...goals].sort(),
      amounts: [centsToMoney(n), centsToMoney(n1), centsToMoney(n2)],
      carriedFrom: -1,
    };
  }

  const itemStatus = (sp: PlannedSubProgramme): ReviewStatus => {
    switch (sp.status) {
      case 'draft':
        return random.chance(0.01) ? 'returned' : 'draft';
      case 'submitted':
        return 'submitted';
      case 'returned':
        return random.chance(0.6) ? 'returned' : 'submitted';
      case 'accepted':
        return random.chance(0.1) ? 'cut' : 'accepted';
    }
  };
  const byRank = (a: PlannedItem, b: PlannedItem) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];

  const base: PlannedItem[] = [];
  const current: PlannedItem[] = [];
  subProgrammes.forEach((sp, index) => {
    const central = sp.kind === 'central';
    const items = Array.from({ length: itemsPer[index]! }, () => makeItem(index, itemStatus(sp), central));
    // Ranks follow priority, with the owner's own judgement mixed in.
    items.sort((a, b) => byRank(a, b)).forEach((item, i) => (item.rank = i + 1));
    for (let i = 0; i < items.length - 1; i++) {
      if (random.chance(0.1)) [items[i]!.rank, items[i + 1]!.rank] = [items[i + 1]!.rank, items[i]!.rank];
    }

    // Last year's cycle: most maintenance went on, half the projects; some items ended.
    const baseItems: { item: PlannedItem; source: PlannedItem | null }[] = [];
    for (const item of items) {
      if (!random.chance(item.costNature === 'maintenance' ? 0.9 : 0.5)) continue;
      // Last year's amount: this year's scaled by a random factor, to the cent (half up).
      const scaled = (amount: string, factor: number) => toMoneyString(parseMoney(amount).times(factor));
      const [n, n1] = item.amounts;
      baseItems.push({
        source: item,
        item: {
          ...item,
          goals: [...item.goals],
          reviewStatus: random.chance(0.02) ? 'cut' : 'accepted',
          amounts: [
            scaled(n, 0.85 + random.next() * 0.2),
            scaled(n, 0.9 + random.next() * 0.2),
            scaled(n1, 0.9 + random.next() * 0.2),
          ],
        },
      });
    }
    for (let ended = Math.round(items.length * 0.08); ended > 0; ended--) {
      const item = makeItem(index, random.chance(0.02) ? 'cut' : 'accepted', central);
      item.rank = random.int(1, items.length);
      baseItems.push({ source: null, item });
    }
    baseItems.sort((a, b) => a.item.rank - b.item.rank || byRank(a.item, b.item));
    baseItems.forEach(({ item, source }, i) => {
      item.rank = i + 1;
      if (source) source.carriedFrom = base.length + i;
    });
    base.push(...baseItems.map((b) => b.item));
    current.push(...items);
  });

  const hash = createHash('sha256');
  hash.update(JSON.stringify({ institutions, subProgrammes }));
  for (const items of [base, current]) {
    for (let start = 0; start < items.length; start += 5_000) {
      hash.update(JSON.stringify(items.slice(start, start + 5_000)));
    }
  }
  return { institutions, subProgrammes, base, current, fingerprint: hash.digest('hex') };
}

// ---------------------------------------------------------------------------------------------
// Loading: batched INSERT … SELECT FROM unnest(arrays), one transaction for the whole data set.

export interface ScaleSeedOptions extends ScalePlanOptions {
  /** Items per INSERT statement. */
  batchSize?: number;
  log?: (message: string) => void;
}

export interface ScaleSeedResult {
  cycleId: number;
  baseCycleId: number;
  fingerprint: string;
  institutions: { total: number; generated: number; added: number };
  subProgrammes: number;
  items: { current: number; base: number };
  amounts: number;
  goalLinks: number;
  timingsMs: Record<string, number>;
}

/** Reads the reference data the plan draws on, in a fixed order. */
export async function readScaleReference(db: Kysely<Database>): Promise<ScaleReference> {
  const [institutions, ekk, goals, directions, links, services, systems] = await Promise.all([
    db.selectFrom('institution').select(['code', 'name_lv', 'is_itc']).where('active', '=', true).execute(),
    db.selectFrom('ekk_code').select('code').where('selectable', '=', true).where('retired_at', 'is', null).execute(),
    db.selectFrom('goal').select('code').execute(),
    db.selectFrom('action_direction').select('code').execute(),
    db.selectFrom('goal_action_direction').select(['goal_code', 'action_direction_code']).execute(),
    db.selectFrom('ict_service').select('code').where('active', '=', true).execute(),
    db.selectFrom('information_system').select('code').where('active', '=', true).execute(),
  ]);
  // Code-point order, not a locale's: the same everywhere.
  const sorted = (codes: string[]) => [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const goalsByDirection: Record<string, string[]> = {};
  for (const link of links) (goalsByDirection[link.action_direction_code] ??= []).push(link.goal_code);
  for (const codes of Object.values(goalsByDirection)) codes.splice(0, codes.length, ...sorted(codes));
  return {
    institutions: institutions
      .filter((i) => !GENERATED_INSTITUTION.test(i.code))
      .map((i) => ({ code: i.code, nameLv: i.name_lv, isItc: i.is_itc }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    ekkLeaves: sorted(ekk.map((r) => r.code)),
    goals: sorted(goals.map((r) => r.code)),
    actionDirections: sorted(directions.map((r) => r.code)),
    goalsByDirection,
    services: sorted(services.map((r) => r.code)),
    systems: sorted(systems.map((r) => r.code)),
  };
}

/** The scale cycles in a database, if it has them. */
export async function findScaleCycles(
  db: Kysely<Database>,
): Promise<{ cycleId: number; baseCycleId: number | null; items: number } | undefined> {
  const cycle = await db
    .selectFrom('budget_cycle')
    .select(['id', 'base_cycle_id', 'title'])
    .where('year', '=', SCALE_YEAR)
    .executeTakeFirst();
  if (!cycle || !cycle.title.startsWith(SCALE_TITLE_PREFIX)) return undefined;
  const { count } = await db
    .selectFrom('line_item as li')
    .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('sp.cycle_id', '=', cycle.id)
    .executeTakeFirstOrThrow();
  return { cycleId: cycle.id, baseCycleId: cycle.base_cycle_id, items: Number(count) };
}

/**
 * Drops the scale cycles (never a cycle it did not make) in a transaction of its own; answers how
 * many it dropped. Set-based deletes first, so the cascades have little left to walk.
 */
async function dropScaleCycles(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cycles = await trx
      .selectFrom('budget_cycle')
      .select(['id', 'year', 'title'])
      .where('year', 'in', [SCALE_BASE_YEAR, SCALE_YEAR])
      .orderBy('year', 'desc')
      .execute();
    const foreign = cycles.find((c) => !c.title.startsWith(SCALE_TITLE_PREFIX));
    if (foreign) {
      throw new Error(`cycle ${foreign.year} ("${foreign.title}") is not a scale cycle; refusing to replace it`);
    }
    const ids = cycles.map((c) => c.id);
    if (ids.length === 0) return 0;
    const dependants = await trx
      .selectFrom('budget_cycle')
      .select('year')
      .where('base_cycle_id', 'in', ids)
      .where('id', 'not in', ids)
      .execute();
    if (dependants.length > 0) {
      throw new Error(`cycle ${dependants[0]!.year} is based on a scale cycle; delete it first`);
    }
    // Scenarios first: scenario_cut has no index on line_item_id alone, so a cascade from each
    // deleted item would scan it.
    await trx.deleteFrom('scenario').where('cycle_id', 'in', ids).execute();
    const ofCycles = sql`SELECT li.id FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
                          WHERE sp.cycle_id = ANY(${ids}::int[])`;
    await sql`DELETE FROM line_item_amount WHERE line_item_id IN (${ofCycles})`.execute(trx);
    await sql`DELETE FROM line_item_goal WHERE line_item_id IN (${ofCycles})`.execute(trx);
    await sql`DELETE FROM line_item WHERE id IN (${ofCycles})`.execute(trx);
    // The later year first: its base is the earlier one.
    for (const id of ids) await trx.deleteFrom('budget_cycle').where('id', '=', id).execute();
    return ids.length;
  });
}

const BULK_TABLES = ['line_item', 'line_item_amount', 'line_item_goal'];

const ITEM_COLUMNS = [
  'sub_programme_id',
  'title',
  'description',
  'ekk_code',
  'cost_nature',
  'ict_service_code',
  'information_system_code',
  'action_direction_code',
  'priority',
  'rank',
  'quantity',
  'unit',
  'unit_price',
  'business_need',
  'legal_basis',
  'impact_if_cut',
  'calculation_basis',
  'review_status',
  'carried_from_id',
] as const;

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

/** Inserts items (and their amounts and goal links); answers their ids in the same order. */
async function insertItems(
  trx: Transaction<Database>,
  items: PlannedItem[],
  subProgrammeIds: number[],
  carriedFromIds: number[] | null,
  fiscalYears: [number, number, number],
  batchSize: number,
): Promise<{ ids: number[]; amounts: number; goalLinks: number }> {
  const ids: number[] = [];
  let amounts = 0;
  let goalLinks = 0;
  for (const batch of chunks(
    items.map((item, index) => ({ item, index })),
    batchSize,
  )) {
    const spIds = batch.map(({ item }) => subProgrammeIds[item.subProgramme]!);
    // One JSON parameter per batch: cheaper to build and to send than nineteen arrays.
    const values = batch.map(({ item, index }, k) => ({
      sub_programme_id: spIds[k],
      title: item.title,
      description: item.description,
      ekk_code: item.ekkCode,
      cost_nature: item.costNature,
      ict_service_code: item.ictServiceCode,
      information_system_code: item.informationSystemCode,
      action_direction_code: item.actionDirectionCode,
      priority: item.priority,
      rank: item.rank,
      quantity: item.quantity,
      unit: item.unit,
      unit_price: item.unitPrice,
      business_need: item.businessNeed,
      legal_basis: item.legalBasis,
      impact_if_cut: item.impactIfCut,
      calculation_basis: item.calculationBasis,
      review_status: item.reviewStatus,
      carried_from_id: carriedFromIds ? (carriedFromIds[index] ?? null) : null,
    }));
    const { rows } = await sql<{ id: number; sub_programme_id: number; rank: number }>`
      INSERT INTO line_item (${sql.raw(ITEM_COLUMNS.join(', '))})
      SELECT ${sql.raw(ITEM_COLUMNS.join(', '))}
        FROM json_populate_recordset(NULL::line_item, ${JSON.stringify(values)}::json)
      RETURNING id, sub_programme_id, rank`.execute(trx);
    // RETURNING promises no order: a sub-programme and a rank name one item (ranks are unique).
    const idOf = new Map(rows.map((r) => [`${r.sub_programme_id}:${r.rank}`, r.id]));
    const batchIds = batch.map(({ item }, k) => idOf.get(`${spIds[k]}:${item.rank}`)!);
    if (batchIds.some((id) => id === undefined)) throw new Error('an inserted item could not be matched');
    ids.push(...batchIds);

    const amountItem: number[] = [];
    const amountYear: number[] = [];
    const amountValue: string[] = [];
    const goalItem: number[] = [];
    const goalCode: string[] = [];
    batch.forEach(({ item }, k) => {
      item.amounts.forEach((amount, y) => {
        amountItem.push(batchIds[k]!);
        amountYear.push(fiscalYears[y]!);
        amountValue.push(amount);
      });
      for (const goal of item.goals) {
        goalItem.push(batchIds[k]!);
        goalCode.push(goal);
      }
    });
    await sql`INSERT INTO line_item_amount (line_item_id, fiscal_year, amount)
              SELECT * FROM unnest(${amountItem}::int[], ${amountYear}::int[], ${amountValue}::numeric[])`.execute(trx);
    if (goalItem.length > 0) {
      await sql`INSERT INTO line_item_goal (line_item_id, goal_code)
                SELECT * FROM unnest(${goalItem}::int[], ${goalCode}::text[])`.execute(trx);
    }
    amounts += amountItem.length;
    goalLinks += goalItem.length;
  }
  return { ids, amounts, goalLinks };
}

/**
 * Replaces the scale cycles with a freshly generated data set. Reference data must be loaded
 * (seedReferenceData); institutions it generates are added once and kept.
 */
export async function seedScaleData(db: Kysely<Database>, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 5_000;
  const timingsMs: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - mark);
    mark = now;
    log(`  ${name}: ${timingsMs[name]} ms`);
  };

  const reference = await readScaleReference(db);
  const plan = planScaleData(reference, options);
  lap('generate');

  const dropped = await dropScaleCycles(db);
  lap(`drop previous scale cycles (${dropped})`);
  if (dropped > 0) {
    // Without this, the new rows go in among the dead ones and every index probe walks them.
    for (const table of BULK_TABLES) await sql`VACUUM ${sql.table(table)}`.execute(db);
    lap('vacuum');
  }

  const result = await db.transaction().execute(async (trx) => {
    const added = plan.institutions.length
      ? await trx
          .insertInto('institution')
          .values(plan.institutions.map((i) => ({ code: i.code, name_lv: i.nameLv, name_en: i.nameEn })))
          .onConflict((oc) => oc.column('code').doNothing())
          .returning('id')
          .execute()
      : [];
    const institutionId = new Map(
      (await trx.selectFrom('institution').select(['id', 'code']).execute()).map((i) => [i.code, i.id]),
    );

    const base = await trx
      .insertInto('budget_cycle')
      .values({
        year: SCALE_BASE_YEAR,
        title: `${SCALE_TITLE_PREFIX} ${SCALE_BASE_YEAR}–${SCALE_BASE_YEAR + 2} (bāze)`,
        submission_deadline: `${SCALE_BASE_YEAR - 1}-12-19`,
        status: 'approved',
        municipal_budget_total: '1650000000.00',
        ict_users: 11_800,
        computers: 10_300,
        it_staff: 118,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cycle = await trx
      .insertInto('budget_cycle')
      .values({
        year: SCALE_YEAR,
        title: `${SCALE_TITLE_PREFIX} ${SCALE_YEAR}–${SCALE_YEAR + 2}`,
        submission_deadline: `${SCALE_YEAR - 1}-12-18`,
        base_cycle_id: base.id,
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const insertSubProgrammes = async (cycleId: number, accepted: boolean) => {
      const rows = await trx
        .insertInto('sub_programme')
        .values(
          plan.subProgrammes.map((sp) => ({
            cycle_id: cycleId,
            code: sp.code,
            name: sp.name,
            kind: sp.kind,
            institution_id: institutionId.get(sp.institutionCode)!,
            status: accepted ? 'accepted' : sp.status,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      const byCode = new Map(rows.map((r) => [r.code, r.id]));
      return plan.subProgrammes.map((sp) => byCode.get(sp.code)!);
    };
    const baseSubProgrammes = await insertSubProgrammes(base.id, true);
    const currentSubProgrammes = await insertSubProgrammes(cycle.id, false);
    lap('institutions, cycles, sub-programmes');

    const baseYears: [number, number, number] = [SCALE_BASE_YEAR, SCALE_BASE_YEAR + 1, SCALE_BASE_YEAR + 2];
    const currentYears: [number, number, number] = [SCALE_YEAR, SCALE_YEAR + 1, SCALE_YEAR + 2];
    const baseItems = await insertItems(trx, plan.base, baseSubProgrammes, null, baseYears, batchSize);
    lap(`base cycle ${SCALE_BASE_YEAR}: ${plan.base.length} items`);
    const carried = plan.current.map((item) => (item.carriedFrom >= 0 ? baseItems.ids[item.carriedFrom]! : null));
    const currentItems = await insertItems(
      trx,
      plan.current,
      currentSubProgrammes,
      carried as number[],
      currentYears,
      batchSize,
    );
    lap(`scale cycle ${SCALE_YEAR}: ${plan.current.length} items`);
    await insertScaleAllocationBasis(
      trx,
      [
        { id: base.id, years: baseYears },
        { id: cycle.id, years: currentYears },
      ],
      [...institutionId.values()],
    );
    lap('service drivers and consumption');

    return {
      cycleId: cycle.id,
      baseCycleId: base.id,
      fingerprint: plan.fingerprint,
      institutions: {
        total: reference.institutions.length + plan.institutions.length,
        generated: plan.institutions.length,
        added: added.length,
      },
      subProgrammes: plan.subProgrammes.length,
      items: { current: plan.current.length, base: plan.base.length },
      amounts: baseItems.amounts + currentItems.amounts,
      goalLinks: baseItems.goalLinks + currentItems.goalLinks,
    };
  });
  lap('commit');

  await vacuumScaleTables(db);
  lap('vacuum analyze');
  return { ...result, timingsMs };
}

/**
 * The reference drivers (seeds/data/service_tbm.csv) and a quantity for every institution,
 * service and fiscal year of both cycles, so the full cost allocates every service at scale. The
 * quantities are a fixed function of the positions (no randomness needed: they only weigh).
 */
async function insertScaleAllocationBasis(
  trx: Kysely<Database>,
  cycles: { id: number; years: number[] }[],
  institutionIds: number[],
): Promise<void> {
  const drivers = await readSeedCsv('service_tbm.csv');
  const weighed = drivers.filter((d) => d.driver_unit_en !== 'direct');
  for (const { id: cycleId, years } of cycles) {
    await trx
      .insertInto('service_driver')
      .values(
        drivers.map((d) => ({
          cycle_id: cycleId,
          service_code: d.service_code!,
          unit_lv: d.driver_unit_lv!,
          unit_en: d.driver_unit_en!,
        })),
      )
      .execute();
    const rows = years.flatMap((fiscal_year) =>
      weighed.flatMap((d, j) =>
        institutionIds.map((institution_id, k) => ({
          cycle_id: cycleId,
          service_code: d.service_code!,
          institution_id,
          fiscal_year,
          quantity: String(1 + ((k * 7919 + j * 104_729 + fiscal_year) % 5000)),
        })),
      ),
    );
    for (let start = 0; start < rows.length; start += 5000) {
      await trx
        .insertInto('service_consumption')
        .values(rows.slice(start, start + 5000))
        .execute();
    }
  }
}

/**
 * Fresh statistics, so the planner knows the tables' size, and the visibility map set, so
 * index-only scans need not visit the heap: what autovacuum does after a bulk load or a bulk
 * delete, done at once so that a benchmark does not measure its absence.
 */
export async function vacuumScaleTables(db: Kysely<Database>): Promise<void> {
  for (const table of ['institution', 'sub_programme', ...BULK_TABLES]) {
    await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------
// npm run seed:scale

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const items = positiveInteger('SCALE_ITEMS', SCALE_DEFAULT_ITEMS);
  const seed = positiveInteger('SCALE_SEED', SCALE_DEFAULT_SEED);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './.data';
  const started = performance.now();
  const handle = await createDb({ databaseUrl, dataDir });
  try {
    console.log(`seed:scale — ${items} items, seed ${seed}, on ${databaseUrl ? 'PostgreSQL' : `PGlite (${dataDir})`}`);
    await migrateToLatest(handle.db);
    await seedReferenceData(handle.db);
    console.log(`  migrate + reference data: ${Math.round(performance.now() - started)} ms`);
    const result = await seedScaleData(handle.db, { items, seed, log: (message) => console.log(message) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.table({
      institutions: result.institutions.total,
      'institutions generated (new this run)': `${result.institutions.generated} (${result.institutions.added})`,
      'sub-programmes per cycle': result.subProgrammes,
      [`items ${SCALE_YEAR} (cycle ${result.cycleId})`]: result.items.current,
      [`items ${SCALE_BASE_YEAR} (base cycle ${result.baseCycleId})`]: result.items.base,
      'amount rows': result.amounts,
      'goal links': result.goalLinks,
    });
    console.log(`fingerprint ${result.fingerprint}`);
    console.log(`done in ${seconds} s`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
