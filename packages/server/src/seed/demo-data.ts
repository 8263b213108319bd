/**
 * Static material for the demo seed: a small outdoor/lifestyle brand ("Nordwind") selling in a
 * web shop, on a marketplace and to business customers, from three European warehouses.
 * Prices are minor units of EUR. E-mail addresses use the reserved example domains only.
 */

export const CURRENCY = 'EUR';

export const CHANNELS = [
  { code: 'WEB', name: 'Nordwind web shop', currency: CURRENCY },
  { code: 'MARKET', name: 'Marketplace (Nordwind store)', currency: CURRENCY },
  { code: 'B2B', name: 'B2B portal', currency: CURRENCY },
] as const;

export type ChannelCode = (typeof CHANNELS)[number]['code'];

export const WAREHOUSES = [
  { code: 'BER', name: 'Berlin fulfilment centre', priority: 1, country: 'DE' },
  { code: 'AMS', name: 'Amsterdam warehouse', priority: 2, country: 'NL' },
  { code: 'MAD', name: 'Madrid warehouse', priority: 3, country: 'ES' },
] as const;

export type WarehouseCode = (typeof WAREHOUSES)[number]['code'];

export interface DemoProduct {
  sku: string;
  name: string;
  /** Minor units of EUR. */
  price: number;
  /** Relative popularity. */
  weight: number;
  /** Sold in bulk to business customers. */
  b2b?: boolean;
  /** Limited edition sold as pre-order: allowBackorder, little stock. */
  backorder?: boolean;
  /** Runs low: supply barely covers demand. */
  low?: boolean;
  /** Warehouses that stock it, main one first (default all three, Berlin first). */
  stockAt?: WarehouseCode[];
  /** Units per order line are usually higher (packs, small items). */
  multi?: boolean;
}

const tee = (
  color: string,
  colorName: string,
  size: string,
  weight: number,
  extra: Partial<DemoProduct> = {},
): DemoProduct => ({
  sku: `TSHIRT-${color}-${size}`,
  name: `Organic Cotton T-Shirt, ${colorName}, ${size}`,
  price: 2495,
  weight,
  b2b: true,
  ...extra,
});

export const PRODUCTS: DemoProduct[] = [
  tee('BLK', 'Black', 'S', 5),
  tee('BLK', 'Black', 'M', 10),
  tee('BLK', 'Black', 'L', 9),
  tee('BLK', 'Black', 'XL', 5),
  tee('WHT', 'White', 'S', 4),
  tee('WHT', 'White', 'M', 8),
  tee('WHT', 'White', 'L', 7),
  tee('WHT', 'White', 'XL', 3, { low: true }),
  tee('NVY', 'Navy', 'S', 3, { stockAt: ['AMS', 'BER'] }),
  tee('NVY', 'Navy', 'M', 6, { stockAt: ['AMS', 'BER'] }),
  tee('NVY', 'Navy', 'L', 5, { stockAt: ['AMS', 'BER'] }),
  tee('NVY', 'Navy', 'XL', 2, { stockAt: ['AMS'] }),
  { sku: 'HOODIE-GRY-S', name: 'Heavyweight Hoodie, Heather Grey, S', price: 5995, weight: 3, b2b: true },
  { sku: 'HOODIE-GRY-M', name: 'Heavyweight Hoodie, Heather Grey, M', price: 5995, weight: 6, b2b: true },
  { sku: 'HOODIE-GRY-L', name: 'Heavyweight Hoodie, Heather Grey, L', price: 5995, weight: 6, b2b: true },
  { sku: 'HOODIE-GRY-XL', name: 'Heavyweight Hoodie, Heather Grey, XL', price: 5995, weight: 3, b2b: true },
  {
    sku: 'HOODIE-OLV-M',
    name: 'Heavyweight Hoodie, Olive (limited edition), M',
    price: 6495,
    weight: 4,
    backorder: true,
    stockAt: ['BER'],
  },
  {
    sku: 'HOODIE-OLV-L',
    name: 'Heavyweight Hoodie, Olive (limited edition), L',
    price: 6495,
    weight: 3,
    backorder: true,
    stockAt: ['BER'],
  },
  { sku: 'SWEAT-CRM-M', name: 'Crewneck Sweatshirt, Cream, M', price: 4995, weight: 3 },
  { sku: 'SWEAT-CRM-L', name: 'Crewneck Sweatshirt, Cream, L', price: 4995, weight: 3 },
  { sku: 'JACKET-RAIN-M', name: 'Packable Rain Jacket, Slate, M', price: 8995, weight: 2, stockAt: ['BER'] },
  { sku: 'JACKET-RAIN-L', name: 'Packable Rain Jacket, Slate, L', price: 8995, weight: 2, low: true, stockAt: ['BER'] },
  { sku: 'CAP-BLK', name: 'Six-Panel Cap, Black', price: 1995, weight: 5, b2b: true },
  { sku: 'CAP-SND', name: 'Six-Panel Cap, Sand', price: 1995, weight: 3, b2b: true },
  { sku: 'BEANIE-GRY', name: 'Merino Beanie, Grey', price: 1795, weight: 4, b2b: true },
  { sku: 'BEANIE-MST', name: 'Merino Beanie, Mustard', price: 1795, weight: 3 },
  { sku: 'SOCKS-3PK-3538', name: 'Hiking Socks, 3-pack, 35-38', price: 1495, weight: 3, multi: true },
  { sku: 'SOCKS-3PK-3942', name: 'Hiking Socks, 3-pack, 39-42', price: 1495, weight: 6, multi: true },
  { sku: 'SOCKS-3PK-4346', name: 'Hiking Socks, 3-pack, 43-46', price: 1495, weight: 5, multi: true },
  { sku: 'MUG-ENML-WHT', name: 'Enamel Camp Mug, White, 350 ml', price: 1495, weight: 6, b2b: true, multi: true },
  {
    sku: 'MUG-CER-BLK',
    name: 'Ceramic Mug, Matte Black, 330 ml',
    price: 1295,
    weight: 5,
    b2b: true,
    multi: true,
    stockAt: ['AMS', 'BER', 'MAD'],
  },
  { sku: 'BOTTLE-STL-500', name: 'Insulated Steel Bottle, 500 ml', price: 2495, weight: 5, b2b: true },
  { sku: 'BOTTLE-STL-750', name: 'Insulated Steel Bottle, 750 ml', price: 2995, weight: 4, b2b: true },
  { sku: 'THERMOS-1L', name: 'Vacuum Flask, 1 l', price: 3495, weight: 3 },
  { sku: 'TOTE-CNV-NAT', name: 'Canvas Tote Bag, Natural', price: 1495, weight: 6, b2b: true },
  { sku: 'BACKPACK-20L-BLK', name: 'Daypack 20 l, Black', price: 7995, weight: 4 },
  {
    sku: 'BACKPACK-20L-OLV',
    name: 'Daypack 20 l, Olive (limited edition)',
    price: 7995,
    weight: 2,
    backorder: true,
    stockAt: ['BER'],
  },
  {
    sku: 'DUFFEL-40L-BLK',
    name: 'Weekender Duffel 40 l, Black',
    price: 9995,
    weight: 2,
    low: true,
    stockAt: ['BER', 'AMS'],
  },
  { sku: 'WALLET-LTH-BRN', name: 'Leather Card Wallet, Brown', price: 3995, weight: 2, stockAt: ['AMS', 'MAD'] },
  { sku: 'KEYRING-LTH', name: 'Leather Key Ring', price: 895, weight: 3, b2b: true, stockAt: ['AMS', 'MAD'] },
  {
    sku: 'NOTEBOOK-A5-DOT',
    name: 'Notebook A5, Dotted',
    price: 1295,
    weight: 5,
    b2b: true,
    multi: true,
    stockAt: ['AMS', 'BER'],
  },
  {
    sku: 'NOTEBOOK-A5-LIN',
    name: 'Notebook A5, Lined',
    price: 1295,
    weight: 3,
    b2b: true,
    multi: true,
    stockAt: ['AMS', 'BER'],
  },
  {
    sku: 'PEN-SET-3',
    name: 'Recycled Aluminium Pen Set (3)',
    price: 995,
    weight: 3,
    b2b: true,
    stockAt: ['AMS', 'BER'],
  },
  { sku: 'POSTER-A2-ALPS', name: 'Art Print A2, Alps at Dawn', price: 1995, weight: 3, stockAt: ['AMS', 'MAD'] },
  { sku: 'POSTER-A2-FJORD', name: 'Art Print A2, Fjord', price: 1995, weight: 3, stockAt: ['AMS', 'MAD'] },
  { sku: 'STICKER-PACK', name: 'Sticker Pack (10)', price: 495, weight: 7, b2b: true, multi: true },
  { sku: 'BLANKET-WOOL-GRY', name: 'Wool Blanket, Grey, 130x180', price: 8995, weight: 2, low: true, stockAt: ['AMS'] },
  { sku: 'LAMP-CAMP-LED', name: 'Rechargeable Camp Lantern', price: 3495, weight: 3 },
  { sku: 'SPORK-TI', name: 'Titanium Spork', price: 1495, weight: 3, multi: true },
  { sku: 'SUNGLASSES-POL', name: 'Polarised Sunglasses, Tortoise', price: 4995, weight: 2, stockAt: ['MAD', 'BER'] },
  { sku: 'UMBRELLA-CMP', name: 'Compact Umbrella, Black', price: 2995, weight: 3, stockAt: ['MAD', 'BER', 'AMS'] },
];

/** Postal code templates: # is a digit, L an upper-case letter, anything else is kept. */
export interface CountryData {
  code: string;
  weight: number;
  first: string[];
  last: string[];
  cities: [string, string][];
  streets: string[];
  /** How a street address is written; n is the house number. */
  address: (street: string, n: number) => string;
}

const numberAfter = (street: string, n: number) => `${street} ${n}`;

export const COUNTRIES: CountryData[] = [
  {
    code: 'DE',
    weight: 34,
    first: [
      'Lukas',
      'Anna',
      'Felix',
      'Lea',
      'Jonas',
      'Mia',
      'Paul',
      'Emma',
      'Leon',
      'Hannah',
      'Maximilian',
      'Sophie',
      'Tobias',
      'Laura',
      'Julia',
      'Niklas',
      'Katrin',
      'Jan',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Hoffmann',
      'Schulz',
      'Koch',
      'Richter',
      'Wolf',
      'Neumann',
      'Krüger',
      'Braun',
    ],
    cities: [
      ['Berlin', '10###'],
      ['Berlin', '12###'],
      ['Hamburg', '20###'],
      ['München', '80###'],
      ['Köln', '50###'],
      ['Frankfurt am Main', '60###'],
      ['Leipzig', '04###'],
      ['Stuttgart', '70###'],
      ['Dresden', '01###'],
      ['Freiburg im Breisgau', '79###'],
    ],
    streets: [
      'Hauptstraße',
      'Bahnhofstraße',
      'Gartenweg',
      'Schillerstraße',
      'Goethestraße',
      'Lindenallee',
      'Kastanienallee',
      'Bergstraße',
      'Am Markt',
      'Friedrichstraße',
    ],
    address: numberAfter,
  },
  {
    code: 'NL',
    weight: 15,
    first: [
      'Daan',
      'Emma',
      'Sem',
      'Julia',
      'Lucas',
      'Tess',
      'Finn',
      'Sophie',
      'Bram',
      'Anouk',
      'Ruben',
      'Fleur',
      'Thijs',
      'Lotte',
    ],
    last: [
      'de Jong',
      'Jansen',
      'de Vries',
      'van den Berg',
      'van Dijk',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
      'Bos',
    ],
    cities: [
      ['Amsterdam', '10## LL'],
      ['Rotterdam', '30## LL'],
      ['Utrecht', '35## LL'],
      ['Den Haag', '25## LL'],
      ['Eindhoven', '56## LL'],
      ['Groningen', '97## LL'],
    ],
    streets: ['Kerkstraat', 'Prinsengracht', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Oudegracht', 'Lindenlaan'],
    address: numberAfter,
  },
  {
    code: 'FR',
    weight: 11,
    first: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Gabriel', 'Manon', 'Arthur', 'Inès', 'Jules', 'Sarah', 'Théo'],
    last: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
      'Laurent',
      'Lefèvre',
    ],
    cities: [
      ['Paris', '750##'],
      ['Lyon', '6900#'],
      ['Marseille', '130##'],
      ['Toulouse', '3100#'],
      ['Lille', '5900#'],
      ['Bordeaux', '3300#'],
      ['Nantes', '4400#'],
    ],
    streets: [
      'rue de la République',
      'avenue Jean Jaurès',
      'rue Victor Hugo',
      'boulevard Voltaire',
      'rue des Écoles',
      'place du Marché',
    ],
    address: (street, n) => `${n} ${street}`,
  },
  {
    code: 'ES',
    weight: 10,
    first: [
      'Lucía',
      'Hugo',
      'Martina',
      'Pablo',
      'Sofía',
      'Daniel',
      'Paula',
      'Alejandro',
      'Carmen',
      'Javier',
      'Elena',
      'Marcos',
    ],
    last: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martínez',
      'Sánchez',
      'Pérez',
      'Romero',
      'Navarro',
      'Torres',
      'Ruiz',
    ],
    cities: [
      ['Madrid', '280##'],
      ['Barcelona', '080##'],
      ['Valencia', '460##'],
      ['Sevilla', '410##'],
      ['Bilbao', '480##'],
      ['Málaga', '290##'],
    ],
    streets: [
      'Calle Mayor',
      'Avenida de la Constitución',
      'Calle Real',
      'Paseo de Gracia',
      'Calle de Alcalá',
      'Calle del Sol',
    ],
    address: (street, n) => `${street}, ${n}`,
  },
  {
    code: 'AT',
    weight: 7,
    first: ['Florian', 'Lena', 'David', 'Sarah', 'Elias', 'Johanna', 'Simon', 'Magdalena', 'Fabian', 'Valentina'],
    last: ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Pichler', 'Steiner', 'Moser', 'Mayer', 'Hofer', 'Leitner'],
    cities: [
      ['Wien', '1###'],
      ['Graz', '80##'],
      ['Linz', '40##'],
      ['Salzburg', '50##'],
      ['Innsbruck', '60##'],
    ],
    streets: ['Mariahilfer Straße', 'Landstraße', 'Herrengasse', 'Getreidegasse', 'Schulgasse'],
    address: numberAfter,
  },
  {
    code: 'BE',
    weight: 6,
    first: ['Noah', 'Olivia', 'Arthur', 'Louise', 'Lars', 'Marie', 'Wout', 'Elise', 'Victor', 'Nina'],
    last: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Dubois', 'Lambert', 'Goossens'],
    cities: [
      ['Bruxelles', '10##'],
      ['Antwerpen', '20##'],
      ['Gent', '90##'],
      ['Leuven', '30##'],
      ['Liège', '40##'],
    ],
    streets: ['Kerkstraat', 'Rue Neuve', 'Meir', 'Veldstraat', 'Avenue Louise', 'Stationsstraat'],
    address: numberAfter,
  },
  {
    code: 'IT',
    weight: 6,
    first: [
      'Giulia',
      'Leonardo',
      'Sofia',
      'Francesco',
      'Aurora',
      'Alessandro',
      'Chiara',
      'Matteo',
      'Giorgia',
      'Lorenzo',
    ],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    cities: [
      ['Milano', '201##'],
      ['Roma', '001##'],
      ['Torino', '101##'],
      ['Bologna', '401##'],
      ['Firenze', '501##'],
    ],
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Dante', 'Via Mazzini', 'Via Verdi'],
    address: (street, n) => `${street} ${n}`,
  },
  {
    code: 'PL',
    weight: 4,
    first: ['Zuzanna', 'Jakub', 'Julia', 'Antoni', 'Maja', 'Jan', 'Hanna', 'Szymon', 'Alicja', 'Filip'],
    last: ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowska', 'Zieliński'],
    cities: [
      ['Warszawa', '00-###'],
      ['Kraków', '30-###'],
      ['Wrocław', '50-###'],
      ['Gdańsk', '80-###'],
      ['Poznań', '60-###'],
    ],
    streets: ['ul. Długa', 'ul. Marszałkowska', 'ul. Floriańska', 'ul. Piotrkowska', 'ul. Ogrodowa'],
    address: numberAfter,
  },
  {
    code: 'DK',
    weight: 2,
    first: ['Freja', 'William', 'Ida', 'Oscar', 'Emma', 'Magnus'],
    last: ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Larsen'],
    cities: [
      ['København', '1###'],
      ['Aarhus', '8000'],
      ['Odense', '5000'],
    ],
    streets: ['Strøget', 'Nørrebrogade', 'Vesterbrogade', 'Algade'],
    address: numberAfter,
  },
  {
    code: 'SE',
    weight: 2,
    first: ['Astrid', 'Elias', 'Alice', 'Hugo', 'Maja', 'Oliver'],
    last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Lindqvist'],
    cities: [
      ['Stockholm', '11# ##'],
      ['Göteborg', '41# ##'],
      ['Malmö', '21# ##'],
    ],
    streets: ['Drottninggatan', 'Storgatan', 'Kungsgatan', 'Västerlånggatan'],
    address: numberAfter,
  },
  {
    code: 'IE',
    weight: 2,
    first: ['Aoife', 'Conor', 'Niamh', 'Seán', 'Ciara', 'Liam'],
    last: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Byrne', 'Ryan'],
    cities: [
      ['Dublin', 'D0# L###'],
      ['Cork', 'T12 L###'],
      ['Galway', 'H91 L###'],
    ],
    streets: ['Main Street', 'Grafton Street', 'Church Road', 'Patrick Street'],
    address: (street, n) => `${n} ${street}`,
  },
];

export interface DemoCompany {
  name: string;
  contact: string;
  email: string;
  country: string;
  city: string;
  postalCode: string;
  line1: string;
  /** Relative order frequency. */
  weight: number;
}

export const COMPANIES: DemoCompany[] = [
  {
    name: 'Müller Bürobedarf GmbH',
    contact: 'Sabine Müller',
    email: 'einkauf@mueller-buerobedarf.example.com',
    country: 'DE',
    city: 'Köln',
    postalCode: '50667',
    line1: 'Hohe Straße 41',
    weight: 5,
  },
  {
    name: 'TechStart Berlin GmbH',
    contact: 'Jonas Weber',
    email: 'office@techstart-berlin.example.com',
    country: 'DE',
    city: 'Berlin',
    postalCode: '10997',
    line1: 'Schlesische Straße 26',
    weight: 6,
  },
  {
    name: 'Hotel Seeblick GmbH',
    contact: 'Martina Huber',
    email: 'einkauf@hotel-seeblick.example.com',
    country: 'AT',
    city: 'Salzburg',
    postalCode: '5020',
    line1: 'Seestraße 3',
    weight: 3,
  },
  {
    name: 'Van Dijk Kantoorartikelen B.V.',
    contact: 'Pieter van Dijk',
    email: 'inkoop@vandijk-kantoor.example.com',
    country: 'NL',
    city: 'Utrecht',
    postalCode: '3511 LX',
    line1: 'Vredenburg 12',
    weight: 4,
  },
  {
    name: 'Fitness Factory Rotterdam B.V.',
    contact: 'Sanne Bakker',
    email: 'orders@fitnessfactory.example.com',
    country: 'NL',
    city: 'Rotterdam',
    postalCode: '3012 CN',
    line1: 'Coolsingel 88',
    weight: 3,
  },
  {
    name: 'Brouwerij De Kroon BV',
    contact: 'Wout Peeters',
    email: 'aankoop@brouwerij-dekroon.example.com',
    country: 'BE',
    city: 'Leuven',
    postalCode: '3000',
    line1: 'Brusselsestraat 17',
    weight: 3,
  },
  {
    name: 'Atelier Lumière SARL',
    contact: 'Claire Dubois',
    email: 'achats@atelier-lumiere.example.com',
    country: 'FR',
    city: 'Lyon',
    postalCode: '69002',
    line1: '14 rue Mercière',
    weight: 2,
  },
  {
    name: 'Suministros Ibéricos S.L.',
    contact: 'Javier Romero',
    email: 'compras@suministros-ibericos.example.com',
    country: 'ES',
    city: 'Valencia',
    postalCode: '46002',
    line1: 'Calle de Colón, 22',
    weight: 3,
  },
  {
    name: 'Agencia Sol y Mar S.L.',
    contact: 'Lucía Navarro',
    email: 'pedidos@solymar-agencia.example.com',
    country: 'ES',
    city: 'Málaga',
    postalCode: '29015',
    line1: 'Calle Larios, 9',
    weight: 2,
  },
  {
    name: 'Studio Verde S.r.l.',
    contact: 'Giulia Ricci',
    email: 'ordini@studioverde.example.com',
    country: 'IT',
    city: 'Milano',
    postalCode: '20121',
    line1: 'Via Brera 5',
    weight: 2,
  },
  {
    name: 'Nordlicht Events GmbH',
    contact: 'Tobias Krüger',
    email: 'events@nordlicht-events.example.com',
    country: 'DE',
    city: 'Hamburg',
    postalCode: '20457',
    line1: 'Am Sandtorkai 50',
    weight: 4,
  },
  {
    name: 'Kletterhalle Südwand e.V.',
    contact: 'Katrin Wolf',
    email: 'shop@suedwand-kletterhalle.example.com',
    country: 'DE',
    city: 'München',
    postalCode: '81379',
    line1: 'Thalkirchner Straße 110',
    weight: 2,
  },
  {
    name: 'Universitätsbuchhandlung Leipzig',
    contact: 'Jan Richter',
    email: 'bestellung@unibuch-leipzig.example.com',
    country: 'DE',
    city: 'Leipzig',
    postalCode: '04109',
    line1: 'Grimmaische Straße 2',
    weight: 2,
  },
  {
    name: 'Café Central Wien GmbH',
    contact: 'Florian Gruber',
    email: 'einkauf@cafecentral-wien.example.com',
    country: 'AT',
    city: 'Wien',
    postalCode: '1010',
    line1: 'Herrengasse 14',
    weight: 1,
  },
];

export const WEB_NOTES = [
  "Please leave the parcel with a neighbour if I'm not home.",
  'It is a gift: please do not include the invoice.',
  'Doorbell is broken, please knock.',
  'Please deliver after 5 pm if possible.',
  'Gift wrap, please!',
  'Side entrance, second floor.',
];

export const B2B_NOTES = [
  'Deliver to loading dock, Mon-Fri 8-16.',
  'For our team offsite, needed by the end of next week.',
  'Please send the invoice to accounting.',
  'Partial deliveries are fine.',
];

export const HOLD_REASONS_PENDING = [
  'Payment review: billing and shipping address differ',
  'Address could not be verified, customer contacted',
  'Fraud check: unusually large first order',
  'Customer asked us to wait before shipping',
];

export const HOLD_REASONS_B2B = [
  'Credit limit check pending',
  'Awaiting VAT ID confirmation',
  'Waiting for purchase order number from customer',
];

export const HOLD_REASONS_CONFIRMED = [
  'Customer requested a later delivery date',
  'Address correction requested by customer',
  'Carrier pickup suspended for this postcode',
];

export const HOLD_REASONS_PARTIAL = [
  'Customer asked to hold the remaining items until they are back from holiday',
  'Remaining items held: customer is checking the size',
];

export const CANCEL_REASONS_PENDING = [
  'Customer changed their mind',
  'Duplicate order',
  'Ordered the wrong size, customer placed a new order',
  'Customer found a cheaper offer',
];

export const CANCEL_REASONS_MARKET = [
  'Cancelled by marketplace: buyer request',
  'Cancelled by marketplace: payment not completed',
];

export const CANCEL_REASONS_HOLD = ['Fraud check failed', 'Address could not be verified', 'Customer did not respond'];

export const CANCEL_REASONS_CONFIRMED = [
  'Customer requested cancellation before dispatch',
  'Customer no longer needs the items',
];

export const RETURN_REASONS = [
  { reason: 'Does not fit', restock: true },
  { reason: 'Changed my mind', restock: true },
  { reason: 'Colour differs from the photos', restock: true },
  { reason: 'Ordered two sizes, keeping one', restock: true },
  { reason: 'Arrived damaged', restock: false },
  { reason: 'Defective zipper', restock: false },
] as const;
