import type { Role, SessionStatus } from '@parley/protocol';

/** The console's language: every text a person reads is here, so that it can be translated in one place. */
export const locale = 'en';

export const text = {
  brand: 'Parley',
  loading: 'Loading…',
  errors: {
    offline: 'Parley cannot be reached just now. Check the connection and try again.',
    status: (status: number) => `Parley answered with an error (${status}). Try again.`,
  },
  signIn: {
    title: 'Sign in to Parley',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    ended: 'Your sign-in has ended. Sign in again.',
    signedOut: 'You have signed out.',
    signedOutEverywhere: 'You have signed out on every device.',
    closed: (reason: string) =>
      reason.startsWith('token expired')
        ? 'Your sign-in has expired. Sign in again.'
        : reason.startsWith('password changed')
          ? 'Your password was changed. Sign in with the new one.'
          : reason.startsWith('signed out everywhere')
            ? 'You were signed out on every device. Sign in again.'
            : reason.startsWith('account deactivated')
              ? 'Your account has been deactivated. Ask an admin.'
              : 'Your sign-in has ended. Sign in again.',
  },
  password: {
    title: 'Choose your password',
    forced: 'You signed in with a password Parley chose. Choose your own before you go on.',
    current: 'Current password',
    next: 'New password',
    repeat: 'New password again',
    rules: 'At least 12 characters, not your email address.',
    submit: 'Save the password',
    mismatch: 'The two new passwords are not the same.',
  },
  actions: {
    cancel: 'Cancel',
  },
  account: {
    changePassword: 'Change password',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out everywhere',
  },
  roles: { admin: 'admin', agent: 'agent' } satisfies Record<Role, string>,
  nav: {
    label: 'Console',
    inbox: 'Inbox',
    visitors: (count: number) => `Live visitors (${count})`,
  },
  visitors: {
    title: 'Live visitors',
    hint: 'Everyone on your sites now with the chat on the page, longest there first. Start a chat and the widget opens with your message.',
    list: 'Visitors on the sites',
    none: 'Nobody is on the sites right now.',
    unknownPage: 'A page without an address',
    since: (ago: string) => `arrived ${ago}`,
    from: (referrer: string) => `came from ${referrer}`,
    direct: 'came directly',
    returning: 'returning visitor',
    firstVisit: 'first visit',
    start: 'Start a chat',
    message: 'First message to this visitor',
    send: 'Send and open the chat',
  },
  connection: {
    connecting: 'Connecting to Parley…',
    reconnecting: 'The connection to Parley was lost. Reconnecting…',
  },
  presence: {
    label: 'Your status',
    online: 'Online',
    away: 'Away',
    offline: 'Offline',
    capacity: 'Chats at once',
    unknown: 'Status unknown',
  },
  inbox: {
    label: 'Conversations',
    list: 'Conversation list',
    views: 'Inbox views',
    view: { mine: 'Mine', unassigned: 'Unassigned', resolved: 'Resolved', all: 'All' },
    unread: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
    search: 'Search by visitor name or email',
    failed: (why: string) => `The conversations could not be loaded: ${why}`,
    noMatch: 'No conversation matches the search.',
    empty: {
      mine: 'No conversation is yours right now.',
      unassigned: 'Nobody is waiting for a person.',
      resolved: 'No resolved conversation yet.',
      all: 'No conversation yet.',
    },
    previous: 'Previous',
    next: 'Next',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    waiting: (since: string) => `waiting since ${since}`,
  },
  status: {
    active: 'With the assistant',
    waiting_agent: 'Waiting for a person',
    assigned: 'With an agent',
    resolved: 'Resolved',
    closed: 'Closed',
  } satisfies Record<SessionStatus, string>,
  conversation: {
    none: 'Choose a conversation to read it here.',
    gone: 'This conversation is not in your inbox (any more).',
    label: (visitor: string) => `Conversation with ${visitor}`,
    take: 'Take',
    release: 'Hand back',
    resolve: 'Resolve',
    ended: 'This conversation has ended.',
    transcript: 'Messages',
    note: 'Internal note · only agents see this',
    visitorTyping: 'The visitor is typing…',
    agentTyping: (name: string) => `${name} is typing…`,
    visitor: 'Visitor',
    assistant: 'Assistant',
    agent: 'Agent',
    notice: 'Notice',
    anonymous: (id: string) => `Visitor ${id}`,
    summary: {
      label: 'Summary at handoff',
      by: 'Written by the assistant from the conversation when the visitor was handed over.',
    },
  },
  visitor: {
    label: 'About the visitor',
    name: 'Name',
    email: 'Email',
    page: 'Page',
    referrer: 'Came from',
    locale: 'Language',
    started: 'Started',
    rating: 'Rating',
    stars: (score: number, comment: string | null) => `${score} of 5${comment ? `: ${comment}` : ''}`,
    unknown: '—',
    browser: 'Browser',
    earlier: 'Other conversations',
    noEarlier: 'None with this email address.',
    tickets: 'Offline messages',
    noTickets: 'None.',
    historyFailed: (why: string) => `The visitor's history could not be loaded: ${why}`,
  },
  composer: {
    mode: 'Write',
    reply: 'Reply',
    note: 'Internal note',
    replyLabel: 'Message to the visitor',
    noteLabel: 'Note for the agents',
    replyHint: 'Write to the visitor. Enter sends, Shift+Enter adds a line.',
    noteHint: 'Only agents see notes. Enter adds it.',
    send: 'Send',
    addNote: 'Add note',
  },
};
