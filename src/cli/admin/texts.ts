// What `npm run admin` prints, for the operator who runs the bot (in Chinese, each with the command to run
// next): the keys and their placeholders here, the sentences in texts/operator.yaml (admin). The sentence
// the admin sends is made from the campaign's own word for it (admin.commands.claim).
import { type Catalogue, SEPARATOR } from '../../campaign/index.js';
import { operatorTexts } from '../../texts/index.js';

/** What an invitation's sentences are filled with. */
const INVITATION = ['name', 'scope', 'code!', 'expires'] as const;
/** What a place the roster does not have as given is checked with. */
const PLACE = ['kind', 'place!', 'name', 'option'] as const;
/** What a line of the list is filled with. */
const LISTED = ['name!', 'scope', 'contact', 'at', 'expires'] as const;
const REMOVED = ['name!', 'scope', 'contact'] as const;

export const ADMIN_TEXTS = {
  help: ['days'],
  usage: ['reason!'],
  missingCommand: [],
  unknownCommand: ['command'],
  missingName: ['command'],
  badName: ['name'],
  extraArgument: ['argument'],
  badOption: ['reason!'],
  oneScope: [],
  emptyScope: ['option', 'example'],
  scopeOnlyForInvite: [],
  invited: INVITATION,
  renewed: INVITATION,
  renewedBound: ['name', 'scope', 'code', 'expires'],
  send: ['name', 'scope', 'code', 'expires'],
  rosterEmpty: PLACE,
  placeUnknown: [...PLACE, 'known'],
  placeOtherKind: [...PLACE, 'other', 'otherOption'],
  kinds: { city: [], industry: [] },
  knownMore: ['count'],
  knownSeparator: SEPARATOR,
  examples: { city: [], industry: [] },
  listHeader: ['admins', 'pending'],
  listNone: [],
  listBound: LISTED,
  listRenewed: ['name', 'scope', 'contact', 'at', 'expires'],
  listWaiting: LISTED,
  listExpired: LISTED,
  listShadowed: [],
  listSetting: ['contact!', 'scope'],
  removed: REMOVED,
  removedInvitation: REMOVED,
  removeSetting: ['name'],
  removeNone: ['name'],
  failed: ['reason!'],
} as const satisfies Catalogue;

export function adminTexts() {
  return operatorTexts('admin', ADMIN_TEXTS);
}
