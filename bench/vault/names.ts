// Synthetic names for the benchmark vault: unique per index by construction, in Latin and Chinese script.

const SYLLABLES = [
  'an', 'bao', 'chen', 'da', 'fang', 'gao', 'hai', 'hua', 'jin', 'kang', 'lan', 'li', 'lu', 'ming', 'nan', 'ping',
  'qi', 'rui', 'shan', 'tai', 'tian', 'wei', 'xin', 'yang', 'yi', 'yu', 'zhen', 'zhi', 'mor', 'vel', 'kor', 'sel',
  'dor', 'fen', 'gar', 'hol', 'ken', 'lor', 'mar', 'ner',
];
const HANZI = '安宝辰达方高海华金康兰立路明南平奇瑞山泰天伟信阳义宇振志东西北中新光远通';
const FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Smith', 'Johnson', 'Garcia', 'Nguyen', 'Kim', 'Müller', 'Rossi', 'Ivanova', 'Okafor', 'Haddad', 'Tanaka'];
const FAMILY_HANZI = ['王', '李', '张', '刘', '陈', '史', '约', '贾', '阮', '金', '穆', '罗', '伊', '奥', '哈', '田'];

/** Digits of `n` in base `b`, most significant first, at least `width` of them. */
function digits(n: number, b: number, width: number): number[] {
  const out: number[] = [];
  do { out.unshift(n % b); n = Math.floor(n / b); } while (n > 0);
  while (out.length < width) out.unshift(0);
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A pronounceable word unique to `n` (three syllables cover 64 000 values, four 2.5 million). */
export function wordFor(n: number): string {
  return cap(digits(scatter(n), SYLLABLES.length, 3).map((d) => SYLLABLES[d]).join(''));
}

/** A bijection on [0, space) (multiplier coprime to the space), so neighbouring indices get unrelated names. */
function scatter(n: number): number {
  const space = n < 64_000 ? 64_000 : 2_560_000;
  return (n * 7919 + 12_345) % space;
}

/** A Chinese-script rendering of the same number, unique per `n` in the same way. */
export function hanziFor(n: number): string {
  return digits(scatter(n), HANZI.length, 3).map((d) => HANZI[d]).join('');
}

export function personName(n: number): { title: string; alias: string; hanzi: string } {
  const family = FAMILY[n % FAMILY.length];
  const given = wordFor(n);
  return { title: `${given} ${family}`, alias: `${family} ${given}`, hanzi: `${FAMILY_HANZI[n % FAMILY_HANZI.length]}${hanziFor(n)}` };
}

const ORG_KINDS = [['Technology', '科技'], ['Optics', '光学'], ['Holdings', '控股'], ['Semiconductor', '半导体'], ['Security', '安防'], ['Trading', '贸易']];
const AGENCY_KINDS = [['Bureau of', '局'], ['Ministry of', '部'], ['Office of', '办公室'], ['Commission for', '委员会']];
const EVENT_KINDS = ['hearing', 'listing', 'summit', 'statement', 'raid', 'lawsuit'];
const LAW_KINDS = ['Act', 'Regulations', 'List', 'Directive'];

export function orgName(n: number): { title: string; alias: string; hanzi: string } {
  const [en, zh] = ORG_KINDS[n % ORG_KINDS.length];
  const w = wordFor(n);
  return { title: `${w} ${en} Co., Ltd.`, alias: `${w} ${en}`, hanzi: `${hanziFor(n)}${zh}` };
}

export function agencyName(n: number): { title: string; alias: string; hanzi: string } {
  const [en, zh] = AGENCY_KINDS[n % AGENCY_KINDS.length];
  const w = wordFor(n);
  return { title: `${en} ${w} Affairs`, alias: `${w} ${en.split(' ')[0]}`, hanzi: `${hanziFor(n)}${zh}` };
}

export function eventName(n: number, year: number): { title: string; alias: string; hanzi: string } {
  const w = wordFor(n);
  const kind = EVENT_KINDS[n % EVENT_KINDS.length];
  return { title: `${w} ${kind} of ${year}`, alias: `${w} ${kind}`, hanzi: `${year}年${hanziFor(n)}事件` };
}

export function lawName(n: number): { title: string; alias: string; hanzi: string } {
  const w = wordFor(n);
  const kind = LAW_KINDS[n % LAW_KINDS.length];
  return { title: `${w} ${kind}`, alias: `${w.slice(0, 3).toUpperCase()}${n} ${kind}`, hanzi: `${hanziFor(n)}法` };
}

const PUBLISHERS = ['Straits Times', 'South China Morning Post', 'Reuters', 'Federal Register', 'Xinhua', 'Bloomberg', 'Caixin', 'Nikkei Asia'];

export function sourceName(n: number, date: string): { title: string; publisher: string } {
  const publisher = PUBLISHERS[n % PUBLISHERS.length];
  return { title: `${publisher} ${date} ${wordFor(n)} report`, publisher };
}
