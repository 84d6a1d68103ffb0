/**
 * A streamed workbook's shared-string table (xl/sharedStrings.xml) written as one buffer. Own code because
 * exceljs (4.4.0, pinned) renders it at commit through its XML node writer — an array entry for every tag,
 * attribute and text, an escape call per text, then one join: with the ~100,000 distinct names of a 100x
 * ledger that was a third of the xlsx's main-thread time and much of its garbage (see the commit). The bytes
 * are exceljs's own (shared-strings-xform.js, text-xform.js, utils.xmlEncode);
 * tests/service/export-xlsx-rows.test.ts compares the two.
 *
 * Replaces the WorkbookWriter's `addSharedStrings` and reads its `sharedStrings` and `zip`: internals a later
 * exceljs may rename, so it checks them and leaves exceljs's own method in place when they differ.
 */
import type ExcelJS from 'exceljs';

// What XML 1.0 cannot hold as is: escaped, or (control characters) left out, as exceljs's xmlEncode does.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids are matched to be left out
const SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
const SPECIAL_ALL = new RegExp(SPECIAL.source, 'g');
const ENTITY: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};
// Leading or trailing space, or a line break: kept with xml:space="preserve" (exceljs's text-xform).
const SPACE = /^\s|\n|\s$/;

const OPEN = Buffer.from('<si><t>');
const OPEN_PRESERVE = Buffer.from('<si><t xml:space="preserve">');
const CLOSE = Buffer.from('</t></si>');

/**
 * `values` as exceljs writes its shared-string table: one `<si><t>` per text, in order, as UTF-8 — written
 * into one buffer, not joined into one string of ~72,000 parts for the zip to encode again.
 */
export function sharedStringsXml(values: readonly string[]): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${values.length}" uniqueCount="${values.length}">`;
  let out = Buffer.allocUnsafe(head.length + 16 + values.length * 48);
  let pos = out.write(head, 0, 'utf8');
  const put = (b: Buffer) => {
    for (let k = 0; k < b.length; k++) out[pos++] = b[k]!;
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ENTITY[c] ?? '') : v;
    // Room for the text (a UTF-16 unit is at most 3 bytes of UTF-8) and the tags: write() stops at the end.
    const need = t.length * 3 + 48;
    if (pos + need > out.length) {
      const grown = Buffer.allocUnsafe(Math.max(out.length * 2, pos + need));
      out.copy(grown, 0, 0, pos);
      out = grown;
    }
    put(SPACE.test(v) ? OPEN_PRESERVE : OPEN);
    pos += out.write(t, pos, 'utf8');
    put(CLOSE);
  }
  // `need` left room for it: 48 bytes are more than the tags (37) and '</sst>'.
  pos += out.write('</sst>', pos, 'latin1');
  return out.subarray(0, pos);
}

interface BookInternals {
  sharedStrings?: { values?: unknown[]; _values?: unknown[]; _totalRefs?: number; add?(v: unknown): number };
  zip?: { append(data: string | Buffer, o: { name: string }): void };
  addSharedStrings?: () => Promise<void>;
}

/**
 * Has `wb` keep its text in a Map: exceljs (utils/shared-strings.js) keys its table by object property, so
 * every new text was interned into V8's string table and added to a dictionary object (~72,000 of them for
 * 落地项目台账 at 100x), and xlsx-rows.ts kept a Map in front of that. Same ids, same order; a value that is
 * not text (rich text) still goes to exceljs's own table.
 */
function mapSharedStrings(book: BookInternals): void {
  const table = book.sharedStrings;
  const own = table?.add;
  if (
    !table ||
    typeof own !== 'function' ||
    !Array.isArray(table._values) ||
    typeof table._totalRefs !== 'number'
  ) {
    return;
  }
  const values = table._values;
  const ids = new Map<string, number>();
  table.add = (v: unknown) => {
    if (typeof v !== 'string') return own.call(table, v);
    let id = ids.get(v);
    if (id === undefined) {
      id = values.length;
      values.push(v);
      ids.set(v, id);
    }
    table._totalRefs!++;
    return id;
  };
}

/**
 * Has `wb` write its shared strings with sharedStringsXml (exceljs's own way when a value is not text), and
 * keep them in a Map (mapSharedStrings).
 */
export function writeSharedStringsFast(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const book = wb as unknown as BookInternals;
  const own = book.addSharedStrings;
  mapSharedStrings(book);
  if (typeof own !== 'function' || !Array.isArray(book.sharedStrings?.values) || !book.zip) return;
  book.addSharedStrings = async function (this: BookInternals) {
    const values = this.sharedStrings!.values!;
    if (!values.every((v) => typeof v === 'string')) return own.call(this);
    if (values.length)
      this.zip!.append(sharedStringsXml(values as string[]), { name: '/xl/sharedStrings.xml' });
  };
}
