// Synthetic articles for store and scale tests: varied enough that no two are
// copies, realistic enough to pass cleaning and segmentation.
const PLACES = ['Ardmore', 'Belhaven', 'Corrin', 'Dunmore', 'Eskdale', 'Fairlie', 'Glenrock', 'Harwick', 'Inverary', 'Jedburgh'];
const EVENTS = ['a bridge collapse', 'a warehouse fire', 'flash flooding', 'a transit strike', 'a power outage', 'a landslide'];
const OFFICIALS = ['the mayor', 'a fire chief', 'the regional governor', 'a police spokesman', 'the transport minister'];

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticArticle(i: number): { title: string; text: string; source: string; published: string } {
  const r = rng(i + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const place = pick(PLACES);
  const event = pick(EVENTS);
  const n = 3 + Math.floor(r() * 400);
  const day = 1 + (i % 28);
  const paras = [
    `Residents of ${place} were still counting the cost of ${event} on report number ${i}, ${pick(OFFICIALS)} said.`,
    `At least ${n} households were affected, and crews worked through the night near the ${pick(['river', 'station', 'market', 'harbour'])} district.`,
    `"We have never seen anything like this in ${place}," said a shopkeeper who gave her name as ${pick(['Ann', 'Mira', 'Tess', 'Oona'])} ${pick(['Reid', 'Cole', 'Hart', 'Vance'])}.`,
    `Officials expect the ${pick(['road', 'line', 'bridge', 'school'])} to reopen within ${2 + Math.floor(r() * 20)} days, case ${i * 7919}.`,
  ];
  return {
    title: `${event[0].toUpperCase()}${event.slice(1)} hits ${place} (${i})`,
    text: paras.join('\n\n'),
    source: pick(['Valley Courier', 'Northern Star', 'Coast Herald', 'Daily Ledger']),
    published: `2024-04-${String(day).padStart(2, '0')}`,
  };
}

export function syntheticJsonl(count: number, offset = 0): string {
  const lines: string[] = [];
  for (let i = offset; i < offset + count; i++) lines.push(JSON.stringify({ id: i, ...syntheticArticle(i) }));
  return lines.join('\n') + '\n';
}
