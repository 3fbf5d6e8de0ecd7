import { forbidden, unauthenticated } from '../../common/src/index.js';
import { StaffRole } from './caller.js';
/** The caller as staff, or UNAUTHENTICATED / FORBIDDEN. */
export function requireStaff(caller, roles = []) {
    if (caller.kind === 'guest')
        throw unauthenticated();
    if (caller.kind !== 'staff')
        throw forbidden('Staff only');
    if (roles.length && !roles.includes(caller.role))
        throw forbidden(`Requires role ${roles.join(' or ')}`);
    return caller;
}
/** Admins act everywhere; managers and associates only at their home location. */
export function canActAt(staff, locationId) {
    return staff.role === StaffRole.ADMIN || staff.locationId === locationId;
}
export function requireActsAt(caller, locationId, roles = []) {
    const staff = requireStaff(caller, roles);
    if (!canActAt(staff, locationId))
        throw forbidden('Staff act only at their own location');
    return staff;
}
/** The caller as a signed-in customer, or UNAUTHENTICATED / FORBIDDEN. */
export function requireCustomer(caller) {
    if (caller.kind === 'guest')
        throw unauthenticated();
    if (caller.kind !== 'customer')
        throw forbidden('Customers only');
    return caller;
}
//# sourceMappingURL=access.js.map