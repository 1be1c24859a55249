export { ContactError } from './contact.errors.js';
export { ContactLimiter } from './contact-limiter.js';
export { contactSettings, checkContactSettings, saveContactSettings, contactPageChoices, type ContactSettings } from './contact-settings.js';
export { submitContactMessage, contactFormToken, CONTACT_LIMITS, type ContactFormInput, type ContactOutcome } from './contact.service.js';
export { listInbox, getInboxMessage, updateInbox, type InboxMessage, type InboxAction, type InboxFilter } from './inbox.js';
export { issueFormToken, checkFormToken, MIN_FILL_MS, MAX_FORM_AGE_MS } from './form-token.js';
export { siteSecret } from './site-secret.js';
