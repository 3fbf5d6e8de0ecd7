import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type LocationType = 'STORE' | 'WAREHOUSE';
export type OpeningHoursSlot = { day: string; opens: string; closes: string };

@Entity('location')
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar')
  code: string;

  @Column('varchar')
  name: string;

  @Column('varchar')
  type: LocationType;

  @Column('double precision')
  lat: number;

  @Column('double precision')
  lng: number;

  @Column('varchar', { name: 'address_line1', nullable: true })
  addressLine1: string | null;

  @Column('varchar', { name: 'address_city', nullable: true })
  addressCity: string | null;

  @Column('varchar', { name: 'address_postal_code', nullable: true })
  addressPostalCode: string | null;

  @Column('char', { name: 'address_country', nullable: true })
  addressCountry: string | null;

  @Column('boolean', { name: 'pickup_enabled' })
  pickupEnabled: boolean;

  @Column('integer', { name: 'pickup_hold_seconds' })
  pickupHoldSeconds: number;

  /** How long a pickup from this store's own shelf takes to prepare (the ready-by promise). */
  @Column('integer', { name: 'preparation_seconds' })
  preparationSeconds: number;

  /** May send delivery orders (sourcing); warehouses by default, stores only when an admin says so. */
  @Column('boolean', { name: 'ships_orders' })
  shipsOrders: boolean;

  /** Delivery fulfilments it may take on per day of its time zone; null: no limit. */
  @Column('integer', { name: 'fulfilment_capacity_per_day', nullable: true })
  fulfilmentCapacityPerDay: number | null;

  @Column('varchar', { name: 'time_zone' })
  timeZone: string;

  @Column('jsonb', { name: 'opening_hours' })
  openingHours: OpeningHoursSlot[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** LocationEntity's columns under its property names, for another domain's plain SQL that joins `alias`. */
export const locationColumns = (alias: string): string =>
  [
    'id',
    'code',
    'name',
    'type',
    'lat',
    'lng',
    ['address_line1', 'addressLine1'],
    ['address_city', 'addressCity'],
    ['address_postal_code', 'addressPostalCode'],
    ['address_country', 'addressCountry'],
    ['pickup_enabled', 'pickupEnabled'],
    ['pickup_hold_seconds', 'pickupHoldSeconds'],
    ['preparation_seconds', 'preparationSeconds'],
    ['ships_orders', 'shipsOrders'],
    ['fulfilment_capacity_per_day', 'fulfilmentCapacityPerDay'],
    ['time_zone', 'timeZone'],
    ['opening_hours', 'openingHours'],
    ['created_at', 'createdAt'],
  ]
    .map((c) => (Array.isArray(c) ? `${alias}.${c[0]} AS "${c[1]}"` : `${alias}.${c} AS "${c}"`))
    .join(', ');
