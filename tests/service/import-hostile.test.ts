import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../src/main/services/import/preview';
import { xlsxOf, zipOf } from '../fixtures/import/helpers';
import { tempDb } from '../helpers/temp-db';

/**
 * Files that are not what they claim: each is refused with a Chinese message, quickly, without
 * inflating or parsing more than the limits allow.
 */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
});
afterAll(() => t.cleanup());

async function refused(fileName: string, bytes: Buffer, pattern: RegExp, maxMs = 5000) {
  const started = Date.now();
  const heap = process.memoryUsage().heapUsed;
  const err = await previewImport(t.db, { ledger: 'enterprise', fileName, bytes }).then(
    () => null,
    (e: Error) => e,
  );
  expect(err, `${fileName} should be refused`).not.toBeNull();
  expect(err!.message).toMatch(pattern);
  expect(err!.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(Date.now() - started).toBeLessThan(maxMs);
  expect(process.memoryUsage().heapUsed - heap).toBeLessThan(400 * 1024 * 1024);
  return err!;
}

const sheetXml = (cells: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
const workbookParts = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
];

describe('files that are not what they claim are refused', () => {
  it('a hand-built minimal workbook is read (the zip writer below is sound)', async () => {
    const bytes = zipOf([
      ...workbookParts,
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.from(
          sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>深圳市甲有限公司</t></is></c></row>',
          ),
        ),
      },
    ]);
    const p = await previewImport(t.db, { ledger: 'enterprise', fileName: 'ok.xlsx', bytes });
    expect(p.counts).toMatchObject({ total: 1, ok: 1 });
  });

  it('random binary data', async () => {
    await refused('台账.csv', randomBytes(200_000), /二进制|编码|不是文本/);
  });

  it('binary data named .xlsx', async () => {
    await refused('台账.xlsx', randomBytes(50_000), /不是有效的 \.xlsx|不完整|二进制/);
  });

  it('a truncated xlsx (download cut short)', async () => {
    const full = await xlsxOf([['企业名称'], ['深圳市甲有限公司']]);
    await refused('台账.xlsx', full.subarray(0, Math.floor(full.length / 2)), /不完整/);
  });

  it('an xlsx with a damaged part', async () => {
    const good = zipOf([
      ...workbookParts,
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.from(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row>'.repeat(50)),
        ),
      },
    ]);
    const bad = Buffer.from(good);
    const at = bad.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 30;
    for (let i = 0; i < 20; i++) bad[at + i] = bad[at + i]! ^ 0x5a;
    await refused('台账.xlsx', bad, /已损坏|不符/);
  });

  it('a zip bomb whose directory admits its size', async () => {
    const bytes = zipOf([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), declaredSize: 4_000_000_000 },
    ]);
    await refused('bomb.xlsx', bytes, /压缩炸弹/);
  });

  it('a zip bomb that expands a thousandfold', async () => {
    const bytes = zipOf([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
    ]);
    expect(bytes.length).toBeLessThan(200 * 1024);
    await refused('bomb.xlsx', bytes, /压缩炸弹/);
  });

  it('a zip bomb whose directory lies about its size', async () => {
    const bytes = zipOf([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 900 },
    ]);
    await refused('bomb.xlsx', bytes, /压缩炸弹|不符/);
  });

  it('a million columns (CSV)', async () => {
    await refused(
      'wide.csv',
      Buffer.from(`${'企业名称,'.repeat(1_000_000)}\n`),
      /1,000,000 列，超过上限 200 列/,
    );
  });

  it('a value far to the right in a sheet (xlsx)', async () => {
    const row: unknown[] = ['企业名称'];
    row[299] = 'x';
    await refused('wide.xlsx', await xlsxOf([row as never]), /第 300 列（KN 列）还有数据，超过上限 200 列/);
  });

  it('more rows than one import may hold', async () => {
    await refused(
      'long.csv',
      Buffer.from(`企业名称\n${'深圳市甲有限公司\n'.repeat(200_001)}`),
      /超过 200,000 行/,
      15_000,
    );
  });

  it('a file larger than 50 MB, before it is parsed', async () => {
    await refused('huge.csv', Buffer.alloc(51 * 1024 * 1024, 0x41), /超过导入上限 50 MB/, 2000);
  });

  it('text in an encoding that is neither UTF-8 nor GBK', async () => {
    await refused(
      'big5.csv',
      iconv.encode(
        '公司名稱,統一編號\n台灣積體電路製造股份有限公司,22099131\n鴻海精密工業股份有限公司,04541302\n',
        'big5',
      ),
      /编码/,
    );
    await refused(
      'sjis.csv',
      iconv.encode('会社名,住所\n株式会社サンプル,東京都千代田区\n', 'shift_jis'),
      /编码/,
    );
    await refused('korean.csv', iconv.encode('회사명,주소\n삼성전자주식회사,서울특별시\n', 'euc-kr'), /编码/);
    await refused(
      'latin1.csv',
      iconv.encode('Société,Adresse\nCafé Crème SARL,Boulevard Saint-Michel à Paris\n', 'win1252'),
      /编码/,
    );
  });

  it('old .xls, PDF, images, databases, Word documents, archives', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(4000),
    ]);
    await refused('台账.xls', ole, /旧版 Excel\/WPS 格式/);
    await refused('台账.xlsx', ole, /已加密/);
    await refused('台账.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1000)]), /PDF/);
    await refused(
      '台账.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), randomBytes(1000)]),
      /图片/,
    );
    await refused(
      'funddesk.sqlite',
      Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(1000)]),
      /数据库文件/,
    );
    await refused(
      '台账.docx',
      zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]),
      /Word 文档/,
    );
    await refused('台账.zip', Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(100)]), /压缩包/);
    await refused('台账.xlsx', Buffer.from('企业名称\n深圳市甲有限公司\n'), /不是有效的 \.xlsx/);
  });

  it('an empty file and an empty sheet', async () => {
    await refused('空.csv', Buffer.alloc(0), /是空的/);
    await refused('空.xlsx', await xlsxOf([]), /是空的/);
  });
});
