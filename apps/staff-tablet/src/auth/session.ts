// The signed-in staff member, kept in localStorage so a reload (or a tablet waking up) keeps the session.
// The API has no staff `me` query: what staffLogin answered is what the app knows about the member.

export type StaffRole = 'ADMIN' | 'MANAGER' | 'ASSOCIATE';

export interface Session {
  token: string;
  staff: {
    id: string;
    email: string;
    name?: string | null;
    role: StaffRole;
    location?: { id: string; name: string; code: string; geo: { lat: number; lng: number } } | null;
  };
}

const KEY = 'staff-tablet.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export const isManager = (s: Session | null): boolean => s?.staff.role === 'MANAGER' || s?.staff.role === 'ADMIN';

/** The store's position as a GeoPointInput: only lat and lng (urql adds __typename to what it reads, and the API refuses unknown input fields). */
export const storeGeo = (s: Session): { lat: number; lng: number } => ({
  lat: s.staff.location?.geo.lat ?? 0,
  lng: s.staff.location?.geo.lng ?? 0,
});
