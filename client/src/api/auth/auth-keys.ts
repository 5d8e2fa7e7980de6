/** Every auth query and mutation key comes from here. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  login: () => [...authKeys.all, 'login'] as const,
  logout: () => [...authKeys.all, 'logout'] as const,
  changePassword: () => [...authKeys.all, 'change-password'] as const,
};

/** The user's sessions: not under `auth`, so signing out forgets them with the rest of the user's data. */
export const sessionKeys = {
  all: ['sessions'] as const,
  list: () => [...sessionKeys.all, 'list'] as const,
};
