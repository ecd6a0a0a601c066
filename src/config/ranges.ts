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

/** Folds host names back into ranges for display: web01 web02 web03 web07 → web[01-03,07]. */
export function foldHosts(names: readonly string[]): string {
  const groups = new Map<string, { width: number; nums: number[]; raw: string[] }>();
  const plain: string[] = [];
  const order: string[] = [];
  for (const n of names) {
    const m = /^(.*?)(\d+)(\D*)$/.exec(n);
    if (!m) {
      plain.push(n);
      order.push(n);
      continue;
    }
    const [, pre = '', digits = '', post = ''] = m;
    const key = `${pre}\u0000${post}\u0000${digits.length}`;
    let g = groups.get(key);
    if (!g) {
      g = { width: digits.length, nums: [], raw: [] };
      groups.set(key, g);
      order.push(key);
    }
    g.nums.push(Number(digits));
    g.raw.push(n);
  }
  return order
    .map((key) => {
      const g = groups.get(key);
      if (!g) return key;
      if (g.nums.length === 1) return g.raw[0] ?? '';
      const [pre = '', post = ''] = key.split('\u0000');
      const nums = [...new Set(g.nums)].sort((x, y) => x - y);
      const pad = (x: number) => String(x).padStart(g.width, '0');
      const parts: string[] = [];
      for (let i = 0; i < nums.length; ) {
        let j = i;
        while (j + 1 < nums.length && (nums[j + 1] ?? 0) === (nums[j] ?? 0) + 1) j++;
        const a = nums[i] ?? 0;
        const b = nums[j] ?? 0;
        parts.push(a === b ? pad(a) : `${pad(a)}-${pad(b)}`);
        i = j + 1;
      }
      return `${pre}[${parts.join(',')}]${post}`;
    })
    .join(',');
}
