// A new year's roster is a new data file: the invented 2022 campaign's roster.yaml names its 类别 column and
// its categories with their own codes and words, and a roster file written with them is read with no code changed.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/files/campaign.js';
import { parseRoster } from '../../src/roster/parse.js';
import { renderProblemLines } from '../../src/roster/render.js';
import { loadRosterSpec } from '../../src/roster/spec.js';
import { csvFile } from './helpers.js';

const dir2022 = fileURLToPath(new URL('../fixtures/campaign-2022', import.meta.url));
const spec2022 = loadRosterSpec(dir2022, loadCampaign(dir2022).categories);

describe('the 2022 roster', () => {
  it('reads its own 示范级别 column and its own categories', async () => {
    const file = csvFile([
      ['名称', '类型', '示范级别', '地市', '行业（系统）'],
      ['深圳市福田区政务服务中心', '青年文明号集体', '全国志愿服务示范集体', '深圳市', ''],
      ['广州地铁运营一中心', '青年文明号集体', '省级示范、全国示范', '广州市', ''],
      ['珠海市香洲区图书馆', '青年文明号集体', '', '珠海市', ''],
      ['佛山市禅城区医院', '青年文明号集体', '普通', '佛山市', ''],
    ]);
    const result = await parseRoster(file, spec2022);
    expect(result.fatal).toBeUndefined();
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.categories)).toEqual([['nationalDemo'], ['provincialDemo', 'nationalDemo'], ['ordinary'], ['ordinary']]);
  });

  it("refuses 2021's words for them, naming 2022's", async () => {
    const file = csvFile([
      ['名称', '类型', '示范级别', '地市', '行业（系统）'],
      ['深圳市福田区政务服务中心', '青年文明号集体', '第20届全国青年文明号', '深圳市', ''],
    ]);
    const result = await parseRoster(file, spec2022);
    expect(renderProblemLines(spec2022, result.problems)).toEqual([
      '第2行：示范级别“第20届全国青年文明号”不是可选值（全国志愿服务示范集体、2022年广东志愿服务示范集体、普通集体）',
    ]);
    // 2021's 类别 header is not the 2022 file's column
    const old = await parseRoster(
      csvFile([
        ['名称', '类型', '类别', '地市', '行业（系统）'],
        ['深圳市福田区政务服务中心', '青年文明号集体', '全国示范', '深圳市', ''],
      ]),
      spec2022,
    );
    expect(old.fatal).toMatchObject({ key: 'missingHeaders', vars: { missing: '示范级别' } });
  });
});
