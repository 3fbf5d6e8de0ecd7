/** Twenty stores in real French cities and two warehouses: the demo retailer's network. */
export interface LocationSeed {
  code: string;
  name: string;
  type: 'STORE' | 'WAREHOUSE';
  lat: number;
  lng: number;
  line1: string;
  city: string;
  postalCode: string;
}

// Kept as a table: one row per location.
// prettier-ignore
export const DEMO_LOCATIONS: LocationSeed[] = [
  { code: 'PAR-MARAIS', name: 'Paris Le Marais', type: 'STORE', lat: 48.8575, lng: 2.3622, line1: '12 rue des Francs-Bourgeois', city: 'Paris', postalCode: '75003' },
  { code: 'PAR-OPERA', name: 'Paris Opéra', type: 'STORE', lat: 48.872, lng: 2.3316, line1: '40 boulevard Haussmann', city: 'Paris', postalCode: '75009' },
  { code: 'PAR-SGERMAIN', name: 'Paris Saint-Germain', type: 'STORE', lat: 48.8534, lng: 2.3337, line1: '150 boulevard Saint-Germain', city: 'Paris', postalCode: '75006' },
  { code: 'BOULOGNE', name: 'Boulogne-Billancourt', type: 'STORE', lat: 48.8397, lng: 2.2399, line1: '80 boulevard Jean Jaurès', city: 'Boulogne-Billancourt', postalCode: '92100' },
  { code: 'LYON', name: 'Lyon Presqu\'île', type: 'STORE', lat: 45.764, lng: 4.8357, line1: '55 rue de la République', city: 'Lyon', postalCode: '69002' },
  { code: 'MARSEILLE', name: 'Marseille Vieux-Port', type: 'STORE', lat: 43.2965, lng: 5.3698, line1: '20 La Canebière', city: 'Marseille', postalCode: '13001' },
  { code: 'TOULOUSE', name: 'Toulouse Capitole', type: 'STORE', lat: 43.6047, lng: 1.4442, line1: '10 rue d\'Alsace-Lorraine', city: 'Toulouse', postalCode: '31000' },
  { code: 'NICE', name: 'Nice Masséna', type: 'STORE', lat: 43.7102, lng: 7.262, line1: '15 avenue Jean Médecin', city: 'Nice', postalCode: '06000' },
  { code: 'NANTES', name: 'Nantes Graslin', type: 'STORE', lat: 47.2184, lng: -1.5536, line1: '8 rue Crébillon', city: 'Nantes', postalCode: '44000' },
  { code: 'STRASBOURG', name: 'Strasbourg Kléber', type: 'STORE', lat: 48.5734, lng: 7.7521, line1: '3 place Kléber', city: 'Strasbourg', postalCode: '67000' },
  { code: 'MONTPELLIER', name: 'Montpellier Comédie', type: 'STORE', lat: 43.6108, lng: 3.8767, line1: '9 rue de la Loge', city: 'Montpellier', postalCode: '34000' },
  { code: 'BORDEAUX', name: 'Bordeaux Sainte-Catherine', type: 'STORE', lat: 44.8378, lng: -0.5792, line1: '100 rue Sainte-Catherine', city: 'Bordeaux', postalCode: '33000' },
  { code: 'LILLE', name: 'Lille Grand Place', type: 'STORE', lat: 50.6292, lng: 3.0573, line1: '25 rue Neuve', city: 'Lille', postalCode: '59000' },
  { code: 'RENNES', name: 'Rennes République', type: 'STORE', lat: 48.1173, lng: -1.6778, line1: '6 rue d\'Orléans', city: 'Rennes', postalCode: '35000' },
  { code: 'REIMS', name: 'Reims Centre', type: 'STORE', lat: 49.2583, lng: 4.0317, line1: '30 place Drouet d\'Erlon', city: 'Reims', postalCode: '51100' },
  { code: 'GRENOBLE', name: 'Grenoble Victor Hugo', type: 'STORE', lat: 45.1885, lng: 5.7245, line1: '4 place Victor Hugo', city: 'Grenoble', postalCode: '38000' },
  { code: 'DIJON', name: 'Dijon Liberté', type: 'STORE', lat: 47.322, lng: 5.0415, line1: '60 rue de la Liberté', city: 'Dijon', postalCode: '21000' },
  { code: 'ANGERS', name: 'Angers Ralliement', type: 'STORE', lat: 47.4784, lng: -0.5632, line1: '2 place du Ralliement', city: 'Angers', postalCode: '49100' },
  { code: 'AIX', name: 'Aix-en-Provence Mirabeau', type: 'STORE', lat: 43.5297, lng: 5.4474, line1: '40 cours Mirabeau', city: 'Aix-en-Provence', postalCode: '13100' },
  { code: 'ANNECY', name: 'Annecy Vieille Ville', type: 'STORE', lat: 45.8992, lng: 6.1294, line1: '11 rue Royale', city: 'Annecy', postalCode: '74000' },
  { code: 'WH-IDF', name: 'Entrepôt Île-de-France', type: 'WAREHOUSE', lat: 48.6261, lng: 2.593, line1: 'ZAC de Chanteloup', city: 'Moissy-Cramayel', postalCode: '77550' },
  { code: 'WH-SUD', name: 'Entrepôt Rhône-Alpes', type: 'WAREHOUSE', lat: 45.7256, lng: 5.0811, line1: 'Parc logistique de l\'aéroport', city: 'Colombier-Saugnieu', postalCode: '69124' },
];

/** Extra locations for large data sets: stores at pseudo-random points in mainland France, a warehouse in 20. */
export function generatedLocations(count: number, random: () => number): LocationSeed[] {
  const out: LocationSeed[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(4, '0');
    const warehouse = i % 20 === 19;
    out.push({
      code: `${warehouse ? 'WH' : 'ST'}-${n}`,
      name: `${warehouse ? 'Warehouse' : 'Store'} ${n}`,
      type: warehouse ? 'WAREHOUSE' : 'STORE',
      lat: round(43.3 + random() * 7.5),
      lng: round(-1.5 + random() * 8.5),
      line1: `${1 + Math.floor(random() * 200)} rue du Commerce`,
      city: 'France',
      postalCode: String(10000 + Math.floor(random() * 85000)),
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
