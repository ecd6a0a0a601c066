// Host name ranges: web[01:03] → web01 web02 web03; db[a:c]; rack[1:2]-n[1:4:2]; steps as in Ansible.

const RANGE = /\[([0-9]+|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?\]/;

/** One expanded name and the numeric value of its (first) range, usable as {{ index }}. */
export interface Expanded {
  name: string;
  index: number | undefined;
}

/** Whether a name contains a range. */
export function hasRange(name: string): boolean {
  return RANGE.test(name);
}

/** Expands every range in a name; throws an Error with a readable message on a bad range. */
export function expandRange(name: string): Expanded[] {
  const m = RANGE.exec(name);
  if (!m) return [{ name, index: undefined }];
  const [whole, from = '', to = '', stepText] = m;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1) throw new Error(`range step must be at least 1 in "${name}"`);
  const head = name.slice(0, m.index);
  const tail = name.slice(m.index + whole.length);
  const items = expandOne(from, to, step, name);
  const out: Expanded[] = [];
  for (const item of items) {
    for (const rest of expandRange(tail)) out.push({ name: head + item.text + rest.name, index: item.index });
  }
  return out;
}

function expandOne(from: string, to: string, step: number, name: string): { text: string; index: number | undefined }[] {
  const numeric = /^\d+$/.test(from);
  if (numeric !== /^\d+$/.test(to)) throw new Error(`range bounds must both be numbers or both letters in "${name}"`);
  if (numeric) {
    const a = Number(from);
    const b = Number(to);
    if (a > b) throw new Error(`range start ${from} is after its end ${to} in "${name}"`);
    // Zero padding follows the start bound as written: [01:10] → 01..10; [1:10] → 1..10.
    const width = from.length > 1 && from.startsWith('0') ? from.length : 0;
    const out = [];
    for (let i = a; i <= b; i += step) out.push({ text: String(i).padStart(width, '0'), index: i });
    return out;
  }
  const a = from.charCodeAt(0);
  const b = to.charCodeAt(0);
  if (a > b) throw new Error(`range start ${from} is after its end ${to} in "${name}"`);
  const out = [];
  for (let c = a; c <= b; c += step) out.push({ text: String.fromCharCode(c), index: c - a + 1 });
  return out;
}

const FOLDED = /\[(\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)\]/;

/** Whether a name holds a clush-style folded range (`web[01-03,07]`), as `exec` prints group titles. */
export function hasFoldedRange(name: string): boolean {
  const m = FOLDED.exec(name);
  return m !== null && /[-,]/.test(m[1] ?? '');
}

/** Expands clush-style folded ranges: web[01-03,07] → web01 web02 web03 web07 (padding as written). */
export function expandFolded(name: string): string[] {
  const m = FOLDED.exec(name);
  if (!m) return [name];
  const head = name.slice(0, m.index);
  const tails = expandFolded(name.slice(m.index + m[0].length));
  const out: string[] = [];
  for (const part of (m[1] ?? '').split(',')) {
    const [from = '', to = from] = part.split('-');
    const width = from.length > 1 && from.startsWith('0') ? from.length : 0;
    for (let i = Number(from); i <= Number(to); i++) for (const t of tails) out.push(head + String(i).padStart(width, '0') + t);
  }
  return out;
}

/**
 * Folds host names into clush-style ranges for display, one implementation for every host list smoker
 * prints: web02..web11 db12..db21 → `web[02-11],db[12-21]`. The last number of a name is folded; zero
 * padding is kept (a padded width never merges with another width), unpadded numbers of any length
 * merge (n9 n10 → n[9-10]); groups keep the order of their first name, duplicates show once.
 */
export function foldHosts(names: readonly string[]): string {
  const parsed = [...new Set(names)].map(splitNumber);
  // Widths spelled with a leading zero, per prefix/suffix: an unpadded number of that length (web10 beside web01) joins them.
  const padded = new Set(parsed.flatMap((p) => (p.digits !== undefined && isPadded(p.digits) ? [`${p.stem}\u0000${p.digits.length}`] : [])));
  const groups = new Map<string, { pre: string; post: string; width: number; nums: number[]; raw: string[] }>();
  for (const p of parsed) {
    if (p.digits === undefined) {
      groups.set(`plain\u0000${p.name}`, { pre: p.name, post: '', width: 0, nums: [], raw: [p.name] });
      continue;
    }
    const width = isPadded(p.digits) || padded.has(`${p.stem}\u0000${p.digits.length}`) ? p.digits.length : 0;
    const key = `${p.stem}\u0000${width}`;
    const g = groups.get(key) ?? { pre: p.pre, post: p.post, width, nums: [], raw: [] };
    g.nums.push(Number(p.digits));
    g.raw.push(p.name);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => (g.raw.length === 1 ? g.raw[0] ?? '' : `${g.pre}[${foldNumbers(g.nums, g.width)}]${g.post}`)).join(',');
}

/** A name cut around its last number: `web01.example.com` → web, 01, .example.com. */
function splitNumber(name: string): { name: string; pre: string; digits: string | undefined; post: string; stem: string } {
  const m = /^(.*?)(\d+)(\D*)$/.exec(name);
  if (!m) return { name, pre: name, digits: undefined, post: '', stem: name };
  const [, pre = '', digits = '', post = ''] = m;
  return { name, pre, digits, post, stem: `${pre}\u0000${post}` };
}

function isPadded(digits: string): boolean {
  return digits.length > 1 && digits.startsWith('0');
}

/** Sorted numbers as runs: 1 2 3 7 → `1-3,7`, each padded to `width`. */
function foldNumbers(numbers: readonly number[], width: number): string {
  const nums = [...new Set(numbers)].sort((x, y) => x - y);
  const pad = (x: number) => String(x).padStart(width, '0');
  const parts: string[] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && (nums[j + 1] ?? 0) === (nums[j] ?? 0) + 1) j++;
    const a = nums[i] ?? 0;
    const b = nums[j] ?? 0;
    parts.push(a === b ? pad(a) : `${pad(a)}-${pad(b)}`);
    i = j + 1;
  }
  return parts.join(',');
}
