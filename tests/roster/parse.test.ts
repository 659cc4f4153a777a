import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoster, rosterKey, type RosterParse } from '../../src/roster/parse.js';
import { renderParseReport, renderProblemLines } from '../../src/roster/render.js';
import { conversationsDir, csvFile, csvText, fixturesDir, HEADER, spec, xlsxFile, zipOf, type ZipPart } from './helpers.js';

const parse = (file: { name: string; data: Buffer }) => parseRoster(file, spec);
const lines = (result: RosterParse) => renderProblemLines(spec, result.problems);

describe('parseRoster: reading files', () => {
  it('reads a real .xlsx with a title row above the header, columns in any order, rich text and padded cells', async () => {
    const file = await xlsxFile(
      [
        ['2021年广东青年文明号集中服务月 名单'],
        [' 行业(系统) ', '地市', '序号', '名称*', '　类型　', '类别'],
        ['广州地铁集团', '广州市', 1, '广州地铁运营一中心体育西路站', '青年文明号集体', '第20届全国青年文明号'],
        ['', '　深圳市　', 2, '  深圳市福田区政务服务中心 ', '青年文明号集体', ''],
        [],
        ['广东电网', '', 3, '广东电网有限责任公司团委', '联创行业团组织', ''],
      ],
      (_workbook, sheet) => {
        sheet.getCell('D7').value = { richText: [{ text: '共青团珠海' }, { text: '市委员会', font: { bold: true } }] };
        sheet.getCell('E7').value = '地市团委';
        sheet.getCell('B7').value = '珠海市';
      },
    );
    const result = await parse(file);
    expect(result.fatal).toBeUndefined();
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 3,
        name: '广州地铁运营一中心体育西路站',
        kind: 'collective',
        categories: ['national20'],
        city: '广州市',
        industry: '广州地铁集团',
        key: 'collective|广州|广州地铁运营一中心体育西路站',
      },
      {
        row: 4,
        name: '深圳市福田区政务服务中心',
        kind: 'collective',
        categories: ['other'],
        city: '深圳市',
        industry: null,
        key: 'collective|深圳|深圳市福田区政务服务中心',
      },
      {
        row: 6,
        name: '广东电网有限责任公司团委',
        kind: 'industryOrg',
        categories: [],
        city: null,
        industry: '广东电网',
        key: 'industryOrg||广东电网有限责任公司团委',
      },
      { row: 7, name: '共青团珠海市委员会', kind: 'cityOrg', categories: [], city: '珠海市', industry: null, key: 'cityOrg|珠海|共青团珠海市委员会' },
    ]);
  });

  it('reads the first visible sheet of a workbook, whatever the order of the sheets in the file', async () => {
    const file = await xlsxFile([['说明：请在“名单”表中填写']], (workbook, sheet) => {
      sheet.state = 'hidden';
      const roster = workbook.addWorksheet('名单2');
      roster.addRow(HEADER);
      roster.addRow(['共青团汕头市委员会', '地市团委', '', '汕头市', '']);
    });
    const result = await parse(file);
    expect(result.rows.map((row) => row.name)).toEqual(['共青团汕头市委员会']);
  });

  // Offices merge a city's 地市 cells down over its units: each of those rows is in that city, as it reads.
  it('reads a cell merged down a column in each of its rows, and one merged across columns once, where it begins', async () => {
    const file = await xlsxFile(
      [
        ['2021年名单'],
        [...HEADER, ''],
        ['共青团汕尾市委员会', '地市团委', '', '汕尾市', ''],
        ['汕尾市政务服务中心', '青年文明号集体', '', '', ''],
        ['汕尾市人民医院', '青年文明号集体', '其他', '', ''],
        [],
        ['共青团揭阳市委员会', '地市团委', '', '', ''],
      ],
      (_workbook, sheet) => {
        sheet.mergeCells('A1:F1');
        sheet.mergeCells('E2:F2');
        // down to a row left blank below the last unit, which stays blank
        sheet.mergeCells('D3:D6');
        sheet.mergeCells('B4:C4');
      },
    );
    const result = await parse(file);
    expect(result.fatal).toBeUndefined();
    expect(result.rows.map((row) => [row.row, row.name, row.city, row.categories])).toEqual([
      [3, '共青团汕尾市委员会', '汕尾市', []],
      [4, '汕尾市政务服务中心', '汕尾市', ['other']],
      [5, '汕尾市人民医院', '汕尾市', ['other']],
    ]);
    expect(result.problems).toEqual([{ row: 7, key: 'cityMissing', vars: { kind: '地市团委' } }]);
  });

  it('reads UTF-8 CSV with and without BOM, LF or CRLF, quoted commas, quotes and line breaks', async () => {
    const text = [
      '名称,类型,类别,地市,行业（系统）',
      '"中国移动深圳分公司福田区营业厅(华强北,旗舰店)",青年文明号集体,其他,深圳市,广东移动',
      '"广州市""越秀""区政务服务中心",青年文明号集体,,广州市,',
      '"广州市天河区',
      '图书馆",青年文明号集体,,广州市,',
      '共青团清远市委员会,地市团委,,清远市,',
    ].join('\n');
    const expected = [
      { row: 2, name: '中国移动深圳分公司福田区营业厅(华强北,旗舰店)' },
      { row: 3, name: '广州市"越秀"区政务服务中心' },
      { row: 4, name: '广州市天河区图书馆' },
      { row: 5, name: '共青团清远市委员会' },
    ];
    for (const data of [Buffer.from(text, 'utf8'), Buffer.from(`\ufeff${text}`, 'utf8'), Buffer.from(`\ufeff${text.replaceAll('\n', '\r\n')}\r\n`, 'utf8')]) {
      const result = await parse({ name: '名单.csv', data });
      expect(result.problems).toEqual([]);
      expect(result.rows.map(({ row, name }) => ({ row, name }))).toEqual(expected);
    }
  });

  it('reads GB18030 (GBK) CSV as Excel on Chinese Windows saves it', async () => {
    const data = readFileSync(path.join(fixturesDir, 'roster-gb18030.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
    const result = await parse({ name: '名单.csv', data });
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        name: '广州地铁运营一中心体育西路站',
        kind: 'collective',
        categories: ['national20'],
        city: '广州市',
        industry: '广州地铁集团',
        key: 'collective|广州|广州地铁运营一中心体育西路站',
      },
      {
        row: 3,
        name: '深圳供电局福田区供电服务中心(营业厅,24小时)',
        kind: 'collective',
        categories: ['provincialModel'],
        city: '深圳市',
        industry: '广东电网',
        key: 'collective|深圳|深圳供电局福田区供电服务中心(营业厅,24小时)',
      },
      { row: 4, name: '共青团珠海市委员会', kind: 'cityOrg', categories: [], city: '珠海市', industry: null, key: 'cityOrg|珠海|共青团珠海市委员会' },
    ]);
  });

  it('reads UTF-16 text with tabs, as Excel saves "Unicode text"', async () => {
    const text = `${HEADER.join('\t')}\r\n共青团茂名市委员会\t地市团委\t\t茂名市\t\r\n`;
    const result = await parse({ name: '名单.txt', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(result.rows.map((row) => row.name)).toEqual(['共青团茂名市委员会']);
  });

  it('finds headers with spaces, full-width or half-width brackets, aliases and a required mark', async () => {
    const result = await parse(
      csvFile([
        ['序号', ' 地市 ', '行业 (系统)', '类别', '单位名称 *', '类型'],
        ['1', '韶关', '', '标兵号', '韶关市武江区政务服务中心', '集体'],
      ]),
    );
    expect(result.rows).toEqual([
      {
        row: 2,
        name: '韶关市武江区政务服务中心',
        kind: 'collective',
        categories: ['provincialModel'],
        city: '韶关',
        industry: null,
        key: 'collective|韶关|韶关市武江区政务服务中心',
      },
    ]);
  });

  it('accepts close variants of 类型 and 类别, an empty 类别 meaning 其他', async () => {
    const rows = [
      ['集体一', '青年文明号', '全国青年文明号', '广州市', ''],
      ['集体二', '青年文明号集体', '第二十届全国青年文明号', '广州市', ''],
      ['集体三', ' 青年文明号集体 ', '省级标兵号', '广州市', ''],
      ['集体四', '青年文明号集体', '2021年广东省青年文明号标兵号', '广州市', ''],
      ['集体五', '青年文明号集体', '其它', '广州市', ''],
      ['集体六', '青年文明号集体', '', '广州市', ''],
      ['团组织一', '联创行业（系统）团组织', '', '', '广东邮政'],
      ['团组织二', '联创行业(系统)团组织', '', '', '广东税务'],
      ['团市委一', '团市委', '', '佛山市', ''],
    ];
    const result = await parse(csvFile([HEADER, ...rows]));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.kind, row.categories])).toEqual([
      ['collective', ['national20']],
      ['collective', ['national20']],
      ['collective', ['provincialModel']],
      ['collective', ['provincialModel']],
      ['collective', ['other']],
      ['collective', ['other']],
      ['industryOrg', []],
      ['industryOrg', []],
      ['cityOrg', []],
    ]);
  });

  it('reads a 类别 cell naming several categories, and refuses an unknown one among them', async () => {
    const rows = [
      ['集体一', '青年文明号集体', '第20届全国青年文明号、2021年广东青年文明号标兵号', '广州市', ''],
      ['集体二', '青年文明号集体', '全国青年文明号, 省级标兵号；全国青年文明号', '广州市', ''],
      ['集体三', '青年文明号集体', '其他、省级标兵号', '广州市', ''],
      ['集体四', '青年文明号集体', '全国青年文明号、五四红旗', '广州市', ''],
    ];
    const result = await parse(csvFile([HEADER, ...rows]));
    expect(result.rows.map((row) => [row.name, row.categories])).toEqual([
      ['集体一', ['national20', 'provincialModel']],
      ['集体二', ['national20', 'provincialModel']],
      ['集体三', ['provincialModel']],
    ]);
    expect(result.problems.map((p) => [p.row, p.key, p.vars])).toEqual([[5, 'categoryUnknown', { value: '五四红旗' }]]);
  });

  it('skips empty rows, and rows whose roster columns are all empty, without counting them', async () => {
    const result = await parse(
      csvFile([
        ['序号', ...HEADER],
        ['1', '共青团阳江市委员会', '地市团委', '', '阳江市', ''],
        ['', '', '', '', '', ''],
        ['2', '', '', '', '', ''],
        ['3', '共青团湛江市委员会', '地市团委', '', '湛江市', ''],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.row)).toEqual([2, 5]);
  });

  it('parses the sample roster, CSV and xlsx alike, with no problems', async () => {
    const [csv, xlsx] = await Promise.all(
      ['sample-roster.csv', 'sample-roster.xlsx'].map((name) => parse({ name, data: readFileSync(path.join(conversationsDir, name)) })),
    );
    expect(csv!.fatal).toBeUndefined();
    expect(csv!.problems).toEqual([]);
    const count = (kind: string) => csv!.rows.filter((row) => row.kind === kind).length;
    expect([count('cityOrg'), count('industryOrg'), count('collective')]).toEqual([21, 20, 300]);
    expect(new Set(csv!.rows.map((row) => row.categories.join()))).toEqual(new Set(['', 'national20', 'provincialModel', 'other']));
    // every character alike too (see zip.test.ts)
    expect(xlsx).toEqual(csv);
  });
});

describe('parseRoster: rejected rows', () => {
  it('reports every reason with the row number, and keeps the valid rows', async () => {
    const tooLong = '很'.repeat(61);
    const result = await parse(
      csvFile([
        HEADER,
        ['', '青年文明号集体', '', '广州市', ''], // 2
        [tooLong, '青年文明号集体', '', '广州市', ''], // 3
        ['集体甲', '', '', '广州市', ''], // 4
        ['集体乙', '青年文明', '', '广州市', ''], // 5
        ['集体丙', '青年文明号集体', '市级', '广州市', ''], // 6
        ['共青团佛山市委员会', '地市团委', '其他', '佛山市', ''], // 7
        ['集体丁', '青年文明号集体', '', '', '广东电网'], // 8
        ['共青团某市委员会', '地市团委', '', '', ''], // 9
        ['某行业团委', '联创行业团组织', '', '广州市', ''], // 10
        ['', '', '全国', '', ''], // 11
        ['很'.repeat(60), '青年文明号集体', '', '广州市', ''], // 12: exactly 60 字 is fine
      ]),
    );
    expect(result.fatal).toBeUndefined();
    expect(result.rows.map((row) => row.row)).toEqual([12]);
    expect(result.problems).toEqual([
      { row: 2, key: 'nameMissing', vars: {} },
      { row: 3, key: 'nameTooLong', vars: { max: 60, count: 61 } },
      { row: 4, key: 'kindMissing', vars: {} },
      { row: 5, key: 'kindUnknown', vars: { value: '青年文明' } },
      { row: 6, key: 'categoryUnknown', vars: { value: '市级' } },
      { row: 7, key: 'categoryNotForKind', vars: { kind: '地市团委', value: '其他' } },
      { row: 8, key: 'cityMissing', vars: { kind: '青年文明号集体' } },
      { row: 9, key: 'cityMissing', vars: { kind: '地市团委' } },
      { row: 10, key: 'industryMissing', vars: { kind: '联创行业团组织' } },
      { row: 11, key: 'nameMissing', vars: {} },
      { row: 11, key: 'kindMissing', vars: {} },
    ]);
    expect(lines(result)).toEqual([
      '第2行：缺少名称',
      '第3行：名称最多60字，这里有61字',
      '第4行：缺少类型（可选：青年文明号集体、联创行业团组织、地市团委）',
      '第5行：类型“青年文明”不是可选值（青年文明号集体、联创行业团组织、地市团委）',
      '第6行：类别“市级”不是可选值（第20届全国青年文明号、2021年广东青年文明号标兵号、其他）',
      '第7行：类别只填给青年文明号集体，地市团委的类别应留空（这里填了“其他”）',
      '第8行：“青年文明号集体”必须填写地市',
      '第9行：“地市团委”必须填写地市',
      '第10行：“联创行业团组织”必须填写行业（系统）',
      '第11行：缺少名称；缺少类型（可选：青年文明号集体、联创行业团组织、地市团委）',
    ]);
  });

  it('reports an unknown 类型 at its row number in a longer file', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`集体${i}`, '青年文明号集体', '', '广州市', '']);
    rows.push(['某集体', '青年文明', '', '广州市', '']);
    const result = await parse(csvFile([HEADER, ...rows]));
    expect(lines(result)).toEqual(['第12行：类型“青年文明”不是可选值（青年文明号集体、联创行业团组织、地市团委）']);
    expect(result.rows).toHaveLength(10);
  });

  it('rejects the second of two rows with the same identity or the same name in one city, naming both rows', async () => {
    const result = await parse(
      csvFile([
        HEADER,
        ['广州市越秀区政务服务中心', '青年文明号集体', '', '广州市', ''], // 2
        ['共青团深圳市委员会', '地市团委', '', '深圳市', ''], // 3
        ['广州市越秀区　政务服务中心', '青年文明号集体', '标兵号', '广州', ''], // 4: same key (spaces, 市)
        ['共青团深圳市委员会', '青年文明号集体', '', '深圳市', ''], // 5: same name and city, other kind
        ['广州市越秀区政务服务中心', '青年文明号集体', '', '佛山市', ''], // 6: same name, other city: fine
        ['广东电网有限责任公司团委', '联创行业团组织', '', '', '广东电网'], // 7
        ['广东电网有限责任公司团委', '联创行业团组织', '', '', '南方电网'], // 8: same key
      ]),
    );
    expect(result.rows.map((row) => row.row)).toEqual([2, 3, 6, 7]);
    expect(result.problems).toEqual([
      { row: 4, key: 'duplicateKey', vars: { first: 2, name: '广州市越秀区　政务服务中心', city: '广州', kind: '青年文明号集体' } },
      { row: 5, key: 'duplicateName', vars: { first: 3, name: '共青团深圳市委员会', city: '深圳市', kind: '青年文明号集体' } },
      { row: 8, key: 'duplicateKey', vars: { first: 7, name: '广东电网有限责任公司团委', city: '未填地市', kind: '联创行业团组织' } },
    ]);
    expect(lines(result)).toEqual([
      '第4行：与第2行重复（广州的青年文明号集体“广州市越秀区　政务服务中心”），只导入第2行',
      '第5行：与第3行都是深圳市的“共青团深圳市委员会”，同一地市名称不能重复，只导入第3行',
      '第8行：与第7行重复（未填地市的联创行业团组织“广东电网有限责任公司团委”），只导入第7行',
    ]);
  });

  it('reports at most 20 rows, then how many more rows have problems', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`集体${i}`, '青年文明号集体', '', '', '']);
    rows.push(['好集体', '青年文明号集体', '', '广州市', '']);
    const result = await parse(csvFile([HEADER, ...rows], '名单.csv'));
    const report = renderParseReport(spec, '名单.csv', result).split('\n');
    expect(report[0]).toBe('名单文件“名单.csv”：共26行，其中有效1行，有问题25行（有问题的行不会导入）：');
    expect(report).toHaveLength(22);
    expect(report[1]).toBe('第2行：“青年文明号集体”必须填写地市');
    expect(report[20]).toBe('第21行：“青年文明号集体”必须填写地市');
    expect(report[21]).toBe('……另有5行有问题');
  });

  it('says when every row is valid', async () => {
    const result = await parse(csvFile([HEADER, ['共青团潮州市委员会', '地市团委', '', '潮州市', '']], '名单.csv'));
    expect(renderParseReport(spec, '名单.csv', result)).toBe('名单文件“名单.csv”：共1行，全部有效。');
  });
});

describe('parseRoster: files refused whole', () => {
  const fatalOf = async (file: { name: string; data: Buffer }) => {
    const result = await parse(file);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([]);
    return result.fatal;
  };
  const report = async (file: { name: string; data: Buffer }) => renderParseReport(spec, file.name, await parse(file));

  it('refuses garbage bytes named .xlsx or .csv with a clear sentence', async () => {
    const garbage = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await fatalOf({ name: '名单.xlsx', data: garbage })).toEqual({ key: 'notSpreadsheet', vars: { file: '名单.xlsx' } });
    expect(await fatalOf({ name: '名单.csv', data: garbage })).toEqual({ key: 'notSpreadsheet', vars: { file: '名单.csv' } });
    expect(await report({ name: '名单.xlsx', data: garbage })).toBe(
      '文件“名单.xlsx”不是Excel表格（.xlsx）或CSV文件，无法读取。请在Excel中“另存为”.xlsx或“CSV（逗号分隔）”后再导入。',
    );
    // a PNG sent as a roster
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage]);
    expect((await fatalOf({ name: '名单.csv', data: png }))?.key).toBe('notSpreadsheet');
    // text that claims to be a workbook
    expect((await fatalOf({ name: '名单.xlsx', data: Buffer.from(csvText([HEADER])) }))?.key).toBe('notSpreadsheet');
  });

  it('refuses a zip that is not a workbook, a broken workbook, and an old .xls', async () => {
    expect((await fatalOf({ name: '名单.xlsx', data: bareEntry('word/document.xml', '<w:document/>') }))?.key).toBe('notSpreadsheet');
    const good = await xlsxFile([HEADER, ['共青团潮州市委员会', '地市团委', '', '潮州市', '']]);
    const truncated = good.data.subarray(0, Math.floor(good.data.length * 0.6));
    expect(await fatalOf({ name: '名单.xlsx', data: truncated })).toEqual({ key: 'brokenExcel', vars: { file: '名单.xlsx' } });
    const broken = Buffer.concat([bareEntry('xl/workbook.xml', '<workbook'), Buffer.from('garbage')]);
    expect((await fatalOf({ name: '名单.xlsx', data: broken }))?.key).toBe('brokenExcel');
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await report({ name: '名单.xls', data: xls })).toBe(
      '文件“名单.xls”是旧版Excel（.xls）或设了密码的Excel文件，无法读取。请在Excel中去掉密码，“另存为”.xlsx或“CSV（逗号分隔）”后再导入。',
    );
  });

  it('refuses empty files: no bytes, only white space or a BOM, an empty sheet, a header without rows', async () => {
    expect(await fatalOf({ name: '名单.csv', data: Buffer.alloc(0) })).toEqual({ key: 'empty', vars: { file: '名单.csv' } });
    expect(await fatalOf({ name: '名单.xlsx', data: Buffer.alloc(0) })).toEqual({ key: 'empty', vars: { file: '名单.xlsx' } });
    expect((await fatalOf({ name: '名单.csv', data: Buffer.from('\ufeff \r\n,,,\r\n', 'utf8') }))?.key).toBe('empty');
    expect((await fatalOf(await xlsxFile([])))?.key).toBe('empty');
    expect(await report({ name: '名单.csv', data: Buffer.alloc(0) })).toBe('文件“名单.csv”是空的，没有可导入的内容。');
    expect(await fatalOf(csvFile([HEADER, ['', '', '', '', '']], '名单.csv'))).toEqual({ key: 'noRows', vars: { file: '名单.csv' } });
    expect((await fatalOf(await xlsxFile([HEADER])))?.key).toBe('noRows');
  });

  it('refuses a file without a header in its first five rows, naming the headers it needs', async () => {
    const rows = [['2021年名单'], [], ['说明'], ['一'], ['二'], ['三'], HEADER, ['共青团潮州市委员会', '地市团委', '', '潮州市', '']];
    expect(await report(csvFile(rows, '名单.csv'))).toBe('文件“名单.csv”的前5行中找不到表头。表头应包含：名称、类型、类别、地市、行业（系统）。');
    // blank rows do not count among the five
    const spaced = [['2021年名单'], [], [], [], [], [], HEADER, ['共青团潮州市委员会', '地市团委', '', '潮州市', '']];
    expect((await parse(csvFile(spaced))).rows).toHaveLength(1);
  });

  it('names the missing headers, and a header given twice', async () => {
    const missing = csvFile([['标题'], ['名称', '类型', '市'], ['共青团潮州市委员会', '地市团委', '潮州市']], '名单.csv');
    expect(await report(missing)).toBe('文件“名单.csv”第2行是表头，但缺少：类别、地市、行业（系统）。表头应包含：名称、类型、类别、地市、行业（系统）。');
    const twice = csvFile(
      [
        [...HEADER, '单位名称'],
        ['共青团潮州市委员会', '地市团委', '', '潮州市', '', 'x'],
      ],
      '名单.csv',
    );
    expect(await report(twice)).toBe('文件“名单.csv”第1行表头中“名称”出现了两次（第A列和第F列），请只保留一列。');
  });

  it('refuses a CSV of 50,000 rows quickly, without reading it all', async () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `集体${i},青年文明号集体,,广州市,`).join('\n');
    const data = Buffer.from(`${HEADER.join(',')}\n${body}\n`, 'utf8');
    const started = performance.now();
    const result = await parse({ name: '名单.csv', data });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ rows: [], problems: [], fatal: { key: 'tooManyRows', vars: { file: '名单.csv', max: 20000 } } });
    expect(renderParseReport(spec, '名单.csv', result)).toBe('文件“名单.csv”超过20000行数据，未导入。请拆分成每个不超过20000行的文件，分批导入。');
  });

  it('refuses an .xlsx of 50,000 rows quickly', async () => {
    const data = bigWorkbook(50_000);
    expect((await parse({ name: '名单.xlsx', data: bigWorkbook(3) })).rows).toHaveLength(3);
    const started = performance.now();
    const result = await parse({ name: '名单.xlsx', data });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.fatal).toEqual({ key: 'tooManyRows', vars: { file: '名单.xlsx', max: 20000 } });
  });

  it('accepts exactly the maximum number of rows', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `集体${i},青年文明号集体,,广州市,`).join('\n');
    const result = await parse({ name: '名单.csv', data: Buffer.from(`${HEADER.join(',')}\n${body}`, 'utf8') });
    expect(result.fatal).toBeUndefined();
    expect(result.rows).toHaveLength(20_000);
  });
});

describe('rosterKey', () => {
  it('ignores width, spaces, case and a trailing 市 of the city', () => {
    expect(rosterKey('collective', '广州市', 'ＡＢＣ 营业厅')).toBe(rosterKey('collective', ' 广州 ', 'abc营业厅'));
    expect(rosterKey('collective', '广州', '营业厅')).not.toBe(rosterKey('cityOrg', '广州', '营业厅'));
    expect(rosterKey('industryOrg', null, '团委')).toBe('industryOrg||团委');
  });
});

/** One deflated entry with its local header and no central directory: enough to look like an Office file. */
function bareEntry(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/**
 * A large workbook made by hand, quicker than through exceljs: the four parts a reader needs, inline
 * strings as some writers use them, no shared strings table.
 */
function bigWorkbook(rows: number): Buffer {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const row = (r: number, cells: string[]) =>
    `<row r="${r}">${cells.map((text, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;
  const body = [row(1, HEADER)];
  for (let i = 0; i < rows; i += 1) body.push(row(i + 2, [`集体${i}`, '青年文明号集体', '', '广州市', '']));
  const part = (name: string, text: string): ZipPart => ({ name, content: Buffer.from(text) });
  return zipOf([
    part(
      '[Content_Types].xml',
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    part('xl/worksheets/sheet1.xml', `${xml}<worksheet xmlns="${main}"><sheetData>${body.join('')}</sheetData></worksheet>`),
    part('xl/workbook.xml', `${xml}<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ]);
}
