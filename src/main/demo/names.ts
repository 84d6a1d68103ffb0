import type { Industry } from '../../shared/domain';
import { completeUscc } from '../../shared/uscc';
import type { Rng } from './random';

/**
 * Fictional but plausible Chinese names and codes. Brands are built from two characters and checked
 * against a list of well-known real names, so no demo record borrows a real company's name.
 */

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江薛尹段雷黎龙陶贺顾毛郝龚邵万严覃武莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华辉鹏宇浩晨欣怡婷雪琳斌峰俊凯博文思嘉梓一建国志新海波亮林红玲颖慧晓立诚毅然睿航泽宁佳蕾',
];

const BRAND_FIRST = [
  ...'鹏瑞星恒宏锦盛睿弘卓启鼎拓晟昱钧翊乾坤澜岚峻泓润朗沐曜辰禾岳骏霖知致臻铂钛旭晖澄泽熙勤凌展航湃珩源玮',
];
const BRAND_SECOND = [
  ...'芯能源创智科达远驰锐盈图微泰瀚联川元衡峰博诺维数湾合力邦宇明光迈康健和恒德益优衍砺擎',
];

/** Past this many brands handed out, fresh ones get rare: stop looking for them. */
const BRAND_CAPACITY = Math.floor(BRAND_FIRST.length * BRAND_SECOND.length * 0.8);

/** Real, well-known names (or their usual short forms) that a two-character brand must never spell. */
const REAL_BRANDS = new Set([
  '华为',
  '中兴',
  '腾讯',
  '大疆',
  '迈瑞',
  '汇川',
  '创维',
  '康佳',
  '立讯',
  '信维',
  '德赛',
  '华星',
  '天马',
  '海能',
  '亿纬',
  '宁德',
  '星源',
  '格林',
  '华大',
  '恒瑞',
  '华润',
  '招商',
  '平安',
  '万科',
  '中信',
  '鹏鼎',
  '传音',
  '顺丰',
  '瑞声',
  '裕同',
  '汇顶',
  '兆易',
  '中芯',
  '华虹',
  '卓胜',
  '圣邦',
  '鼎阳',
  '英维',
  '科达',
  '盛弘',
  '拓邦',
  '科陆',
  '锐明',
  '兴森',
  '华强',
  '光峰',
  '奥比',
  '优必',
  '速腾',
  '禾赛',
  '宏发',
  '瑞能',
  '恒泰',
  '鼎泰',
  '弘源',
  '润和',
  '盛源',
  '泰和',
  '德力',
  '宇通',
  '博远',
  '锦源',
  '瑞达',
  '启明',
  '晟源',
  '元禾',
  '源创',
  '昱能',
  '鹏辉',
  '盛达',
  '瑞康',
  '泰康',
  '康泰',
  '恒康',
  '德康',
  '鼎和',
  '澜起',
  '沐曦',
  '辰芯',
  '昱芯',
  '泓芯',
  '启迈',
  '乾德',
  '坤元',
  '展锐',
  '锐能',
  '卓创',
  '恒达',
  '宏达',
  '鼎力',
  '航天',
  '熙康',
  '星诺',
  '致远',
  '博诺',
  '瀚川',
  '朗科',
]);

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** A Shenzhen landline in the 0755-2/8xxx xxxx ranges. */
export function phone(rng: Rng): string {
  return `0755-${rng.pick(['2', '8'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** A contact person and a phone (managers, institutions, enterprises), drawn in that order. */
export function contactOf(rng: Rng): { contact_person: string; contact_phone: string } {
  return { contact_person: personName(rng), contact_phone: phone(rng) };
}

/** Hands out brands and full names, never the same full name twice within one dataset. */
export class NameBook {
  private readonly usedBrands = new Set<string>();
  private readonly usedNames = new Set<string>();

  constructor(private readonly rng: Rng) {}

  private rawBrand(): string {
    for (;;) {
      const a = this.rng.pick(BRAND_FIRST);
      const b = this.rng.pick(BRAND_SECOND);
      if (a === b) continue;
      const brand = a + b;
      if (!REAL_BRANDS.has(brand)) return brand;
    }
  }

  /** A brand, preferring one not handed out before (the supply of fresh brands is finite at large scales). */
  brand(): string {
    if (this.usedBrands.size >= BRAND_CAPACITY) return this.rawBrand();
    for (let i = 0; i < 12; i++) {
      const b = this.rawBrand();
      if (!this.usedBrands.has(b)) {
        this.usedBrands.add(b);
        return b;
      }
    }
    return this.rawBrand();
  }

  /**
   * A full name built by `make(brand)`, unused so far in this dataset. After many collisions the brand
   * gets a third character, which always finds a free name.
   */
  unique(make: (brand: string) => string): { name: string; brand: string } {
    for (let i = 0; i < 40; i++) {
      let brand = this.brand();
      if (i >= 20) brand += this.rng.pick(BRAND_SECOND);
      const name = make(brand);
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return { name, brand };
      }
    }
    for (;;) {
      const brand = this.brand() + this.rng.pick(BRAND_SECOND) + this.rng.pick(BRAND_FIRST);
      const name = make(brand);
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return { name, brand };
      }
    }
  }

  /** Reserve a name written by hand (fund names), so generated ones never repeat it. */
  reserve(name: string) {
    this.usedNames.add(name);
  }
}

/** The business words that follow the brand in an enterprise name, per industry. */
export const ENTERPRISE_WORDS: Record<Industry, string[]> = {
  auto: [
    '新能源汽车科技',
    '智能驾驶技术',
    '汽车电子',
    '动力系统',
    '电驱动科技',
    '车联网科技',
    '智能网联科技',
    '汽车零部件',
  ],
  storage: ['储能科技', '新能源科技', '电池材料', '储能技术', '能源科技', '电力电子', '氢能科技', '储能系统'],
  bio: ['生物医药', '生物科技', '医疗器械', '基因科技', '药业', '医疗科技', '细胞科技', '生命科学'],
  semi: ['半导体', '微电子', '集成电路', '芯片技术', '半导体设备', '电子材料', '光电科技', '半导体材料'],
  terminal: [
    '智能终端',
    '电子科技',
    '智能科技',
    '显示技术',
    '通信设备',
    '智能硬件',
    '声学科技',
    '可穿戴科技',
  ],
  ict: [
    '信息技术',
    '数据科技',
    '软件',
    '人工智能科技',
    '网络科技',
    '云计算科技',
    '物联网技术',
    '工业互联网科技',
  ],
  other: ['新材料', '环保科技', '精密制造', '智能装备', '检测技术', '机器人科技'],
};

/** Words for a landed project's name, per industry. */
export const PROJECT_WORDS: Record<Industry, string[]> = {
  auto: ['新能源汽车核心零部件生产基地', '智能驾驶研发中心', '电驱动系统产线', '汽车电子制造基地'],
  storage: ['储能电池生产基地', '储能系统集成基地', '电池材料产业化', '储能变流器产线'],
  bio: ['创新药研发及产业化', '医疗器械生产基地', '生物药中试基地', '体外诊断试剂产业化'],
  semi: ['芯片设计及封测', '半导体材料产线', '功率器件产业化', '第三代半导体研发中心'],
  terminal: ['智能终端生产基地', '可穿戴设备研发中心', '新型显示模组产线', '智能硬件制造基地'],
  ict: ['总部及研发中心', '工业互联网平台', '人工智能研发中心', '数据中心'],
  other: ['生产基地', '研发中心', '智能制造基地'],
};

/** Shenzhen districts outside Pingshan, with the administrative division code a USCC carries. */
export const OTHER_DISTRICTS = [
  { name: '南山区', code: '440305' },
  { name: '福田区', code: '440304' },
  { name: '宝安区', code: '440306' },
  { name: '龙岗区', code: '440307' },
  { name: '龙华区', code: '440309' },
  { name: '光明区', code: '440311' },
  { name: '罗湖区', code: '440303' },
] as const;

export const PINGSHAN = { name: '坪山区', code: '440310' } as const;
/** Codes registered at Shenzhen city level carry 440300. */
export const SHENZHEN_CITY = '440300';

// ---- codes ----

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';

/** GB 11714 check character of an 8-character organization code (letters count 10 for A, 11 for B …). */
function orgCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * weights[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** The fourth character of Shenzhen 'MA5…' organization codes roughly follows the year of registration. */
function ma5Letter(founded: string): string {
  const y = Number(founded.slice(0, 4));
  if (y <= 2016) return 'D';
  if (y <= 2017) return 'E';
  if (y <= 2019) return 'F';
  if (y <= 2021) return 'G';
  if (y <= 2023) return 'H';
  return 'J';
}

/**
 * A unified social credit code, valid per GB 32100 (check character by completeUscc) and, in positions
 * 9–17, a well-formed organization code per GB 11714: 'MA5…' for entities registered after the 2015
 * reform, eight digits before. `used` keeps the codes unique across the whole dataset.
 */
export function makeUscc(rng: Rng, districtCode: string, founded: string, used: Set<string>): string {
  for (;;) {
    let org = '';
    if (founded >= '2015-10-01') {
      org = `MA5${ma5Letter(founded)}`;
      for (let i = 0; i < 4; i++) org += USCC_CHARSET[rng.int(0, 30)];
    } else {
      // Shenzhen organization codes of the time: 19…/27… before 2000, 6…/7… in the 2000s, 5…/0…/3… after.
      const y = Number(founded.slice(0, 4));
      const prefixes =
        y < 2000
          ? ['19', '27', '61']
          : y < 2010
            ? ['66', '67', '68', '69', '72', '75', '79']
            : ['55', '56', '57', '58', '59', '06', '07', '08', '31', '32', '34', '35'];
      org = rng.pick(prefixes);
      for (let i = 0; i < 6; i++) org += DIGITS[rng.int(0, 9)];
    }
    const code = completeUscc(`91${districtCode}${org}${orgCodeCheck(org)}`);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** An AMAC fund filing number like 'SGK386'. */
export function makeFilingNo(rng: Rng, used: Set<string>): string {
  for (;;) {
    const code = `S${LETTERS[rng.int(0, LETTERS.length - 1)]}${LETTERS[rng.int(0, LETTERS.length - 1)]}${rng.int(100, 999)}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** An AMAC manager registration number like 'P1061234'. */
export function makeManagerRegNo(rng: Rng, used: Set<string>): string {
  for (;;) {
    const code = `P10${rng.int(1, 7)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1–999 in Chinese numerals (二, 十二, 一百零一 …), for '二期' fund names. */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const head = `${CN_DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return head;
  if (rest < 10) return `${head}零${CN_DIGITS[rest]}`;
  return head + (rest < 20 ? `一${cnNumber(rest)}` : cnNumber(rest));
}
