import { describe, expect, it } from 'vitest';
import { claim, fill } from './__fixtures__/build.test-support';
import { largestClaims, recentClaims, recentPrescriptions } from './dashboard-lists';

const TODAY = '2026-01-15';

describe('largestClaims', () => {
  const claims = [
    claim('x', 'carrier', '2025-03-01', { billed: 50 }),
    claim('big', 'inpatient', '2025-02-01', { billed: 10000, medicarePaid: 8000, youPaid: 1600 }),
    claim('y', 'carrier', '2025-05-01', { billed: 50 }),
    claim('old', 'inpatient', '2025-01-31', { billed: 99999 }), // before the last 12 months
    claim('z', 'carrier', '2025-05-01', { billed: 50 }),
    claim('undated', 'snf', null, { billed: 20000 }),
    claim('w', 'outpatient', '2025-12-31', { billed: 300.005 }),
  ];

  it('lists the period by billed, largest first; ties newer first, then by id', () => {
    expect(largestClaims(claims, { kind: '12m' }, TODAY).map((c) => c.id)).toEqual([
      'big',
      'w',
      'y',
      'z',
      'x',
    ]);
  });

  it('keeps n and gives each item only what a list shows', () => {
    expect(largestClaims(claims, { kind: 'all' }, TODAY, 2)).toEqual([
      {
        id: 'old',
        type: 'inpatient',
        label: 'Hospital stays',
        serviceStart: '2025-01-31',
        provider: null,
        billed: 99999,
        medicarePaid: 0,
        youPaid: 0,
      },
      {
        id: 'undated',
        type: 'snf',
        label: 'Skilled nursing facility',
        serviceStart: null,
        provider: null,
        billed: 20000,
        medicarePaid: 0,
        youPaid: 0,
      },
    ]);
    expect(largestClaims(claims, { kind: '12m' }, TODAY, 1)[0]?.billed).toBe(10000);
  });

  it('rounds each amount to cents', () => {
    expect(largestClaims(claims, { kind: 'year', year: 2025 }, TODAY).find((c) => c.id === 'w')?.billed).toBe(
      300.01,
    );
  });

  it('gives nothing for n of 0 or less, or a period without claims', () => {
    expect(largestClaims(claims, { kind: 'all' }, TODAY, 0)).toEqual([]);
    expect(largestClaims(claims, { kind: 'all' }, TODAY, -2)).toEqual([]);
    expect(largestClaims(claims, { kind: 'year', year: 2019 }, TODAY)).toEqual([]);
  });
});

describe('recentClaims', () => {
  const claims = [
    claim('a', 'carrier', '2025-03-01', {}, { provider: { name: 'Dr. Ada Ruiz', npi: '1' } }),
    claim('b', 'outpatient', null),
    claim(
      'c',
      'inpatient',
      '2025-06-01',
      {},
      { provider: { name: null, npi: '2' }, facility: { name: 'General Hospital', npi: '3', kind: null } },
    ),
    claim('d', 'dme', '2025-06-01'),
    claim('e', 'pde', '2024-01-01'),
  ];

  it('lists the newest first, same-day claims by id descending, undated last', () => {
    expect(recentClaims(claims, 10).map((c) => c.id)).toEqual(['d', 'c', 'a', 'e', 'b']);
    expect(recentClaims(claims).map((c) => c.id)).toEqual(['d', 'c', 'a', 'e', 'b']);
    expect(recentClaims(claims, 2).map((c) => c.id)).toEqual(['d', 'c']);
  });

  it('names the provider, else the facility, else nobody', () => {
    const byId = new Map(recentClaims(claims).map((c) => [c.id, c.provider]));
    expect(byId.get('a')).toBe('Dr. Ada Ruiz');
    expect(byId.get('c')).toBe('General Hospital');
    expect(byId.get('d')).toBeNull();
  });

  it('keeps only five by default', () => {
    const many = Array.from({ length: 8 }, (_, i) => claim(`k${i}`, 'carrier', `2025-01-0${i + 1}`));
    expect(recentClaims(many).map((c) => c.id)).toEqual(['k7', 'k6', 'k5', 'k4', 'k3']);
  });
});

describe('recentPrescriptions', () => {
  it('lists the newest fills first with what a list shows', () => {
    const fills = [
      fill('pde-1', '2025-01-05', { patientPaid: 4.5, planPaid: 20, totalCost: 24.5 }),
      fill('pde-3', null),
      fill(
        'pde-2',
        '2025-07-01',
        { patientPaid: 10, planPaid: 90.004, totalCost: 100.004 },
        {
          drugName: 'Metformin - METFORMIN HCL',
          daysSupply: 30,
          pharmacy: { name: 'Main St Pharmacy', npi: '9' },
        },
      ),
      fill('pde-10', '2025-01-05'),
    ];
    expect(recentPrescriptions(fills, 3)).toEqual([
      {
        id: 'pde-2',
        date: '2025-07-01',
        drugName: 'Metformin - METFORMIN HCL',
        daysSupply: 30,
        pharmacy: 'Main St Pharmacy',
        totalCost: 100,
        planPaid: 90,
        youPaid: 10,
      },
      {
        id: 'pde-10',
        date: '2025-01-05',
        drugName: null,
        daysSupply: null,
        pharmacy: null,
        totalCost: 0,
        planPaid: 0,
        youPaid: 0,
      },
      {
        id: 'pde-1',
        date: '2025-01-05',
        drugName: null,
        daysSupply: null,
        pharmacy: null,
        totalCost: 24.5,
        planPaid: 20,
        youPaid: 4.5,
      },
    ]);
    expect(recentPrescriptions(fills).map((p) => p.id)).toEqual(['pde-2', 'pde-10', 'pde-1', 'pde-3']);
  });
});
