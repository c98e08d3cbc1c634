// The signed-in person as the rest of the app sees them. A type only, so billing and auth can
// both name it without importing each other.
export type Viewer = { userId: string; email: string; name: string; emailVerified: boolean };
