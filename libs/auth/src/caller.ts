import { registerEnumType } from '@nestjs/graphql';
import type { HasLoaders } from '@app/common';

export enum SalesChannel {
  WEB = 'WEB',
  APP = 'APP',
  STORE = 'STORE',
}
registerEnumType(SalesChannel, { name: 'SalesChannel', description: 'The client a request comes from (x-channel header).' });

export enum StaffRole {
  ASSOCIATE = 'ASSOCIATE',
  MANAGER = 'MANAGER',
  ADMIN = 'ADMIN',
}
registerEnumType(StaffRole, { name: 'StaffRole' });

export type Guest = { kind: 'guest' };
export type CustomerCaller = { kind: 'customer'; customerId: string };
export type StaffCaller = { kind: 'staff'; staffId: string; role: StaffRole; locationId: string | null };
/** Who is calling: decided once per request from the bearer token. */
export type Caller = Guest | CustomerCaller | StaffCaller;

/** What every resolver and service gets about the request. */
export interface RequestContext extends HasLoaders {
  requestId: string;
  channel: SalesChannel;
  caller: Caller;
  /** The HTTP request and response (absent on WebSocket operations); the rate limiter reads and writes headers there. */
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string };
  res?: { header(name: string, value: unknown): unknown };
}

export const isStaff = (c: Caller): c is StaffCaller => c.kind === 'staff';
export const isCustomer = (c: Caller): c is CustomerCaller => c.kind === 'customer';
