## The account page
account-title = Your account
account-signed-in-as = Signed in as { $email }
account-profile-title = Profile
account-field-language = Language of the pages
account-language-from-browser = From my browser
account-field-timezone = Time zone
account-timezone-from-browser = From my browser
account-profile-submit = Save profile
account-password-title = Password
account-field-current-password = Current password
account-field-new-password = New password
account-password-other-sessions = Changing it signs you out on every other device; you stay signed in here.
account-password-submit = Change password
account-sessions-title = Sessions
account-sessions-explained = Signed in on a computer you no longer use, or lost a phone? Sign out on every device, this one included.
account-sessions-submit = Sign out everywhere
account-close-title = Close your account
account-close-explained = Closing your account removes your name and email. It cannot be undone.
account-close-link = Close your account…
account-close-what-happens = When you close your account:
account-close-leaves = you leave your organizations, rooms and upcoming events, and every session ends;
account-close-keeps = what you wrote stays, shown as written by a deleted account;
account-close-final = it cannot be undone.
account-field-confirm-password = Your password, to confirm
account-close-submit = Close my account
account-close-cancel = Keep my account
account-close-last-owner = You are the only owner of { $organizations }. Make someone else an owner first.
account-close-last-admin = You are the last administrator. Make someone else an administrator first.

## Notices after account actions
notice-profile-saved = Your profile is saved.
notice-password-changed = Your password is changed. Your other devices are signed out.
notice-signed-out-everywhere = You are signed out on every device.
notice-account-closed = Your account is closed.

## Messages of the profile's checks (key: v- and the English message as a slug)
v-must-be-at-most-100-characters = Use at most 100 characters.
v-is-not-a-language-the-pages-are-offered-in = Choose one of the languages in the list.
v-must-be-an-iana-time-zone-name-e-g-europe-madrid = Choose a time zone from the list.

## The home page
home-join-title = Join the cities
home-join-text = Create an account to share your city's practices, register for workshops and meet in live rooms.
home-join-sign-up = Create an account
home-join-sign-in = I have an account
home-my-registrations = Your registrations
home-my-registrations-none = You are not registered for any upcoming event.
home-registration-seat = You have a seat
home-registration-waitlisted = Waitlist: number { $position }
home-my-rooms = Your rooms
home-my-rooms-none = No rooms yet.
home-my-organizations = Your organizations
home-my-organizations-none = You are not a member of an organization yet.
home-browse-organizations = Find your city
home-role-owner = Owner
home-role-editor = Editor
home-role-member = Member
home-latest-practices = Latest practices
home-latest-practices-none = No practices are published yet.
home-all-practices = All practices
home-upcoming-events = Upcoming events
home-upcoming-events-none = No events are planned yet.
home-all-events = All events
home-event-own-time = { $time } in { $zone }
