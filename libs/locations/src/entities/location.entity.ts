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

  @Column('varchar', { name: 'time_zone' })
  timeZone: string;

  @Column('jsonb', { name: 'opening_hours' })
  openingHours: OpeningHoursSlot[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
