// Writes the sample roster, conversations/sample-roster.csv (UTF-8 with BOM, so Excel opens it right) and
// conversations/sample-roster.xlsx: the 21 city league committees of Guangdong, about twenty industry league
// bodies, and some three hundred collectives. Every unit name is invented; the cities and districts are real.
// Deterministic: a seeded generator, fixed dates, so running it again writes the same CSV.
//
//   npm run roster:sample
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { seeded } from './seeded.js';

const OUT_DIR = fileURLToPath(new URL('../conversations/', import.meta.url));
const HEADERS = ['名称', '类型', '类别', '地市', '行业（系统）'];
const COLLECTIVES = 300;
const FIXED_DATE = new Date('2021-09-01T00:00:00Z');

/** Guangdong's 21 prefecture-level cities, with some of their districts, counties and towns. */
const CITIES: Array<[string, string[]]> = [
  ['广州', ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区']],
  ['深圳', ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区']],
  ['珠海', ['香洲区', '斗门区', '金湾区']],
  ['汕头', ['金平区', '龙湖区', '濠江区', '潮阳区', '潮南区', '澄海区']],
  ['佛山', ['禅城区', '南海区', '顺德区', '三水区', '高明区']],
  ['韶关', ['武江区', '浈江区', '曲江区', '乐昌市', '南雄市']],
  ['河源', ['源城区', '东源县', '和平县', '龙川县', '紫金县']],
  ['梅州', ['梅江区', '梅县区', '兴宁市', '大埔县', '五华县']],
  ['惠州', ['惠城区', '惠阳区', '博罗县', '惠东县', '龙门县']],
  ['汕尾', ['城区', '海丰县', '陆丰市', '陆河县']],
  ['东莞', ['莞城街道', '南城街道', '东城街道', '虎门镇', '长安镇', '塘厦镇']],
  ['中山', ['石岐街道', '东区街道', '火炬开发区', '小榄镇', '古镇镇']],
  ['江门', ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市']],
  ['阳江', ['江城区', '阳东区', '阳西县', '阳春市']],
  ['湛江', ['赤坎区', '霞山区', '麻章区', '廉江市', '雷州市', '吴川市']],
  ['茂名', ['茂南区', '电白区', '高州市', '化州市', '信宜市']],
  ['肇庆', ['端州区', '鼎湖区', '高要区', '四会市', '怀集县']],
  ['清远', ['清城区', '清新区', '英德市', '连州市', '佛冈县']],
  ['潮州', ['湘桥区', '潮安区', '饶平县']],
  ['揭阳', ['榕城区', '揭东区', '揭西县', '惠来县', '普宁市']],
  ['云浮', ['云城区', '云安区', '新兴县', '郁南县', '罗定市']],
];

type NameMaker = (city: string, district: string, pick: <T>(list: readonly T[]) => T) => string;

interface Industry {
  /** the 行业（系统）, as the roster names it */
  industry: string;
  /** its league body, a 联创行业团组织 */
  org: string;
  /** the city it sits in, when it belongs to one */
  city?: string;
  /** only in these cities */
  cities?: string[];
  /** how often its collectives occur, relatively */
  weight: number;
  collective: NameMaker;
}

const DEPARTMENTS = ['急诊科', '儿科', '门诊部', '护理部', '心血管内科', '妇产科', '康复医学科', '体检中心'];
const METRO_STATIONS = ['体育西路站', '公园前站', '珠江新城站', '广州南站', '嘉禾望岗站', '客村站', '万胜围站', '广州东站', '西朗站', '天河客运站'];
const AIRPORTS: Record<string, string> = {
  广州: '广州白云国际机场',
  揭阳: '揭阳潮汕国际机场',
  湛江: '湛江吴川机场',
  梅州: '梅州梅县机场',
  惠州: '惠州平潭机场',
};
const AIRPORT_TEAMS = ['旅客服务部问询班组', '安检站女子安检队', '航站区管理部值机班组', '地面服务部特殊旅客服务组'];
const STATIONS: Record<string, string> = {
  广州: '广州南站',
  深圳: '深圳北站',
  东莞: '东莞站',
  佛山: '佛山西站',
  韶关: '韶关站',
  湛江: '湛江西站',
  潮州: '潮汕站',
};

const INDUSTRIES: Industry[] = [
  { industry: '广东电网', org: '广东电网有限责任公司团委', weight: 5, collective: (c, d) => `${c}供电局${d}供电服务中心` },
  { industry: '广东移动', org: '中国移动通信集团广东有限公司团委', weight: 3, collective: (c, d) => `中国移动${c}分公司${d}营业厅` },
  { industry: '广东电信', org: '中国电信股份有限公司广东分公司团委', weight: 2, collective: (c, d) => `中国电信${c}分公司${d}营业厅` },
  { industry: '广东联通', org: '中国联合网络通信有限公司广东省分公司团委', weight: 2, collective: (c, d) => `中国联通${c}分公司${d}营业厅` },
  { industry: '广东邮政', org: '中国邮政集团有限公司广东省分公司团委', weight: 2, collective: (c, d) => `${c}市邮政分公司${d}邮政支局` },
  { industry: '广东税务', org: '国家税务总局广东省税务局团委', weight: 4, collective: (c, d) => `国家税务总局${c}市${d}税务局第一税务所` },
  {
    industry: '广东卫生健康',
    org: '广东省卫生健康委员会直属机关团委',
    weight: 6,
    collective: (c, _d, pick) => `${c}市第${pick(['一', '二', '三'])}人民医院${pick(DEPARTMENTS)}`,
  },
  { industry: '广东工行', org: '中国工商银行广东省分行团委', weight: 2, collective: (c, d) => `工商银行${c}${d}支行营业部` },
  { industry: '广东建行', org: '中国建设银行广东省分行团委', weight: 2, collective: (c, d) => `建设银行${c}${d}支行营业部` },
  { industry: '广东农行', org: '中国农业银行广东省分行团委', weight: 2, collective: (c, d) => `农业银行${c}${d}支行营业室` },
  {
    industry: '广东公安',
    org: '广东省公安厅直属机关团委',
    weight: 4,
    collective: (c, d, pick) => `${c}市公安局${d}分局${pick(['户政服务窗口', '出入境接待大厅', '交警中队车管服务站'])}`,
  },
  { industry: '广东市场监管', org: '广东省市场监督管理局直属机关团委', weight: 2, collective: (c, d) => `${c}市市场监督管理局${d}分局登记注册窗口` },
  { industry: '广东人社', org: '广东省人力资源和社会保障厅直属机关团委', weight: 3, collective: (c, d) => `${c}市${d}社会保险服务大厅` },
  { industry: '广东法院', org: '广东省高级人民法院团委', weight: 2, collective: (_c, d) => `${d}人民法院诉讼服务中心` },
  { industry: '广东检察', org: '广东省人民检察院团委', weight: 1, collective: (_c, d) => `${d}人民检察院12309检察服务中心` },
  { industry: '广东省交通运输', org: '共青团广东省交通运输厅直属机关委员会', weight: 3, collective: (c, d) => `${c}市交通运输局${d}综合执法大队` },
  {
    industry: '广州地铁集团',
    org: '广州地铁集团有限公司团委',
    city: '广州',
    cities: ['广州'],
    weight: 3,
    collective: (_c, _d, pick) => `广州地铁运营${pick(['一', '二', '三'])}中心${pick(METRO_STATIONS)}`,
  },
  {
    industry: '广东机场集团',
    org: '广东省机场管理集团有限公司团委',
    city: '广州',
    cities: Object.keys(AIRPORTS),
    weight: 2,
    collective: (c, _d, pick) => `${AIRPORTS[c]}${pick(AIRPORT_TEAMS)}`,
  },
  {
    industry: '广州铁路',
    org: '中国铁路广州局集团有限公司团委',
    city: '广州',
    cities: Object.keys(STATIONS),
    weight: 2,
    collective: (c, _d, pick) => `${STATIONS[c]}客运车间${pick(['售票班组', '候车服务班组', '重点旅客服务组'])}`,
  },
  {
    industry: '南方航空',
    org: '中国南方航空股份有限公司团委',
    city: '广州',
    cities: ['广州', '深圳', '珠海', '汕头', '湛江'],
    weight: 1,
    collective: (c, _d, pick) => `南航${c}${pick(['客舱服务部乘务一分部', '地面服务部值机室', '营业部售票处'])}`,
  },
];

/** Collectives of no industry system: local public services. */
const LOCAL: NameMaker = (c, d, pick) => `${c}市${d}${pick(['政务服务中心', '图书馆', '青少年宫', '公共法律服务中心', '12345热线分中心'])}`;

export function sampleRoster(): string[][] {
  const random = seeded(20210901);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const rows: string[][] = [];
  for (const [city] of CITIES) rows.push([`共青团${city}市委员会`, '地市团委', '', `${city}市`, '']);
  for (const industry of INDUSTRIES) rows.push([industry.org, '联创行业团组织', '', industry.city ? `${industry.city}市` : '', industry.industry]);

  const weighted: Array<Industry | null> = INDUSTRIES.flatMap((industry) => Array<Industry>(industry.weight).fill(industry));
  weighted.push(...Array<null>(8).fill(null));
  // bigger cities hold more collectives
  const cityWeights = CITIES.flatMap(([city, districts]) =>
    Array<[string, string[]]>(['广州', '深圳'].includes(city) ? 5 : districts.length > 5 ? 2 : 1).fill([city, districts]),
  );

  const seen = new Set<string>();
  const collectives: string[][] = [];
  while (collectives.length < COLLECTIVES) {
    const [city, districts] = pick(cityWeights);
    const industry = pick(weighted);
    if (industry?.cities && !industry.cities.includes(city)) continue;
    const name = (industry ? industry.collective : LOCAL)(city, pick(districts), pick);
    if (seen.has(name)) continue;
    seen.add(name);
    const roll = random();
    const category = roll < 0.08 ? '第20届全国青年文明号' : roll < 0.23 ? '2021年广东青年文明号标兵号' : '其他';
    collectives.push([name, '青年文明号集体', category, `${city}市`, industry?.industry ?? '']);
  }
  const cityOrder = new Map(CITIES.map(([city], i) => [`${city}市`, i]));
  collectives.sort((a, b) => cityOrder.get(a[3]!)! - cityOrder.get(b[3]!)! || a[0]!.localeCompare(b[0]!, 'zh'));
  return [HEADERS, ...rows, ...collectives];
}

export function toCsv(rows: string[][]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `\ufeff${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '团省委青发部';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet('名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = [44, 16, 30, 10, 16][i] ?? 12;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // it takes no arguments: one given is a mistake, said before anything is written
  parseArgs({ args: process.argv.slice(2), options: {} });
  const rows = sampleRoster();
  writeFileSync(path.join(OUT_DIR, 'sample-roster.csv'), toCsv(rows));
  writeFileSync(path.join(OUT_DIR, 'sample-roster.xlsx'), await toXlsx(rows));
  process.stdout.write(`wrote ${rows.length - 1} units to conversations/sample-roster.csv and .xlsx\n`);
}
