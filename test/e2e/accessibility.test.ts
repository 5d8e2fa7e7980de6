import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/browser';
import { browserSuite } from './support/suite';
import { itemGrid, pasteText } from './support/workspace';

/**
 * axe (WCAG 2.0/2.1 A and AA) on every page each role works with, with its dialogs, side panel,
 * error messages and previews open. Every finding is reported (expect.soft), not just the first.
 */
const e2e = browserSuite();
/** Ids of the open cycle's sub-programmes the pages below show. */
const ids: Record<string, number> = {};
let openCycleId: number;
let closedCycleId: number;

beforeAll(async () => {
  // The scene: APC submitted (for ITC's review), IKSD.02 returned with a comment (the lead's
  // return notice), and IKSD.01 with an item whose defence is still missing (submit problems).
  const itc = await e2e.api('itc.finance@riga.example');
  const apc = await e2e.api('lead.apc@riga.example');
  const iksd = await e2e.api('lead.iksd@riga.example');
  try {
    openCycleId = (await itc.cycle(2027)).id;
    closedCycleId = (await itc.cycle(2026)).id;
    for (const code of ['IKT.APC.01', 'IKT.IKSD.01', 'IKT.IKSD.02', 'IKT.ITC.01']) {
      ids[code] = (await itc.subProgramme(2027, code)).id;
    }
    await apc.post(`/api/sub-programmes/${ids['IKT.APC.01']}/submit`);
    await iksd.post(`/api/sub-programmes/${ids['IKT.IKSD.02']}/submit`);
    const [returned] = await iksd.lineItems(ids['IKT.IKSD.02']!);
    await itc.post(`/api/line-items/${returned!.id}/review`, {
      decision: 'return',
      comment: 'Lūdzu precizējiet licenču skaitu aprēķina pamatojumā.',
    });
    await iksd.post(`/api/line-items/${returned!.id}/comments`, { body: 'Precizēsim līdz piektdienai.' });
    await itc.post(`/api/sub-programmes/${ids['IKT.IKSD.02']}/return`, { comment: 'Skatiet pozīcijas komentāru.' });
    await iksd.post(`/api/sub-programmes/${ids['IKT.IKSD.01']}/line-items`, {
      title: 'Skolu tīkla drošības audits',
      ekkCode: '2259',
      costNature: 'development',
      priority: 'medium',
      amounts: { '2027': '15000.00' },
    });
  } finally {
    await Promise.all([itc.dispose(), apc.dispose(), iksd.dispose()]);
  }
});

/** Waits until the page has its data: the first heading is there and nothing says "Ielādē…". */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByText('Ielādē…').first().waitFor({ state: 'detached' });
}

/** Runs axe on the page as it is now; every violation is reported under `what`. */
async function check(page: Page, what: string): Promise<void> {
  await settled(page);
  expect.soft(await accessibilityViolations(page), what).toEqual([]);
}

async function visit(page: Page, url: string, what: string): Promise<void> {
  await page.goto(url);
  await check(page, what);
}

/** Opens a dialog with the button, checks the page with it open, and closes it with Esc. */
async function withDialog(page: Page, opener: Locator, title: string | RegExp, what: string): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await check(page, what);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Galvenā navigācija' });

// Dozens of axe runs per role; on a busy machine one takes several seconds.
describe('accessibility (axe, WCAG 2.1 AA) of every page, for every role', { timeout: 360_000 }, () => {
  it('the sign-in page, also with its error summary', async () => {
    const { page, context } = await e2e.openWindow();
    try {
      await visit(page, '/login', 'sign-in page');
      await page.getByRole('button', { name: 'Pieteikties' }).click();
      await page.getByRole('heading', { name: 'Pārbaudiet ievadīto' }).waitFor();
      await check(page, 'sign-in page with missing fields');
      await page.getByLabel('E-pasts').fill('lead.iksd@riga.example');
      await page.getByLabel('Parole').fill('not the password');
      await page.getByRole('button', { name: 'Pieteikties' }).click();
      await page.getByRole('heading', { name: 'Pieteikties neizdevās' }).waitFor();
      await check(page, 'sign-in page after a wrong password');

      // axe really sees the page: an image without a text alternative is reported.
      await page.locator('main').evaluate((main) => main.append(main.ownerDocument.createElement('img')));
      expect((await accessibilityViolations(page)).join('\n')).toMatch(/^image-alt /);
    } finally {
      await context.close();
    }
  });

  it('institution lead', async () => {
    await e2e.asUser('lead.iksd@riga.example', async (page) => {
      await check(page, 'lead: home');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Jauna apakšprogramma' }),
        'Jauna apakšprogramma',
        'lead: home, new sub-programme dialog',
      );

      await visit(page, `/sub-programmes/${ids['IKT.IKSD.01']}`, 'lead: workspace');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Pievienot pozīciju' }),
        'Jauna pozīcija',
        'lead: add item dialog',
      );
      // The add dialog with its error messages showing.
      await page.getByRole('button', { name: 'Pievienot pozīciju' }).click();
      const add = page.getByRole('dialog', { name: 'Jauna pozīcija' });
      await add.getByLabel('2027. gada summa').fill('1,234');
      // Leaving the field shows its error first (clicking at once would miss the button it moves).
      await page.keyboard.press('Tab');
      await add.getByText('Nav skaidrs', { exact: false }).waitFor();
      await add.getByRole('button', { name: 'Pievienot pozīciju' }).click();
      await add.getByText('Ievadiet pozīcijas nosaukumu.').waitFor();
      await check(page, 'lead: add item dialog with errors');
      await page.keyboard.press('Escape');

      // A paste from Excel with a good row and a bad one: the preview lists the problems.
      await itemGrid(page).locator('[tabindex="0"]').focus();
      await pasteText(
        page,
        'Tīkla komutatori\t2259\tUzturēšana\tAugsta\t1 200,00\t0\t0\nBez EKK\t\tNezināms\tAugsta\tabc\t0\t0',
      );
      const paste = page.getByRole('dialog', { name: 'Ielīmēt rindas no Excel' });
      await paste.getByRole('table', { name: 'Priekšskatījums' }).waitFor();
      await check(page, 'lead: paste preview with a row in error');
      await page.keyboard.press('Escape');
      await paste.waitFor({ state: 'hidden' });

      // The grid while a cell is edited, and with a value it cannot read.
      await itemGrid(page).locator('[tabindex="0"]').focus();
      await page.keyboard.press('End');
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('F2');
      await check(page, 'lead: grid with a cell in edit');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12,345');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'Nav skaidrs' }).waitFor();
      await check(page, 'lead: grid with an amount it cannot read');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }).click();
      await page.getByRole('heading', { name: /^Iesniegt vēl nevar/ }).waitFor();
      await check(page, 'lead: workspace with the submit problems');

      await page.getByRole('button', { name: 'Atvērt pozīciju “Skolu tīkla drošības audits”' }).click();
      const panel = page.getByRole('region', { name: 'Skolu tīkla drošības audits' });
      await panel.getByLabel('Biznesa vajadzība').fill('Skolu tīkla aizsardzība pret uzbrukumiem.');
      await check(page, 'lead: item panel, defence with unsaved changes');
      for (const tab of ['Komentāri', 'Vēsture']) {
        await panel.getByRole('tab', { name: tab }).click();
        await check(page, `lead: item panel, ${tab}`);
      }
      await withDialog(page, panel.getByRole('button', { name: 'Dzēst pozīciju' }), 'Dzēst pozīciju?', 'lead: delete');

      await page.goto(`/sub-programmes/${ids['IKT.IKSD.02']}`);
      await page.getByRole('heading', { name: 'ITC atgrieza apakšprogrammu labošanai' }).waitFor();
      await check(page, 'lead: returned sub-programme with the return notice');
      await page
        .getByRole('region', { name: 'ITC atgrieza apakšprogrammu labošanai' })
        .getByRole('link', { name: 'Bibliotēku IS licences' })
        .click();
      await page.getByRole('region', { name: 'Bibliotēku IS licences' }).getByText('Precizēsim līdz').waitFor();
      await check(page, 'lead: returned item opened at its comments');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Pārbaudīt un iesniegt' }),
        'Iesniegt apakšprogrammu?',
        'lead: submit summary',
      );

      await visit(page, `/sub-programmes/${ids['IKT.IKSD.02']}/changes`, 'lead: changes since submission');
      await nav(page).getByRole('link', { name: 'Konsolidācija' }).click();
      await check(page, 'lead: consolidation, its own institution');
      await page.getByRole('link', { name: 'Iestādes × EKK' }).click();
      await check(page, 'lead: institution × EKK, its own institution');

      await visit(page, '/reference', 'lead: reference data');
      await e2e.asUser('lead.apc@riga.example', async (apc) => {
        await visit(apc, `/sub-programmes/${ids['IKT.APC.01']}`, 'lead: submitted workspace');
        await withDialog(
          apc,
          apc.getByRole('button', { name: 'Atsaukt iesniegšanu' }),
          'Atsaukt iesniegšanu?',
          'lead: withdraw dialog',
        );
      });
      await page.goto(`/sub-programmes/${ids['IKT.APC.01']}`);
      await page.getByRole('heading', { name: 'Lapa nav atrasta' }).waitFor();
      await check(page, "lead: another institution's sub-programme (not found)");
    });
  });

  it('ITC finance', async () => {
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await check(page, 'itc: home with the institutions’ progress');
      await withDialog(
        page,
        page.getByRole('region', { name: /^IKT budžets 2027/ }).getByRole('button', { name: 'Uz: Izskatīšanā' }),
        'Mainīt cikla statusu?',
        'itc: home, cycle transition',
      );
      await nav(page).getByRole('link', { name: 'Izskatīšana' }).click();
      await check(page, 'itc: review queue');

      await visit(page, `/review/${ids['IKT.APC.01']}`, 'itc: review of a submitted sub-programme');
      await page.locator('summary').first().click();
      await check(page, 'itc: review with a defence opened');
      await withDialog(
        page,
        page.getByRole('button', { name: /^Atgriezt KAVIS/ }),
        /^Atgriezt pozīciju/,
        'itc: return item dialog',
      );
      await page.getByRole('button', { name: 'Atgriezt apakšprogrammu' }).click();
      await page.getByText('Atgriežot uzrakstiet, kas jālabo.').waitFor();
      await check(page, 'itc: sub-programme decision without the comment it needs');
      await page.getByLabel('Komentārs iestādei').fill('Lūdzu papildiniet aizstāvību.');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Atgriezt apakšprogrammu' }),
        'Atgriezt apakšprogrammu IKT.APC.01?',
        'itc: return sub-programme summary',
      );
      await visit(page, `/review/${ids['IKT.IKSD.02']}`, 'itc: review with the item threads');

      await visit(page, `/sub-programmes/${ids['IKT.APC.01']}`, 'itc: submitted workspace');
      await page.getByRole('button', { name: /^Atvērt pozīciju “KAVIS/ }).click();
      await page.getByRole('tab', { name: 'Izskatīšana' }).click();
      await check(page, 'itc: item panel, review tab');

      await visit(page, `/sub-programmes/${ids['IKT.ITC.01']}`, 'itc: central sub-programme');
      await withDialog(page, page.getByRole('button', { name: 'Ielīmēt no Excel' }), /^Ielīmēt rindas/, 'itc: paste');

      for (const by of ['institution', 'ekk', 'goal']) {
        await visit(page, `/consolidation?cycle=${openCycleId}&by=${by}`, `itc: consolidation by ${by}`);
      }

      await visit(page, `/consolidation/cross?cycle=${openCycleId}`, 'itc: institution × EKK');
      await page.getByLabel('EKK līmenis').selectOption('4');
      await page.locator('.cross-table thead').getByText('2251').waitFor();
      await check(page, 'itc: institution × EKK, level 4');

      await nav(page).getByRole('link', { name: 'Audita žurnāls' }).click();
      await check(page, 'itc: audit log');
      await page.getByLabel('Darbība').selectOption({ label: 'Apakšprogramma iesniegta' });
      await page.getByRole('button', { name: 'Atlasīt' }).click();
      await check(page, 'itc: audit log filtered by action');

      await nav(page).getByRole('link', { name: 'Samazinājuma scenāriji' }).click();
      await check(page, 'itc: scenarios');
      await page.getByLabel('Samazināt par (%)').fill('5');
      await page.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();
      await page.getByRole('heading', { name: 'Metožu salīdzinājums' }).waitFor();
      await check(page, 'itc: scenario comparison');
      await page.getByRole('radio', { name: 'Summa eiro' }).check();
      await page.getByLabel('Samazināt par (EUR)').fill('abc');
      await page.getByRole('button', { name: 'Aprēķināt abas metodes' }).click();
      await page.getByText('Summu nevar nolasīt.', { exact: false }).first().waitFor();
      await check(page, 'itc: scenario form with an amount it cannot read');

      await nav(page).getByRole('link', { name: 'Rādītāji' }).click();
      await check(page, 'itc: indicators with their inputs');

      await nav(page).getByRole('link', { name: 'Administrēšana' }).click();
      await check(page, 'itc: admin, cycles');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Jauns budžeta cikls' }),
        'Jauns budžeta cikls',
        'itc: new cycle',
      );
      await withDialog(
        page,
        page.getByRole('button', { name: /^Labot — IKT budžets 2027/ }),
        'Labot ciklu',
        'itc: edit cycle',
      );
      await withDialog(
        page,
        page.getByRole('button', { name: /^Uz: Izskatīšanā — IKT budžets 2027/ }),
        'Mainīt cikla statusu?',
        'itc: cycle transition',
      );
    });
  });

  it('administrator', async () => {
    await e2e.asUser('admin@riga.example', async (page) => {
      await check(page, 'admin: home');
      await nav(page).getByRole('link', { name: 'Administrēšana' }).click();
      await check(page, 'admin: cycles');
      const dialogs: [tab: string, button: string, title: string][] = [
        ['Lietotāji', 'Jauns lietotājs', 'Jauns lietotājs'],
        ['Iestādes', 'Jauna iestāde', 'Jauna iestāde'],
        ['EKK kodi', 'Jauns EKK kods', 'Jauns EKK kods'],
        ['IKT pakalpojumi', 'Jauns IKT pakalpojums', 'Jauns IKT pakalpojums'],
        ['Informācijas sistēmas', 'Jauna informācijas sistēma', 'Jauna informācijas sistēma'],
        ['TBM izmaksu grupas', 'Jauna TBM izmaksu grupa', 'Jauna TBM izmaksu grupa'],
        ['TBM tehnoloģiju torņi', 'Jauns TBM tornis', 'Jauns TBM tornis'],
      ];
      for (const [tab, button, title] of dialogs) {
        await page.getByRole('tab', { name: tab }).click();
        await check(page, `admin: ${tab}`);
        await withDialog(page, page.getByRole('button', { name: button }), title, `admin: ${title}`);
      }
      await page.getByRole('tab', { name: 'Lietotāji' }).click();
      await withDialog(
        page,
        page.getByRole('button', { name: 'Labot ITC finanšu speciāliste' }),
        /^Labot lietotāju/,
        'admin: edit user',
      );
      await page.getByRole('tab', { name: 'Budžeta cikli' }).click();
      await withDialog(
        page,
        page.getByRole('button', { name: /^Uz: Atvērts/ }),
        'Mainīt cikla statusu?',
        'admin: reopen',
      );

      await nav(page).getByRole('link', { name: 'Audita žurnāls' }).click();
      await check(page, 'admin: audit log');
      await page.getByRole('button', { name: 'Tikai ITC finanšu speciāliste' }).first().click();
      await page.getByText('Lietotājs: ITC finanšu speciāliste').waitFor();
      await check(page, 'admin: audit log of one user');

      await visit(page, '/consolidation', 'admin: consolidation');
      await visit(page, '/scenarios', 'admin: scenarios');
      await visit(page, '/indicators', 'admin: indicators');
      for (const tab of [
        'institutions',
        'ekk-codes',
        'goals',
        'ict-services',
        'information-systems',
        'tbm-cost-pools',
        'tbm-towers',
        'benchmarks',
      ]) {
        await visit(page, `/reference?tab=${tab}`, `admin: reference, ${tab}`);
      }
    });
  });

  it('ICT development council, with the cycle in review', async () => {
    const itc = await e2e.api('itc.finance@riga.example');
    await itc.post(`/api/cycles/${openCycleId}/transition`, { to: 'review' });
    await itc.dispose();

    await e2e.asUser('council@riga.example', async (page) => {
      await check(page, 'council: home');
      await nav(page).getByRole('link', { name: 'Apstiprināšana' }).click();
      await check(page, 'council: decision page, cycle in review');
      await withDialog(
        page,
        page.getByRole('button', { name: /^Pieņemt padomei/ }).first(),
        'Pieņemt scenāriju?',
        'council: decision page, adopt scenario',
      );

      await visit(page, `/consolidation?cycle=${openCycleId}`, 'council: consolidation');
      await nav(page).getByRole('link', { name: 'Samazinājuma scenāriji' }).click();
      await page
        .getByRole('button', { name: /^Salīdzināt abas metodes/ })
        .first()
        .click();
      await page.getByRole('heading', { name: 'Metožu salīdzinājums' }).waitFor();
      await check(page, 'council: scenario comparison');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Pieņemt padomei' }).first(),
        'Pieņemt scenāriju?',
        'council: adopt scenario',
      );
      await nav(page).getByRole('link', { name: 'Rādītāji' }).click();
      await check(page, 'council: indicators');

      await visit(page, `/sub-programmes/${ids['IKT.APC.01']}`, 'council: a sub-programme, read only');
      await page.getByRole('button', { name: /^Atvērt pozīciju “KAVIS/ }).click();
      await page.getByRole('tab', { name: 'Komentāri' }).click();
      await check(page, 'council: item panel with the comment form');

      // An item changes: every scenario computed before is stale, and says why it cannot be adopted.
      const reviewer = await e2e.api('itc.finance@riga.example');
      const [item] = await reviewer.lineItems(ids['IKT.APC.01']!);
      await reviewer.post(`/api/line-items/${item!.id}/review`, { decision: 'accept' });
      await reviewer.dispose();
      await page.goto(`/decision?cycle=${openCycleId}`);
      await page
        .getByRole('button', { name: /^Pārrēķināt/ })
        .first()
        .waitFor();
      await check(page, 'council: decision page with stale scenarios');
    });
  });

  it('ITC finance, moving the cycle in review on with sub-programmes not accepted', async () => {
    await e2e.asUser('itc.finance@riga.example', async (page) => {
      await nav(page).getByRole('link', { name: 'Administrēšana' }).click();
      await page.getByRole('button', { name: /^Uz: Konsolidēts — IKT budžets 2027/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Mainīt cikla statusu?' });
      await dialog.getByRole('table', { name: /^Nav pieņemtas/ }).waitFor();
      await check(page, 'itc: transition with the sub-programmes not accepted');
      await dialog.getByRole('button', { name: 'Jā, mainīt' }).click();
      await dialog.getByText('Norādiet iemeslu', { exact: false }).first().waitFor();
      await check(page, 'itc: transition without the reason it needs');
      await page.keyboard.press('Escape');
    });
  });

  it('Finance Department', async () => {
    await e2e.asUser('fd@riga.example', async (page) => {
      await check(page, 'finance viewer: home');
      await visit(page, `/consolidation?cycle=${closedCycleId}&by=ekk`, 'finance viewer: consolidation 2026');
      await visit(page, `/consolidation?cycle=${openCycleId}`, 'finance viewer: consolidation 2027 in review');
      await visit(page, `/consolidation/cross?cycle=${closedCycleId}`, 'finance viewer: institution × EKK 2026');
      await visit(page, '/scenarios', 'finance viewer: scenarios');
      await visit(page, '/indicators', 'finance viewer: indicators');
      await visit(page, '/reference', 'finance viewer: reference data');
      await visit(page, '/nowhere', 'finance viewer: page not found');
    });
  });

  it('ICT development council, approving a consolidated cycle', async () => {
    // A cycle of its own with nothing in it, so nothing stands in the way of consolidating it.
    const itc = await e2e.api('itc.finance@riga.example');
    const cycle = (await itc.post('/api/cycles', { year: 2031, title: 'IKT budžets 2031–2033' })) as { id: number };
    for (const to of ['open', 'review', 'consolidated']) await itc.post(`/api/cycles/${cycle.id}/transition`, { to });
    await itc.dispose();

    await e2e.asUser('council@riga.example', async (page) => {
      await visit(page, `/decision?cycle=${cycle.id}`, 'council: decision page, consolidated cycle');
      await withDialog(
        page,
        page.getByRole('button', { name: 'Apstiprināt budžetu' }),
        'Apstiprināt budžetu?',
        'council: approve dialog',
      );
      await visit(page, '/', 'council: home with the way to approval');
      await page.getByRole('link', { name: 'Uz budžeta apstiprināšanu' }).waitFor();
    });
  });
});
