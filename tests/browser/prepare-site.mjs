// Lays out target/browser-site/app, the site every browser test runs on: made by `adal site` alone from
// the demo's raw files (`adal demo --seed 42`, data/demo/publisher.toml, as scripts/make-demo-bundle makes
// the committed bundle) with the app's files of dist/ — so that the whole suite runs on what a publisher's
// one command writes — then the thin demo bundle beside it and fixture bundles, each broken in one way,
// added to its datasets.json allow-list as `fixtures-<case>`. The demo bundle stays the default.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';

const root = 'target/browser-site';
const app = `${root}/app`;
fs.rmSync(root, { recursive: true, force: true });
/** Runs adal; returns what it printed (both streams: site.spec.ts looks for personal data in them). */
const adal = (...args) => {
  const r = spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'adal-cli', '--', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`adal ${args[0]} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout + r.stderr;
};
const demoRaw = `${root}/demo-raw`;
adal('demo', '--seed', '42', '--until', '2026-11-27', '--out', demoRaw);
adal('site', '--audits', `${demoRaw}/audits.csv`, '--complaints', `${demoRaw}/complaints.csv`, '--findings', `${demoRaw}/findings.csv`,
  '--config', 'data/demo/publisher.toml', '--generated-at', '2026-11-27', '--out', app, '--app', 'dist');
// The same bundle as the committed one, byte for byte: the figures the tests expect are the site's.
for (const file of ['manifest.json', 'audits.json', 'audits-detail.json', 'complaints.json', 'complaints-detail.json', 'outcomes.json']) {
  if (!fs.readFileSync(`${app}/data/${file}`).equals(fs.readFileSync(`public/data/${file}`))) {
    throw new Error(`prepare-site: adal site wrote another ${file} than public/data's: run scripts/make-demo-bundle`);
  }
}
// Beside it, what the build adds to a site: the thin demo bundle and its listing, the schemas.
fs.cpSync('dist/data/thin', `${app}/data/thin`, { recursive: true });
fs.cpSync('dist/schema', `${app}/schema`, { recursive: true });
fs.copyFileSync('dist/data/datasets.json', `${app}/data/datasets.json`);
const data = `${app}/data`;
const read = (name) => fs.readFileSync(`${data}/${name}`);
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

const index = JSON.parse(read('datasets.json'));

/** Writes fixture `id`; `edit(files, manifest)` changes the bytes or the manifest. Checksums in the manifest
 *  are then recomputed, so that only the intended fault remains, unless `edit` returns { keepChecksums }. */
function fixture(id, edit) {
  const dir = `${data}/fixtures/${id}`;
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    'audits.json': read('audits.json'),
    'audits-detail.json': read('audits-detail.json'),
    'complaints.json': read('complaints.json'),
    'complaints-detail.json': read('complaints-detail.json'),
    'outcomes.json': read('outcomes.json'),
  };
  const manifest = JSON.parse(read('manifest.json'));
  const options = edit(files, manifest) ?? {};
  if (!options.keepChecksums) {
    for (const entry of manifest.files) {
      const bytes = files[entry.path];
      if (bytes) {
        entry.bytes = bytes.length;
        entry.sha256 = sha256(bytes);
      }
    }
  }
  fs.writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifest, null, 2));
  for (const [name, bytes] of Object.entries(files)) {
    if (bytes !== null) fs.writeFileSync(`${dir}/${name}`, bytes);
  }
  index.datasets.push({ id: `fixtures-${id}`, path: `fixtures/${id}/` });
}

const json = (bytes) => JSON.parse(bytes.toString('utf8'));
const bytes = (value) => Buffer.from(JSON.stringify(value));

fixture('invalid-json', (files) => {
  files['audits.json'] = files['audits.json'].subarray(0, 5000);
});
fixture('bad-version', (_files, manifest) => {
  manifest.schema_version = 4;
});
// A bundle of the first contract version: refused with a word to its publisher.
fixture('old-version', (_files, manifest) => {
  manifest.schema_version = 1;
});
fixture('bad-checksum', (files) => {
  const audits = json(files['audits.json']);
  audits.columns.visits[0] += 1;
  files['audits.json'] = bytes(audits);
  return { keepChecksums: true };
});
fixture('unequal-columns', (files) => {
  const audits = json(files['audits.json']);
  audits.columns.waits.pop();
  files['audits.json'] = bytes(audits);
});
fixture('unknown-region', (files) => {
  const complaints = json(files['complaints.json']);
  complaints.totals.columns.region[0] = 'KZ-99';
  files['complaints.json'] = bytes(complaints);
});
// A unit code that does not exist in the complaints' cells by category (not in their totals): the first
// view does not fetch those cells, so it opens; the unit's page, which does, says why not.
fixture('bad-categories', (files) => {
  const cells = json(files['complaints-detail.json']);
  cells.columns.region[0] = 'KZ-99';
  files['complaints-detail.json'] = bytes(cells);
});
// The cells by service and channel with one visit more than the unit totals (its checksum made to fit):
// a view by service says the files do not add up, and the first view is untouched.
fixture('bad-detail', (files) => {
  const detail = json(files['audits-detail.json']);
  detail.columns.visits[0] += 1;
  files['audits-detail.json'] = bytes(detail);
});
fixture('http-error', (files) => {
  files['audits.json'] = null; // listed in the manifest, absent on the server: 404
});
fixture('markup-in-data', (_files, manifest) => {
  for (const lang of ['kk', 'ru', 'en']) {
    manifest.title[lang] = '<img src=x onerror="window.__owned=1">Title <b>bold</b>';
  }
  manifest.publisher.name.en = '<script>window.__owned=2</script>Publisher';
});

// A newer version published after embeds were made: `pinned` is now version 2026-12 (in which no visit
// reports an informal payment), and keeps version 2026-11 (the demo bundle) for links pinned to it.
fixture('pinned-2026-12', (files, manifest) => {
  const audits = json(files['audits.json']);
  audits.columns.informal_payment_yes = audits.columns.informal_payment_yes.map(() => 0);
  files['audits.json'] = bytes(audits);
  const detail = json(files['audits-detail.json']);
  detail.columns.informal_payment_yes = detail.columns.informal_payment_yes.map(() => 0);
  files['audits-detail.json'] = bytes(detail);
  manifest.dataset.id = 'pinned';
  manifest.dataset.version = '2026-12';
});
Object.assign(index.datasets.at(-1), { id: 'pinned', versions: [{ version: '2026-11', path: '' }] });

// A version kept from before contract 3 (every visit, schema_version 2): the demo bundle as the previous
// release published it, from the same raw files. A link pinned to it must show the same figures.
fs.cpSync('tests/fixtures/contract-2/demo', `${data}/fixtures/contract-2`, { recursive: true });
index.datasets.push({ id: 'kept', path: 'fixtures/contract-2/' });

// The 100,000-visit bundle of the benchmark, when scripts/test has made it.
if (fs.existsSync('target/bench-bundle/manifest.json')) {
  fs.cpSync('target/bench-bundle', `${data}/fixtures/bench-100k`, { recursive: true });
  index.datasets.push({ id: 'fixtures-bench-100k', path: 'fixtures/bench-100k/' });
}

fs.writeFileSync(`${data}/datasets.json`, JSON.stringify(index, null, 2));

// A pre-rendered page left from an older version of the bundle (a host that re-published the data but
// kept an old page): the app must draw it again from the bundle it finds.
const stale = `${app}/en/method/index.html`;
fs.writeFileSync(stale, fs.readFileSync(stale, 'utf8').replace(/data-pin="[^"]*"/, 'data-pin="demo@2020-01"'));
console.log(`prepare-site: ${index.datasets.length} datasets in ${app}`);

// Two builds of the site for the re-deploy test (deploys.spec.ts): A is dist/ as built; B is A as the next
// build would differ from it, every file named by its content (a hash of up to 16 hex digits in its name:
// Trunk writes its u64 without leading zeros) changed in
// content and so in name (files that share a hash, as Trunk's app JS and wasm do, share the new one), and
// every reference to it in the pages and the worker's loader renamed with it.
// The data keep their names. deploys.spec.ts copies A, then B, into target/browser-site/deploy/.
const builds = `${root}/builds`;
fs.cpSync('dist', `${builds}/A`, { recursive: true });
fs.cpSync('dist', `${builds}/B`, { recursive: true });
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]);
const renamed = new Map();
for (const file of walk(`${builds}/B`)) {
  const hash = file.match(/-([0-9a-f]{12,16})(?=[._])/)?.[1];
  if (!hash || file.includes('/data/')) continue;
  let bytes = fs.readFileSync(file);
  // wasm: a custom section at the end (valid wasm, other bytes); JS and CSS: a comment.
  const tail = file.endsWith('.wasm')
    ? Buffer.from([0, 7, 5, ...Buffer.from('build'), 0x42])
    : Buffer.from('\n/* build B */\n');
  bytes = Buffer.concat([bytes, tail]);
  if (!renamed.has(hash)) renamed.set(hash, sha256(`${hash} in build B`).slice(0, 16));
  const next = renamed.get(hash);
  fs.writeFileSync(file, bytes);
  fs.renameSync(file, file.replace(hash, next));
}
for (const file of walk(`${builds}/B`)) {
  if (!/(\.html|_loader\.js)$/.test(file)) continue;
  let text = fs.readFileSync(file, 'utf8');
  for (const [from, to] of renamed) text = text.replaceAll(from, to);
  fs.writeFileSync(file, text);
}
console.log(`prepare-site: builds A and B (${renamed.size} hashes renamed) in ${builds}`);

// A group's own atlas, made by `adal site` alone from raw files it has never seen (site.spec.ts): a thin
// programme with a few bad rows, published once up to September 2026 and again, over the same folder,
// with newer files up to November: the first version stays for the links pinned to it.
const own = `${root}/own`;
const raw = `${root}/own-raw`;
fs.mkdirSync(raw, { recursive: true });
const config = `${raw}/atlas.toml`;
adal('site', '--init', config);
fs.writeFileSync(`${raw}/logo.svg`, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#0b4f6c"/><text x="60" y="26" font-size="18" text-anchor="middle" fill="#fff">OW</text></svg>');
fs.writeFileSync(config, fs.readFileSync(config, 'utf8')
  .replace('id = "my-programme"', 'id = "oblast-watch"')
  .replace('url = "https://example.org/"\n', 'url = "https://example.org/"\ncontact = "audit@oblast-watch.kz"\n')
  .replace('[site]\n', '[site]\nlogo = "logo.svg"\n')
  .replace('name = { kk = "Біздің қоғамдық бірлестік", ru = "Наше общественное объединение", en = "Our civic association" }',
    'name = { kk = "Облыс бақылауы", ru = "Наблюдение за областью", en = "Oblast Watch" }')
  + '\n[[reporting_channels]]\nid = "our_hotline"\nlabel = { kk = "Біздің желі", ru = "Наша линия", en = "Our hotline" }\n'
  + 'description = { kk = "Жұмыс күндері", ru = "По будням", en = "On weekdays" }\nphone = "+7 700 000 00 00"\n');
for (const [run, seed, until] of [['1', '21', '2026-09-30'], ['2', '22', '2026-11-30']]) {
  adal('demo', '--profile', 'thin', '--seed', seed, '--until', until, '--out', `${raw}/${run}`);
  // Bad rows: a date that is no date, and a region that is no unit (their other fields stay personal).
  const audits = `${raw}/${run}/audits.csv`;
  const lines = fs.readFileSync(audits, 'utf8').split('\n');
  lines[3] = lines[3].replace(/,20\d\d-\d\d-\d\d,/, ',31.02.2026,');
  lines[4] = lines[4].replace(/,KZ-\d\d,/, ',KZ-99,');
  fs.writeFileSync(audits, lines.join('\n'));
  const summary = adal('site', '--audits', audits, '--complaints', `${raw}/${run}/complaints.csv`, '--config', config,
    '--out', own, '--app', 'dist', '--skip-invalid', '--generated-at', until, '--lang', 'ru');
  fs.writeFileSync(`${raw}/${run}/summary.txt`, summary);
}
console.log(`prepare-site: ${own}, two versions published by adal site`);
