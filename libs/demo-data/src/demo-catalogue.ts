/** A believable fashion catalogue, generated deterministically: types, cuts, colours, sizes, prices. */
export interface ProductSeed {
  slug: string;
  name: string;
  description: string;
  brand: string;
  category: string;
  variants: { sku: string; size: string; colour: string; price: number }[];
}

const APPAREL = ['XS', 'S', 'M', 'L', 'XL'];
const TROUSERS = ['36', '38', '40', '42', '44'];
const SHOES = ['38', '39', '40', '41', '42', '43', '44'];

const TYPES: { code: string; name: string; category: string; sizes: string[]; price: number }[] = [
  { code: 'TRC', name: 'Trench coat', category: 'coats', sizes: APPAREL, price: 18900 },
  { code: 'WCT', name: 'Wool coat', category: 'coats', sizes: APPAREL, price: 22900 },
  { code: 'PRK', name: 'Parka', category: 'coats', sizes: APPAREL, price: 15900 },
  { code: 'DNJ', name: 'Denim jacket', category: 'jackets', sizes: APPAREL, price: 8900 },
  { code: 'LTJ', name: 'Leather jacket', category: 'jackets', sizes: APPAREL, price: 29900 },
  { code: 'BLZ', name: 'Blazer', category: 'jackets', sizes: APPAREL, price: 13900 },
  { code: 'WRD', name: 'Wrap dress', category: 'dresses', sizes: APPAREL, price: 7900 },
  { code: 'SHD', name: 'Shirt dress', category: 'dresses', sizes: APPAREL, price: 6900 },
  { code: 'TSH', name: 'T-shirt', category: 'tops', sizes: APPAREL, price: 2500 },
  { code: 'BRT', name: 'Breton top', category: 'tops', sizes: APPAREL, price: 3900 },
  { code: 'OXF', name: 'Oxford shirt', category: 'shirts', sizes: APPAREL, price: 5900 },
  { code: 'LNS', name: 'Linen shirt', category: 'shirts', sizes: APPAREL, price: 6500 },
  { code: 'MRJ', name: 'Merino jumper', category: 'knitwear', sizes: APPAREL, price: 7900 },
  { code: 'CSC', name: 'Cashmere cardigan', category: 'knitwear', sizes: APPAREL, price: 16900 },
  { code: 'CHN', name: 'Chinos', category: 'trousers', sizes: TROUSERS, price: 6900 },
  { code: 'SJN', name: 'Straight jeans', category: 'jeans', sizes: TROUSERS, price: 7900 },
  { code: 'WLT', name: 'Wide-leg trousers', category: 'trousers', sizes: TROUSERS, price: 8500 },
  { code: 'PLS', name: 'Pleated skirt', category: 'skirts', sizes: TROUSERS, price: 6500 },
  { code: 'CNS', name: 'Canvas sneaker', category: 'shoes', sizes: SHOES, price: 5900 },
  { code: 'CHB', name: 'Chelsea boot', category: 'shoes', sizes: SHOES, price: 14900 },
  { code: 'LOF', name: 'Leather loafer', category: 'shoes', sizes: SHOES, price: 11900 },
  { code: 'ESP', name: 'Espadrille', category: 'shoes', sizes: SHOES, price: 3900 },
  { code: 'SCF', name: 'Wool scarf', category: 'accessories', sizes: ['U'], price: 3900 },
  { code: 'BLT', name: 'Leather belt', category: 'accessories', sizes: ['S', 'M', 'L'], price: 4500 },
  { code: 'TOT', name: 'Canvas tote', category: 'bags', sizes: ['U'], price: 2900 },
];

const CUTS = ['Classic', 'Relaxed', 'Tailored', 'Oversized', 'Cropped', 'Organic cotton', 'Recycled', 'Essential'];
const COLOURS: [string, string][] = [
  ['NAV', 'navy'],
  ['BLK', 'black'],
  ['ECR', 'ecru'],
  ['CML', 'camel'],
  ['KHK', 'khaki'],
  ['BRG', 'burgundy'],
  ['GRY', 'grey marl'],
  ['GRN', 'forest green'],
  ['SKY', 'sky blue'],
  ['RST', 'rust'],
];
const BRANDS = ['Maison Lumière', 'Atelier Nord', 'Rive Gauche', 'Côte Sauvage', 'Les Ateliers Bleus'];

/** Product number `n` (0-based) of the generated catalogue; stable across runs for the same `n`. */
export function productSeed(n: number, sizesPerProduct?: number): ProductSeed {
  const type = TYPES[n % TYPES.length];
  const cut = CUTS[Math.floor(n / TYPES.length) % CUTS.length];
  const [colourCode, colour] = COLOURS[Math.floor(n / (TYPES.length * CUTS.length)) % COLOURS.length];
  const brand = BRANDS[n % BRANDS.length];
  const seq = String(n + 1).padStart(5, '0');
  const name = `${cut} ${type.name.toLowerCase()}, ${colour}`.replace(/^./, (c) => c.toUpperCase());
  const sizes = sizesPerProduct ? padSizes(type.sizes, sizesPerProduct) : type.sizes;
  const price = type.price + ((n * 7) % 5) * 1000;
  return {
    slug: `${slugify(`${cut} ${type.name} ${colour}`)}-${seq}`,
    name,
    description: `${cut} ${type.name.toLowerCase()} in ${colour}, by ${brand}.`,
    brand,
    category: type.category,
    variants: sizes.map((size) => ({ sku: `${type.code}-${seq}-${colourCode}-${size}`, size, colour, price })),
  };
}

function padSizes(sizes: string[], count: number): string[] {
  const out = sizes.slice(0, count);
  for (let i = out.length; i < count; i++) out.push(`X${i}`);
  return out;
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
