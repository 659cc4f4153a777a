// Who the admins are now. The desk, the digests and the notes to admins ask at each use, so that an admin
// invited, bound or removed by `npm run admin` in another process counts at once, without a restart.
import type { Admin } from './scope.js';

export interface AdminDirectory {
  /** every admin, each contact id once */
  list(): Promise<Admin[]>;
  /** the admin of that contact id, if it is one */
  find(contactId: string): Promise<Admin | undefined>;
}

/** A directory that never changes: the ADMINS setting alone, or a test's admins. */
export function fixedDirectory(admins: readonly Admin[]): AdminDirectory {
  const byId = new Map(admins.map((admin) => [admin.id, admin]));
  return {
    list: async () => [...byId.values()],
    find: async (contactId) => byId.get(contactId),
  };
}

/** The ADMINS setting beside the admins the database holds; a contact id in both keeps the setting's scope. */
export function withSettingAdmins(setting: readonly Admin[], stored: AdminDirectory): AdminDirectory {
  const fixed = fixedDirectory(setting);
  return {
    async list() {
      const first = await fixed.list();
      const ids = new Set(first.map((admin) => admin.id));
      return [...first, ...(await stored.list()).filter((admin) => !ids.has(admin.id))];
    },
    async find(contactId) {
      return (await fixed.find(contactId)) ?? stored.find(contactId);
    },
  };
}
