/**
 * Ordinary names and places for synthetic beneficiaries. Common US given names of people born
 * 1935–1960 and common surnames (US Census lists); none is a real beneficiary.
 */

/** Given names for women. */
export const FEMALE_NAMES = [
  'Mary', 'Patricia', 'Linda', 'Barbara', 'Elizabeth', 'Jennifer', 'Maria', 'Susan', 'Margaret',
  'Dorothy', 'Lisa', 'Nancy', 'Karen', 'Betty', 'Helen', 'Sandra', 'Donna', 'Carol', 'Ruth', 'Sharon',
  'Michelle', 'Laura', 'Sarah', 'Kimberly', 'Deborah', 'Jessica', 'Shirley', 'Cynthia', 'Angela',
  'Melissa', 'Brenda', 'Virginia', 'Kathleen', 'Pamela', 'Martha', 'Debra', 'Joyce', 'Judith', 'Rose',
  'Janet', 'Gloria', 'Ann', 'Frances', 'Evelyn', 'Diane', 'Joan', 'Cheryl', 'Alice', 'Jean', 'Rita',
] as const;

/** Given names for men. */
export const MALE_NAMES = [
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Charles', 'Joseph', 'Thomas',
  'Christopher', 'Daniel', 'Paul', 'Mark', 'Donald', 'George', 'Kenneth', 'Steven', 'Edward', 'Brian',
  'Ronald', 'Anthony', 'Kevin', 'Jason', 'Gary', 'Timothy', 'Jose', 'Larry', 'Jeffrey', 'Frank', 'Scott',
  'Eric', 'Stephen', 'Andrew', 'Raymond', 'Gregory', 'Joshua', 'Jerry', 'Dennis', 'Walter', 'Patrick',
  'Peter', 'Harold', 'Douglas', 'Henry', 'Carl', 'Arthur', 'Roger', 'Gerald', 'Lawrence',
] as const;

/** Family names. */
export const FAMILY_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Phillips',
  'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers',
] as const;

/** States with a typical 5-digit ZIP prefix (Patient.address carries state and postalCode only). */
export const PLACES: readonly { state: string; zip3: string }[] = [
  { state: 'AL', zip3: '352' }, { state: 'AZ', zip3: '850' }, { state: 'CA', zip3: '921' },
  { state: 'CA', zip3: '945' }, { state: 'CO', zip3: '802' }, { state: 'FL', zip3: '331' },
  { state: 'FL', zip3: '327' }, { state: 'GA', zip3: '303' }, { state: 'IL', zip3: '606' },
  { state: 'IN', zip3: '462' }, { state: 'KY', zip3: '402' }, { state: 'MA', zip3: '021' },
  { state: 'MD', zip3: '212' }, { state: 'MI', zip3: '482' }, { state: 'MN', zip3: '554' },
  { state: 'MO', zip3: '631' }, { state: 'NC', zip3: '276' }, { state: 'NJ', zip3: '070' },
  { state: 'NY', zip3: '112' }, { state: 'NY', zip3: '142' }, { state: 'OH', zip3: '441' },
  { state: 'OR', zip3: '972' }, { state: 'PA', zip3: '191' }, { state: 'SC', zip3: '294' },
  { state: 'TN', zip3: '372' }, { state: 'TX', zip3: '770' }, { state: 'TX', zip3: '782' },
  { state: 'VA', zip3: '232' }, { state: 'WA', zip3: '981' }, { state: 'WI', zip3: '532' },
];

/** The leak-test canary: BBUser29999 always carries this name. */
export const CANARY = { number: 29_999, givenName: 'Zyx', familyName: 'Canaryname' } as const;
