// The public face of src/campaign/: what the other folders use of it. Each file of the folder says what it holds.
export { acceptsSubmission, categoriesOf, choiceMenu, choicesOf, deadlineOf, fieldWithRole, findForm, formsFor } from './forms.js';
export { guideFileName, guideMessages, guideText } from './guide.js';
export { withoutInvisible } from './invisible.js';
export { CampaignError, parseCampaign } from './parse.js';
export { reminderSteps } from './reminder-plan.js';
export { id } from './schema-basics.js';
export { CategorySchema, MESSAGE_KEYS, UnitKindSchema } from './schema.js';
export type {
  Campaign,
  Category,
  ChatterRules,
  Choice,
  ChoiceField,
  CommandWords,
  Exports,
  Field,
  Form,
  ListField,
  MediaField,
  MessageKey,
  ScalarField,
  TextField,
  UnitKind,
} from './schema.js';
export { catalogueSchema, SEPARATOR } from './sentence.js';
export type { Catalogue, Placeholders, Texts } from './sentence.js';
export { countChars, excerpt, fill, megabytes } from './text.js';
export type { Vars } from './text.js';
export { formatDate, formatDateTime, formatDuration, formatTimeLeft, localDay, parseLocal } from './time.js';
export { describeIssues } from './zod-errors.js';
export { withoutCityMark } from './city.js';
