#!/usr/bin/env node
// Computes XIRR reference values with LibreOffice Calc itself.
//
//   node scripts/libreoffice-xirr.mjs [series.json] [--out results.json]
//
// series.json is a JSON list of { id, flows: [{ date: 'YYYY-MM-DD', amount }], libreofficeGuess? }
// (default: tests/fixtures/xirr-series.json). The script writes one flat ODS (.fods) sheet holding every
// series' flows and one =XIRR(values; dates[; guess]) formula per series, with no cached results, lets
// `soffice --headless --convert-to csv` recalculate it in a throw-away user profile, and reads the formula
// cells back in scientific format with 15 significant digits (LibreOffice displays no more than that).
// LibreOffice's XIRR is Newton's method from the guess (default 10%), then guesses -99%..+99%; series whose
// rate lies outside that reach (e.g. > 1000%) give Err:523 without a guess, so such fixture entries carry
// `libreofficeGuess`. A result LibreOffice cannot compute is reported as { rate: null, error }.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const esc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildFods(series) {
  const rows = [];
  let dataRow = series.length + 2; // data starts below the result rows
  const resultCells = series.map((s, i) => {
    if (!Array.isArray(s.flows) || s.flows.length === 0) throw new Error(`series ${s.id}: no flows`);
    const first = dataRow;
    const last = dataRow + s.flows.length - 1;
    dataRow = last + 1;
    const guess = s.libreofficeGuess === undefined ? '' : `;${Number(s.libreofficeGuess)}`;
    const formula = `of:=XIRR([.E${first}:.E${last}];[.D${first}:.D${last}]${guess})`;
    return `<table:table-row><table:table-cell office:value-type="string"><text:p>${esc(s.id ?? i)}</text:p></table:table-cell><table:table-cell table:style-name="ce1" table:formula="${esc(formula)}"/></table:table-row>`;
  });
  rows.push(...resultCells, '<table:table-row><table:table-cell/></table:table-row>');
  for (const s of series) {
    for (const f of s.flows) {
      if (!DATE.test(f.date) || !Number.isFinite(f.amount))
        throw new Error(`series ${s.id}: bad flow ${JSON.stringify(f)}`);
      rows.push(
        `<table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="date" office:date-value="${f.date}"/><table:table-cell office:value-type="float" office:value="${f.amount}"/></table:table-row>`,
      );
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:number-style style:name="N15"><number:scientific-number number:decimal-places="14" number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N15"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="xirr">
<table:table-column table:number-columns-repeated="5"/>
${rows.join('\n')}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

function parseCsvLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function libreOfficeVersion(soffice = 'soffice') {
  return execFileSync(soffice, ['--version'], { encoding: 'utf8' }).trim();
}

export function libreOfficeXirr(series, { soffice = 'soffice' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'funddesk-lo-xirr-'));
  try {
    const input = join(dir, 'xirr.fods');
    writeFileSync(input, buildFods(series));
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        dir,
        input,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
    );
    const lines = readFileSync(join(dir, 'xirr.csv'), 'utf8').split(/\r?\n/);
    return series.map((s, i) => {
      const [id, raw = ''] = parseCsvLine(lines[i] ?? '');
      if (id !== String(s.id ?? i)) throw new Error(`row ${i + 1}: expected id ${s.id}, got ${id}`);
      const value = raw.trim();
      const rate = /^-?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(value) ? Number(value) : null;
      const result = { id: s.id, rate };
      if (s.libreofficeGuess !== undefined) result.guess = s.libreofficeGuess;
      if (rate === null) result.error = value || 'empty';
      return result;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const out = outIdx >= 0 ? args.splice(outIdx, 2)[1] : undefined;
  const inputPath = resolve(args[0] ?? join(root, 'tests/fixtures/xirr-series.json'));
  const series = JSON.parse(readFileSync(inputPath, 'utf8'));
  const started = Date.now();
  const results = libreOfficeXirr(series);
  const doc = {
    generatedBy: 'scripts/libreoffice-xirr.mjs',
    libreoffice: libreOfficeVersion(),
    note: 'XIRR computed by LibreOffice Calc (=XIRR(values; dates[; guess])); regenerate with the script, do not edit.',
    results,
  };
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (out) writeFileSync(resolve(out), json);
  else process.stdout.write(json);
  process.stderr.write(`libreoffice-xirr: ${results.length} series in ${Date.now() - started} ms\n`);
}
