import { expect, test } from './support';

// Journey templates, the structure editor and deleting a workshop (P-TPL-2, P-HTTP-8, P-DEL-2).

test('P-TPL-2 a facilitator creates a workshop from a template and sees its phases, lanes and questions', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const page = sander.page;
  await page.goto('/');
  await page.getByLabel('Naam van de workshop').fill('Training meldingen');
  await page.locator('input[name="createName"]').fill('Sander');
  await page.getByRole('radio', { name: 'Een sjabloon', exact: true }).check();
  await page.getByLabel('Sjabloon', { exact: true }).selectOption({ label: 'Melding openbare ruimte' });
  const preview = page.getByTestId('template-preview');
  await expect(preview).toContainText('Probleem zien');
  await expect(preview).toContainText('Hoort de inwoner niets meer');
  await page.getByRole('button', { name: 'Workshop maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Training meldingen' })).toBeVisible();

  await expect(page.locator('th.phase-header .phase-header__title')).toHaveText([
    'Probleem zien', 'Melden', 'Bevestiging', 'Afhandeling', 'Terugkoppeling',
  ]);
  await expect(page.locator('th.lane-header .lane-header__title')).toHaveText([
    'Contactmoment', 'Verwachting', 'Ervaring', 'Emotie', 'Knelpunt', 'Verbeteridee',
  ]);
  await expect(page.locator('tr[data-lane-id]').first().locator('.lane-header__question')).toHaveText(
    'Hoe meldt de inwoner het probleem? Via een app, de website, de telefoon of sociale media?',
  );
  await expect(page.locator('.journey-info')).toContainText('Melding openbare ruimte · Inwoner');
});

test('P-TPL-3 the facilitator saves the structure as a template file and starts a new workshop from it; bad files are refused', async ({ newUser }, testInfo) => {
  const sander = await newUser('Sander');
  await sander.createWorkshop('Bron');
  const page = sander.page;
  await page.getByRole('button', { name: 'Structuur' }).click();
  const editor = page.getByRole('dialog', { name: 'Structuur van de workshop' });
  await editor.getByRole('button', { name: 'Fase toevoegen' }).click();
  const phaseName = editor.getByLabel('Naam van fase 6');
  await phaseName.fill('Bezwaar maken');
  await phaseName.press('Tab');
  await expect(page.locator('th.phase-header').last()).toContainText('Bezwaar maken');
  const downloading = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Opslaan als sjabloon' }).click();
  const download = await downloading;
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  expect(download.suggestedFilename()).toMatch(/\.json$/);

  await page.goto('/');
  await page.getByLabel('Naam van de workshop').fill('Uit bestand');
  await page.locator('input[name="createName"]').fill('Sander');
  await page.getByRole('radio', { name: 'Een sjabloonbestand', exact: true }).check();
  const fileInput = page.getByLabel('Sjabloonbestand (.json)');
  const alert = page.locator('.source-picker').getByRole('alert');
  const create = page.getByRole('button', { name: 'Workshop maken' });

  // Not a template: said in plain words (the server's technical reason stays out), nothing is created.
  await fileInput.setInputFiles({ name: 'leeg.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion":1}') });
  await create.click();
  await expect(alert).toContainText('Dit bestand is geen goed sjabloon. Er is niets gemaakt.');
  await expect(page).not.toHaveURL(/#\/w\//);
  // Larger than the server's body limit (16 KiB): said as such (without the jargon), not as a generic error.
  const big = { formatVersion: 1, title: 'Te groot', journeys: [{ title: 'x'.repeat(20_000) }] };
  await fileInput.setInputFiles({ name: 'groot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await create.click();
  await expect(alert).toContainText('Dit sjabloonbestand is te groot. Er is niets gemaakt.');
  await expect(page).not.toHaveURL(/#\/w\//);

  await fileInput.setInputFiles(saved);
  await create.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uit bestand' })).toBeVisible();
  await expect(page.locator('th.phase-header').last()).toContainText('Bezwaar maken');
  await expect(page.locator('th.phase-header')).toHaveCount(6);
});

test('P-HTTP-11 the facilitator replaces a leaked key: the old link stops working, this browser keeps facilitating', async ({ newUser }) => {
  const sander = await newUser('Sander');
  await sander.createWorkshop('Sleutel vervangen');
  const page = sander.page;
  const oldUrl = page.url();
  await page.getByRole('button', { name: 'Structuur' }).click();
  const editor = page.getByRole('dialog', { name: 'Structuur van de workshop' });
  await editor.getByRole('button', { name: 'Nieuwe begeleiderssleutel' }).click();
  await expect(editor.getByRole('alertdialog')).toContainText('De oude begeleiderslink werkt daarna niet meer');
  await editor.getByRole('button', { name: 'Ja, nieuwe sleutel maken' }).click();
  await expect(page.getByText('Er is een nieuwe begeleiderssleutel.')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Nieuwe begeleiderssleutel' })).toBeFocused();
  // The address no longer shows a key (an address is how keys leak); the join code stays.
  await expect(page).not.toHaveURL(/key=/);
  await expect(page).toHaveURL(/\?code=/);
  await editor.getByRole('button', { name: 'Sluiten' }).click();

  // Whoever still has the old link is refused.
  const leak = await newUser('Lek');
  await leak.page.goto(oldUrl);
  await leak.page.getByLabel('Je naam').fill('Lek');
  await leak.page.getByRole('button', { name: 'Naar het bord' }).click();
  await expect(leak.page.getByText('De begeleiderslink klopt niet.')).toBeVisible();

  // This browser facilitates on, also after a reload: the address and its memory hold the new key.
  await page.reload();
  await sander.waitForBoard();
  await expect(page.getByRole('button', { name: 'Structuur' })).toBeVisible();
  await expect(page.getByTestId('bar-code')).toBeVisible(); // the join code, one click away
  await page.goto('/');
  await page.goto(oldUrl.replace(/\?.*$/, ''));
  await sander.waitForBoard();
  await expect(page.getByRole('button', { name: 'Exporteren' })).toBeVisible();
});

test('the facilitator adds a phase and a journey with a persona in the structure editor, and a participant sees it live', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Structuur');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);

  const page = sander.page;
  await page.getByRole('button', { name: 'Structuur' }).click();
  const editor = page.getByRole('dialog', { name: 'Structuur van de workshop' });
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Fase toevoegen' }).click();
  await expect(anna.page.locator('th.phase-header').last()).toContainText('Nieuwe fase');
  const phaseName = editor.getByLabel('Naam van fase 6');
  await phaseName.fill('Bezwaar');
  await phaseName.press('Tab');
  await expect(anna.page.locator('th.phase-header').last()).toContainText('Bezwaar');

  await editor.getByRole('button', { name: 'Klantreis toevoegen' }).click();
  await expect(anna.page.getByRole('button', { name: /Nieuwe klantreis/ })).toBeVisible();
  const second = editor.locator('section[data-journey-id]').nth(1);
  await second.getByLabel('Doelgroep').selectOption('persona');
  const personaName = second.getByLabel('Naam van de persona');
  await personaName.fill('Fatima');
  await personaName.press('Tab');
  const description = second.getByLabel('Korte beschrijving van de persona');
  await description.fill('Heeft een lunchroom in het centrum.');
  await description.press('Tab');
  await second.getByRole('button', { name: 'Fase toevoegen' }).click();
  await editor.getByRole('button', { name: 'Sluiten' }).click();

  await anna.page.getByRole('button', { name: /Nieuwe klantreis/ }).click();
  await expect(anna.page.locator('.journey-info')).toContainText('Persona: Fatima');
  await expect(anna.page.locator('.journey-info')).toContainText('Heeft een lunchroom in het centrum.');
  await expect(anna.page.locator('th.phase-header')).toHaveCount(1);
});

test('P-DEL-2 the facilitator deletes the workshop after confirming; the participant is told it is gone', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Weg ermee');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await anna.addCard('Oriënteren', 'Contactmoment', 'Persoonlijke gegevens');

  const page = sander.page;
  await page.getByRole('button', { name: 'Structuur' }).click();
  const editor = page.getByRole('dialog', { name: 'Structuur van de workshop' });
  await editor.getByRole('button', { name: 'Workshop verwijderen' }).click();
  // A confirm step: nothing is deleted yet, and "no" keeps it.
  await expect(editor.getByRole('button', { name: 'Nee, toch niet' })).toBeFocused();
  await editor.getByRole('button', { name: 'Nee, toch niet' }).click();
  await expect(anna.status).toHaveText('Verbonden');
  await editor.getByRole('button', { name: 'Workshop verwijderen' }).click();
  await editor.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();

  await expect(page).toHaveURL(/#\/$/);
  await expect(anna.page.getByRole('alert')).toContainText('Deze workshop bestaat niet (meer).');
  const lookup = await anna.page.request.get(`/api/join/${code}`);
  expect(lookup.status()).toBe(404);
});
