import type { Messages } from './lv';

export const en: Messages = {
  'app.name': 'IKT budžets',
  'app.tagline': "Planning, defence and consolidation of Riga municipality's ICT budget",

  'layout.skipToContent': 'Skip to content',
  'layout.mainNav': 'Main navigation',
  'nav.home': 'Home',
  'nav.reference': 'Reference data',

  'language.label': 'Language',
  'language.name.lv': 'Latviešu',
  'language.name.en': 'English',

  'home.intro':
    "Institutions plan and defend their ICT budget sub-programmes here, and the IT Centre assembles them into the municipality's consolidated ICT budget.",
  'home.referenceHeading': 'Reference data',
  'home.referenceIntro': 'The classifications and lists every budget line item refers to. Choose a list to view it.',
  'home.referenceOpen': 'Open all reference data',
  'home.entryCount': 'entries',
  'home.countLoading': 'loading',
  'home.countUnavailable': 'not available',

  'reference.title': 'Reference data',
  'reference.intro':
    'The classifications and lists that budget line items refer to. Names are shown in the chosen language.',
  'reference.tabsLabel': 'Reference lists',
  'tab.institutions': 'Institutions',
  'tab.ekkCodes': 'EKK codes',
  'tab.goals': 'Goals and action directions',
  'tab.ictServices': 'ICT services',
  'tab.informationSystems': 'Information systems',
  'tab.benchmarks': 'Benchmarks',

  'common.yes': 'Yes',
  'common.no': 'No',
  'common.code': 'Code',
  'common.name': 'Name',
  'common.status': 'Status',
  'common.active': 'Active',
  'common.inactive': 'Inactive',

  'state.loading': 'Loading…',
  'state.empty': 'The list is empty.',

  'error.heading': 'The data could not be loaded',
  'error.retry': 'Try again',
  'error.network': 'The server cannot be reached. Check the connection and try again.',
  'error.invalidResponse': 'The server answered in an unexpected form. Please report this to the IT Centre.',
  'error.http': 'The server answered with an error.',
  'error.unexpected': 'An unexpected error occurred.',
  'error.statusCode': 'Status code: {status}',
  'error.problems': 'Problems found',
  'error.technical': 'Technical details',

  'institutions.caption': 'Municipal institutions',
  'institutions.itc': 'IT Centre (ITC)',

  'ekk.caption': 'Economic classification codes (EKK)',
  'ekk.hint': 'Budget line items use only codes marked as usable. Group codes sum up the levels below them.',
  'ekk.level': 'Level',
  'ekk.use': 'Use',
  'ekk.selectable': 'Usable on line items',
  'ekk.groupOnly': 'Group only',
  'ekk.inUse': 'In use',
  'ekk.retired': 'Retired',

  'goals.caption': 'ICT development goals',
  'goals.goal': 'Goal',
  'goals.actionDirections': 'Action directions',
  'actionDirections.caption': 'Action directions',
  'actionDirections.goals': 'Goals',

  'ictServices.caption': 'ICT services',

  'informationSystems.caption': 'Information systems',
  'informationSystems.function': 'Function',
  'informationSystems.kind': 'Kind',

  'benchmarks.caption': 'ICT indicators compared with peer organisations',
  'benchmarks.indicator': 'Indicator',
  'benchmarks.riga2015': 'Riga, 2015',
  'benchmarks.peerAverage': 'Peer average',
  'benchmarks.unit': 'Unit',
  'benchmarks.source': 'Source',
  'benchmarks.noFigure': 'no figure',
  'benchmark.indicator.users_per_it_staff': 'Users per IT staff member',
  'benchmark.unit.users_per_it_staff': 'users per IT staff member',
  'benchmark.indicator.ict_central_budget_share': 'Central ICT budget share',
  'benchmark.unit.ict_central_budget_share': '% of total organisation budget',
  'benchmark.indicator.ict_cost_per_user': 'ICT cost per user',
  'benchmark.unit.ict_cost_per_user': 'EUR per user',
  'benchmark.indicator.ict_cost_per_computer': 'ICT cost per computer',
  'benchmark.unit.ict_cost_per_computer': 'EUR per computer',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no such page. Check the address or go back to the home page.',
  'notFound.home': 'Go to the home page',
  'routeError.title': 'Something went wrong on this page',
  'routeError.text': 'Reload the page. If the error comes back, please report it to the IT Centre.',
  'routeError.reload': 'Reload the page',
};
